/*
 * units.c: units in the admin area: the units people created, those
 * waiting first; approving or rejecting one, and making a unit a key
 * unit (重点单位) or not, which only admins decide. Each decision and its
 * audit entry are one transaction. A district admin sees every unit; a
 * department admin the units of that department only (another's is not
 * found).
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/scope.h"
#include "shared/secret.h"

static int	 admin_units(struct req *);
static int	 admin_unit_decide(struct req *);
static int	 admin_unit_key(struct req *);
static int	 valid_decision(struct fval *);
static int	 valid_status(struct fval *);

static const struct route units_routes[] = {
	/* ADMIN_UNITS: the units, by status */
	{ METHOD_GET, "/admin/units", admin_units, RF_ADMIN },
	/* ADMIN_UNIT_DECIDE: approve or reject a waiting unit */
	{ METHOD_POST, "/admin/units/:id/decide", admin_unit_decide,
	  RF_ADMIN },
	/* ADMIN_UNIT_KEY: a key unit or not */
	{ METHOD_POST, "/admin/units/:id/key", admin_unit_key, RF_ADMIN },
};

enum units_field {
	FIELD_STATUS,
	FIELD_DECISION,
	FIELD_KEY,
	UNITS_FIELD__MAX
};

static const struct field units_fields[UNITS_FIELD__MAX] = {
	{ "status", valid_status, 8, 0 },	/* FIELD_STATUS: a filter */
	{ "decision", valid_decision, 8, 0 },	/* FIELD_DECISION */
	{ "key", valid_flag, 1, 0 },		/* FIELD_KEY: ticked */
};

static struct sheet units_sheet = { "admin-units.xsl", 1, { NULL } };

enum units_stmt {
	STMT_UNIT_ADMIN_LIST,
	STMT_UNIT_ADMIN_GET,
	STMT_UNIT_DECIDE,
	STMT_UNIT_SET_KEY,
	UNITS_STMT__MAX
};

static struct stmt units_sql[UNITS_STMT__MAX] = {
	[STMT_UNIT_ADMIN_LIST] = { "UNIT_ADMIN_LIST",
	  "SELECT u.id, u.name, u.is_key, u.status, u.headcount, d.name, "
	  "g.name, p.name, p.phone_enc, DATE(u.created_at), "
	  "(SELECT COUNT(*) FROM unit_member m WHERE m.unit_id = u.id "
	  "AND m.status = 'active') "
	  "FROM unit u JOIN region g ON g.id = u.region_id "
	  "JOIN person p ON p.id = u.created_by "
	  "LEFT JOIN department d ON d.id = u.department_id "
	  "WHERE u.jurisdiction_id = ? AND (? = '' OR u.status = ?) "
	  "AND (? = 0 OR u.department_id = ?) "
	  "ORDER BY u.status = 'pending' DESC, u.id DESC LIMIT 500" },
	[STMT_UNIT_ADMIN_GET] = { "UNIT_ADMIN_GET",
	  "SELECT id, name, status, is_key FROM unit "
	  "WHERE id = ? AND jurisdiction_id = ? "
	  "AND (? = 0 OR department_id = ?)" },
	[STMT_UNIT_DECIDE] = { "UNIT_DECIDE",
	  "UPDATE unit SET status = ?, decided_at = NOW(), decided_by = ? "
	  "WHERE id = ? AND jurisdiction_id = ? AND status = 'pending'" },
	[STMT_UNIT_SET_KEY] = { "UNIT_SET_KEY",
	  "UPDATE unit SET is_key = ? WHERE id = ? AND jurisdiction_id = ?" },
};

const struct module admin_units_module = {
	.name = "admin-units",
	.routes = units_routes,
	.nroutes = NELEM(units_routes),
	.fields = units_fields,
	.nfields = UNITS_FIELD__MAX,
	.sheets = &units_sheet,
	.nsheets = 1,
};

static int
valid_decision(struct fval *f)
{
	return strcmp(f->s, "approve") == 0 || strcmp(f->s, "reject") == 0;
}

static int
valid_status(struct fval *f)
{
	return strcmp(f->s, "pending") == 0 || strcmp(f->s, "active") == 0 ||
	    strcmp(f->s, "rejected") == 0;
}

/* GET /admin/units?status=…: waiting units first. */
static int
admin_units(struct req *r)
{
	const struct fval		*st = &r->fields[FIELD_STATUS];
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 list, n;
	const char			*filter;
	long long			 dept;
	enum dberr			 e;
	size_t				 i;

	if ((dept = admin_department(r)) == -1)
		return 403;
	filter = st->valid ? st->s : "";
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &units_sql[STMT_UNIT_ADMIN_LIST], &res,
	    "issii", j->id, filter, filter, dept, dept)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-units")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "units", NULL);
	xml_prop(list, "status", filter);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "unit", NULL);
		xml_row(n, res, i, "id name key status headcount department "
		    "region creator - created members");
		xml_prop(n, "creator-phone", mask_phone(r->pool,
		    secret_open_cell(r->pool, res, i, 8, SC_PERSON_PHONE)));
	}
	return page_finish(r, &units_sheet, doc);
}

/*
 * The unit of the path in this jurisdiction and the admin's department
 * (when a department admin), or NULL with *rc set (403 for a scope with
 * no units, 404, or the status of a database failure).
 */
static struct dbres *
unit_of_path(struct req *r, const struct jurisdiction **j, int *rc)
{
	struct dbres	*res;
	long long	 id, dept;
	enum dberr	 e;

	*rc = 403;
	if ((dept = admin_department(r)) == -1)
		return NULL;
	*rc = 404;
	if ((id = path_id(r->args[0])) == 0)
		return NULL;
	if ((*j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &units_sql[STMT_UNIT_ADMIN_GET], &res,
	    "iiii", id, (*j)->id, dept, dept)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	return res->nrows > 0 ? res : NULL;
}

/* POST /admin/units/:id/decide: decision=approve|reject, once. */
static int
admin_unit_decide(struct req *r)
{
	const struct fval		*d = &r->fields[FIELD_DECISION];
	const struct jurisdiction	*j;
	struct dbres			*u;
	const char			*status;
	enum dberr			 e;
	int				 rc;

	if ((u = unit_of_path(r, &j, &rc)) == NULL)
		return rc;
	if (!d->valid)
		return 400;
	if (strcmp(DBRES(u, 0, 2), "pending") != 0)
		return 409;
	status = strcmp(d->s, "approve") == 0 ? "active" : "rejected";
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&units_sql[STMT_UNIT_DECIDE], NULL, "siii", status,
	    r->sess.admin_id, db_ll(u, 0, 0), j->id)) != DB_OK ||
	    db_affected() == 0 ||
	    (e = audit_write(r, strcmp(status, "active") == 0 ?
	    "unit-approve" : "unit-reject", pool_printf(r->pool, "unit %s",
	    DBRES(u, 0, 0)), DBRES(u, 0, 1))) != DB_OK) {
		db_rollback();
		return e == DB_OK ? 409 : db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/units", strcmp(status, "active") == 0 ?
	    "unit-approved" : "unit-rejected");
}

/*
 * POST /admin/units/:id/key: key=1 makes it a key unit, none undoes;
 * the district's decision.
 */
static int
admin_unit_key(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*u;
	long long			 key;
	enum dberr			 e;
	int				 rc;

	if (!admin_district(r))
		return 403;
	if ((u = unit_of_path(r, &j, &rc)) == NULL)
		return rc;
	key = r->fields[FIELD_KEY].valid;
	if (key == db_ll(u, 0, 3))
		return resp_redirect(r, "/admin/units", "saved");
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&units_sql[STMT_UNIT_SET_KEY], NULL, "iii", key,
	    db_ll(u, 0, 0), j->id)) != DB_OK ||
	    (e = audit_write(r, key ? "unit-key" : "unit-unkey",
	    pool_printf(r->pool, "unit %s", DBRES(u, 0, 0)), DBRES(u, 0, 1))) !=
	    DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/units", "saved");
}
