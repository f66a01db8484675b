/*
 * session.c: the session cookie, sign-in sessions and CSRF tokens.
 * The cookie bc_sid holds a random 256-bit token; MariaDB keeps only its
 * SHA-256, so a copy of the table gives no one a session. The CSRF token
 * of a form is an HMAC of the session token under the site's secret key,
 * which lets every POST be checked without a database read.
 */
#include <string.h>

#include <sodium.h>

#include "app.h"

#define COOKIE_SID	"bc_sid"
#define COOKIE_IN	"bc_in"		/* hint: a sign-in session may exist */
#define SID_MAXAGE	(365L * 86400)	/* the browser keeps its codes a year */

static int	 token_wellformed(const char *);

enum session_stmt {
	STMT_SESSION_GET,
	STMT_SESSION_INSERT,
	STMT_SESSION_DELETE,
	STMT_SESSION_END_PERSON,
	STMT_SESSION_PURGE,
	SESSION_STMT__MAX
};

static struct stmt session_sql[SESSION_STMT__MAX] = {
	[STMT_SESSION_GET] = { "SESSION_GET",
	  "SELECT a.id, a.login, a.name, a.scope, p.id, p.phone_enc, p.name, "
	  "a.scope_id "
	  "FROM session s LEFT JOIN (admin a JOIN jurisdiction j "
	  "ON j.id = a.jurisdiction_id AND j.code = ?) ON a.id = s.admin_id "
	  "AND a.disabled = 0 "
	  "LEFT JOIN person p ON p.id = s.person_id "
	  "WHERE s.token_hash = ? AND s.expires_at > NOW()" },
	[STMT_SESSION_INSERT] = { "SESSION_INSERT",
	  "INSERT INTO session (token_hash, admin_id, person_id, created_at, "
	  "expires_at) VALUES (?, ?, ?, NOW(), NOW() + INTERVAL ? HOUR)" },
	[STMT_SESSION_DELETE] = { "SESSION_DELETE",
	  "DELETE FROM session WHERE token_hash = ?" },
	[STMT_SESSION_END_PERSON] = { "SESSION_END_PERSON",
	  "DELETE FROM session WHERE person_id = ?" },
	[STMT_SESSION_PURGE] = { "SESSION_PURGE",
	  "DELETE FROM session WHERE expires_at < NOW() LIMIT 1000" },
};

void
token_random(char out[TOKEN_LEN + 1])
{
	unsigned char	 raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
token_hash(unsigned char out[32], const char *token)
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

/* The CSRF token bound to a session token. */
void
csrf_for(char out[TOKEN_LEN + 1], const unsigned char *key, const char *token)
{
	unsigned char			 mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state	 st;

	crypto_auth_hmacsha256_init(&st, key, 32);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"csrf:", 5);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)token,
	    strlen(token));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2base64(out, TOKEN_LEN + 1, mac, TOKEN_BYTES,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static int
token_wellformed(const char *s)
{
	return s != NULL && strlen(s) == TOKEN_LEN &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == TOKEN_LEN;
}

static void
session_set_token(struct req *r, const char *token)
{
	memcpy(r->sess.token, token, TOKEN_LEN);
	r->sess.token[TOKEN_LEN] = '\0';
	csrf_for(r->sess.csrf, r->conf->secret, r->sess.token);
}

/*
 * Take the session token from the cookie; look up a sign-in session only
 * when the hint cookie says there may be one. Returns 0, or the status
 * of a database failure (a signed-in admin must not silently appear
 * signed out).
 */
int
session_load(struct req *r)
{
	const struct param	*sid, *in;
	struct dbres		*res;
	unsigned char		 h[32];
	enum dberr		 e;

	sid = params_get(&r->cookies, COOKIE_SID);
	if (sid == NULL || !token_wellformed(sid->val))
		return 0;
	session_set_token(r, sid->val);
	in = params_get(&r->cookies, COOKIE_IN);
	if (in == NULL)
		return 0;
	/* An admin is signed in at the site of their own jurisdiction only. */
	token_hash(h, r->sess.token);
	if ((e = db_query(r->pool, &session_sql[STMT_SESSION_GET], &res, "sb",
	    r->conf->jurisdiction, h, sizeof(h))) != DB_OK)
		return db_status(e);
	if (res->nrows == 0)
		return 0;
	r->sess.known = 1;
	r->sess.admin_id = db_ll(res, 0, 0);
	r->sess.admin_login = DBRES(res, 0, 1);
	r->sess.admin_name = DBRES(res, 0, 2);
	r->sess.admin_scope = DBRES(res, 0, 3);
	r->sess.person_id = db_ll(res, 0, 4);
	r->sess.person_phone = DBRES(res, 0, 5);
	r->sess.person_phone_sz = res->len[5];
	r->sess.person_name = DBRES(res, 0, 6);
	r->sess.admin_scope_id = db_ll(res, 0, 7);
	return 0;
}

/* Make sure the browser has a token (and so a CSRF token for forms). */
int
session_ensure_token(struct req *r)
{
	char	 tok[TOKEN_LEN + 1];

	if (r->sess.token[0] != '\0')
		return 0;
	token_random(tok);
	session_set_token(r, tok);
	r->sess.fresh = 1;
	resp_cookie(r, COOKIE_SID, r->sess.token, SID_MAXAGE);
	return 0;
}

/* A POST carries the CSRF token that belongs to the browser's token. */
int
session_csrf_ok(struct req *r)
{
	const struct fval	*f = &r->core[CORE_CSRF];

	if (r->sess.token[0] == '\0' || r->sess.fresh || !f->valid)
		return 0;
	return sodium_memcmp(f->s, r->sess.csrf, TOKEN_LEN) == 0;
}

/*
 * The browser's unbound attempts and codes (those it earned without an
 * account) follow it from its old token to tok: the token is also the
 * browser's identity, and a new one must not orphan them. What follows
 * it is the modules' business (their rekey hooks).
 */
static enum dberr
session_rekey(struct req *r, const char *tok)
{
	const struct module *const	*m;
	unsigned char			 from[32], to[32];
	enum dberr			 e;

	if (r->sess.token[0] == '\0')
		return DB_OK;
	token_hash(from, r->sess.token);
	token_hash(to, tok);
	for (m = modules; *m != NULL; m++)
		if ((*m)->rekey != NULL && (e = (*m)->rekey(r, from, to)) !=
		    DB_OK)
			return e;
	return DB_OK;
}

/* End every sign-in session of a person (a password set anew). */
enum dberr
session_end_person(long long person_id)
{
	return db_exec(&session_sql[STMT_SESSION_END_PERSON], NULL, "i",
	    person_id);
}

/*
 * Inside a person's sign-in transaction: what this browser earned
 * without an account becomes the person's (the modules' bind hooks).
 */
enum dberr
session_bind(struct req *r, long long person_id)
{
	const struct module *const	*m;
	unsigned char			 browser[32];
	enum dberr			 e;

	if (r->sess.token[0] == '\0')
		return DB_OK;
	token_hash(browser, r->sess.token);
	for (m = modules; *m != NULL; m++)
		if ((*m)->bind != NULL && (e = (*m)->bind(r, browser,
		    person_id)) != DB_OK)
			return e;
	return DB_OK;
}

/*
 * The writes of a sign-in, of an admin or of a person, in the caller's
 * transaction: a session under a new token (never the one the browser
 * had before: no session fixation), the browser's unbound attempts and
 * codes carried over to it, expired sessions cleared. tok receives the
 * token; session_enter gives it to the browser after the commit.
 */
enum dberr
session_open(struct req *r, long long admin_id, long long person_id,
    char tok[TOKEN_LEN + 1])
{
	unsigned char	 h[32];
	enum dberr	 e;

	token_random(tok);
	token_hash(h, tok);
	if ((e = db_exec(&session_sql[STMT_SESSION_INSERT], NULL, "bnni", h,
	    sizeof(h), admin_id, person_id, (long long)r->conf->session_hours))
	    != DB_OK || (e = session_rekey(r, tok)) != DB_OK)
		return e;
	return db_exec(&session_sql[STMT_SESSION_PURGE], NULL, "");
}

/* The browser takes the token of a committed session_open. */
void
session_enter(struct req *r, const char *tok)
{
	session_set_token(r, tok);
	resp_cookie(r, COOKIE_SID, tok, SID_MAXAGE);
	resp_cookie(r, COOKIE_IN, "1", r->conf->session_hours * 3600L);
}

/*
 * Sign out: the session ends and the browser gets a new token, which
 * takes its unbound attempts and codes along (those of an account stay
 * with the account); one transaction. Returns 0 or an HTTP status.
 */
int
session_logout(struct req *r)
{
	char		 tok[TOKEN_LEN + 1];
	unsigned char	 h[32];
	enum dberr	 e;

	token_random(tok);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if (r->sess.token[0] != '\0') {
		token_hash(h, r->sess.token);
		if ((e = db_exec(&session_sql[STMT_SESSION_DELETE], NULL, "b",
		    h, sizeof(h))) != DB_OK || (e = session_rekey(r, tok)) !=
		    DB_OK) {
			db_rollback();
			return db_status(e);
		}
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	session_set_token(r, tok);
	r->sess.known = 0;
	r->sess.admin_id = r->sess.admin_scope_id = 0;
	r->sess.person_id = 0;
	r->sess.person_phone = r->sess.person_name = NULL;
	r->sess.admin_login = r->sess.admin_name = r->sess.admin_scope = NULL;
	resp_cookie(r, COOKIE_SID, tok, SID_MAXAGE);
	resp_cookie(r, COOKIE_IN, "", 0);
	return 0;
}
