/*
 * people.c: residents' accounts in the admin area. There is no SMS
 * here, so a forgotten password is reset through the office: an admin
 * finds the account by its full number (the person is asking, in person
 * or on the phone) and makes a one-time link to hand over, shown once,
 * good for 24 hours; only its SHA-256 is kept. Audit-logged. District
 * scope.
 */
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/secret.h"
#include "shared/scope.h"

#define RESET_HOURS	24

static int	 admin_people(struct req *);
static int	 admin_person_reset(struct req *);

static const struct route people_routes[] = {
	/* ADMIN_PEOPLE: find an account by its number */
	{ METHOD_GET, "/admin/people", admin_people, RF_ADMIN },
	/* ADMIN_PERSON_RESET: a one-time link to set a new password */
	{ METHOD_POST, "/admin/people/:id/reset", admin_person_reset,
	  RF_ADMIN },
};

enum people_field {
	FIELD_PHONE,
	PEOPLE_FIELD__MAX
};

static const struct field people_fields[PEOPLE_FIELD__MAX] = {
	{ "phone", valid_phone, 11, 0 },	/* FIELD_PHONE */
};

static struct sheet people_sheet = { "admin-people.xsl", 1, { NULL } };

enum people_stmt {
	STMT_PERSON_FIND,
	STMT_PERSON_BY_ID,
	STMT_RESET_INSERT,
	STMT_RESET_DROP,
	PEOPLE_STMT__MAX
};

static struct stmt people_sql[PEOPLE_STMT__MAX] = {
	[STMT_PERSON_FIND] = { "PERSON_FIND",
	  "SELECT p.id, p.name, p.phone_enc, DATE(p.created_at), "
	  "DATE(p.last_login_at), u.name, "
	  "(SELECT COUNT(*) FROM code c WHERE c.person_id = p.id) "
	  "FROM person p LEFT JOIN unit_member m ON m.person_id = p.id "
	  "LEFT JOIN unit u ON u.id = m.unit_id WHERE p.phone_hash = ?" },
	[STMT_PERSON_BY_ID] = { "PERSON_BY_ID",
	  "SELECT id, phone_enc FROM person WHERE id = ?" },
	[STMT_RESET_INSERT] = { "RESET_INSERT",
	  "INSERT INTO password_reset (token_hash, person_id, admin_id, "
	  "expires_at) VALUES (?, ?, ?, NOW() + INTERVAL ? HOUR)" },
	[STMT_RESET_DROP] = { "RESET_DROP",
	  "DELETE FROM password_reset WHERE person_id = ? "
	  "AND used_at IS NULL" },
};

const struct module admin_people_module = {
	.name = "admin-people",
	.routes = people_routes,
	.nroutes = NELEM(people_routes),
	.fields = people_fields,
	.nfields = PEOPLE_FIELD__MAX,
	.sheets = &people_sheet,
	.nsheets = 1,
};

/* GET /admin/people?phone=…: the account of a full number, if any. */
static int
admin_people(struct req *r)
{
	const struct fval	*phone = &r->fields[FIELD_PHONE];
	struct dbres		*res = NULL;
	struct sealed		 h;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, n;
	enum dberr		 e;

	if (!admin_district(r))
		return 403;
	h = secret_hash_of(r->pool, SH_PHONE, phone->valid ? phone->s : NULL);
	if (phone->valid && (e = db_query(r->pool,
	    &people_sql[STMT_PERSON_FIND], &res, "b", h.p, h.n)) != DB_OK)
		return db_status(e);
	if (res != NULL && secret_open_res(r->pool, res, 2, SC_PERSON_PHONE,
	    -1) == -1)
		return 500;
	if ((doc = xml_page(r, "admin-people")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "search", NULL);
	if (phone->present)
		xml_prop(n, "phone", phone->valid ? phone->s : "");
	if (phone->present && !phone->valid)
		xml_prop(n, "error", "bad-phone");
	if (res != NULL && res->nrows > 0) {
		n = xml_add(root, "person", NULL);
		xml_row(n, res, 0, "id name - since last-login unit codes");
		xml_prop(n, "phone", mask_phone(r->pool, DBRES(res, 0, 2)));
	}
	return page_finish(r, &people_sheet, doc);
}

/*
 * POST /admin/people/:id/reset: a new link (links made before and not
 * used stop working), shown on this page only.
 */
static int
admin_person_reset(struct req *r)
{
	struct dbres	*res;
	unsigned char	 h[32];
	char		 tok[TOKEN_LEN + 1];
	xmlDocPtr	 doc;
	xmlNodePtr	 n;
	long long	 id;
	enum dberr	 e;

	if (!admin_district(r))
		return 403;
	if ((id = path_id(r->args[0])) == 0)
		return 404;
	if ((e = db_query(r->pool, &people_sql[STMT_PERSON_BY_ID], &res, "i",
	    id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0)
		return 404;
	if (secret_open_res(r->pool, res, 1, SC_PERSON_PHONE, -1) == -1)
		return 500;
	token_random(tok);
	token_hash(h, tok);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&people_sql[STMT_RESET_DROP], NULL, "i", id)) !=
	    DB_OK ||
	    (e = db_exec(&people_sql[STMT_RESET_INSERT], NULL, "biii", h,
	    (size_t)32, id, r->sess.admin_id, (long long)RESET_HOURS)) !=
	    DB_OK ||
	    (e = audit_write(r, "password-reset-link", pool_printf(r->pool,
	    "person %lld", id), mask_phone(r->pool, DBRES(res, 0, 1)))) !=
	    DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-people")) == NULL)
		return 500;
	n = xml_add(xmlDocGetRootElement(doc), "reset-link", NULL);
	xml_propf(n, "url", "%s/account/reset/%s", r->conf->site_url, tok);
	xml_propll(n, "hours", RESET_HOURS);
	xml_prop(n, "phone", mask_phone(r->pool, DBRES(res, 0, 1)));
	return page_finish(r, &people_sheet, doc);
}
