/*
 * audit.c: the audit log in the admin area, for district admins: every
 * admin write of the jurisdiction (who, what, on what, before and after,
 * from where, when), newest first, a hundred a page, filtered by action
 * or by account. Append-only: there is nothing here to change it.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/jurisdiction.h"
#include "shared/scope.h"

#define AUDIT_PAGE	100

static int	 audit_list(struct req *);
static int	 valid_action(struct fval *);

static const struct route audit_routes[] = {
	/* AUDIT: the log, newest first (?action=&admin=&before=) */
	{ METHOD_GET, "/admin/audit", audit_list, RF_ADMIN },
};

enum audit_field {
	FIELD_ACTION,
	FIELD_ADMIN,
	FIELD_BEFORE,
	AUDIT_FIELD__MAX
};

static const struct field audit_fields[AUDIT_FIELD__MAX] = {
	{ "action", valid_action, 32, 0 },	/* FIELD_ACTION */
	{ "admin", valid_id, 10, 0 },		/* FIELD_ADMIN: an account */
	{ "before", valid_id, 20, 0 },		/* FIELD_BEFORE: an entry's id */
};

static struct sheet audit_sheet = { "admin-audit.xsl", 1, { NULL } };

enum audit_stmt {
	STMT_ENTRIES,
	STMT_ACTIONS,
	STMT_ACCOUNTS,
	AUDIT_STMT__MAX
};

static struct stmt audit_sql[AUDIT_STMT__MAX] = {
	[STMT_ENTRIES] = { "AUDIT_ENTRIES",
	  "SELECT l.id, l.created_at, l.action, l.object, l.detail, l.ip, "
	  "a.login, a.name FROM audit_log l LEFT JOIN admin a ON "
	  "a.id = l.admin_id WHERE l.jurisdiction_id = ? AND l.id < ? "
	  "AND (? = '' OR l.action = ?) AND (? = 0 OR l.admin_id = ?) "
	  "ORDER BY l.id DESC LIMIT 101" },
	[STMT_ACTIONS] = { "AUDIT_ACTIONS",
	  "SELECT DISTINCT action FROM audit_log WHERE jurisdiction_id = ? "
	  "ORDER BY action" },
	[STMT_ACCOUNTS] = { "AUDIT_ACCOUNTS",
	  "SELECT id, login FROM admin WHERE jurisdiction_id = ? "
	  "ORDER BY login" },
};

const struct module admin_audit_module = {
	.name = "admin-audit",
	.routes = audit_routes,
	.nroutes = NELEM(audit_routes),
	.fields = audit_fields,
	.nfields = AUDIT_FIELD__MAX,
	.sheets = &audit_sheet,
	.nsheets = 1,
};

/* An action's name: lower-case words joined by '-'. */
static int
valid_action(struct fval *f)
{
	return f->sz > 0 && strspn(f->s, "abcdefghijklmnopqrstuvwxyz-") ==
	    f->sz;
}

/* GET /admin/audit?action=&admin=&before= */
static int
audit_list(struct req *r)
{
	const struct fval		*act = &r->fields[FIELD_ACTION];
	const struct fval		*adm = &r->fields[FIELD_ADMIN];
	const struct fval		*bef = &r->fields[FIELD_BEFORE];
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, list, n;
	const char			*action;
	long long			 admin, before;
	enum dberr			 e;
	size_t				 i;

	if (!admin_district(r))
		return 403;
	if ((act->present && act->sz > 0 && !act->valid) ||
	    (adm->present && adm->sz > 0 && !adm->valid) ||
	    (bef->present && bef->sz > 0 && !bef->valid))
		return 400;
	action = act->valid ? act->s : "";
	admin = adm->valid ? adm->i : 0;
	before = bef->valid ? bef->i : 0x7fffffffffffffffLL;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &audit_sql[STMT_ENTRIES], &res, "iissii",
	    j->id, before, action, action, admin, admin)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-audit")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "audit", NULL);
	xml_prop(list, "action", action);
	xml_propll(list, "admin", admin);
	for (i = 0; i < res->nrows && i < AUDIT_PAGE; i++) {
		n = xml_add(list, "entry", DBRES(res, i, 4));
		xml_row(n, res, i, "id at action object - ip login name");
	}
	if (res->nrows > AUDIT_PAGE)
		xml_prop(list, "older", DBRES(res, AUDIT_PAGE - 1, 0));
	n = xml_add(root, "filters", NULL);
	if ((e = db_query(r->pool, &audit_sql[STMT_ACTIONS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		xml_prop(xml_add(n, "action", NULL), "action", DBRES(res, i, 0));
	if ((e = db_query(r->pool, &audit_sql[STMT_ACCOUNTS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "account", NULL), res, i, "id login");
	return page_finish(r, &audit_sheet, doc);
}
