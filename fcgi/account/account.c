/*
 * account.c: optional accounts for residents (附件2 step 7): register with
 * a mobile number and a password, sign in, and bind: the codes and
 * attempts this browser earned before move to the account. A name can be
 * added for the badge. The number is shown masked everywhere but here.
 * The profile, the password and reset links are profile.c.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "code/code.h"
#include "account/account.h"
#include "account/local.h"
#include "points/points.h"
#include "shared/pwhash.h"
#include "shared/secret.h"
#include "shared/throttle.h"
#include "unit/unit.h"

static int	 account_get(struct req *);
static int	 account_register(struct req *);
static int	 account_login(struct req *);
static int	 account_logout(struct req *);
static int	 account_name(struct req *);
static void	 account_session(struct req *, xmlNodePtr, xmlNodePtr);
static int	 account_page_wait(struct req *, const char *, long long);
static int	 login_wait(struct req *, const struct sealed *, long long *);
static int	 login_failed(struct req *, const struct sealed *);

static const struct route account_routes[] = {
	/* ACCOUNT: the account, or sign-in and registration */
	{ METHOD_GET, "/account", account_get, 0 },
	/* ACCOUNT_REGISTER */
	{ METHOD_POST, "/account/register", account_register, 0 },
	/* ACCOUNT_LOGIN */
	{ METHOD_POST, "/account/login", account_login, 0 },
	/* ACCOUNT_LOGOUT */
	{ METHOD_POST, "/account/logout", account_logout, 0 },
	/* ACCOUNT_NAME: the name printed on badges */
	{ METHOD_POST, "/account/name", account_name, 0 },
	/* ACCOUNT_PROFILE: name, role, street or town */
	{ METHOD_POST, "/account/profile", account_profile_post, 0 },
	/* ACCOUNT_PASSWORD: a new password, given the current one */
	{ METHOD_POST, "/account/password", account_password, 0 },
	/* ACCOUNT_RESET: an admin's one-time link, and a new password */
	{ METHOD_GET, "/account/reset/:token", account_reset_get, 0 },
	{ METHOD_POST, "/account/reset/:token", account_reset_post, 0 },
};

static const struct field account_fields[ACCOUNT_FIELD__MAX] = {
	{ "phone", valid_phone, 11, 0 },	/* FIELD_PHONE */
	{ "password", valid_text, 256, 0 },	/* FIELD_PASSWORD */
	{ "name", valid_name, 48, 0 },		/* FIELD_NAME */
	{ "role", valid_login, 16, 0 },		/* FIELD_ROLE: a role's code */
	{ "region", valid_id, 10, 0 },		/* FIELD_REGION */
	{ "current", valid_text, 256, 0 },	/* FIELD_CURRENT: password */
};

struct sheet account_sheets[ACCOUNT_SHEET__MAX] = {
	{ "account.xsl", 1, { NULL } },		/* SHEET_ACCOUNT */
	{ "account-reset.xsl", 1, { NULL } },	/* SHEET_ACCOUNT_RESET */
};

struct stmt account_sql[ACCOUNT_STMT__MAX] = {
	[STMT_PERSON_INSERT] = { "PERSON_INSERT",
	  "INSERT INTO person (phone_enc, phone_hash, pw_hash, name) "
	  "VALUES (?, ?, ?, ?)" },
	[STMT_PERSON_BY_PHONE] = { "PERSON_BY_PHONE",
	  "SELECT id, pw_hash FROM person WHERE phone_hash = ?" },
	[STMT_PERSON_LOGIN_OK] = { "PERSON_LOGIN_OK",
	  "UPDATE person SET last_login_at = NOW() WHERE id = ?" },
	[STMT_PERSON_SET_NAME] = { "PERSON_SET_NAME",
	  "UPDATE person SET name = ? WHERE id = ?" },
	[STMT_PROFILE_GET] = { "PROFILE_GET",
	  "SELECT p.name, p.role, ro.name, p.region_id, g.name, "
	  "DATE(p.created_at), ro.name_en, g.name_en FROM person p "
	  "LEFT JOIN role ro ON ro.code = p.role "
	  "LEFT JOIN region g ON g.id = p.region_id WHERE p.id = ?" },
	[STMT_PROFILE_SET] = { "PROFILE_SET",
	  "UPDATE person SET name = ?, role = ?, region_id = ? WHERE id = ?" },
	[STMT_ROLE_CODES] = { "ROLE_CODES",
	  "SELECT code, name, name_en FROM role ORDER BY sort, code" },
	[STMT_PASSWORD_GET] = { "PASSWORD_GET",
	  "SELECT pw_hash FROM person WHERE id = ?" },
	[STMT_PASSWORD_SET] = { "PASSWORD_SET",
	  "UPDATE person SET pw_hash = ? WHERE id = ?" },
	[STMT_RESET_GET] = { "RESET_GET",
	  "SELECT r.person_id FROM password_reset r "
	  "JOIN person p ON p.id = r.person_id WHERE r.token_hash = ? "
	  "AND r.used_at IS NULL AND r.expires_at > NOW()" },
	[STMT_RESET_USE] = { "RESET_USE",
	  "UPDATE password_reset SET used_at = NOW() WHERE token_hash = ? "
	  "AND used_at IS NULL" },
	[STMT_FAILED_RECENT] = { "PERSON_FAILED_RECENT",
	  "SELECT COUNT(*), TIMESTAMPDIFF(SECOND, NOW(), MIN(created_at) + "
	  "INTERVAL 15 MINUTE) FROM person_login_failure WHERE phone_hash = ? "
	  "AND created_at > NOW() - INTERVAL 15 MINUTE UNION ALL "
	  "SELECT COUNT(*), TIMESTAMPDIFF(SECOND, NOW(), MIN(created_at) + "
	  "INTERVAL 15 MINUTE) FROM person_login_failure WHERE ip = ? "
	  "AND created_at > NOW() - INTERVAL 15 MINUTE" },
	[STMT_FAILED_ADD] = { "PERSON_FAILED_ADD",
	  "INSERT INTO person_login_failure (phone_hash, ip) VALUES (?, ?)" },
	[STMT_FAILED_PURGE] = { "PERSON_FAILED_PURGE",
	  "DELETE FROM person_login_failure WHERE created_at < NOW() - "
	  "INTERVAL 15 MINUTE LIMIT 100" },
};

const struct module account_module = {
	.name = "account",
	.routes = account_routes,
	.nroutes = NELEM(account_routes),
	.fields = account_fields,
	.nfields = ACCOUNT_FIELD__MAX,
	.sheets = account_sheets,
	.nsheets = ACCOUNT_SHEET__MAX,
	.page = account_session,
};

/*
 * Every page: <person> in <session> when a person is signed in; their
 * number is not opened here (no page's frame shows it, and the quiz
 * pages read no personal data).
 */
static void
account_session(struct req *r, xmlNodePtr root, xmlNodePtr session)
{
	xmlNodePtr	 n;

	(void)root;
	if (r->sess.person_id == 0)
		return;
	n = xml_add(session, "person", NULL);
	xml_prop(n, "name", r->sess.person_name);
}

/* GET /account: the account, or the forms to sign in and register. */
static int
account_get(struct req *r)
{
	return account_page(r, NULL);
}

/*
 * The account page: signed in, the account and its profile (with the
 * streets and towns and the roles for its form); otherwise the forms to
 * sign in and register. error says why the last form was refused.
 */
int
account_page(struct req *r, const char *error)
{
	return account_page_wait(r, error, 0);
}

/* The account page; wait: the minutes a throttled sign-in must wait. */
static int
account_page_wait(struct req *r, const char *error, long long wait)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	int		 rc;

	if ((doc = xml_page(r, "account")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "account", NULL);
	if (r->sess.person_id != 0) {
		xml_prop(n, "phone", secret_person_phone(r));
		xml_prop(n, "name", r->sess.person_name);
		if ((rc = account_profile_xml(r, root)) != 0 ||
		    (rc = account_form_xml(r, root)) != 0)
			return rc;
	}
	if (r->fields[FIELD_PHONE].valid)
		xml_prop(n, "entered-phone", r->fields[FIELD_PHONE].s);
	if (error != NULL)
		xml_prop(n, "error", error);
	if (wait > 0)
		xml_propll(n, "wait", wait);
	return page_finish(r, &account_sheets[SHEET_ACCOUNT], doc);
}

/*
 * Sign in as a person, in one transaction: the account itself when it is
 * new (person_id 0: phone, password hash and name make it), what this
 * browser earned bound to it, a unit's invitation to the phone taken up,
 * the day's sign-in points, the time of sign-in, and the session.
 */
static int
account_enter(struct req *r, long long person_id, const char *phone,
    const char *hash, const char *name)
{
	unsigned long long	 id;
	char			 tok[TOKEN_LEN + 1];
	int			 created = person_id == 0, granted;
	struct sealed		 v, h;
	enum dberr		 e;

	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if (created) {
		v = secret_seal_str(r->pool, SC_PERSON_PHONE, phone);
		h = secret_hash_of(r->pool, SH_PHONE, phone);
		if (v.p == NULL || h.p == NULL) {
			db_rollback();
			return 500;
		}
		e = db_exec(&account_sql[STMT_PERSON_INSERT], &id, "bbss", v.p,
		    v.n, h.p, h.n, hash, name);
		if (e == DB_DUP) {
			db_rollback();
			return account_page(r, "taken");
		}
		person_id = (long long)id;
	}
	if (e != DB_OK || (e = session_bind(r, person_id)) != DB_OK ||
	    (e = unit_claim_invite(r, person_id, phone)) != DB_OK ||
	    (e = points_earn(r, person_id, "login", NULL, 1, &granted)) !=
	    DB_OK || (e =
	    db_exec(&account_sql[STMT_PERSON_LOGIN_OK], NULL, "i", person_id))
	    != DB_OK || (e = session_open(r, 0, person_id, tok)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	session_enter(r, tok);
	/* The bound codes' badges now carry the account's name. */
	badge_uncache_person(r, person_id);
	return resp_redirect(r, "/my", created ? "registered" : "signed-in");
}

/*
 * POST /account/register. The name is optional: the form always sends
 * the field, empty when it is left blank.
 */
static int
account_register(struct req *r)
{
	const struct fval	*phone = &r->fields[FIELD_PHONE];
	const struct fval	*pw = &r->fields[FIELD_PASSWORD];
	const struct fval	*name = &r->fields[FIELD_NAME];
	char			 hash[PWHASH_LEN];

	if (!phone->valid)
		return account_page(r, "bad-phone");
	if (!pw->valid || pw->sz < 8)
		return account_page(r, "short-password");
	if (name->sz > 0 && !name->valid)
		return account_page(r, "bad-name");
	if (pwhash_make(hash, pw->s) == -1)
		return 500;
	return account_enter(r, 0, phone->s, hash,
	    name->sz > 0 ? name->s : NULL);
}

/*
 * Sign-in throttling: after this many failures in a quarter of an hour a
 * mobile number takes no sign-in, right password or not, until the
 * oldest of them is a quarter of an hour old; nor does an address after
 * FAILED_PER_IP (nginx limits the rate of attempts besides).
 */
#define FAILED_PER_PHONE	5
#define FAILED_PER_IP		30

/*
 * The minutes to wait (0: none) before this number or this address may
 * try again.
 */
static int
login_wait(struct req *r, const struct sealed *phone, long long *wait)
{
	static const long long	 most[2] = { FAILED_PER_PHONE,
				    FAILED_PER_IP };
	struct dbres		*res;
	enum dberr		 e;

	*wait = 0;
	if ((e = db_query(r->pool, &account_sql[STMT_FAILED_RECENT], &res,
	    "bs", phone->p, phone->n, r->remote_addr != NULL ?
	    r->remote_addr : "")) != DB_OK)
		return db_status(e);
	*wait = throttle_wait(res, most, 2);
	return 0;
}

/* A failed sign-in counted (and those too old to count dropped). */
static int
login_failed(struct req *r, const struct sealed *phone)
{
	enum dberr	 e;

	if ((e = db_exec(&account_sql[STMT_FAILED_PURGE], NULL, "")) !=
	    DB_OK || (e = db_exec(&account_sql[STMT_FAILED_ADD], NULL, "bs",
	    phone->p, phone->n, r->remote_addr != NULL ? r->remote_addr : ""))
	    != DB_OK)
		return db_status(e);
	return account_page(r, "bad-login");
}

/* POST /account/login */
static int
account_login(struct req *r)
{
	const struct fval	*phone = &r->fields[FIELD_PHONE];
	const struct fval	*pw = &r->fields[FIELD_PASSWORD];
	struct dbres		*res;
	struct sealed		 h;
	long long		 wait;
	enum dberr		 e;
	int			 rc;

	if (!phone->valid || !pw->valid)
		return account_page(r, "bad-login");
	h = secret_hash_of(r->pool, SH_PHONE, phone->s);
	if ((rc = login_wait(r, &h, &wait)) != 0)
		return rc;
	if (wait > 0) {
		r->status = 429;
		return account_page_wait(r, "throttled", wait);
	}
	if ((e = db_query(r->pool, &account_sql[STMT_PERSON_BY_PHONE], &res,
	    "b", h.p, h.n)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0) {
		pwhash_dummy(pw->s);
		return login_failed(r, &h);
	}
	if (!pwhash_check(DBRES(res, 0, 1), pw->s))
		return login_failed(r, &h);
	return account_enter(r, db_ll(res, 0, 0), phone->s, NULL, NULL);
}

/* POST /account/logout */
static int
account_logout(struct req *r)
{
	int	 rc;

	if ((rc = session_logout(r)) != 0)
		return rc;
	return resp_redirect(r, "/account", "signed-out");
}

/*
 * POST /account/name: the name printed on badges (empty: none). Badges
 * drawn before are dropped from the cache so that they are drawn again.
 */
static int
account_name(struct req *r)
{
	const struct fval	*name = &r->fields[FIELD_NAME];
	enum dberr		 e;

	if (r->sess.person_id == 0)
		return resp_redirect(r, "/account", NULL);
	if (name->sz > 0 && !name->valid)
		return account_page(r, "bad-name");
	if ((e = db_exec(&account_sql[STMT_PERSON_SET_NAME], NULL, "si",
	    name->sz > 0 ? name->s : NULL, r->sess.person_id)) != DB_OK)
		return db_status(e);
	badge_uncache_person(r, r->sess.person_id);
	return resp_redirect(r, "/account", "saved");
}
