/*
 * secret.h: personal data sealed at rest (secret.c): values encrypted
 * with a data key kept outside the database, keyed hashes where only
 * matching is needed, the key file and its rotation (rekey.c).
 */
#ifndef SECRET_H
#define SECRET_H

#define SECRET_HASH_LEN		32	/* bytes of a keyed hash */
#define SECRET_KEY_MAX		254	/* key ids 1..254; 255 is never one */

/* The sealed columns, named as their additional data ("table.column"). */
#define SC_PERSON_PHONE		"person.phone"
#define SC_INVITE_PHONE		"unit_invite.phone"
#define SC_VISIT_PHONE		"visit_booking.phone"
#define SC_NOTICE_PHONE		"notice.phone"
#define SC_HAZARD_PHONE		"hazard.contact_phone"
#define SC_ADDITION_PHONE	"hazard_addition.contact_phone"
#define SC_TRAINING_PHONE	"training_booking.phone"
#define SC_AID_PHONE		"aid_application.applicant_phone"
#define SC_AID_IDNO		"aid_application.applicant_idno"
#define SC_AID_PATIENT_IDNO	"aid_application.patient_idno"
#define SC_AID_BANK		"aid_application.bank_name"
#define SC_AID_HOLDER		"aid_application.account_holder"
#define SC_AID_ACCOUNT		"aid_application.account_number"
#define SC_AID_DOCUMENT		"aid_document.jpeg"

/* What a keyed hash stands for: equal values of one kind hash alike. */
#define SH_PHONE		"phone"

/* A sealed value to bind ('b': p, n; p NULL is SQL NULL). */
struct sealed {
	unsigned char	*p;
	size_t		 n;
};

int		 secret_init(const struct conf *);
int		 secret_ready(void);
int		 secret_keygen(const char *);
int		 secret_keyfile_update(const char *, int);
int		 secret_current(void);
struct sealed	 secret_seal(struct pool *, const char *, const void *,
		    size_t);
struct sealed	 secret_seal_str(struct pool *, const char *, const char *);
void		*secret_open(struct pool *, const char *, const void *,
		    size_t, size_t *);
int		 secret_open_res(struct pool *, struct dbres *, ...);
char		*secret_open_cell(struct pool *, const struct dbres *, size_t,
		    size_t, const char *);
void		 secret_hash(unsigned char[SECRET_HASH_LEN], const char *,
		    const char *);
struct sealed	 secret_hash_of(struct pool *, const char *, const char *);
int		 secret_hash_eq(const struct dbres *, size_t, size_t,
		    const char *, const char *);
char		*secret_person_phone(struct req *);
int		 secret_hash_print(const struct conf *, const char *);

/* rekey.c: the key file's rotation, the conversion of clear values. */
int		 secret_seal_all(const struct conf *);
enum rekey_step {
	REKEY_ALL,	/* a key added (or the rotation resumed), values moved */
	REKEY_ADD,	/* only the key added */
	REKEY_DROP	/* the older keys dropped, once unused */
};

int		 secret_rekey(const struct conf *, enum rekey_step);

#endif /* SECRET_H */
