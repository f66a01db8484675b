/*
 * points.c: the rules of learning points in the admin area: how many
 * points each earning gives and a person's most a day, as data. A
 * change applies to what is earned from then on; the ledger keeps what
 * was given. Each change and its audit entry are one transaction.
 * District scope.
 */
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/audit.h"
#include "shared/scope.h"

#define POINTS_MAX	1000	/* an earning's points, a day's cap */

static int	 admin_points(struct req *);
static int	 admin_points_save(struct req *);

static const struct route points_routes[] = {
	/* ADMIN_POINTS: the rules and their daily caps */
	{ METHOD_GET, "/admin/points", admin_points, RF_ADMIN },
	{ METHOD_POST, "/admin/points/:reason", admin_points_save, RF_ADMIN },
};

enum points_field {
	FIELD_POINTS,
	FIELD_CAP,
	POINTS_FIELD__MAX
};

static const struct field points_fields[POINTS_FIELD__MAX] = {
	{ "points", valid_id, 4, 0 },		/* FIELD_POINTS */
	{ "cap", valid_id, 4, 0 },		/* FIELD_CAP */
};

static struct sheet points_sheet = { "admin-points.xsl", 1, { NULL } };

enum points_stmt {
	STMT_RULES,
	STMT_RULE_SET,
	POINTS_STMT__MAX
};

static struct stmt points_sql[POINTS_STMT__MAX] = {
	[STMT_RULES] = { "RULES",
	  "SELECT reason, name, points, daily_cap FROM points_rule "
	  "ORDER BY sort, reason" },
	[STMT_RULE_SET] = { "RULE_SET",
	  "UPDATE points_rule SET points = ?, daily_cap = ? WHERE reason = ?" },
};

const struct module admin_points_module = {
	.name = "admin-points",
	.routes = points_routes,
	.nroutes = NELEM(points_routes),
	.fields = points_fields,
	.nfields = POINTS_FIELD__MAX,
	.sheets = &points_sheet,
	.nsheets = 1,
};

/* The page; error, when given, is why the form of rule reason failed. */
static int
points_page(struct req *r, const struct dbres *res, const char *reason,
    const char *error)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 list, n;
	size_t		 i;

	if ((doc = xml_page(r, "admin-points")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "rules", NULL);
	xml_propll(list, "max", POINTS_MAX);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "rule", NULL);
		xml_row(n, res, i, "reason name points cap");
		if (error != NULL && strcmp(DBRES(res, i, 0), reason) == 0)
			xml_prop(n, "error", error);
	}
	if (error != NULL)
		r->status = 400;
	return page_finish(r, &points_sheet, doc);
}

/* GET /admin/points */
static int
admin_points(struct req *r)
{
	struct dbres	*res;
	enum dberr	 e;

	if (!admin_district(r))
		return 403;
	if ((e = db_query(r->pool, &points_sql[STMT_RULES], &res, "")) !=
	    DB_OK)
		return db_status(e);
	return points_page(r, res, NULL, NULL);
}

/* POST /admin/points/:reason: points an earning, and the daily cap. */
static int
admin_points_save(struct req *r)
{
	const struct fval	*pts = &r->fields[FIELD_POINTS];
	const struct fval	*cap = &r->fields[FIELD_CAP];
	struct dbres		*res;
	enum dberr		 e;
	size_t			 i;

	if (!admin_district(r))
		return 403;
	if ((e = db_query(r->pool, &points_sql[STMT_RULES], &res, "")) !=
	    DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		if (strcmp(DBRES(res, i, 0), r->args[0]) == 0)
			break;
	if (i == res->nrows)
		return 404;
	if (!pts->valid || !cap->valid || pts->i > POINTS_MAX ||
	    cap->i > POINTS_MAX)
		return points_page(r, res, r->args[0], "range");
	if (cap->i < pts->i)
		return points_page(r, res, r->args[0], "cap-below");
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&points_sql[STMT_RULE_SET], NULL, "iis", pts->i,
	    cap->i, r->args[0])) != DB_OK ||
	    (e = audit_write(r, "points-rule", pool_printf(r->pool,
	    "rule %s", r->args[0]), pool_printf(r->pool,
	    "%s: %s/%s → %lld/%lld", DBRES(res, i, 1), DBRES(res, i, 2),
	    DBRES(res, i, 3), pts->i, cap->i))) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/points", "saved");
}
