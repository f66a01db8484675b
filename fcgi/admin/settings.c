/*
 * settings.c: reference data edited by district admins.
 *
 * Roles: the name shown, who it is for, how long its codes are valid,
 * and its quiz (questions drawn, time limit, pass mark). A change applies
 * to attempts started and codes issued from then on; past ones keep
 * what they were given.
 *
 * Streets and towns: their resident population, from which the monthly
 * target (1%) follows; unknown until entered (a new jurisdiction starts
 * that way).
 */
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "quiz/quiz.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/scope.h"

static int	 admin_roles(struct req *);
static int	 admin_role_save(struct req *);
static int	 admin_regions(struct req *);
static int	 admin_region_save(struct req *);

static const struct route settings_routes[] = {
	/* ADMIN_ROLES: the roles and their quiz settings */
	{ METHOD_GET, "/admin/roles", admin_roles, RF_ADMIN },
	{ METHOD_POST, "/admin/roles/:code", admin_role_save, RF_ADMIN },
	/* ADMIN_REGIONS: the streets and towns and their populations */
	{ METHOD_GET, "/admin/regions", admin_regions, RF_ADMIN },
	{ METHOD_POST, "/admin/regions/:id", admin_region_save, RF_ADMIN },
};

enum settings_field {
	FIELD_NAME,
	FIELD_AUDIENCE,
	FIELD_MONTHS,
	FIELD_QUESTIONS,
	FIELD_MINUTES,
	FIELD_PASS,
	FIELD_POPULATION,
	SETTINGS_FIELD__MAX
};

static const struct field settings_fields[SETTINGS_FIELD__MAX] = {
	{ "name", valid_name, 48, 0 },		/* FIELD_NAME */
	{ "audience", valid_line, 600, 0 },	/* FIELD_AUDIENCE */
	{ "months", valid_id, 2, 0 },		/* FIELD_MONTHS */
	{ "questions", valid_id, 2, 0 },	/* FIELD_QUESTIONS */
	{ "minutes", valid_id, 3, 0 },		/* FIELD_MINUTES */
	{ "pass", valid_id, 3, 0 },		/* FIELD_PASS */
	{ "population", valid_count, 8, 0 },	/* FIELD_POPULATION: 0 or more */
};

enum settings_sheet {
	SHEET_ADMIN_ROLES,
	SHEET_ADMIN_REGIONS,
	SETTINGS_SHEET__MAX
};

static struct sheet settings_sheets[SETTINGS_SHEET__MAX] = {
	{ "admin-roles.xsl", 1, { NULL } },		/* SHEET_ADMIN_ROLES */
	{ "admin-regions.xsl", 1, { NULL } },	/* SHEET_ADMIN_REGIONS */
};

enum settings_stmt {
	STMT_ROLE_ADMIN_LIST,
	STMT_ROLE_UPDATE,
	STMT_REGION_POPULATION,
	SETTINGS_STMT__MAX
};

static struct stmt settings_sql[SETTINGS_STMT__MAX] = {
	[STMT_ROLE_ADMIN_LIST] = { "ROLE_ADMIN_LIST",
	  "SELECT r.code, r.name, r.validity_months, r.audience, r.questions, "
	  "r.time_limit_min, r.pass_mark, (SELECT COUNT(*) FROM question q "
	  "JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND "
	  "q.retired = 0 AND FIND_IN_SET(r.code, q.roles)) FROM role r "
	  "ORDER BY r.sort, r.code" },
	[STMT_ROLE_UPDATE] = { "ROLE_UPDATE",
	  "UPDATE role SET name = ?, audience = ?, validity_months = ?, "
	  "questions = ?, time_limit_min = ?, pass_mark = ? WHERE code = ?" },
	[STMT_REGION_POPULATION] = { "REGION_POPULATION",
	  "UPDATE region SET population = ? WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
};

const struct module admin_settings_module = {
	.name = "admin-settings",
	.routes = settings_routes,
	.nroutes = NELEM(settings_routes),
	.fields = settings_fields,
	.nfields = SETTINGS_FIELD__MAX,
	.sheets = settings_sheets,
	.nsheets = SETTINGS_SHEET__MAX,
};

/* What the form may say, and why it is refused otherwise. */
struct rolelimit {
	enum settings_field field;
	long long	 min, max;
	const char	*why;
};

static const struct rolelimit limits[] = {
	{ FIELD_MONTHS, 1, 60, "有效期应为 1–60 个月。" },
	{ FIELD_QUESTIONS, 1, QUIZ_MAXQ, "每次答题的题数应为 1–50 道。" },
	{ FIELD_MINUTES, 1, 180, "答题时限应为 1–180 分钟。" },
	{ FIELD_PASS, 1, 100, "及格线应为 1–100 分。" },
};
#define NLIMITS	(sizeof(limits) / sizeof(limits[0]))

/*
 * The roles page from their rows (ROLE_ADMIN_LIST); why, when given, is
 * why the form of the role code was refused.
 */
static int
roles_page(struct req *r, const struct dbres *res, const char *code,
    const char *why)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 list, n;
	size_t		 i;

	if ((doc = xml_page(r, "admin-roles")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "roles", NULL);
	xml_propll(list, "max-questions", QUIZ_MAXQ);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "role", NULL);
		xml_row(n, res, i,
		    "code name months audience questions minutes pass available");
		if (code != NULL && strcmp(code, DBRES(res, i, 0)) == 0)
			xml_prop(n, "error", why);
	}
	if (why != NULL)
		r->status = 400;
	return page_finish(r, &settings_sheets[SHEET_ADMIN_ROLES], doc);
}

/* GET /admin/roles */
static int
admin_roles(struct req *r)
{
	struct dbres	*res;
	enum dberr	 e;

	if (!admin_district(r))
		return 403;
	if ((e = db_query(r->pool, &settings_sql[STMT_ROLE_ADMIN_LIST], &res,
	    "")) != DB_OK)
		return db_status(e);
	return roles_page(r, res, NULL, NULL);
}

/*
 * POST /admin/roles/:code: save one role's settings. The number of
 * questions cannot exceed what the published bank has for the role. The
 * change and its audit entry are one transaction.
 */
static int
admin_role_save(struct req *r)
{
	const struct fval	*name = &r->fields[FIELD_NAME];
	const struct fval	*aud = &r->fields[FIELD_AUDIENCE];
	struct dbres		*res;
	const char		*code = r->args[0];
	enum dberr		 e;
	size_t			 i, row;
	long long		 v[NLIMITS];

	if (!admin_district(r))
		return 403;
	if ((e = db_query(r->pool, &settings_sql[STMT_ROLE_ADMIN_LIST], &res,
	    "")) != DB_OK)
		return db_status(e);
	for (row = 0; row < res->nrows; row++)
		if (strcmp(DBRES(res, row, 0), code) == 0)
			break;
	if (row == res->nrows)
		return 404;
	if (!name->valid)
		return roles_page(r, res, code, "名称应为 1–16 个字。");
	if (!aud->valid || utf8_chars(aud->s, aud->sz) > 200)
		return roles_page(r, res, code, "适用人群应为 1–200 个字。");
	for (i = 0; i < NLIMITS; i++) {
		const struct fval *f = &r->fields[limits[i].field];

		if (!f->valid || f->i < limits[i].min || f->i > limits[i].max)
			return roles_page(r, res, code, limits[i].why);
		v[i] = f->i;
	}
	if (v[1] > db_ll(res, row, 7))
		return roles_page(r, res, code, pool_printf(r->pool,
		    "已发布题库中适用于该角色的题目只有 %lld 道，每次答题的题数不能更多。",
		    db_ll(res, row, 7)));
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&settings_sql[STMT_ROLE_UPDATE], NULL, "ssiiiis",
	    name->s, aud->s, v[0], v[1], v[2], v[3], code)) != DB_OK || (e =
	    audit_write(r, "role-save", pool_printf(r->pool, "role %s", code),
	    pool_printf(r->pool, "%s: %lld months, %lld questions, %lld min, "
	    "pass %lld", name->s, v[0], v[1], v[2], v[3]))) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/roles", "saved");
}

#define POPULATION_MAX	20000000	/* more than any street or town */

/* The streets and towns page; error names the region refused, and why. */
static int
regions_page(struct req *r, long long id, const char *why)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	int		 rc;

	if ((doc = xml_page(r, "admin-regions")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = region_xml(r, root)) != 0) {
		xmlFreeDoc(doc);
		return rc;
	}
	if (why != NULL) {
		n = xml_add(root, "error", why);
		xml_propll(n, "region", id);
		r->status = 400;
	}
	return page_finish(r, &settings_sheets[SHEET_ADMIN_REGIONS], doc);
}

/* GET /admin/regions */
static int
admin_regions(struct req *r)
{
	if (!admin_district(r))
		return 403;
	return regions_page(r, 0, NULL);
}

/*
 * POST /admin/regions/:id: set a street's or town's resident population,
 * or clear it (an empty field: not known). The change and its audit entry
 * are one transaction.
 */
static int
admin_region_save(struct req *r)
{
	const struct fval		*pop = &r->fields[FIELD_POPULATION];
	const struct jurisdiction	*j;
	struct dbres			*res;
	enum dberr			 e;
	long long			 id;
	size_t				 i;
	const char			*old;

	if (!admin_district(r))
		return 403;
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((id = path_id(r->args[0])) == 0)
		return 404;
	if ((e = region_list(r, &res)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		if (db_ll(res, i, 0) == id)
			break;
	if (i == res->nrows)
		return 404;
	if (!pop->present || (pop->sz > 0 && (!pop->valid || pop->i < 1 ||
	    pop->i > POPULATION_MAX)))
		return regions_page(r, id, "常住人口应为 1–20,000,000 之间的整数；不知道时留空。");
	old = DBRES(res, i, 4) != NULL ? DBRES(res, i, 4) : "未录入";
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&settings_sql[STMT_REGION_POPULATION], NULL, "nii",
	    pop->sz > 0 ? pop->i : 0LL, id, j->id)) != DB_OK ||
	    (e = audit_write(r, "region-population", pool_printf(r->pool,
	    "region %lld", id),
	    pool_printf(r->pool, "%s: %s → %s", DBRES(res, i, 2), old,
	    pop->sz > 0 ? pop->s : "未录入"))) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/regions", "saved");
}
