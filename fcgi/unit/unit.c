/*
 * unit.c: units (单位) as their people meet them. A signed-in person in
 * no unit creates one (its admin from the start; the unit waits for a
 * district admin's approval) or asks to join one by its join code, typed
 * or scanned from the unit's poster (/join/CODE); a unit admin approves
 * members (members.c). A person is in at most one unit and may leave it.
 * The room's tables and hooks are here too.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "shared/secret.h"
#include "stats/stats.h"
#include "unit/unit.h"
#include "unit/local.h"

/* A join code's characters: no 0/O, 1/I/L, to be read off a poster. */
static const char code_chars[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

enum unit_field {
	FIELD_NAME,
	FIELD_DEPARTMENT,
	FIELD_REGION,
	FIELD_HEADCOUNT,
	FIELD_CODE,
	UNIT_FIELD__MAX
};

static int	 unit_get(struct req *);
static int	 unit_create(struct req *);
static int	 unit_join_post(struct req *);
static int	 unit_join_get(struct req *);
static int	 unit_leave(struct req *);
static void	 unit_error(struct req *, int, xmlNodePtr);

static const struct route unit_routes[] = {
	/* UNIT: my unit, or the forms to create or join one */
	{ METHOD_GET, "/unit", unit_get, 0 },
	/* UNIT_CREATE */
	{ METHOD_POST, "/unit", unit_create, 0 },
	/* UNIT_JOIN: ask to join by a join code */
	{ METHOD_POST, "/unit/join", unit_join_post, 0 },
	/* UNIT_LEAVE */
	{ METHOD_POST, "/unit/leave", unit_leave, 0 },
	/* UNIT_MEMBERS_CSV: the member list for a spreadsheet */
	{ METHOD_GET, "/unit/members.csv", unit_members_csv, 0 },
	/* UNIT_MEMBER_*: a unit admin approves, removes, promotes */
	{ METHOD_POST, "/unit/members/:id/approve", unit_member_approve, 0 },
	{ METHOD_POST, "/unit/members/:id/remove", unit_member_remove, 0 },
	{ METHOD_POST, "/unit/members/:id/admin", unit_member_admin, 0 },
	/* UNIT_INVITES: invite members by phone from a CSV file */
	{ METHOD_POST, "/unit/invites", unit_invites_post, 0 },
	/* UNIT_POSTER: the join poster; its QR opens UNIT_JOIN_PAGE */
	{ METHOD_GET, "/unit/poster.png", unit_poster, 0 },
	/* UNIT_JOIN_PAGE: what a poster's QR opens; printed, never moves */
	{ METHOD_GET, "/join/:code", unit_join_get, 0 },
};

static const struct field unit_fields[UNIT_FIELD__MAX] = {
	{ "name", valid_line, 4 * UNIT_NAME_MAX, 0 },	/* FIELD_NAME */
	{ "department", valid_id, 10, 0 },	/* FIELD_DEPARTMENT */
	{ "region", valid_id, 10, 0 },		/* FIELD_REGION */
	{ "headcount", valid_id, 7, 0 },	/* FIELD_HEADCOUNT */
	{ "code", valid_line, 32, 0 },		/* FIELD_CODE: a join code */
};

struct sheet unit_sheets[UNIT_SHEET__MAX] = {
	{ "unit.xsl", 1, { NULL } },		/* SHEET_UNIT */
	{ "unit-join.xsl", 1, { NULL } },		/* SHEET_UNIT_JOIN */
	{ "unit-invites.xsl", 1, { NULL } },	/* SHEET_UNIT_INVITES */
	{ "unit-members-csv.xsl", 0, { NULL } },	/* SHEET_UNIT_MEMBERS_CSV */
	{ "poster-labels.xsl", 0, { NULL } },	/* SHEET_POSTER_LABELS */
};

struct stmt unit_sql[UNIT_STMT__MAX] = {
	[STMT_UNIT_OF_PERSON] = { "UNIT_OF_PERSON",
	  "SELECT u.id, u.name, u.is_key, u.status, u.headcount, u.join_code, "
	  "d.name, g.name, m.is_admin, m.status, DATE(u.created_at), "
	  "g.name_en FROM unit_member m JOIN unit u ON u.id = m.unit_id "
	  "JOIN region g ON g.id = u.region_id "
	  "LEFT JOIN department d ON d.id = u.department_id "
	  "WHERE m.person_id = ? AND u.jurisdiction_id = ?" },
	[STMT_UNIT_NAME_TAKEN] = { "UNIT_NAME_TAKEN",
	  "SELECT id FROM unit WHERE jurisdiction_id = ? AND name = ?" },
	[STMT_UNIT_INSERT] = { "UNIT_INSERT",
	  "INSERT INTO unit (jurisdiction_id, name, department_id, region_id, "
	  "headcount, join_code, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)" },
	[STMT_UNIT_BY_CODE] = { "UNIT_BY_CODE",
	  "SELECT u.id, u.name, u.status, u.is_key, g.name, d.name, g.name_en "
	  "FROM unit u JOIN region g ON g.id = u.region_id "
	  "LEFT JOIN department d ON d.id = u.department_id "
	  "WHERE u.join_code = ? AND u.jurisdiction_id = ?" },
	[STMT_UNIT_FORM_DEPARTMENTS] = { "UNIT_FORM_DEPARTMENTS",
	  "SELECT id, name FROM department WHERE jurisdiction_id = ? "
	  "AND retired = 0 ORDER BY sort, id" },
	[STMT_MEMBER_INSERT] = { "MEMBER_INSERT",
	  "INSERT INTO unit_member (person_id, unit_id, is_admin, status, "
	  "approved_at) VALUES (?, ?, ?, ?, IF(? = 'active', NOW(), NULL))" },
	[STMT_MEMBER_DELETE] = { "MEMBER_DELETE",
	  "DELETE FROM unit_member WHERE person_id = ? AND unit_id = ?" },
	[STMT_MEMBER_APPROVE] = { "MEMBER_APPROVE",
	  "UPDATE unit_member SET status = 'active', approved_at = NOW() "
	  "WHERE person_id = ? AND unit_id = ? AND status = 'pending'" },
	[STMT_MEMBER_MAKE_ADMIN] = { "MEMBER_MAKE_ADMIN",
	  "UPDATE unit_member SET is_admin = 1 WHERE person_id = ? "
	  "AND unit_id = ? AND status = 'active' AND is_admin = 0" },
	[STMT_MEMBER_LIST] = { "MEMBER_LIST",
	  "SELECT p.id, p.name, p.phone_enc, m.is_admin, m.status, "
	  "DATE(m.joined_at), DATEDIFF(MAX(c.expires_on), CURDATE()), "
	  "COALESCE(t.total, 0) "
	  "FROM unit_member m JOIN person p ON p.id = m.person_id "
	  "LEFT JOIN code c ON c.person_id = p.id AND c.revoked_at IS NULL "
	  "LEFT JOIN points_total t ON t.person_id = p.id "
	  "WHERE m.unit_id = ? GROUP BY p.id, p.name, p.phone_enc, m.is_admin, "
	  "m.status, m.joined_at, t.total "
	  "ORDER BY m.status, m.is_admin DESC, p.id" },
	[STMT_MEMBER_OF_PHONE] = { "MEMBER_OF_PHONE",
	  "SELECT p.id, m.unit_id FROM person p LEFT JOIN unit_member m "
	  "ON m.person_id = p.id WHERE p.phone_hash = ?" },
	[STMT_INVITE_LIST] = { "INVITE_LIST",
	  "SELECT phone_enc, name, DATE(created_at) FROM unit_invite "
	  "WHERE unit_id = ? ORDER BY id" },
	[STMT_INVITE_OF_PHONE] = { "INVITE_OF_PHONE",
	  "SELECT i.id, i.unit_id, u.status FROM unit_invite i "
	  "JOIN unit u ON u.id = i.unit_id WHERE i.phone_hash = ?" },
	[STMT_INVITE_INSERT] = { "INVITE_INSERT",
	  "INSERT INTO unit_invite (unit_id, phone_enc, phone_hash, name) "
	  "VALUES (?, ?, ?, ?)" },
	[STMT_INVITE_DELETE] = { "INVITE_DELETE",
	  "DELETE FROM unit_invite WHERE id = ?" },
};

const struct module unit_module = {
	.name = "unit",
	.routes = unit_routes,
	.nroutes = NELEM(unit_routes),
	.fields = unit_fields,
	.nfields = UNIT_FIELD__MAX,
	.sheets = unit_sheets,
	.nsheets = UNIT_SHEET__MAX,
	.error = unit_error,
};

/* A unit page that is not a signed-in unit admin's: say how to get one. */
static void
unit_error(struct req *r, int status, xmlNodePtr err)
{
	if (status == 403 && r->path != NULL &&
	    strncmp(r->path, "/unit", 5) == 0)
		xml_prop(err, "unit", r->sess.person_id ? "not-admin" :
		    "sign-in");
}

/*
 * The unit of the signed-in person at this site into *u (u->row NULL:
 * none, or nobody signed in). Returns 0 or a status.
 */
int
unit_mine(struct req *r, struct unit *u)
{
	const struct jurisdiction	*j;
	enum dberr			 e;

	memset(u, 0, sizeof(*u));
	if (r->sess.person_id == 0)
		return 0;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &unit_sql[STMT_UNIT_OF_PERSON], &u->row,
	    "ii", r->sess.person_id, j->id)) != DB_OK)
		return db_status(e);
	if (u->row->nrows == 0) {
		u->row = NULL;
		return 0;
	}
	l10n_cells(r->lang, u->row, UC_REGION, UC_REGION_EN);
	u->id = db_ll(u->row, 0, UC_ID);
	u->active = strcmp(DBRES(u->row, 0, UC_STATUS), "active") == 0;
	u->is_admin = db_ll(u->row, 0, UC_IS_ADMIN) != 0 &&
	    strcmp(DBRES(u->row, 0, UC_MEMBER_STATUS), "active") == 0;
	return 0;
}

/*
 * The signed-in person's unit at this site as a row of UNIT_OF_PERSON
 * (id, name, is_key, status, headcount, join_code, department, region,
 * is_admin, member status, created), or NULL. 0 or a status.
 */
int
unit_of_person(struct req *r, struct dbres **row)
{
	struct unit	 u;
	int		 rc;

	*row = NULL;
	if ((rc = unit_mine(r, &u)) != 0)
		return rc;
	*row = u.row;
	return 0;
}

/* The person's unit, which they must administer: 0, or 403, or a status. */
int
unit_admin_of(struct req *r, struct unit *u)
{
	int	 rc;

	if ((rc = unit_mine(r, u)) != 0)
		return rc;
	return u->row != NULL && u->is_admin ? 0 : 403;
}

/* <unit> for the person's unit. */
static xmlNodePtr
unit_xml(struct req *r, xmlNodePtr root, const struct unit *u)
{
	xmlNodePtr	 n;

	n = xml_add(root, "unit", NULL);
	xml_row(n, u->row, 0, "id name key status headcount join-code "
	    "department region admin member-status created");
	if (u->is_admin && u->active)
		xml_propf(n, "join-url", "%s/join/%s", r->conf->site_url,
		    DBRES(u->row, 0, UC_JOIN_CODE));
	return n;
}

/* <create-form>: the streets and towns and the active departments. */
static int
create_form_xml(struct req *r, xmlNodePtr root)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlNodePtr			 form, list, n;
	enum dberr			 e;
	size_t				 i;
	int				 rc;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &unit_sql[STMT_UNIT_FORM_DEPARTMENTS],
	    &res, "i", j->id)) != DB_OK)
		return db_status(e);
	form = xml_add(root, "create-form", NULL);
	if ((rc = region_xml(r, form)) != 0)
		return rc;
	list = xml_add(form, "departments", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "department", NULL);
		xml_row(n, res, i, "id name");
	}
	return 0;
}

/*
 * The unit page: for nobody signed in, a way to sign in; for a person
 * in no unit, the forms to join or create one; for a member, the unit;
 * for its admin, its members too. error (with what was typed) says why
 * the last form was refused, with the status given.
 */
static int
unit_page(struct req *r, const char *error, int status)
{
	struct unit	 u;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	const struct fval *f;
	size_t		 k;
	int		 rc;

	if ((rc = unit_mine(r, &u)) != 0)
		return rc;
	if ((doc = xml_page(r, "unit")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if (r->sess.person_id == 0)
		xml_add(root, "need-account", NULL);
	else if (u.row == NULL) {
		if ((rc = create_form_xml(r, root)) != 0)
			return rc;
	} else {
		unit_xml(r, root, &u);
		if (u.is_admin && ((rc = unit_members_xml(r, root, &u)) != 0 ||
		    (rc = stats_unit_daily_xml(r, root, u.id,
		    STATS_DAILY_DAYS)) != 0))
			return rc;
	}
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "reason", error);
		for (k = 0; k < UNIT_FIELD__MAX; k++) {
			f = &r->fields[k];
			if (f->present && utf8_text(f->s, f->sz))
				xml_prop(n, unit_fields[k].name, f->s);
		}
		r->status = status;
	}
	return page_finish(r, &unit_sheets[SHEET_UNIT], doc);
}

/* GET /unit */
static int
unit_get(struct req *r)
{
	return unit_page(r, NULL, 0);
}

/* A fresh join code. */
static void
join_code_make(char out[UNIT_CODE_LEN + 1])
{
	size_t	 i;

	for (i = 0; i < UNIT_CODE_LEN; i++)
		out[i] = code_chars[randombytes_uniform(
		    sizeof(code_chars) - 1)];
	out[UNIT_CODE_LEN] = '\0';
}

/*
 * A join code as people type it (any case, spaces or dashes between)
 * into out; -1 when it cannot be one.
 */
static int
join_code_norm(const char *s, char out[UNIT_CODE_LEN + 1])
{
	size_t	 n = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-')
			continue;
		if (n == UNIT_CODE_LEN || strchr(code_chars,
		    toupper((unsigned char)*s)) == NULL)
			return -1;
		out[n++] = (char)toupper((unsigned char)*s);
	}
	out[n] = '\0';
	return n == UNIT_CODE_LEN ? 0 : -1;
}

/* Why the creation form is refused, or NULL. */
static const char *
create_refused(struct req *r, const struct jurisdiction *j, enum dberr *e)
{
	const struct fval	*name = &r->fields[FIELD_NAME];
	const struct fval	*dep = &r->fields[FIELD_DEPARTMENT];
	struct dbres		*res;
	size_t			 i;
	int			 here;

	*e = DB_OK;
	if (!name->present || strspn(name->s, " \t") == name->sz)
		return "missing-name";
	if (!name->valid || strpbrk(name->s, "\r\n\t") != NULL)
		return "bad-name";
	if (utf8_chars(name->s, name->sz) > UNIT_NAME_MAX)
		return "long-name";
	if (!r->fields[FIELD_REGION].valid)
		return "bad-region";
	if ((here = region_here(r, r->fields[FIELD_REGION].i, e)) != 1)
		return here == 0 ? "bad-region" : NULL;
	if ((*e = db_query(r->pool, &unit_sql[STMT_UNIT_FORM_DEPARTMENTS],
	    &res, "i", j->id)) != DB_OK)
		return NULL;
	/* A department is asked for where the jurisdiction has any. */
	for (i = 0; dep->valid && i < res->nrows; i++)
		if (db_ll(res, i, 0) == dep->i)
			break;
	if (res->nrows > 0 ? !dep->valid || i == res->nrows :
	    dep->present && dep->sz > 0)
		return "bad-department";
	if (!r->fields[FIELD_HEADCOUNT].valid ||
	    r->fields[FIELD_HEADCOUNT].i > UNIT_HEADCOUNT_MAX)
		return "bad-headcount";
	return NULL;
}

/*
 * POST /unit: a new unit, waiting for approval, with its creator as its
 * admin; one transaction. A join code that happens to be taken is drawn
 * again.
 */
static int
unit_create(struct req *r)
{
	const struct jurisdiction	*j;
	struct unit			 u;
	struct dbres			*res;
	unsigned long long		 id;
	char				 code[UNIT_CODE_LEN + 1];
	const char			*why;
	enum dberr			 e;
	int				 rc, tries;

	if (r->sess.person_id == 0)
		return resp_redirect(r, "/account", NULL);
	if ((rc = unit_mine(r, &u)) != 0)
		return rc;
	if (u.row != NULL)
		return unit_page(r, "in-unit", 409);
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((why = create_refused(r, j, &e)) != NULL)
		return unit_page(r, why, 400);
	if (e != DB_OK)
		return db_status(e);
	for (tries = 0; tries < 5; tries++) {
		if ((e = db_query(r->pool, &unit_sql[STMT_UNIT_NAME_TAKEN],
		    &res, "is", j->id, r->fields[FIELD_NAME].s)) != DB_OK)
			return db_status(e);
		if (res->nrows > 0)
			return unit_page(r, "taken", 409);
		join_code_make(code);
		if ((e = db_begin()) != DB_OK)
			return db_status(e);
		if ((e = db_exec(&unit_sql[STMT_UNIT_INSERT], &id, "isniisi",
		    j->id, r->fields[FIELD_NAME].s,
		    r->fields[FIELD_DEPARTMENT].valid ?
		    r->fields[FIELD_DEPARTMENT].i : 0LL,
		    r->fields[FIELD_REGION].i, r->fields[FIELD_HEADCOUNT].i,
		    code, r->sess.person_id)) == DB_OK &&
		    (e = unit_member_insert(r->sess.person_id, (long long)id, 1,
		    "active")) == DB_OK &&
		    (e = db_commit()) == DB_OK)
			return resp_redirect(r, "/unit", "unit-created");
		db_rollback();
		if (e != DB_DUP)
			return db_status(e);
		/* The name, the code or the person's place, taken meanwhile. */
		if ((rc = unit_mine(r, &u)) != 0)
			return rc;
		if (u.row != NULL)
			return unit_page(r, "in-unit", 409);
	}
	return 500;
}

/*
 * Ask to join the unit of a join code: a pending member until its admin
 * approves. Returns the response.
 */
static int
unit_join(struct req *r, const char *typed)
{
	const struct jurisdiction	*j;
	struct unit			 u;
	struct dbres			*res;
	char				 code[UNIT_CODE_LEN + 1];
	enum dberr			 e;
	int				 rc;

	if (r->sess.person_id == 0)
		return resp_redirect(r, "/account", NULL);
	if (typed == NULL || join_code_norm(typed, code) == -1)
		return unit_page(r, "bad-code", 400);
	if ((rc = unit_mine(r, &u)) != 0)
		return rc;
	if (u.row != NULL)
		return unit_page(r, "in-unit", 409);
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &unit_sql[STMT_UNIT_BY_CODE], &res, "si",
	    code, j->id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0 || strcmp(DBRES(res, 0, 2), "rejected") == 0)
		return unit_page(r, "no-unit", 404);
	if (strcmp(DBRES(res, 0, 2), "active") != 0)
		return unit_page(r, "unit-pending", 409);
	e = unit_member_insert(r->sess.person_id, db_ll(res, 0, 0), 0,
	    "pending");
	if (e == DB_DUP)
		return unit_page(r, "in-unit", 409);
	if (e != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/unit", "join-asked");
}

/* POST /unit/join */
static int
unit_join_post(struct req *r)
{
	const struct fval	*code = &r->fields[FIELD_CODE];

	return unit_join(r, code->valid ? code->s : NULL);
}

/*
 * GET /join/:code: what a poster's QR opens: the unit, and a button to
 * ask to join (or the way to sign in first).
 */
static int
unit_join_get(struct req *r)
{
	const struct jurisdiction	*j;
	struct unit			 u;
	struct dbres			*res;
	char				 code[UNIT_CODE_LEN + 1];
	xmlDocPtr			 doc;
	xmlNodePtr			 root, n;
	enum dberr			 e;
	int				 rc;

	if (join_code_norm(r->args[0], code) == -1)
		return 404;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &unit_sql[STMT_UNIT_BY_CODE], &res, "si",
	    code, j->id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0 || strcmp(DBRES(res, 0, 2), "rejected") == 0)
		return 404;
	l10n_cells(r->lang, res, 4, 6);
	if ((rc = unit_mine(r, &u)) != 0)
		return rc;
	if ((doc = xml_page(r, "unit-join")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "join", NULL);
	xml_row(n, res, 0, "- name status key region department");
	xml_prop(n, "code", code);
	if (r->sess.person_id == 0)
		xml_prop(n, "need-account", "yes");
	else if (u.row != NULL)
		xml_prop(n, "mine", u.id == db_ll(res, 0, 0) ? "this" :
		    "other");
	return page_finish(r, &unit_sheets[SHEET_UNIT_JOIN], doc);
}

/*
 * POST /unit/leave. The last admin of a unit with other members hands
 * the unit to another first (members.c makes one).
 */
static int
unit_leave(struct req *r)
{
	struct unit	 u;
	struct dbres	*res;
	enum dberr	 e;
	size_t		 i, others = 0, admins = 0;
	int		 rc;

	if ((rc = unit_mine(r, &u)) != 0)
		return rc;
	if (u.row == NULL)
		return resp_redirect(r, "/unit", NULL);
	if (u.is_admin) {
		if ((e = db_query(r->pool, &unit_sql[STMT_MEMBER_LIST], &res,
		    "i", u.id)) != DB_OK)
			return db_status(e);
		for (i = 0; i < res->nrows; i++) {
			if (db_ll(res, i, 0) == r->sess.person_id)
				continue;
			others++;
			admins += db_ll(res, i, 3) != 0 &&
			    strcmp(DBRES(res, i, 4), "active") == 0;
		}
		if (others > 0 && admins == 0)
			return unit_page(r, "last-admin", 409);
	}
	if ((e = db_exec(&unit_sql[STMT_MEMBER_DELETE], NULL, "ii",
	    r->sess.person_id, u.id)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/unit", "left");
}

/*
 * A person's place in a unit (status active or pending), with the
 * figures the rankings read of it (stats/members.c).
 */
enum dberr
unit_member_insert(long long person, long long unit, int is_admin,
    const char *status)
{
	enum dberr	 e;

	if ((e = db_exec(&unit_sql[STMT_MEMBER_INSERT], NULL, "iiiss", person,
	    unit, (long long)is_admin, status, status)) != DB_OK)
		return e;
	return stats_member_refresh(person);
}

/*
 * In a person's sign-in transaction: an invitation to their phone gives
 * them their place in its unit, approved, unless they are in a unit
 * already (then it stays for the unit admin to see).
 */
enum dberr
unit_claim_invite(struct req *r, long long person_id, const char *phone)
{
	struct dbres	*inv, *mem;
	struct sealed	 h;
	enum dberr	 e;

	if (phone == NULL)
		return DB_OK;
	h = secret_hash_of(r->pool, SH_PHONE, phone);
	if ((e = db_query(r->pool, &unit_sql[STMT_INVITE_OF_PHONE], &inv, "b",
	    h.p, h.n)) != DB_OK || inv->nrows == 0)
		return e;
	if ((e = db_query(r->pool, &unit_sql[STMT_MEMBER_OF_PHONE], &mem, "b",
	    h.p, h.n)) != DB_OK)
		return e;
	if (mem->nrows > 0 && DBRES(mem, 0, 1) != NULL)
		return DB_OK;
	if ((e = unit_member_insert(person_id, db_ll(inv, 0, 1), 0,
	    "active")) != DB_OK)
		return e;
	return db_exec(&unit_sql[STMT_INVITE_DELETE], NULL, "i",
	    db_ll(inv, 0, 0));
}
