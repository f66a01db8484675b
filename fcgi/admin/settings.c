/*
 * settings.c: reference data edited by district admins.
 *
 * Roles: the name shown, who it is for (each also in English, for the
 * English interface), how long its codes are valid, and its quiz
 * (questions drawn, time limit, pass mark). A change applies to
 * attempts started and codes issued from then on; past ones keep what
 * they were given.
 *
 * Streets and towns: their English name, and their resident population,
 * from which the monthly target (1%) follows; unknown until entered (a
 * new jurisdiction starts that way).
 *
 * What a form is refused for is a code (error="months") that the
 * stylesheet words.
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
	FIELD_NAME_EN,
	FIELD_AUDIENCE_EN,
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
	{ "name_en", valid_line, 64, 0 },	/* FIELD_NAME_EN: "": none */
	{ "audience_en", valid_line, 400, 0 },	/* FIELD_AUDIENCE_EN */
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
	STMT_REGION_NAME_EN,
	SETTINGS_STMT__MAX
};

static struct stmt settings_sql[SETTINGS_STMT__MAX] = {
	[STMT_ROLE_ADMIN_LIST] = { "ROLE_ADMIN_LIST",
	  "SELECT r.code, r.name, r.validity_months, r.audience, r.questions, "
	  "r.time_limit_min, r.pass_mark, (SELECT COUNT(*) FROM question q "
	  "JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND "
	  "q.retired = 0 AND FIND_IN_SET(r.code, q.roles)), r.name_en, "
	  "r.audience_en FROM role r ORDER BY r.sort, r.code" },
	[STMT_ROLE_UPDATE] = { "ROLE_UPDATE",
	  "UPDATE role SET name = ?, audience = ?, validity_months = ?, "
	  "questions = ?, time_limit_min = ?, pass_mark = ?, name_en = ?, "
	  "audience_en = ? WHERE code = ?" },
	[STMT_REGION_POPULATION] = { "REGION_POPULATION",
	  "UPDATE region SET population = ? WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
	[STMT_REGION_NAME_EN] = { "REGION_NAME_EN",
	  "UPDATE region SET name_en = ? WHERE id = ? AND jurisdiction_id = ? "
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

/* What the form may say; the field's name is the error's code. */
struct rolelimit {
	enum settings_field field;
	long long	 min, max;
};

static const struct rolelimit limits[] = {
	{ FIELD_MONTHS, 1, 60 },
	{ FIELD_QUESTIONS, 1, QUIZ_MAXQ },
	{ FIELD_MINUTES, 1, 180 },
	{ FIELD_PASS, 1, 100 },
};

#define NAME_EN_MAX	64	/* characters, as the columns hold */
#define AUDIENCE_EN_MAX	400

/*
 * An optional English text: absent, the value kept (*v = was); empty,
 * none (NULL); otherwise one line of at most max characters. 0 when it
 * is refused.
 */
static int
english(const struct fval *f, size_t max, const char *was, const char **v)
{
	*v = was;
	if (!f->present)
		return 1;
	*v = NULL;
	if (f->sz == 0)
		return 1;
	*v = f->s;
	return f->valid && utf8_chars(f->s, f->sz) <= max &&
	    strpbrk(f->s, "\r\n") == NULL && f->s[0] != ' ';
}
#define NLIMITS	(sizeof(limits) / sizeof(limits[0]))

/*
 * The roles page from their rows (ROLE_ADMIN_LIST); why, when given, is
 * the code of what the form of the role code was refused for.
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
		xml_row(n, res, i, "code name months audience questions "
		    "minutes pass available name-en audience-en");
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
	const char		*name_en, *aud_en;

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
		return roles_page(r, res, code, "name");
	if (!aud->valid || utf8_chars(aud->s, aud->sz) > 200)
		return roles_page(r, res, code, "audience");
	if (!english(&r->fields[FIELD_NAME_EN], NAME_EN_MAX,
	    DBRES(res, row, 8), &name_en))
		return roles_page(r, res, code, "name_en");
	if (!english(&r->fields[FIELD_AUDIENCE_EN], AUDIENCE_EN_MAX,
	    DBRES(res, row, 9), &aud_en))
		return roles_page(r, res, code, "audience_en");
	for (i = 0; i < NLIMITS; i++) {
		const struct fval *f = &r->fields[limits[i].field];

		if (!f->valid || f->i < limits[i].min || f->i > limits[i].max)
			return roles_page(r, res, code,
			    settings_fields[limits[i].field].name);
		v[i] = f->i;
	}
	if (v[1] > db_ll(res, row, 7))
		return roles_page(r, res, code, "available");
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&settings_sql[STMT_ROLE_UPDATE], NULL, "ssiiiisss",
	    name->s, aud->s, v[0], v[1], v[2], v[3], name_en, aud_en, code)) !=
	    DB_OK || (e = audit_write(r, "role-save", pool_printf(r->pool,
	    "role %s", code), pool_printf(r->pool, "%s (%s): %lld months, "
	    "%lld questions, %lld min, pass %lld", name->s,
	    name_en ? name_en : "-", v[0], v[1], v[2], v[3]))) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/roles", "saved");
}

#define POPULATION_MAX	20000000	/* more than any street or town */

/*
 * The streets and towns page; error names the region refused, and the
 * code of why.
 */
static int
regions_page(struct req *r, long long id, const char *why)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	int		 rc;

	if ((doc = xml_page(r, "admin-regions")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = region_xml_zh(r, root)) != 0) {
		xmlFreeDoc(doc);
		return rc;
	}
	if (why != NULL) {
		n = xml_add(root, "error", NULL);
		xml_propll(n, "region", id);
		xml_prop(n, "code", why);
		r->status = 400;
	}
	return page_finish(r, &settings_sheets[SHEET_ADMIN_REGIONS], doc);
}

/* The audit entry of a new English name of row i (REGION_LIST), if any. */
static enum dberr
region_name_audit(struct req *r, const struct dbres *res, size_t i,
    const char *name_en)
{
	const char	*was = DBRES(res, i, 6);

	if ((was == NULL && name_en == NULL) ||
	    (was != NULL && name_en != NULL && strcmp(was, name_en) == 0))
		return DB_OK;
	return audit_write(r, "region-name-en", pool_printf(r->pool,
	    "region %s", DBRES(res, i, 0)), pool_printf(r->pool, "%s: %s → %s",
	    DBRES(res, i, 2), was ? was : "-", name_en ? name_en : "-"));
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
 * or clear it (an empty field: not known), and its English name when the
 * form has it (empty: none). The change and its audit entry are one
 * transaction.
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
	const char			*old, *name_en;

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
		return regions_page(r, id, "population");
	if (!english(&r->fields[FIELD_NAME_EN], NAME_EN_MAX, DBRES(res, i, 6),
	    &name_en))
		return regions_page(r, id, "name_en");
	old = DBRES(res, i, 4) != NULL ? DBRES(res, i, 4) : "未录入";
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&settings_sql[STMT_REGION_POPULATION], NULL, "nii",
	    pop->sz > 0 ? pop->i : 0LL, id, j->id)) != DB_OK ||
	    (e = db_exec(&settings_sql[STMT_REGION_NAME_EN], NULL, "sii",
	    name_en, id, j->id)) != DB_OK ||
	    (e = audit_write(r, "region-population", pool_printf(r->pool,
	    "region %lld", id),
	    pool_printf(r->pool, "%s: %s → %s", DBRES(res, i, 2), old,
	    pop->sz > 0 ? pop->s : "未录入"))) != DB_OK ||
	    (e = region_name_audit(r, res, i, name_en)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/regions", "saved");
}
