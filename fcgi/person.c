/*
 * person.c: optional accounts for residents (附件2 step 7): register with
 * a mobile number and a password, sign in, and bind: the codes and
 * attempts this browser earned before move to the account. A name can be
 * added for the badge. The number is shown masked everywhere but here.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"

static int	 person_page(struct req *, const char *);
static int	 person_bind(struct req *, long long);

/* GET /account: the account, or the forms to sign in and register. */
int
person_get(struct req *r)
{
	return person_page(r, NULL);
}

static int
person_page(struct req *r, const char *error)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;

	if ((doc = xml_page(r, "account")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "account", NULL);
	if (r->sess.person_id != 0) {
		xml_prop(n, "phone", r->sess.person_phone);
		xml_prop(n, "name", r->sess.person_name);
	}
	if (r->fields[FIELD_PHONE].valid)
		xml_prop(n, "entered-phone", r->fields[FIELD_PHONE].s);
	if (error != NULL)
		xml_prop(n, "error", error);
	return page_finish(r, SHEET_ACCOUNT, doc);
}

/*
 * Move what this browser earned to the account, in one transaction with
 * the caller's other writes.
 */
static int
person_bind(struct req *r, long long person_id)
{
	unsigned char	 browser[32];
	enum dberr	 e;

	if (browser_id(r, browser) == -1)
		return 0;
	if ((e = db_exec(STMT_CODE_BIND, NULL, "ib", person_id, browser,
	    sizeof(browser))) != DB_OK ||
	    (e = db_exec(STMT_ATTEMPT_BIND, NULL, "ib", person_id, browser,
	    sizeof(browser))) != DB_OK)
		return db_status(e);
	return 0;
}

/*
 * Sign in as a person, in one transaction: the account itself when it is
 * new (person_id 0: phone, password hash and name make it), what this
 * browser earned bound to it, the time of sign-in, and the session.
 */
static int
person_enter(struct req *r, long long person_id, const char *phone,
    const char *hash, const char *name)
{
	unsigned long long	 id;
	char			 tok[TOKEN_LEN + 1];
	int			 created = person_id == 0, rc = 0;
	enum dberr		 e;

	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if (created) {
		e = db_exec(STMT_PERSON_INSERT, &id, "sss", phone, hash, name);
		if (e == DB_DUP) {
			db_rollback();
			return person_page(r, "taken");
		}
		person_id = (long long)id;
	}
	if (e != DB_OK || (rc = person_bind(r, person_id)) != 0 ||
	    (e = db_exec(STMT_PERSON_LOGIN_OK, NULL, "i", person_id)) !=
	    DB_OK || (e = session_open(r, 0, person_id, tok)) != DB_OK) {
		db_rollback();
		return rc ? rc : db_status(e);
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
int
person_register(struct req *r)
{
	const struct fval	*phone = &r->fields[FIELD_PHONE];
	const struct fval	*pw = &r->fields[FIELD_PASSWORD];
	const struct fval	*name = &r->fields[FIELD_NAME];
	char			 hash[PWHASH_LEN];

	if (!phone->valid)
		return person_page(r, "bad-phone");
	if (!pw->valid || pw->sz < 8)
		return person_page(r, "short-password");
	if (name->sz > 0 && !name->valid)
		return person_page(r, "bad-name");
	if (pwhash_make(hash, pw->s) == -1)
		return 500;
	return person_enter(r, 0, phone->s, hash,
	    name->sz > 0 ? name->s : NULL);
}

/* POST /account/login */
int
person_login(struct req *r)
{
	const struct fval	*phone = &r->fields[FIELD_PHONE];
	const struct fval	*pw = &r->fields[FIELD_PASSWORD];
	struct dbres		*res;
	enum dberr		 e;

	if (!phone->valid || !pw->valid)
		return person_page(r, "bad-login");
	if ((e = db_query(r->pool, STMT_PERSON_BY_PHONE, &res, "s", phone->s))
	    != DB_OK)
		return db_status(e);
	if (res->nrows == 0) {
		pwhash_dummy(pw->s);
		return person_page(r, "bad-login");
	}
	if (!pwhash_check(DBRES(res, 0, 1), pw->s))
		return person_page(r, "bad-login");
	return person_enter(r, db_ll(res, 0, 0), NULL, NULL, NULL);
}

/* POST /account/logout */
int
person_logout(struct req *r)
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
int
person_name(struct req *r)
{
	const struct fval	*name = &r->fields[FIELD_NAME];
	enum dberr		 e;

	if (r->sess.person_id == 0)
		return resp_redirect(r, "/account", NULL);
	if (name->sz > 0 && !name->valid)
		return person_page(r, "bad-name");
	if ((e = db_exec(STMT_PERSON_SET_NAME, NULL, "si",
	    name->sz > 0 ? name->s : NULL, r->sess.person_id)) != DB_OK)
		return db_status(e);
	badge_uncache_person(r, r->sess.person_id);
	return resp_redirect(r, "/account", "saved");
}
