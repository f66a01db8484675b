/*
 * admincode.c: codes in the admin area: find a code by its number, see
 * it, and revoke it with a reason (audit-logged). District scope.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define REVOKE_REASON_MAX	200	/* characters, as code.revoke_reason */

/* District admins only, until street and unit scopes arrive. */
int
admin_district(struct req *r)
{
	return r->sess.admin_scope != NULL &&
	    strcmp(r->sess.admin_scope, "district") == 0;
}

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
	xml_prop(n, "phone", mask_phone(r->pool, DBRES(c, i, 16)));
}

/* GET /admin/codes?q=NUMBER: the recent codes, or the one asked for. */
int
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
		e = db_query(r->pool, STMT_CODE_GET_IN, &c, "ii",
		    code_number(r, q->s), j->id);
	else
		e = db_query(r->pool, STMT_CODE_RECENT, &c, "i", j->id);
	if (e != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-codes")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "codes", NULL);
	if (q->valid)
		xml_prop(list, "q", q->s);
	for (i = 0; i < c->nrows; i++)
		admin_code_xml(r, list, c, i);
	return page_finish(r, SHEET_ADMIN_CODES, doc);
}

/*
 * POST /admin/codes/:id/revoke: revoke with a reason; the revocation and
 * its audit entry are one transaction. Kept badges are dropped.
 */
int
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
	if ((e = db_query(r->pool, STMT_CODE_GET_IN, &c, "ii", id, j->id)) !=
	    DB_OK)
		return db_status(e);
	if (c->nrows == 0)
		return 404;
	object = pool_printf(r->pool, "code %lld", id);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(STMT_CODE_REVOKE, NULL, "sii", reason->s,
	    r->sess.admin_id, id)) != DB_OK || db_affected() == 0 ||
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
