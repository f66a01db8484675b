/*
 * access.c: the access log of personal data in the admin area, for
 * district admins: each time an admin was shown a resident's data
 * unmasked (who, whose, which field, why, from where, when), newest
 * first, a hundred a page, filtered by account or kind; and all of it
 * that matches as CSV (the export is itself audited).
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/scope.h"

#define ACCESS_PAGE	100
#define ACCESS_CSV_MAX	100000

static int	 access_list(struct req *);
static int	 access_csv(struct req *);
static int	 valid_subject(struct fval *);

static const struct route access_routes[] = {
	/* ACCESS: the log, newest first (?admin=&subject=&before=) */
	{ METHOD_GET, "/admin/access", access_list, RF_ADMIN },
	/* ACCESS_CSV: the same, all of it */
	{ METHOD_GET, "/admin/access.csv", access_csv, RF_ADMIN },
};

enum access_field {
	FIELD_ADMIN,
	FIELD_SUBJECT,
	FIELD_BEFORE,
	ACCESS_FIELD__MAX
};

static const struct field access_fields[ACCESS_FIELD__MAX] = {
	{ "admin", valid_id, 10, 0 },		/* FIELD_ADMIN: an account */
	{ "subject", valid_subject, 16, 0 },	/* FIELD_SUBJECT: a kind */
	{ "before", valid_id, 20, 0 },		/* FIELD_BEFORE: an entry */
};

enum access_sheet {
	SHEET_ACCESS,
	SHEET_ACCESS_CSV,
	ACCESS_SHEET__MAX
};

static struct sheet access_sheets[ACCESS_SHEET__MAX] = {
	{ "admin-access.xsl", 0, { NULL } },	/* SHEET_ACCESS */
	{ "admin-access-csv.xsl", 0, { NULL } },	/* SHEET_ACCESS_CSV */
};

enum access_stmt {
	STMT_ENTRIES,
	STMT_ACCOUNTS,
	ACCESS_STMT__MAX
};

static struct stmt access_sql[ACCESS_STMT__MAX] = {
	[STMT_ENTRIES] = { "ACCESS_ENTRIES",
	  "SELECT l.id, l.created_at, a.login, a.name, l.subject, "
	  "l.subject_id, l.subject_ref, l.field, l.reason, l.ip "
	  "FROM access_log l JOIN admin a ON a.id = l.admin_id "
	  "WHERE l.jurisdiction_id = ? AND l.id < ? AND "
	  "(? = 0 OR l.admin_id = ?) AND (? = '' OR l.subject = ?) "
	  "ORDER BY l.id DESC LIMIT ?" },
	[STMT_ACCOUNTS] = { "ACCESS_ACCOUNTS",
	  "SELECT id, login FROM admin WHERE jurisdiction_id = ? "
	  "ORDER BY login" },
};

const struct module admin_access_module = {
	.name = "admin-access",
	.routes = access_routes,
	.nroutes = NELEM(access_routes),
	.fields = access_fields,
	.nfields = ACCESS_FIELD__MAX,
	.sheets = access_sheets,
	.nsheets = ACCESS_SHEET__MAX,
};

static int
valid_subject(struct fval *f)
{
	return strcmp(f->s, "person") == 0 || strcmp(f->s, "hazard") == 0 ||
	    strcmp(f->s, "visit") == 0 || strcmp(f->s, "training") == 0 ||
	    strcmp(f->s, "aid") == 0;
}

/*
 * The entries the filters select, up to max (one more when there are
 * more), as a page document; NULL and *rc on failure.
 */
static xmlDocPtr
entries_doc(struct req *r, const char *name, long long max, int *rc)
{
	const struct fval		*adm = &r->fields[FIELD_ADMIN];
	const struct fval		*sub = &r->fields[FIELD_SUBJECT];
	const struct fval		*bef = &r->fields[FIELD_BEFORE];
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, list, n;
	long long			 admin, before;
	const char			*subject;
	enum dberr			 e;
	size_t				 i;

	*rc = 0;
	if (!admin_district(r)) {
		*rc = 403;
		return NULL;
	}
	if ((adm->present && adm->sz > 0 && !adm->valid) ||
	    (sub->present && sub->sz > 0 && !sub->valid) ||
	    (bef->present && bef->sz > 0 && !bef->valid)) {
		*rc = 400;
		return NULL;
	}
	admin = adm->valid ? adm->i : 0;
	subject = sub->valid ? sub->s : "";
	before = bef->valid ? bef->i : 0x7fffffffffffffffLL;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &access_sql[STMT_ENTRIES], &res,
	    "iiiissi", j->id, before, admin, admin, subject, subject,
	    max + 1)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if ((doc = xml_page(r, name)) == NULL) {
		*rc = 500;
		return NULL;
	}
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "access", NULL);
	xml_propll(list, "admin", admin);
	xml_prop(list, "subject", subject);
	for (i = 0; i < res->nrows && i < (size_t)max; i++)
		xml_row(xml_add(list, "entry", NULL), res, i, "id at login "
		    "name subject subject-id ref field reason ip");
	if (res->nrows > (size_t)max)
		xml_prop(list, "older", DBRES(res, max - 1, 0));
	n = xml_add(root, "accounts", NULL);
	if ((e = db_query(r->pool, &access_sql[STMT_ACCOUNTS], &res, "i",
	    j->id)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "account", NULL), res, i, "id login");
	return doc;
}

/* GET /admin/access */
static int
access_list(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = entries_doc(r, "admin-access", ACCESS_PAGE, &rc)) == NULL)
		return rc;
	return page_finish(r, &access_sheets[SHEET_ACCESS], doc);
}

/* GET /admin/access.csv: the export, audited. */
static int
access_csv(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = entries_doc(r, "admin-access", ACCESS_CSV_MAX, &rc)) ==
	    NULL)
		return rc;
	audit(r, "access-export", "access log", NULL);
	return page_csv(r, &access_sheets[SHEET_ACCESS_CSV], doc,
	    "access-log.csv");
}
