/*
 * departments.c: the industry departments (行业部门) of the jurisdiction,
 * edited by district admins: add one, rename it, set its place in the
 * list, retire it (units and statistics keep what they recorded under
 * it) or bring it back. Each change and its audit entry are one
 * transaction. A department of another jurisdiction is not found here.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/scope.h"

#define DEPARTMENT_NAME_MAX	32	/* characters, as department.name */
#define DEPARTMENT_SORT_MAX	999

static int	 admin_departments(struct req *);
static int	 admin_department_add(struct req *);
static int	 admin_department_save(struct req *);

static const struct route departments_routes[] = {
	/* ADMIN_DEPARTMENTS: the list, with a form for each */
	{ METHOD_GET, "/admin/departments", admin_departments, RF_ADMIN },
	/* ADMIN_DEPARTMENT_ADD */
	{ METHOD_POST, "/admin/departments", admin_department_add, RF_ADMIN },
	/* ADMIN_DEPARTMENT_SAVE: rename, reorder, retire or restore */
	{ METHOD_POST, "/admin/departments/:id", admin_department_save,
	  RF_ADMIN },
};

enum departments_field {
	FIELD_NAME,
	FIELD_SORT,
	FIELD_RETIRED,
	DEPARTMENTS_FIELD__MAX
};

static const struct field departments_fields[DEPARTMENTS_FIELD__MAX] = {
	{ "name", valid_line, 4 * DEPARTMENT_NAME_MAX, 0 },	/* FIELD_NAME */
	{ "sort", valid_count, 3, 0 },		/* FIELD_SORT */
	{ "retired", valid_flag, 1, 0 },	/* FIELD_RETIRED */
};

static struct sheet departments_sheet = { "admin-departments.xsl", 1, { NULL } };

enum departments_stmt {
	STMT_DEPARTMENT_LIST,
	STMT_DEPARTMENT_INSERT,
	STMT_DEPARTMENT_UPDATE,
	DEPARTMENTS_STMT__MAX
};

static struct stmt departments_sql[DEPARTMENTS_STMT__MAX] = {
	[STMT_DEPARTMENT_LIST] = { "DEPARTMENT_LIST",
	  "SELECT id, name, sort, retired FROM department "
	  "WHERE jurisdiction_id = ? ORDER BY retired, sort, id" },
	[STMT_DEPARTMENT_INSERT] = { "DEPARTMENT_INSERT",
	  "INSERT INTO department (jurisdiction_id, name, sort) SELECT ?, ?, "
	  "COALESCE(MAX(sort), 0) + 1 FROM department "
	  "WHERE jurisdiction_id = ?" },
	[STMT_DEPARTMENT_UPDATE] = { "DEPARTMENT_UPDATE",
	  "UPDATE department SET name = ?, sort = ?, retired = ? "
	  "WHERE id = ? AND jurisdiction_id = ?" },
};

const struct module admin_departments_module = {
	.name = "admin-departments",
	.routes = departments_routes,
	.nroutes = NELEM(departments_routes),
	.fields = departments_fields,
	.nfields = DEPARTMENTS_FIELD__MAX,
	.sheets = &departments_sheet,
	.nsheets = 1,
};

/*
 * The page: every department, active ones first. error, when given, is
 * why the form of department id (0: the form that adds one) was refused;
 * what was typed is shown again.
 */
static int
departments_page(struct req *r, const struct dbres *res, long long id,
    const char *error)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, list, n;
	size_t		 i;

	if ((doc = xml_page(r, "admin-departments")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "departments", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "department", NULL);
		xml_row(n, res, i, "id name sort retired");
	}
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		xml_propll(n, "department", id);
		if (r->fields[FIELD_NAME].present)
			xml_prop(n, "name", r->fields[FIELD_NAME].s);
		r->status = strcmp(error, "taken") == 0 ? 409 : 400;
	}
	return page_finish(r, &departments_sheet, doc);
}

/* The departments of this site's jurisdiction; *j is set. */
static enum dberr
departments_read(struct req *r, const struct jurisdiction **j,
    struct dbres **res)
{
	enum dberr	 e;

	if ((*j = jur_get(r, &e)) == NULL)
		return e;
	return db_query(r->pool, &departments_sql[STMT_DEPARTMENT_LIST], res,
	    "i", (*j)->id);
}

/*
 * Why a department's name cannot be taken, or NULL when it can: one
 * line of 1 to 32 characters, not blank.
 */
static const char *
department_name_refused(const struct fval *name)
{
	if (!name->present || name->sz == 0 ||
	    strspn(name->s, " \t") == name->sz)
		return "missing";
	if (!name->valid || strpbrk(name->s, "\r\n\t") != NULL)
		return "bad-name";
	if (utf8_chars(name->s, name->sz) > DEPARTMENT_NAME_MAX)
		return "long-name";
	return NULL;
}

/* GET /admin/departments */
static int
admin_departments(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if ((e = departments_read(r, &j, &res)) != DB_OK)
		return db_status(e);
	return departments_page(r, res, 0, NULL);
}

/* POST /admin/departments: a new department, last in the list. */
static int
admin_department_add(struct req *r)
{
	const struct fval		*name = &r->fields[FIELD_NAME];
	const struct jurisdiction	*j;
	struct dbres			*res;
	unsigned long long		 id;
	const char			*why;
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if ((e = departments_read(r, &j, &res)) != DB_OK)
		return db_status(e);
	if ((why = department_name_refused(name)) != NULL)
		return departments_page(r, res, 0, why);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&departments_sql[STMT_DEPARTMENT_INSERT], &id, "isi",
	    j->id, name->s, j->id);
	if (e == DB_OK)
		e = audit_write(r, "department-add", pool_printf(r->pool,
		    "department %llu", id), name->s);
	if (e != DB_OK) {
		db_rollback();
		return e == DB_DUP ? departments_page(r, res, 0, "taken") :
		    db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/departments", "saved");
}

/*
 * POST /admin/departments/:id: its name, its place in the list and
 * whether it is retired, as the form sends them (an unticked box is
 * active).
 */
static int
admin_department_save(struct req *r)
{
	const struct fval		*name = &r->fields[FIELD_NAME];
	const struct fval		*sort = &r->fields[FIELD_SORT];
	const struct jurisdiction	*j;
	struct dbres			*res;
	long long			 id, retired;
	const char			*why;
	enum dberr			 e;
	size_t				 i;

	if (!admin_district(r))
		return 403;
	if ((id = path_id(r->args[0])) == 0)
		return 404;
	if ((e = departments_read(r, &j, &res)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		if (db_ll(res, i, 0) == id)
			break;
	if (i == res->nrows)
		return 404;
	if ((why = department_name_refused(name)) != NULL)
		return departments_page(r, res, id, why);
	if (!sort->valid || sort->i > DEPARTMENT_SORT_MAX)
		return departments_page(r, res, id, "bad-sort");
	retired = r->fields[FIELD_RETIRED].valid;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&departments_sql[STMT_DEPARTMENT_UPDATE], NULL, "siiii",
	    name->s, sort->i, retired, id, j->id);
	if (e == DB_OK)
		e = audit_write(r, "department-save", pool_printf(r->pool,
		    "department %lld", id), pool_printf(r->pool,
		    "%s (%s) → %s (%lld%s)", DBRES(res, i, 1), DBRES(res, i, 2),
		    name->s, sort->i, retired ? ", retired" : ""));
	if (e != DB_OK) {
		db_rollback();
		return e == DB_DUP ? departments_page(r, res, id, "taken") :
		    db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/departments", "saved");
}
