/*
 * code.h: the blue code room: issuing codes, their tokens and badges,
 * and what other rooms read of them.
 */
#ifndef CODE_H
#define CODE_H

#define RENEW_DAYS	30	/* renewable, and "expiring soon", within */

/*
 * The columns of a code, as every statement that reads whole codes
 * selects them (column numbers are those of code_xml and the admin's
 * code list), and their tables.
 */
#define CODE_COLS \
	"SELECT c.id, c.nonce, c.role, ro.name, c.region_id, g.name, " \
	"c.method, c.issued_on, c.expires_on, c.revoked_at, c.revoke_reason, " \
	"DATEDIFF(c.expires_on, CURDATE()), " \
	"DATEDIFF(c.expires_on, '1970-01-01'), c.browser, c.person_id, " \
	"p.name, p.phone_enc, j.code, c.holder_deleted, ro.name_en, " \
	"g.name_en " \
	"FROM code c JOIN role ro ON ro.code = c.role " \
	"JOIN region g ON g.id = c.region_id " \
	"JOIN jurisdiction j ON j.id = g.jurisdiction_id " \
	"LEFT JOIN person p ON p.id = c.person_id "

/* The English names of a code's role and street or town (CODE_COLS). */
#define CODE_COL_ROLE_EN	19
#define CODE_COL_REGION_EN	20

/* code.c */
int		 code_issue(struct req *, long long);
enum dberr	 code_of_attempt(struct req *, long long, struct dbres **);
int		 code_current_xml(struct req *, xmlNodePtr, const char *);
char		*code_row_token(struct req *, const struct dbres *, size_t);
int		 code_list_xml(struct req *, xmlNodePtr);

/* sign.c: the signed token a code's QR carries. */
#define TOK_PAYLOAD	26
#define CODE_TOKEN_LEN	120	/* base64url of payload and signature */

struct codetok {
	long long	 id;
	const char	*role;
	long long	 region_id;
	long long	 expires_days;
	unsigned char	 nonce[16];
};

void		 sign_init(const unsigned char[32]);
void		 sign_pubkey(char[64]);
int		 role_index(const char *);
char		*code_token(struct pool *, const struct codetok *);
int		 code_token_parse(const char *, struct codetok *);

/* badge_serve.c: badges as a holder downloads them, drawn once, kept. */
int		 badge_send(struct req *, const struct dbres *, const char *);
void		 badge_uncache(struct req *, const struct dbres *, size_t);
void		 badge_uncache_person(struct req *, long long);

#endif /* CODE_H */
