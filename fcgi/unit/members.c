/*
 * members.c: a unit's members as its admin sees them: each with the
 * status of their best blue code (valid, expiring within 30 days,
 * expired, none) and their learning points, the unit's points total and
 * average, its coverage (members holding a valid code ÷
 * its declared headcount), the invitations not yet taken; approving,
 * removing, making another admin; the list as CSV for a spreadsheet.
 */
#include <string.h>

#include "core/app.h"
#include "code/code.h"
#include "shared/mask.h"
#include "shared/secret.h"
#include "unit/unit.h"
#include "unit/local.h"

/* The columns of STMT_MEMBER_LIST. */
enum member_col {
	MC_ID, MC_NAME, MC_PHONE, MC_IS_ADMIN, MC_STATUS, MC_JOINED, MC_DAYS,
	MC_POINTS
};

/* A member's code status from the days their best code has left. */
static const char *
member_code_status(const struct dbres *res, size_t i)
{
	long long	 days;

	if (DBRES(res, i, MC_DAYS) == NULL)
		return "none";
	days = db_ll(res, i, MC_DAYS);
	if (days < 0)
		return "expired";
	return days <= RENEW_DAYS ? "expiring" : "valid";
}

/*
 * <members> with each member and the counts, and <invites>: the unit
 * admin's view of unit u.
 */
int
unit_members_xml(struct req *r, xmlNodePtr root, const struct unit *u)
{
	struct dbres	*res, *inv;
	xmlNodePtr	 list, n;
	long long	 counts[4] = { 0 }, active = 0, pending = 0, headcount;
	long long	 points = 0;
	const char	*st;
	enum dberr	 e;
	size_t		 i, k;
	static const char *const names[4] = { "valid", "expiring", "expired",
	    "none" };

	if ((e = db_query(r->pool, &unit_sql[STMT_MEMBER_LIST], &res, "i",
	    u->id)) != DB_OK ||
	    (e = db_query(r->pool, &unit_sql[STMT_INVITE_LIST], &inv, "i",
	    u->id)) != DB_OK)
		return db_status(e);
	if (secret_open_res(r->pool, res, MC_PHONE, SC_PERSON_PHONE, -1) ==
	    -1 || secret_open_res(r->pool, inv, 0, SC_INVITE_PHONE, -1) == -1)
		return 500;
	list = xml_add(root, "members", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "member", NULL);
		xml_row(n, res, i, "id name - admin status joined days points");
		xml_prop(n, "phone", mask_phone(r->pool,
		    DBRES(res, i, MC_PHONE)));
		if (strcmp(DBRES(res, i, MC_STATUS), "active") != 0) {
			pending++;
			continue;
		}
		active++;
		points += db_ll(res, i, MC_POINTS);
		st = member_code_status(res, i);
		xml_prop(n, "code-status", st);
		for (k = 0; k < 4; k++)
			counts[k] += strcmp(st, names[k]) == 0;
	}
	xml_propll(list, "active", active);
	xml_propll(list, "points", points);
	if (active > 0)
		xml_propf(list, "points-avg", "%.1f", (double)points /
		    (double)active);
	xml_propll(list, "pending", pending);
	for (k = 0; k < 4; k++)
		xml_propll(list, names[k], counts[k]);
	/* Coverage: members with a code still valid, of the headcount. */
	headcount = db_ll(u->row, 0, UC_HEADCOUNT);
	if (headcount > 0)
		xml_propf(list, "coverage", "%.1f", 100.0 *
		    (double)(counts[0] + counts[1]) / (double)headcount);
	list = xml_add(root, "invites", NULL);
	for (i = 0; i < inv->nrows; i++) {
		n = xml_add(list, "invite", NULL);
		xml_prop(n, "phone", mask_phone(r->pool, DBRES(inv, i, 0)));
		xml_prop(n, "name", DBRES(inv, i, 1));
		xml_prop(n, "at", DBRES(inv, i, 2));
	}
	return 0;
}

/*
 * The member of the path, acted on by the admin of their unit through
 * stmt; 404 for anyone not in the admin's unit (or the admin
 * themselves), 409 when the statement changes nothing.
 */
static int
member_act(struct req *r, enum unit_stmt stmt, const char *flash)
{
	struct unit	 u;
	long long	 id;
	enum dberr	 e;
	int		 rc;

	if ((rc = unit_admin_of(r, &u)) != 0)
		return rc;
	if ((id = path_id(r->args[0])) == 0 || id == r->sess.person_id)
		return 404;
	if ((e = db_exec(&unit_sql[stmt], NULL, "ii", id, u.id)) != DB_OK)
		return db_status(e);
	if (db_affected() == 0)
		return 404;
	return resp_redirect(r, "/unit", flash);
}

/* POST /unit/members/:id/approve */
int
unit_member_approve(struct req *r)
{
	return member_act(r, STMT_MEMBER_APPROVE, "member-approved");
}

/* POST /unit/members/:id/remove: a member or a request to join. */
int
unit_member_remove(struct req *r)
{
	return member_act(r, STMT_MEMBER_DELETE, "member-removed");
}

/* POST /unit/members/:id/admin: another admin of the unit. */
int
unit_member_admin(struct req *r)
{
	return member_act(r, STMT_MEMBER_MAKE_ADMIN, "member-admin");
}

/*
 * GET /unit/members.csv: the members as on the page, turned into CSV by
 * a stylesheet (unit-members-csv.xsl): UTF-8 with a byte-order mark,
 * which is what makes Excel read Chinese right.
 */
int
unit_members_csv(struct req *r)
{
	struct unit	 u;
	xmlDocPtr	 doc;
	int		 rc;

	if ((rc = unit_admin_of(r, &u)) != 0)
		return rc;
	if ((doc = xml_page(r, "unit-members")) == NULL)
		return 500;
	if ((rc = unit_members_xml(r, xmlDocGetRootElement(doc), &u)) != 0)
		return rc;
	return page_csv(r, &unit_sheets[SHEET_UNIT_MEMBERS_CSV], doc,
	    "unit-members.csv");
}
