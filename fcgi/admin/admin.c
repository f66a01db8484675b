/*
 * admin.c: the admin area's entry: sign-in, sign-out, the admin home
 * (with the links the admin's scope can use), and adding an admin from
 * the command line.
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
#include "shared/throttle.h"

static int	 admin_get(struct req *);
static int	 admin_login_post(struct req *);
static int	 admin_logout_post(struct req *);
static int	 admin_login_page(struct req *, const char *, long long);
static void	 admin_session(struct req *, xmlNodePtr, xmlNodePtr);

static const struct route admin_routes[] = {
	/* ADMIN: the sign-in form, or the admin home once signed in */
	{ METHOD_GET, "/admin", admin_get, 0 },
	/* ADMIN_LOGIN */
	{ METHOD_POST, "/admin/login", admin_login_post, 0 },
	/* ADMIN_LOGOUT */
	{ METHOD_POST, "/admin/logout", admin_logout_post, 0 },
};

enum admin_field {
	FIELD_LOGIN,
	FIELD_PASSWORD,
	FIELD_NEXT,
	ADMIN_FIELD__MAX
};

static const struct field admin_fields[ADMIN_FIELD__MAX] = {
	{ "login", valid_login, 64, 0 },	/* FIELD_LOGIN */
	{ "password", valid_text, 256, 0 },	/* FIELD_PASSWORD */
	{ "next", valid_localpath, 512, 0 },	/* FIELD_NEXT */
};

enum admin_sheet {
	SHEET_ADMIN_LOGIN,
	SHEET_ADMIN_HOME,
	ADMIN_SHEET__MAX
};

static struct sheet admin_sheets[ADMIN_SHEET__MAX] = {
	{ "admin-login.xsl", 1, { NULL } },	/* SHEET_ADMIN_LOGIN */
	{ "admin-home.xsl", 1, { NULL } },	/* SHEET_ADMIN_HOME */
};

enum admin_stmt {
	STMT_ADMIN_BY_LOGIN,
	STMT_ADMIN_LOGIN_OK,
	STMT_ADMIN_INSERT,
	STMT_SCOPE_STREET,
	STMT_SCOPE_DEPARTMENT,
	STMT_SCOPE_UNIT,
	STMT_SCOPE_STATION,
	STMT_SCOPE_NAME,
	STMT_AUDIT_RECENT,
	STMT_FAILED_RECENT,
	ADMIN_STMT__MAX
};

static struct stmt admin_sql[ADMIN_STMT__MAX] = {
	[STMT_ADMIN_BY_LOGIN] = { "ADMIN_BY_LOGIN",
	  "SELECT id, pw_hash, disabled FROM admin WHERE login = ? "
	  "AND jurisdiction_id = ?" },
	[STMT_ADMIN_LOGIN_OK] = { "ADMIN_LOGIN_OK",
	  "UPDATE admin SET last_login_at = NOW() WHERE id = ?" },
	[STMT_ADMIN_INSERT] = { "ADMIN_INSERT",
	  "INSERT INTO admin (jurisdiction_id, login, pw_hash, name, scope, "
	  "scope_id, created_at) SELECT id, ?, ?, ?, ?, ?, NOW() "
	  "FROM jurisdiction WHERE code = ?" },
	/* What admin-add's NAME names, in the jurisdiction of code. */
	[STMT_SCOPE_STREET] = { "ADMIN_SCOPE_STREET",
	  "SELECT g.id FROM region g JOIN jurisdiction j ON j.id = "
	  "g.jurisdiction_id WHERE j.code = ? AND g.name = ? "
	  "AND g.retired = 0" },
	[STMT_SCOPE_DEPARTMENT] = { "ADMIN_SCOPE_DEPARTMENT",
	  "SELECT d.id FROM department d JOIN jurisdiction j ON j.id = "
	  "d.jurisdiction_id WHERE j.code = ? AND d.name = ? "
	  "AND d.retired = 0" },
	[STMT_SCOPE_UNIT] = { "ADMIN_SCOPE_UNIT",
	  "SELECT u.id FROM unit u JOIN jurisdiction j ON j.id = "
	  "u.jurisdiction_id WHERE j.code = ? AND u.name = ? "
	  "AND u.status = 'active'" },
	[STMT_SCOPE_STATION] = { "ADMIN_SCOPE_STATION",
	  "SELECT s.id FROM station s JOIN jurisdiction j ON j.id = "
	  "s.jurisdiction_id WHERE j.code = ? AND s.name = ? "
	  "AND s.retired = 0" },
	/* The name of what the signed-in admin's scope names. */
	[STMT_SCOPE_NAME] = { "ADMIN_SCOPE_NAME",
	  "SELECT CASE ? WHEN 'street' THEN (SELECT name FROM region WHERE "
	  "id = ? AND jurisdiction_id = ?) WHEN 'department' THEN (SELECT "
	  "name FROM department WHERE id = ? AND jurisdiction_id = ?) "
	  "WHEN 'unit' THEN (SELECT name FROM unit WHERE id = ? AND "
	  "jurisdiction_id = ?) WHEN 'station' THEN (SELECT name FROM "
	  "station WHERE id = ? AND jurisdiction_id = ?) END" },
	[STMT_AUDIT_RECENT] = { "AUDIT_RECENT",
	  "SELECT l.created_at, l.action, l.object, l.ip, a.login "
	  "FROM audit_log l LEFT JOIN admin a ON a.id = l.admin_id "
	  "WHERE l.jurisdiction_id = ? ORDER BY l.id DESC LIMIT 20" },
	/* Failed sign-ins of the last quarter hour: of the login, of the IP. */
	[STMT_FAILED_RECENT] = { "ADMIN_FAILED_RECENT",
	  "SELECT COUNT(*), TIMESTAMPDIFF(SECOND, NOW(), MIN(created_at) + "
	  "INTERVAL 15 MINUTE) FROM audit_log WHERE action = 'login-failed' "
	  "AND object = ? AND created_at > NOW() - INTERVAL 15 MINUTE "
	  "UNION ALL SELECT COUNT(*), TIMESTAMPDIFF(SECOND, NOW(), "
	  "MIN(created_at) + INTERVAL 15 MINUTE) FROM audit_log WHERE "
	  "action = 'login-failed' AND ip = ? AND created_at > NOW() - "
	  "INTERVAL 15 MINUTE" },
};

/*
 * The scopes admin-add takes with a name after them, and the statement
 * that finds what the name names.
 */
static const struct {
	const char		*scope;
	enum admin_stmt		 find;
	const char		*what;
} add_scopes[] = {
	{ "street", STMT_SCOPE_STREET, "street or town" },
	{ "department", STMT_SCOPE_DEPARTMENT, "department" },
	{ "unit", STMT_SCOPE_UNIT, "approved unit" },
	{ "station", STMT_SCOPE_STATION, "fire station" },
};

/*
 * Sign-in throttling: after this many failures in a quarter of an hour,
 * an account takes no sign-in, right password or not, until the oldest
 * of them is a quarter of an hour old; nor does an address after
 * FAILED_PER_IP (an office's NAT serves many admins; nginx limits the
 * rate of attempts besides).
 */
#define FAILED_PER_LOGIN	5
#define FAILED_PER_IP		30

const struct module admin_module = {
	.name = "admin",
	.routes = admin_routes,
	.nroutes = NELEM(admin_routes),
	.fields = admin_fields,
	.nfields = ADMIN_FIELD__MAX,
	.sheets = admin_sheets,
	.nsheets = ADMIN_SHEET__MAX,
	.page = admin_session,
};

/* "up" or "down": a move in an ordered list. */
int
admin_valid_dir(struct fval *f)
{
	return strcmp(f->s, "up") == 0 || strcmp(f->s, "down") == 0;
}

/*
 * Move the row id one place up (delta -1) or down (+1) in the order that
 * the statement order reads (with parent as its one parameter, when not
 * 0), locking the rows, and number them all anew from 1 with sort, in
 * the caller's transaction. At either end nothing moves.
 */
enum dberr
admin_move(struct req *r, struct stmt *order, struct stmt *sort,
    long long parent, long long id, int delta)
{
	struct dbres	*res;
	long long	*ids, t;
	enum dberr	 e;
	size_t		 i, at;

	e = parent != 0 ? db_query(r->pool, order, &res, "i", parent) :
	    db_query(r->pool, order, &res, "");
	if (e != DB_OK)
		return e;
	if ((ids = pool_calloc(r->pool, res->nrows + 1, sizeof(*ids))) ==
	    NULL)
		return DB_ERROR;
	for (i = 0, at = res->nrows; i < res->nrows; i++)
		if ((ids[i] = db_ll(res, i, 0)) == id)
			at = i;
	if (at == res->nrows)
		return DB_OK;
	if ((delta < 0 && at > 0) || (delta > 0 && at + 1 < res->nrows)) {
		t = ids[at];
		ids[at] = ids[at + delta];
		ids[at + delta] = t;
	}
	for (i = 0; i < res->nrows; i++)
		if ((e = db_exec(sort, NULL, "ii", (long long)i + 1, ids[i])) !=
		    DB_OK)
			return e;
	return DB_OK;
}

/* A role mask (bank_valid_role's bits) as "responsible,citizen". */
const char *
admin_roles_text(struct pool *p, long long mask)
{
	static const char *const roles[] = { "responsible", "employee",
	    "landlord", "student", "citizen" };
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < NELEM(roles); i++)
		if ((mask & (1LL << i)) && (s = pool_printf(p, "%s%s%s", s,
		    *s ? "," : "", roles[i])) == NULL)
			return "";
	return s;
}

/* Every page: <admin> in <session> when an admin is signed in. */
static void
admin_session(struct req *r, xmlNodePtr root, xmlNodePtr session)
{
	xmlNodePtr	 n;

	(void)root;
	if (r->sess.admin_id == 0)
		return;
	n = xml_add(session, "admin", NULL);
	xml_propll(n, "id", r->sess.admin_id);
	xml_prop(n, "login", r->sess.admin_login);
	xml_prop(n, "name", r->sess.admin_name);
	xml_prop(n, "scope", r->sess.admin_scope);
}

static int
admin_login_form(struct req *r, const char *error)
{
	return admin_login_page(r, error, 0);
}

/* The sign-in form; wait: the minutes a throttled sign-in must wait. */
static int
admin_login_page(struct req *r, const char *error, long long wait)
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
	if (wait > 0)
		xml_propll(n, "wait", wait);
	return page_finish(r, &admin_sheets[SHEET_ADMIN_LOGIN], doc);
}

/*
 * <scope kind id name>: what the signed-in admin's scope names (a
 * street, department, unit or station), for the home's greeting and
 * links; nothing for the district.
 */
static int
admin_scope_xml(struct req *r, xmlNodePtr root, long long jid)
{
	struct dbres	*res;
	xmlNodePtr	 n;
	long long	 id = r->sess.admin_scope_id;
	enum dberr	 e;

	if (admin_district(r) || r->sess.admin_scope == NULL)
		return 0;
	if ((e = db_query(r->pool, &admin_sql[STMT_SCOPE_NAME], &res,
	    "siiiiiiii", r->sess.admin_scope, id, jid, id, jid, id, jid, id,
	    jid)) != DB_OK)
		return db_status(e);
	n = xml_add(root, "scope", NULL);
	xml_prop(n, "kind", r->sess.admin_scope);
	xml_propll(n, "id", id);
	xml_prop(n, "name", DBRES(res, 0, 0));
	return 0;
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
	if ((rc = admin_scope_xml(r, root, j->id)) != 0)
		return rc;
	/* The streets' targets: for the scopes that follow figures. */
	if ((admin_street(r) != -1 || admin_department(r) != -1) &&
	    (rc = region_xml_zh(r, root)) != 0)
		return rc;
	/* The office's log is the district's business only. */
	if (!admin_district(r))
		return page_finish(r, &admin_sheets[SHEET_ADMIN_HOME], doc);
	if ((e = db_query(r->pool, &admin_sql[STMT_AUDIT_RECENT], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	list = xml_add(root, "audit", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "entry", NULL);
		xml_row(n, res, i, "at action object ip admin");
	}
	return page_finish(r, &admin_sheets[SHEET_ADMIN_HOME], doc);
}

static int
admin_get(struct req *r)
{
	if (r->sess.admin_id != 0)
		return admin_home(r);
	return admin_login_form(r, NULL);
}

static int
admin_login_post(struct req *r)
{
	const struct fval		*login = &r->fields[FIELD_LOGIN];
	const struct fval		*pw = &r->fields[FIELD_PASSWORD];
	static const long long		 most[2] = { FAILED_PER_LOGIN,
					    FAILED_PER_IP };
	const struct jurisdiction	*j;
	struct dbres			*res;
	char				 tok[TOKEN_LEN + 1];
	long long			 wait;
	enum dberr			 e;

	if (!login->valid || !pw->valid)
		return admin_login_form(r, "missing");
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &admin_sql[STMT_FAILED_RECENT], &res, "ss",
	    login->s, r->remote_addr != NULL ? r->remote_addr : "")) != DB_OK)
		return db_status(e);
	if ((wait = throttle_wait(res, most, 2)) > 0) {
		audit(r, "login-throttled", login->s, NULL);
		r->status = 429;
		return admin_login_page(r, "throttled", wait);
	}
	if ((e = db_query(r->pool, &admin_sql[STMT_ADMIN_BY_LOGIN], &res, "si",
	    login->s, j->id)) != DB_OK)
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
	if ((e = session_open(r, r->sess.admin_id, 0, tok)) != DB_OK || (e =
	    db_exec(&admin_sql[STMT_ADMIN_LOGIN_OK], NULL, "i",
	    r->sess.admin_id)) != DB_OK || (e = audit_write(r, "login",
	    login->s, NULL)) != DB_OK) {
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

static int
admin_logout_post(struct req *r)
{
	int	 rc;

	if (r->sess.admin_id != 0)
		audit(r, "logout", r->sess.admin_login, NULL);
	if ((rc = session_logout(r)) != 0)
		return rc;
	return resp_redirect(r, "/admin", "signed-out");
}

/*
 * The id of what a scope's name names in the configured jurisdiction
 * (a street or town, department, approved unit or fire station), 0 for
 * the district, or -1 with the reason logged.
 */
static long long
admin_add_scope(const struct conf *c, const char *scope, const char *of)
{
	struct pool	*p;
	struct dbres	*res;
	long long	 id = -1;
	size_t		 k;

	if (strcmp(scope, "district") == 0) {
		if (of == NULL)
			return 0;
		log_warnx("admin-add: a district admin has no name after its "
		    "scope");
		return -1;
	}
	for (k = 0; k < NELEM(add_scopes); k++)
		if (strcmp(scope, add_scopes[k].scope) == 0)
			break;
	if (k == NELEM(add_scopes)) {
		log_warnx("admin-add: scope %s: district, street, department, "
		    "unit or station", scope);
		return -1;
	}
	if (of == NULL) {
		log_warnx("admin-add: a %s admin needs the name of its %s",
		    scope, add_scopes[k].what);
		return -1;
	}
	if ((p = pool_new(4096)) == NULL)
		return -1;
	if (db_query(p, &admin_sql[add_scopes[k].find], &res, "ss",
	    c->jurisdiction, of) != DB_OK)
		log_warnx("admin-add: the %s %s not looked up",
		    add_scopes[k].what, of);
	else if (res->nrows == 0)
		log_warnx("admin-add: no %s %s in jurisdiction %s",
		    add_scopes[k].what, of, c->jurisdiction);
	else
		id = db_ll(res, 0, 0);
	pool_free(p);
	return id;
}

/*
 * Add an admin account with a scope: the district, or a street or town,
 * a department, an approved unit or a fire station (of, its name); with
 * no password given, make one and print it (the only time it is ever
 * shown).
 */
int
admin_add(const struct conf *c, const char *login, const char *password,
    const char *scope, const char *of)
{
	char		 hash[PWHASH_LEN], made[24], num[24];
	unsigned char	 raw[12];
	long long	 id;
	enum dberr	 e;

	if (password == NULL) {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2base64(made, sizeof(made), raw, sizeof(raw),
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		password = made;
	}
	if (pwhash_make(hash, password) == -1) {
		log_warnx("admin-add: out of memory hashing the password");
		return -1;
	}
	db_configure(c);
	if ((id = admin_add_scope(c, scope, of)) == -1) {
		db_close();
		return -1;
	}
	snprintf(num, sizeof(num), "%lld", id);
	e = db_exec(&admin_sql[STMT_ADMIN_INSERT], NULL, "ssssss", login,
	    hash, login, scope, id != 0 ? num : NULL, c->jurisdiction);
	if (e == DB_DUP) {
		log_warnx("admin-add: %s exists already", login);
		db_close();
		return -1;
	}
	if (e != DB_OK || db_affected() != 1) {
		log_warnx("admin-add: %s not added (is jurisdiction %s in the "
		    "database?)", login, c->jurisdiction);
		db_close();
		return -1;
	}
	db_close();
	printf("admin %s added (scope %s%s%s); password: %s\n", login, scope,
	    of != NULL ? " " : "", of != NULL ? of : "", password);
	return 0;
}
