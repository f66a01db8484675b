/*
 * admins.c: the jurisdiction's admin accounts, managed by its district
 * admins: a new account with its scope (the district, a street or town,
 * a department, an approved unit, a fire station) and a password shown
 * once to hand over; an account's
 * name and scope changed, or the account disabled (its sessions end at
 * once: a session is only an admin's while the account is enabled) or
 * enabled again; a new one-time password. An admin cannot disable or
 * re-scope their own account, so that a jurisdiction never loses its
 * last district admin by a slip. Each change and its audit entry are one
 * transaction.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/pwhash.h"
#include "shared/scope.h"

#define ADMIN_NAME_MAX	32	/* characters */

static int	 admins_list(struct req *);
static int	 admins_add(struct req *);
static int	 admins_save(struct req *);
static int	 admins_password(struct req *);
static int	 valid_scope(struct fval *);
static int	 valid_account(struct fval *);

static const struct route admins_routes[] = {
	/* ADMINS: the accounts, and a form for a new one */
	{ METHOD_GET, "/admin/admins", admins_list, RF_ADMIN },
	/* ADMINS_ADD: its password shown once */
	{ METHOD_POST, "/admin/admins", admins_add, RF_ADMIN },
	/* ADMINS_SAVE: name, scope, disabled */
	{ METHOD_POST, "/admin/admins/:id", admins_save, RF_ADMIN },
	/* ADMINS_PASSWORD: a new one-time password */
	{ METHOD_POST, "/admin/admins/:id/password", admins_password,
	  RF_ADMIN },
};

enum admins_field {
	FIELD_LOGIN,
	FIELD_NAME,
	FIELD_SCOPE,
	FIELD_REGION,
	FIELD_DEPARTMENT,
	FIELD_UNIT,
	FIELD_STATION,
	FIELD_DISABLED,
	ADMINS_FIELD__MAX
};

static const struct field admins_fields[ADMINS_FIELD__MAX] = {
	{ "login", valid_account, 32, 0 },	/* FIELD_LOGIN */
	{ "name", valid_line, 4 * ADMIN_NAME_MAX, 0 },	/* FIELD_NAME */
	{ "scope", valid_scope, 16, 0 },	/* FIELD_SCOPE */
	{ "region", valid_id, 10, 0 },		/* FIELD_REGION: a street's */
	{ "department", valid_id, 10, 0 },	/* FIELD_DEPARTMENT */
	{ "unit", valid_id, 10, 0 },		/* FIELD_UNIT */
	{ "station", valid_id, 10, 0 },		/* FIELD_STATION */
	{ "disabled", valid_flag, 1, 0 },	/* FIELD_DISABLED: ticked */
};

static struct sheet admins_sheet = { "admin-admins.xsl", 1, { NULL } };

enum admins_stmt {
	STMT_LIST,
	STMT_GET,
	STMT_INSERT,
	STMT_UPDATE,
	STMT_PASSWORD,
	STMT_REGIONS,
	STMT_DEPARTMENTS,
	STMT_UNITS,
	STMT_STATIONS,
	STMT_REGION_HERE,
	STMT_DEPARTMENT_HERE,
	STMT_UNIT_HERE,
	STMT_STATION_HERE,
	ADMINS_STMT__MAX
};

static struct stmt admins_sql[ADMINS_STMT__MAX] = {
	[STMT_LIST] = { "ADMINS_LIST",
	  "SELECT a.id, a.login, a.name, a.scope, a.scope_id, a.disabled, "
	  "DATE(a.created_at), a.last_login_at, "
	  "COALESCE(g.name, d.name, u.name, s.name) "
	  "FROM admin a LEFT JOIN region g ON a.scope = 'street' AND "
	  "g.id = a.scope_id LEFT JOIN department d ON a.scope = "
	  "'department' AND d.id = a.scope_id LEFT JOIN unit u ON "
	  "a.scope = 'unit' AND u.id = a.scope_id LEFT JOIN station s ON "
	  "a.scope = 'station' AND s.id = a.scope_id "
	  "WHERE a.jurisdiction_id = ? "
	  "ORDER BY a.disabled, a.scope = 'district' DESC, a.id" },
	[STMT_GET] = { "ADMINS_GET",
	  "SELECT id, login, name, scope, scope_id, disabled FROM admin "
	  "WHERE id = ? AND jurisdiction_id = ?" },
	[STMT_INSERT] = { "ADMINS_INSERT",
	  "INSERT INTO admin (jurisdiction_id, login, pw_hash, name, scope, "
	  "scope_id, created_at) VALUES (?, ?, ?, ?, ?, ?, NOW())" },
	[STMT_UPDATE] = { "ADMINS_UPDATE",
	  "UPDATE admin SET name = ?, scope = ?, scope_id = ?, disabled = ? "
	  "WHERE id = ? AND jurisdiction_id = ?" },
	[STMT_PASSWORD] = { "ADMINS_PASSWORD",
	  "UPDATE admin SET pw_hash = ? WHERE id = ? AND jurisdiction_id = ?" },
	/* What a scope may name: streets, departments, units, stations. */
	[STMT_REGIONS] = { "ADMINS_REGIONS",
	  "SELECT id, name FROM region WHERE jurisdiction_id = ? "
	  "AND retired = 0 ORDER BY sort, id" },
	[STMT_DEPARTMENTS] = { "ADMINS_DEPARTMENTS",
	  "SELECT id, name FROM department WHERE jurisdiction_id = ? "
	  "AND retired = 0 ORDER BY sort, id" },
	/* The approved units, by street or town (the form groups them). */
	[STMT_UNITS] = { "ADMINS_UNITS",
	  "SELECT u.id, u.name, g.id, g.name FROM unit u JOIN region g ON "
	  "g.id = u.region_id WHERE u.jurisdiction_id = ? AND u.status = "
	  "'active' ORDER BY g.sort, g.id, u.name" },
	[STMT_STATIONS] = { "ADMINS_STATIONS",
	  "SELECT id, name FROM station WHERE jurisdiction_id = ? "
	  "AND retired = 0 ORDER BY name" },
	/* The one a form names, when it is this jurisdiction's and open. */
	[STMT_REGION_HERE] = { "ADMINS_REGION_HERE",
	  "SELECT id FROM region WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
	[STMT_DEPARTMENT_HERE] = { "ADMINS_DEPARTMENT_HERE",
	  "SELECT id FROM department WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
	[STMT_UNIT_HERE] = { "ADMINS_UNIT_HERE",
	  "SELECT id FROM unit WHERE id = ? AND jurisdiction_id = ? "
	  "AND status = 'active'" },
	[STMT_STATION_HERE] = { "ADMINS_STATION_HERE",
	  "SELECT id FROM station WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
};

/*
 * The scopes that name something: the form field that names it, the
 * statement that finds it in this jurisdiction, and why a form without
 * one (or with another jurisdiction's) is refused.
 */
static const struct {
	const char		*scope;
	enum admins_field	 field;
	enum admins_stmt	 here;
	const char		*why;
} scope_kinds[] = {
	{ "street", FIELD_REGION, STMT_REGION_HERE, "no-region" },
	{ "department", FIELD_DEPARTMENT, STMT_DEPARTMENT_HERE,
	  "no-department" },
	{ "unit", FIELD_UNIT, STMT_UNIT_HERE, "no-unit" },
	{ "station", FIELD_STATION, STMT_STATION_HERE, "no-station" },
};

const struct module admin_admins_module = {
	.name = "admin-admins",
	.routes = admins_routes,
	.nroutes = NELEM(admins_routes),
	.fields = admins_fields,
	.nfields = ADMINS_FIELD__MAX,
	.sheets = &admins_sheet,
	.nsheets = 1,
};

static int
valid_scope(struct fval *f)
{
	size_t	 i;

	for (i = 0; i < NELEM(scope_kinds); i++)
		if (strcmp(f->s, scope_kinds[i].scope) == 0)
			return 1;
	return strcmp(f->s, "district") == 0;
}

/* A sign-in name: 3 to 32 of a-z, 0-9, '.', '_' and '-'. */
static int
valid_account(struct fval *f)
{
	return f->sz >= 3 && strspn(f->s,
	    "abcdefghijklmnopqrstuvwxyz0123456789._-") == f->sz;
}

/*
 * The page: the accounts and the form for a new one; with the password
 * of an account just made or reset (shown this once), or why a form
 * was refused (of account id; 0: the new one).
 */
static int
admins_page(struct req *r, const char *password, long long id,
    const char *error)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, list, n;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &admins_sql[STMT_LIST], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-admins")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "admins", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "admin", NULL);
		xml_row(n, res, i, "id login name scope scope-id disabled "
		    "created last-login scope-name");
		if (db_ll(res, i, 0) == r->sess.admin_id)
			xml_prop(n, "me", "1");
	}
	n = xml_add(root, "scopes", NULL);
	if ((e = db_query(r->pool, &admins_sql[STMT_REGIONS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "region", NULL), res, i, "id name");
	if ((e = db_query(r->pool, &admins_sql[STMT_DEPARTMENTS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "department", NULL), res, i, "id name");
	if ((e = db_query(r->pool, &admins_sql[STMT_UNITS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "unit", NULL), res, i,
		    "id name region region-name");
	if ((e = db_query(r->pool, &admins_sql[STMT_STATIONS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "station", NULL), res, i, "id name");
	if (password != NULL) {
		n = xml_add(root, "password", password);
		xml_propll(n, "admin", id);
		r->status = 200;
	}
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		xml_propll(n, "admin", id);
		if (r->fields[FIELD_LOGIN].present &&
		    utf8_text(r->fields[FIELD_LOGIN].s,
		    r->fields[FIELD_LOGIN].sz))
			xml_prop(n, "login", r->fields[FIELD_LOGIN].s);
		if (r->fields[FIELD_NAME].valid)
			xml_prop(n, "name", r->fields[FIELD_NAME].s);
		r->status = strcmp(error, "taken") == 0 ||
		    strcmp(error, "self") == 0 ? 409 : 400;
	}
	/* A password on the page: never kept by the browser. */
	return page_finish(r, &admins_sheet, doc);
}

static int
admins_list(struct req *r)
{
	if (!admin_district(r))
		return 403;
	return admins_page(r, NULL, 0, NULL);
}

/* A new random password, as admin-add makes them. */
static void
password_make(char out[24])
{
	unsigned char	 raw[12];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, 24, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/*
 * The scope of the form and what it names (*of), or NULL with why not
 * (*why): a street, department, approved unit or station of this
 * jurisdiction (a forged id of another's is refused like none).
 */
static const char *
form_scope(struct req *r, long long *of, const char **why)
{
	const struct jurisdiction	*j;
	const struct fval		*sc = &r->fields[FIELD_SCOPE];
	const struct fval		*pick;
	struct dbres			*res;
	enum dberr			 e;
	size_t				 k;

	*of = 0;
	*why = "bad-scope";
	if (!sc->valid)
		return NULL;
	if (strcmp(sc->s, "district") == 0)
		return sc->s;
	for (k = 0; k < NELEM(scope_kinds); k++)
		if (strcmp(sc->s, scope_kinds[k].scope) == 0)
			break;
	if (k == NELEM(scope_kinds))
		return NULL;
	pick = &r->fields[scope_kinds[k].field];
	*why = scope_kinds[k].why;
	if (!pick->valid || (j = jur_get(r, &e)) == NULL ||
	    db_query(r->pool, &admins_sql[scope_kinds[k].here], &res, "ii",
	    pick->i, j->id) != DB_OK || res->nrows == 0)
		return NULL;
	*of = pick->i;
	return sc->s;
}

/* Why a name cannot be taken (1 to 32 characters, one line), or NULL. */
static const char *
name_refused(const struct fval *n)
{
	if (!n->present || n->sz == 0 || strspn(n->s, " \t") == n->sz)
		return "no-name";
	if (!n->valid || strpbrk(n->s, "\r\n\t") != NULL ||
	    utf8_chars(n->s, n->sz) > ADMIN_NAME_MAX)
		return "bad-name";
	return NULL;
}

/* POST /admin/admins: a new account; its password on the page. */
static int
admins_add(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*login = &r->fields[FIELD_LOGIN];
	const char			*scope, *why;
	char				 pw[24], hash[PWHASH_LEN];
	unsigned long long		 id;
	long long			 of;
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if (!login->valid)
		return admins_page(r, NULL, 0, "bad-login");
	if ((why = name_refused(&r->fields[FIELD_NAME])) != NULL ||
	    (scope = form_scope(r, &of, &why)) == NULL)
		return admins_page(r, NULL, 0, why);
	password_make(pw);
	if (pwhash_make(hash, pw) == -1 || (j = jur_get(r, &e)) == NULL)
		return 500;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&admins_sql[STMT_INSERT], &id, "isssss", j->id, login->s,
	    hash, r->fields[FIELD_NAME].s, scope, of != 0 ?
	    pool_printf(r->pool, "%lld", of) : NULL);
	if (e == DB_OK)
		e = audit_write(r, "admin-add", pool_printf(r->pool,
		    "admin %llu", id), pool_printf(r->pool, "%s (%s %lld)",
		    login->s, scope, of));
	if (e == DB_DUP) {
		db_rollback();
		return admins_page(r, NULL, 0, "taken");
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return admins_page(r, pw, (long long)id, NULL);
}

/*
 * POST /admin/admins/:id: name, scope and disabled as the form sends
 * them (an unticked box is enabled). Not one's own scope or state.
 */
static int
admins_save(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*a;
	const char			*scope, *why;
	long long			 of, id, off;
	enum dberr			 e;
	int				 rc;

	if (!admin_district(r))
		return 403;
	if ((a = jur_row(r, &admins_sql[STMT_GET], r->args[0], &rc)) == NULL)
		return rc;
	id = db_ll(a, 0, 0);
	if ((why = name_refused(&r->fields[FIELD_NAME])) != NULL ||
	    (scope = form_scope(r, &of, &why)) == NULL)
		return admins_page(r, NULL, id, why);
	off = r->fields[FIELD_DISABLED].valid;
	if (id == r->sess.admin_id && (off || strcmp(scope, "district") != 0))
		return admins_page(r, NULL, id, "self");
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&admins_sql[STMT_UPDATE], NULL, "sssiii",
	    r->fields[FIELD_NAME].s, scope, of != 0 ? pool_printf(r->pool,
	    "%lld", of) : NULL, off, id, j->id);
	if (e == DB_OK)
		e = audit_write(r, "admin-save", pool_printf(r->pool,
		    "admin %lld", id), pool_printf(r->pool,
		    "%s %s (%s %s%s) → %s (%s %lld%s)", DBRES(a, 0, 1),
		    DBRES(a, 0, 2), DBRES(a, 0, 3), DBRES(a, 0, 4) ?
		    DBRES(a, 0, 4) : "0", db_ll(a, 0, 5) ? ", disabled" : "",
		    r->fields[FIELD_NAME].s, scope, of, off ? ", disabled" :
		    ""));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/admins#admin-%lld",
	    id), "saved");
}

/* POST /admin/admins/:id/password: a new password, shown once. */
static int
admins_password(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*a;
	char				 pw[24], hash[PWHASH_LEN];
	enum dberr			 e;
	int				 rc;

	if (!admin_district(r))
		return 403;
	if ((a = jur_row(r, &admins_sql[STMT_GET], r->args[0], &rc)) == NULL)
		return rc;
	password_make(pw);
	if (pwhash_make(hash, pw) == -1 || (j = jur_get(r, &e)) == NULL)
		return 500;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&admins_sql[STMT_PASSWORD], NULL, "sii", hash,
	    db_ll(a, 0, 0), j->id);
	if (e == DB_OK)
		e = audit_write(r, "admin-password", pool_printf(r->pool,
		    "admin %s", DBRES(a, 0, 0)), DBRES(a, 0, 1));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return admins_page(r, pw, db_ll(a, 0, 0), NULL);
}
