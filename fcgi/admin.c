/*
 * admin.c: the admin area's entry: sign-in, sign-out, the admin home,
 * and the audit log every admin action writes to.
 */
#include <string.h>

#include "app.h"

/* The sizes of audit_log's text columns, in characters. */
#define AUDIT_OBJECT_MAX	128
#define AUDIT_DETAIL_MAX	512

/*
 * Append to the audit log, in the caller's transaction if there is one:
 * the site's jurisdiction, the admin (none for a failed sign-in), what
 * was done to what, and the address. Longer texts are cut to fit: an
 * action is never refused because its description is long.
 */
enum dberr
audit_write(struct req *r, const char *action, const char *object,
    const char *detail)
{
	const struct jurisdiction	*j;
	enum dberr			 e;

	if ((j = jur_get(r, &e)) == NULL)
		return e;
	return db_exec(STMT_AUDIT_INSERT, NULL, "inssss", j->id,
	    (long long)r->sess.admin_id, action,
	    utf8_cut(r->pool, object, AUDIT_OBJECT_MAX),
	    utf8_cut(r->pool, detail, AUDIT_DETAIL_MAX), r->remote_addr);
}

/* audit_write on its own; a failure is logged, never shown. */
void
audit(struct req *r, const char *action, const char *object,
    const char *detail)
{
	if (audit_write(r, action, object, detail) != DB_OK)
		log_warnx("audit %s %s: not recorded", action,
		    object ? object : "-");
}

static int
admin_login_form(struct req *r, const char *error)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;

	if ((doc = xml_page(r, "admin-login")) == NULL)
		return 500;
	n = xml_add(xmlDocGetRootElement(doc), "login-form", NULL);
	if (r->fields[FIELD_LOGIN].valid)
		xml_prop(n, "login", r->fields[FIELD_LOGIN].s);
	if (r->fields[FIELD_NEXT].valid)
		xml_prop(n, "next", r->fields[FIELD_NEXT].s);
	if (error != NULL)
		xml_prop(n, "error", error);
	return page_finish(r, SHEET_ADMIN_LOGIN, doc);
}

static int
admin_home(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, list, n;
	enum dberr			 e;
	size_t				 i;
	int				 rc;

	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((doc = xml_page(r, "admin-home")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = region_xml(r, root)) != 0)
		return rc;
	/* The office's log is the district's business only. */
	if (!admin_district(r))
		return page_finish(r, SHEET_ADMIN_HOME, doc);
	if ((e = db_query(r->pool, STMT_AUDIT_RECENT, &res, "i", j->id)) !=
	    DB_OK)
		return db_status(e);
	list = xml_add(root, "audit", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "entry", NULL);
		xml_row(n, res, i, "at action object ip admin");
	}
	return page_finish(r, SHEET_ADMIN_HOME, doc);
}

int
admin_get(struct req *r)
{
	if (r->sess.admin_id != 0)
		return admin_home(r);
	return admin_login_form(r, NULL);
}

int
admin_login_post(struct req *r)
{
	const struct fval		*login = &r->fields[FIELD_LOGIN];
	const struct fval		*pw = &r->fields[FIELD_PASSWORD];
	const struct jurisdiction	*j;
	struct dbres			*res;
	char				 tok[TOKEN_LEN + 1];
	enum dberr			 e;

	if (!login->valid || !pw->valid)
		return admin_login_form(r, "missing");
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((e = db_query(r->pool, STMT_ADMIN_BY_LOGIN, &res, "si", login->s,
	    j->id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0 || db_ll(res, 0, 2) != 0) {
		pwhash_dummy(pw->s);
		audit(r, "login-failed", login->s, "unknown or disabled");
		return admin_login_form(r, "bad-login");
	}
	if (!pwhash_check(DBRES(res, 0, 1), pw->s)) {
		audit(r, "login-failed", login->s, "wrong password");
		return admin_login_form(r, "bad-login");
	}
	r->sess.admin_id = db_ll(res, 0, 0);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = session_open(r, r->sess.admin_id, 0, tok)) != DB_OK ||
	    (e = db_exec(STMT_ADMIN_LOGIN_OK, NULL, "i", r->sess.admin_id)) !=
	    DB_OK ||
	    (e = audit_write(r, "login", login->s, NULL)) != DB_OK) {
		db_rollback();
		r->sess.admin_id = 0;	/* the error page: not signed in */
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK) {
		r->sess.admin_id = 0;
		return db_status(e);
	}
	session_enter(r, tok);
	return resp_redirect(r, r->fields[FIELD_NEXT].valid ?
	    r->fields[FIELD_NEXT].s : "/admin", "signed-in");
}

int
admin_logout_post(struct req *r)
{
	int	 rc;

	if (r->sess.admin_id != 0)
		audit(r, "logout", r->sess.admin_login, NULL);
	if ((rc = session_logout(r)) != 0)
		return rc;
	return resp_redirect(r, "/admin", "signed-out");
}
