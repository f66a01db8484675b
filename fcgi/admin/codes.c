/*
 * codes.c: codes in the admin area: find a code by its number, see
 * it, and revoke it with a reason (audit-logged). District scope.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "code/code.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/scope.h"
#include "shared/secret.h"
#include "stats/stats.h"

#define REVOKE_REASON_MAX	200	/* characters, as code.revoke_reason */

static int	 admin_codes(struct req *);
static int	 admin_code_revoke(struct req *);

static const struct route codes_routes[] = {
	/* ADMIN_CODES: find codes */
	{ METHOD_GET, "/admin/codes", admin_codes, RF_ADMIN },
	/* ADMIN_CODE_REVOKE */
	{ METHOD_POST, "/admin/codes/:id/revoke", admin_code_revoke, RF_ADMIN },
};

enum codes_field {
	FIELD_Q,
	FIELD_TEXT,
	CODES_FIELD__MAX
};

static const struct field codes_fields[CODES_FIELD__MAX] = {
	{ "q", valid_line, 100, 0 },		/* FIELD_Q: a code's number */
	{ "text", valid_line, 1500, 0 },	/* FIELD_TEXT: why revoked */
};

static struct sheet codes_sheet = { "admin-codes.xsl", 1, { NULL } };

enum codes_stmt {
	STMT_CODE_RECENT,
	STMT_CODE_GET_IN,
	STMT_CODE_REVOKE,
	CODES_STMT__MAX
};

static struct stmt codes_sql[CODES_STMT__MAX] = {
	[STMT_CODE_RECENT] = { "CODE_RECENT",
	  CODE_COLS "WHERE g.jurisdiction_id = ? ORDER BY c.id DESC LIMIT 50" },
	[STMT_CODE_GET_IN] = { "CODE_GET_IN",
	  CODE_COLS "WHERE c.id = ? AND g.jurisdiction_id = ?" },
	[STMT_CODE_REVOKE] = { "CODE_REVOKE",
	  "UPDATE code SET revoked_at = NOW(), revoke_reason = ?, "
	  "revoked_by = ? WHERE id = ? AND revoked_at IS NULL" },
};

const struct module admin_codes_module = {
	.name = "admin-codes",
	.routes = codes_routes,
	.nroutes = NELEM(codes_routes),
	.fields = codes_fields,
	.nfields = CODES_FIELD__MAX,
	.sheets = &codes_sheet,
	.nsheets = 1,
};

/*
 * A code's number as people write it: "330109-0000123" (the prefix must
 * be this site's jurisdiction) or just "123"; 0 when it is neither.
 */
static long long
code_number(struct req *r, const char *q)
{
	const struct jurisdiction	*j;
	const char			*d = strchr(q, '-');
	enum dberr			 e;

	if (d == NULL)
		return path_id(q);
	if ((j = jur_get(r, &e)) == NULL ||
	    (size_t)(d - q) != strlen(j->code) ||
	    strncmp(q, j->code, (size_t)(d - q)) != 0)
		return 0;
	for (d++; *d == '0' && d[1] != '\0'; d++)
		;	/* the number is written with leading zeros */
	return path_id(d);
}

static void
admin_code_xml(struct req *r, xmlNodePtr parent, const struct dbres *c,
    size_t i)
{
	xmlNodePtr	 n;

	n = xml_add(parent, "code", NULL);
	xml_prop(n, "id", DBRES(c, i, 0));
	xml_propf(n, "number", "%s-%07lld", DBRES(c, i, 17), db_ll(c, i, 0));
	xml_prop(n, "role-name", DBRES(c, i, 3));
	xml_prop(n, "region", DBRES(c, i, 5));
	xml_prop(n, "method", DBRES(c, i, 6));
	xml_prop(n, "issued", DBRES(c, i, 7));
	xml_prop(n, "expires", DBRES(c, i, 8));
	xml_prop(n, "revoked", DBRES(c, i, 9));
	xml_prop(n, "revoke-reason", DBRES(c, i, 10));
	xml_prop(n, "holder", DBRES(c, i, 15));
	xml_prop(n, "phone", mask_phone(r->pool, secret_open_cell(r->pool, c,
	    i, 16, SC_PERSON_PHONE)));
}

/* GET /admin/codes?q=NUMBER: the recent codes, or the one asked for. */
static int
admin_codes(struct req *r)
{
	const struct fval		*q = &r->fields[FIELD_Q];
	const struct jurisdiction	*j;
	struct dbres			*c;
	xmlDocPtr			 doc;
	xmlNodePtr			 list;
	enum dberr			 e;
	size_t				 i;

	if (!admin_district(r))
		return 403;
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if (q->valid)
		e = db_query(r->pool, &codes_sql[STMT_CODE_GET_IN], &c, "ii",
		    code_number(r, q->s), j->id);
	else
		e = db_query(r->pool, &codes_sql[STMT_CODE_RECENT], &c, "i",
		    j->id);
	if (e != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-codes")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "codes", NULL);
	if (q->valid)
		xml_prop(list, "q", q->s);
	for (i = 0; i < c->nrows; i++)
		admin_code_xml(r, list, c, i);
	return page_finish(r, &codes_sheet, doc);
}

/*
 * POST /admin/codes/:id/revoke: revoke with a reason; the revocation and
 * its audit entry are one transaction. Kept badges are dropped.
 */
static int
admin_code_revoke(struct req *r)
{
	const struct fval		*reason = &r->fields[FIELD_TEXT];
	const struct jurisdiction	*j;
	struct dbres			*c;
	enum dberr			 e;
	long long			 id;
	char				*object;

	if (!admin_district(r))
		return 403;
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((id = code_number(r, r->args[0])) == 0)
		return 404;
	if (!reason->valid || strspn(reason->s, " \t\r\n") == reason->sz ||
	    utf8_chars(reason->s, reason->sz) > REVOKE_REASON_MAX)
		return 400;
	if ((e = db_query(r->pool, &codes_sql[STMT_CODE_GET_IN], &c, "ii", id,
	    j->id)) != DB_OK)
		return db_status(e);
	if (c->nrows == 0)
		return 404;
	object = pool_printf(r->pool, "code %lld", id);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&codes_sql[STMT_CODE_REVOKE], NULL, "sii", reason->s,
	    r->sess.admin_id, id)) != DB_OK || db_affected() == 0 ||
	    (e = stats_member_refresh_code(id)) != DB_OK ||
	    (e = audit_write(r, "revoke", object, reason->s)) != DB_OK) {
		db_rollback();
		return e == DB_OK ? 409 : db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	badge_uncache(r, c, 0);
	return resp_redirect(r, pool_printf(r->pool, "/admin/codes?q=%lld",
	    id), "revoked");
}
