/*
 * profile.c: a person's profile and password. The profile is the name,
 * the role they take part as, the street or town, and (through their
 * membership) their unit and its department; it is complete when the
 * name, role and street are given and, for the roles that belong to a
 * unit (responsible persons, employees, students), a unit is joined.
 * A password is changed given the current one, or set anew through a
 * one-time link an admin handed over (admin/people.c): the link works
 * once, within 24 hours, and ends the person's sessions.
 */
#include <string.h>

#include "core/app.h"
#include "account/account.h"
#include "account/local.h"
#include "code/code.h"
#include "shared/jurisdiction.h"
#include "shared/pwhash.h"
#include "unit/unit.h"

/* The columns of STMT_PROFILE_GET. */
enum profile_col {
	PC_NAME, PC_ROLE, PC_ROLE_NAME, PC_REGION_ID, PC_REGION, PC_SINCE,
	PC_ROLE_EN, PC_REGION_EN
};

/* Whether people of a role belong to a unit. */
static int
role_in_unit(const char *role)
{
	return role != NULL && (strcmp(role, "responsible") == 0 ||
	    strcmp(role, "employee") == 0 || strcmp(role, "student") == 0);
}

/*
 * <profile> of the signed-in person, with <missing what="…"/> for each
 * thing a complete profile still needs, and their <unit>. 0 or a status.
 */
int
account_profile_xml(struct req *r, xmlNodePtr root)
{
	struct dbres	*res, *unit;
	xmlNodePtr	 n, u;
	const char	*missing[4];
	size_t		 nmissing = 0, i;
	enum dberr	 e;
	int		 rc;

	if (r->sess.person_id == 0)
		return 0;
	if ((e = db_query(r->pool, &account_sql[STMT_PROFILE_GET], &res, "i",
	    r->sess.person_id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0)
		return 0;
	if ((rc = unit_of_person(r, &unit)) != 0)
		return rc;
	l10n_cells(r->lang, res, PC_ROLE_NAME, PC_ROLE_EN);
	l10n_cells(r->lang, res, PC_REGION, PC_REGION_EN);
	n = xml_add(root, "profile", NULL);
	xml_row(n, res, 0, "name role role-name region-id region since");
	if (DBRES(res, 0, PC_NAME) == NULL)
		missing[nmissing++] = "name";
	if (DBRES(res, 0, PC_ROLE) == NULL)
		missing[nmissing++] = "role";
	if (DBRES(res, 0, PC_REGION_ID) == NULL)
		missing[nmissing++] = "region";
	if (unit != NULL) {
		u = xml_add(n, "unit", NULL);
		xml_row(u, unit, 0, "id name key status - - department region "
		    "- member-status");
	} else if (role_in_unit(DBRES(res, 0, PC_ROLE)))
		missing[nmissing++] = "unit";
	xml_prop(n, "complete", nmissing == 0 ? "yes" : "no");
	for (i = 0; i < nmissing; i++)
		xml_prop(xml_add(n, "missing", NULL), "what", missing[i]);
	return 0;
}

/* <profile-form>: the roles and the streets and towns to choose from. */
int
account_form_xml(struct req *r, xmlNodePtr root)
{
	struct dbres	*res;
	xmlNodePtr	 form, list;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &account_sql[STMT_ROLE_CODES], &res, "")) !=
	    DB_OK)
		return db_status(e);
	l10n_cells(r->lang, res, 1, 2);
	form = xml_add(root, "profile-form", NULL);
	list = xml_add(form, "roles", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "role", NULL), res, i, "code name");
	return region_xml(r, form);
}

/*
 * POST /account/profile: name, role and street or town together; an
 * empty choice clears it. Badges are drawn again for a new name.
 */
int
account_profile_post(struct req *r)
{
	const struct fval	*name = &r->fields[FIELD_NAME];
	const struct fval	*role = &r->fields[FIELD_ROLE];
	const struct fval	*region = &r->fields[FIELD_REGION];
	struct dbres		*roles;
	enum dberr		 e;
	size_t			 i;
	int			 here = 0;

	if (r->sess.person_id == 0)
		return resp_redirect(r, "/account", NULL);
	r->status = 400;	/* for a refusal; a redirect sets its own */
	if (name->sz > 0 && !name->valid)
		return account_page(r, "bad-name");
	if (role->sz > 0) {
		if ((e = db_query(r->pool, &account_sql[STMT_ROLE_CODES],
		    &roles, "")) != DB_OK)
			return db_status(e);
		for (i = 0; role->valid && i < roles->nrows; i++)
			if (strcmp(DBRES(roles, i, 0), role->s) == 0)
				break;
		if (!role->valid || i == roles->nrows)
			return account_page(r, "bad-role");
	}
	if (region->sz > 0 && (!region->valid ||
	    (here = region_here(r, region->i, &e)) != 1))
		return here == -1 ? db_status(e) :
		    account_page(r, "bad-region");
	if ((e = db_exec(&account_sql[STMT_PROFILE_SET], NULL, "ssni",
	    name->sz > 0 ? name->s : NULL, role->sz > 0 ? role->s : NULL,
	    region->sz > 0 ? region->i : 0LL, r->sess.person_id)) != DB_OK)
		return db_status(e);
	badge_uncache_person(r, r->sess.person_id);
	return resp_redirect(r, "/account", "saved");
}

/* A new password: PASSWORD_MIN characters or more. */
static int
password_ok(const struct fval *pw)
{
	return pw->valid && utf8_chars(pw->s, pw->sz) >= PASSWORD_MIN;
}

/* POST /account/password: the current password, and the new one. */
int
account_password(struct req *r)
{
	const struct fval	*cur = &r->fields[FIELD_CURRENT];
	const struct fval	*pw = &r->fields[FIELD_PASSWORD];
	struct dbres		*res;
	char			 hash[PWHASH_LEN];
	enum dberr		 e;

	if (r->sess.person_id == 0)
		return resp_redirect(r, "/account", NULL);
	if ((e = db_query(r->pool, &account_sql[STMT_PASSWORD_GET], &res, "i",
	    r->sess.person_id)) != DB_OK)
		return db_status(e);
	r->status = 400;	/* for a refusal; a redirect sets its own */
	if (res->nrows == 0 || !cur->valid ||
	    !pwhash_check(DBRES(res, 0, 0), cur->s))
		return account_page(r, "wrong-password");
	if (!password_ok(pw))
		return account_page(r, "short-password");
	if (pwhash_make(hash, pw->s) == -1)
		return 500;
	if ((e = db_exec(&account_sql[STMT_PASSWORD_SET], NULL, "si", hash,
	    r->sess.person_id)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/account", "password-changed");
}

/*
 * The person of a reset link still good, or 0 (*e says whether the
 * database could not answer).
 */
static long long
reset_person(struct req *r, unsigned char h[32], enum dberr *e)
{
	struct dbres	*res;

	*e = DB_OK;
	if (strlen(r->args[0]) != TOKEN_LEN || strspn(r->args[0],
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
	    != TOKEN_LEN)
		return 0;
	token_hash(h, r->args[0]);
	if ((*e = db_query(r->pool, &account_sql[STMT_RESET_GET], &res, "b",
	    h, (size_t)32)) != DB_OK || res->nrows == 0)
		return 0;
	return db_ll(res, 0, 0);
}

static int
reset_page(struct req *r, const char *state)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;

	if ((doc = xml_page(r, "account-reset")) == NULL)
		return 500;
	n = xml_add(xmlDocGetRootElement(doc), "reset", NULL);
	xml_prop(n, "token", r->args[0]);
	xml_prop(n, "state", state);
	if (strcmp(state, "gone") == 0)
		r->status = 404;
	else if (strcmp(state, "short-password") == 0)
		r->status = 400;
	return page_finish(r, &account_sheets[SHEET_ACCOUNT_RESET], doc);
}

/* GET /account/reset/:token: the form, or why the link works no more. */
int
account_reset_get(struct req *r)
{
	unsigned char	 h[32];
	enum dberr	 e;

	if (reset_person(r, h, &e) == 0)
		return e != DB_OK ? db_status(e) : reset_page(r, "gone");
	resp_header(r, "Referrer-Policy", "no-referrer");
	return reset_page(r, "form");
}

/*
 * POST /account/reset/:token: the new password. One transaction: the
 * link used up (once only, even for two posts at the same moment), the
 * password set, the person's sessions ended.
 */
int
account_reset_post(struct req *r)
{
	const struct fval	*pw = &r->fields[FIELD_PASSWORD];
	unsigned char		 h[32];
	char			 hash[PWHASH_LEN];
	long long		 person;
	enum dberr		 e;

	if ((person = reset_person(r, h, &e)) == 0)
		return e != DB_OK ? db_status(e) : reset_page(r, "gone");
	if (!password_ok(pw))
		return reset_page(r, "short-password");
	if (pwhash_make(hash, pw->s) == -1)
		return 500;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&account_sql[STMT_RESET_USE], NULL, "b", h,
	    (size_t)32)) != DB_OK || db_affected() != 1 ||
	    (e = db_exec(&account_sql[STMT_PASSWORD_SET], NULL, "si", hash,
	    person)) != DB_OK || (e = session_end_person(person)) != DB_OK) {
		db_rollback();
		return e != DB_OK ? db_status(e) : reset_page(r, "gone");
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/account", "password-reset");
}
