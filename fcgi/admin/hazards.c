/*
 * hazards.c: hazard reports in the admin area. The triage list, filtered
 * by status, street or town and category, with who acts next, and the
 * reports with a position drawn as SVG over the streets and towns (no
 * map tiles). A report's page: everything the reporter gave, the other
 * residents' additions, the photos, the history with who made each
 * change; moderation (the public text and address, a photo hidden, the
 * reporter told why); and the way through the office:
 *
 *	new → verified → assigned → rectifying → rectified → closed
 *	new, verified, assigned → rejected (a duplicate, or invalid)
 *	rectified → rectifying (not done: again)
 *
 * District admins do all of it. A street admin sees the reports in or
 * assigned to their street, and moves the ones assigned to it from
 * assigned to rectifying to rectified; anything else is refused. Each
 * change, its notice (the history the reporter sees) and its audit
 * entry are one transaction under the report's row lock. The numbers
 * of the reporter and of those who added to it are masked until an
 * admin asks to see them with a reason, which the access log keeps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "hazard/hazard.h"
#include "shared/access.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/map.h"
#include "shared/mask.h"
#include "shared/notice.h"
#include "shared/photo.h"
#include "shared/ref.h"
#include "shared/scope.h"
#include "shared/secret.h"

#define HAZARDS_PAGE		50	/* rows of the list */
#define HAZARDS_MAP_MAX		3000	/* dots on the map */

static int	 hazards_admin(struct req *);
static int	 hazard_admin(struct req *);
static int	 hazard_photo(struct req *);
static int	 hazard_moderate(struct req *);
static int	 hazard_photo_hide(struct req *);
static int	 hazard_move(struct req *);
static int	 hazard_show(struct req *);
static int	 valid_status(struct fval *);
static int	 valid_reason(struct fval *);

static const struct route hazards_routes[] = {
	/* ADMIN_HAZARDS: the triage list and map */
	{ METHOD_GET, "/admin/hazards", hazards_admin, RF_ADMIN },
	/* ADMIN_HAZARD_PHOTO: any photo of a report in scope */
	{ METHOD_GET, "/admin/hazards/photos/:id", hazard_photo, RF_ADMIN },
	/* ADMIN_HAZARD_PHOTO_HIDE: hidden or shown, with a reason */
	{ METHOD_POST, "/admin/hazards/photos/:id", hazard_photo_hide,
	  RF_ADMIN },
	/* ADMIN_HAZARD: a report */
	{ METHOD_GET, "/admin/hazards/:id", hazard_admin, RF_ADMIN },
	/* ADMIN_HAZARD_MODERATE: what the public sees */
	{ METHOD_POST, "/admin/hazards/:id/moderate", hazard_moderate,
	  RF_ADMIN },
	/* ADMIN_HAZARD_MOVE: its next status */
	{ METHOD_POST, "/admin/hazards/:id/status", hazard_move, RF_ADMIN },
	/* ADMIN_HAZARD_SHOW: the contacts' numbers, with a reason logged */
	{ METHOD_POST, "/admin/hazards/:id/show", hazard_show, RF_ADMIN },
};

enum hazards_field {
	FIELD_STATUS,
	FIELD_REGION,
	FIELD_CATEGORY,
	FIELD_PAGE,
	FIELD_TEXT,
	FIELD_ADDRESS,
	FIELD_REASON,
	FIELD_WHY,
	FIELD_DUPLICATE,
	FIELD_HIDDEN,
	HAZARDS_FIELD__MAX
};

static const struct field hazards_fields[HAZARDS_FIELD__MAX] = {
	{ "status", valid_status, 16, 0 },	/* a filter, or the next */
	{ "region", valid_id, 10, 0 },
	{ "category", hazard_valid_category, 16, 0 },
	{ "page", valid_count, 6, 0 },
	{ "text", valid_line, 4 * HAZARD_TEXT_MAX, 0 },	/* public, answer */
	{ "address", valid_line, 4 * HAZARD_ADDRESS_MAX, 0 },
	{ "reason", valid_reason, 16, 0 },	/* why rejected */
	{ "why", valid_line, 4 * 200, 0 },	/* told to the reporter */
	{ "duplicate", valid_line, 16, 0 },	/* of this number */
	{ "hidden", valid_flag, 1, 0 },
};

enum hazards_sheet {
	SHEET_HAZARDS,
	SHEET_HAZARD,
	HAZARDS_SHEET__MAX
};

static struct sheet hazards_sheets[HAZARDS_SHEET__MAX] = {
	{ "admin-hazards.xsl", 0, { NULL } },	/* SHEET_HAZARDS */
	{ "admin-hazard.xsl", 1, { NULL } },	/* SHEET_HAZARD */
};

enum hazards_stmt {
	STMT_LIST,
	STMT_COUNTS,
	STMT_DOTS,
	STMT_GET,
	STMT_LOCK,
	STMT_PHOTOS,
	STMT_PHOTO,
	STMT_PHOTO_LOCK,
	STMT_PHOTO_HIDE,
	STMT_ADDITIONS,
	STMT_MODERATE,
	STMT_MOVE,
	STMT_DUPLICATE,
	STMT_REGION_NAME,
	HAZARDS_STMT__MAX
};

/*
 * The filters, each "any" when its first parameter is empty or 0, and
 * the admin's street (0: the district's admin, all of them).
 */
#define FILTER								\
	"h.jurisdiction_id = ? AND (? = 0 OR h.region_id = ? OR "	\
	"h.assigned_region_id = ?) AND (? = '' OR h.status = ?) AND "	\
	"(? = 0 OR h.region_id = ?) AND (? = '' OR h.category = ?) "

static struct stmt hazards_sql[HAZARDS_STMT__MAX] = {
	[STMT_LIST] = { "ADMIN_HAZARDS",
	  "SELECT h.id, h.ref, h.category, h.status, r.name, g.name, "
	  "DATE_FORMAT(h.created_at, '%Y-%m-%d %H:%i'), "
	  "DATEDIFF(NOW(), h.updated_at), h.moderated_at IS NOT NULL, "
	  "h.additions, LEFT(h.description, 60) FROM hazard h "
	  "JOIN region r ON r.id = h.region_id LEFT JOIN region g ON "
	  "g.id = h.assigned_region_id WHERE " FILTER
	  "ORDER BY h.status IN ('closed', 'rejected'), h.id LIMIT ? "
	  "OFFSET ?" },
	[STMT_COUNTS] = { "ADMIN_HAZARD_COUNTS",
	  "SELECT h.status, COUNT(*) FROM hazard h WHERE "
	  "h.jurisdiction_id = ? AND (? = 0 OR h.region_id = ? OR "
	  "h.assigned_region_id = ?) GROUP BY h.status" },
	[STMT_DOTS] = { "ADMIN_HAZARD_DOTS",
	  "SELECT h.id, h.status, h.lng, h.lat, h.category FROM hazard h "
	  "WHERE " FILTER "AND h.lng IS NOT NULL ORDER BY h.id DESC "
	  "LIMIT 3000" },
	[STMT_GET] = { "ADMIN_HAZARD",
	  "SELECT h.id, h.ref, h.category, h.status, h.description, "
	  "h.public_text, h.address, h.public_address, r.name, "
	  "DATE_FORMAT(h.created_at, '%Y-%m-%d %H:%i'), "
	  "h.moderated_at IS NOT NULL, h.reject_reason, d.ref, "
	  "h.resolution, h.additions, h.lng, h.lat, g.name, "
	  "h.contact_name, h.contact_phone_enc, h.region_id, "
	  "h.assigned_region_id FROM hazard h JOIN region r ON "
	  "r.id = h.region_id LEFT JOIN region g ON "
	  "g.id = h.assigned_region_id LEFT JOIN hazard d ON "
	  "d.id = h.duplicate_of WHERE h.id = ? AND h.jurisdiction_id = ?" },
	[STMT_LOCK] = { "ADMIN_HAZARD_LOCK",
	  "SELECT id, ref, status, person_id, contact_phone_enc, "
	  "assigned_region_id, region_id, description, address "
	  "FROM hazard WHERE id = ? AND jurisdiction_id = ? FOR UPDATE" },
	[STMT_PHOTOS] = { "ADMIN_HAZARD_PHOTOS",
	  "SELECT id, width, height, hidden, hidden_reason, addition_id "
	  "FROM hazard_photo WHERE hazard_id = ? ORDER BY id" },
	[STMT_PHOTO] = { "ADMIN_HAZARD_PHOTO",
	  "SELECT p.jpeg, h.region_id, h.assigned_region_id FROM "
	  "hazard_photo p JOIN hazard h ON h.id = p.hazard_id WHERE "
	  "p.id = ? AND h.jurisdiction_id = ?" },
	[STMT_PHOTO_LOCK] = { "ADMIN_HAZARD_PHOTO_LOCK",
	  "SELECT p.id, p.hidden, h.id, h.ref, h.person_id, "
	  "h.contact_phone_enc FROM hazard_photo p JOIN hazard h ON "
	  "h.id = p.hazard_id WHERE p.id = ? AND h.jurisdiction_id = ? "
	  "FOR UPDATE" },
	[STMT_PHOTO_HIDE] = { "ADMIN_HAZARD_PHOTO_HIDE",
	  "UPDATE hazard_photo SET hidden = ?, hidden_reason = ? "
	  "WHERE id = ?" },
	[STMT_ADDITIONS] = { "ADMIN_HAZARD_ADDITIONS",
	  "SELECT id, description, contact_phone_enc, "
	  "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM hazard_addition "
	  "WHERE hazard_id = ? ORDER BY id" },
	[STMT_MODERATE] = { "ADMIN_HAZARD_MODERATE",
	  "UPDATE hazard SET public_text = ?, public_address = ?, "
	  "moderated_at = NOW() WHERE id = ?" },
	[STMT_MOVE] = { "ADMIN_HAZARD_MOVE",
	  "UPDATE hazard SET status = ?, assigned_region_id = "
	  "COALESCE(?, assigned_region_id), reject_reason = ?, "
	  "duplicate_of = ?, resolution = COALESCE(?, resolution), "
	  "updated_at = NOW() WHERE id = ?" },
	[STMT_DUPLICATE] = { "ADMIN_HAZARD_DUPLICATE",
	  "SELECT id FROM hazard WHERE ref = ? AND jurisdiction_id = ? "
	  "AND status <> 'rejected'" },
	[STMT_REGION_NAME] = { "ADMIN_HAZARD_REGION",
	  "SELECT name FROM region WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
};

const struct module admin_hazards_module = {
	.name = "admin-hazards",
	.routes = hazards_routes,
	.nroutes = NELEM(hazards_routes),
	.fields = hazards_fields,
	.nfields = HAZARDS_FIELD__MAX,
	.sheets = hazards_sheets,
	.nsheets = HAZARDS_SHEET__MAX,
};

/*
 * The way through the office: from, to, and whether the admin of the
 * street it is assigned to may make the move (a district admin may make
 * every one).
 */
static const struct move {
	const char	*from;
	const char	*to;
	int		 street;
} moves[] = {
	{ "new", "verified", 0 },
	{ "new", "rejected", 0 },
	{ "verified", "assigned", 0 },
	{ "verified", "rejected", 0 },
	{ "assigned", "rectifying", 1 },
	{ "assigned", "rejected", 0 },
	{ "rectifying", "rectified", 1 },
	{ "rectified", "closed", 0 },
	{ "rectified", "rectifying", 0 },
};

static int
valid_status(struct fval *f)
{
	static const char *const	 all[] = { "new", "verified",
	    "assigned", "rectifying", "rectified", "closed", "rejected" };
	size_t				 i;

	for (i = 0; i < NELEM(all); i++)
		if (strcmp(f->s, all[i]) == 0)
			return 1;
	return 0;
}

static int
valid_reason(struct fval *f)
{
	return strcmp(f->s, "duplicate") == 0 || strcmp(f->s, "invalid") == 0;
}

/*
 * Whether this admin may see a report in region (and assigned to
 * assigned, 0 for none): the district's, or its street's admin.
 */
static int
in_scope(struct req *r, long long region, long long assigned)
{
	long long	 st = admin_street(r);

	return st == 0 || (st > 0 && (st == region || st == assigned));
}

static const char *
filter_s(const struct fval *f)
{
	return f->valid ? f->s : "";
}

/* GET /admin/hazards: counts by status, the map, a page of the list. */
static int
hazards_admin(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*st = &r->fields[FIELD_STATUS];
	const struct fval		*rg = &r->fields[FIELD_REGION];
	const struct fval		*cat = &r->fields[FIELD_CATEGORY];
	struct map_frame		 fr;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, list, n;
	long long			 street, page, region;
	double				 x, y;
	enum dberr			 e;
	size_t				 i;
	int				 rc;

	if ((street = admin_street(r)) < 0)
		return 403;
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	page = r->fields[FIELD_PAGE].valid ? r->fields[FIELD_PAGE].i : 1;
	page = page < 1 ? 1 : page;
	region = rg->valid ? rg->i : 0;
	if ((doc = xml_page(r, "admin-hazards")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "filter", NULL);
	xml_prop(list, "status", filter_s(st));
	xml_propll(list, "region", region);
	xml_prop(list, "category", filter_s(cat));
	xml_propll(list, "page", page);
	xml_propll(list, "street", street);
	if ((rc = region_xml_zh(r, root)) != 0)
		return rc;
	if ((e = db_query(r->pool, &hazards_sql[STMT_COUNTS], &res, "iiii",
	    j->id, street, street, street)) != DB_OK)
		return db_status(e);
	list = xml_add(root, "counts", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "count", NULL), res, i, "status n");
	if ((e = db_query(r->pool, &hazards_sql[STMT_LIST], &res,
	    "iiiissiissii", j->id, street, street, street, filter_s(st),
	    filter_s(st), region, region, filter_s(cat), filter_s(cat),
	    (long long)HAZARDS_PAGE + 1, (page - 1) * HAZARDS_PAGE)) != DB_OK)
		return db_status(e);
	list = xml_add(root, "reports", NULL);
	if (res->nrows > HAZARDS_PAGE)
		xml_propll(list, "more", page + 1);
	for (i = 0; i < res->nrows && i < HAZARDS_PAGE; i++)
		xml_row(xml_add(list, "report", NULL), res, i, "id ref category "
		    "status region assigned-region at idle moderated additions "
		    "excerpt");
	/* The map: the streets, and a dot for each report with a place. */
	if ((rc = map_xml_frame(r, root, &fr)) != 0)
		return rc;
	if ((e = db_query(r->pool, &hazards_sql[STMT_DOTS], &res,
	    "iiiissiiss", j->id, street, street, street, filter_s(st),
	    filter_s(st), region, region, filter_s(cat), filter_s(cat))) !=
	    DB_OK)
		return db_status(e);
	list = xml_add(root, "dots", NULL);
	for (i = 0; i < res->nrows; i++) {
		if (!map_point(&fr, strtod(DBRES(res, i, 2), NULL),
		    strtod(DBRES(res, i, 3), NULL), &x, &y))
			break;
		n = xml_add(list, "dot", NULL);
		xml_row(n, res, i, "id status - - category");
		xml_propf(n, "x", "%.1f", x);
		xml_propf(n, "y", "%.1f", y);
	}
	return page_finish(r, &hazards_sheets[SHEET_HAZARDS], doc);
}

/*
 * The public text an admin starts from: the reporter's, with every run
 * of seven or more digits (a phone number, an ID number) replaced.
 */
static char *
redacted(struct pool *p, const char *s)
{
	char	*out, *o;
	size_t	 run;

	if (s == NULL || (out = pool_alloc(p, strlen(s) * 3 + 1)) == NULL)
		return NULL;
	for (o = out; *s != '\0';) {
		run = strspn(s, "0123456789");
		if (run >= 7) {
			memcpy(o, "\xef\xbc\x8a\xef\xbc\x8a\xef\xbc\x8a", 9);
			o += 9;			/* "＊＊＊" */
			s += run;
		} else if (run > 0) {
			memcpy(o, s, run);
			o += run;
			s += run;
		} else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* A one-line text of at most max characters given, or NULL. */
static const char *
line_of(const struct fval *f, size_t max, int *bad)
{
	*bad = 0;
	if (!f->present || f->sz == 0 || strspn(f->s, " \t\r\n") == f->sz)
		return NULL;
	if (!f->valid || utf8_chars(f->s, f->sz) > max) {
		*bad = 1;
		return NULL;
	}
	return f->s;
}

/* The report's row, if in scope: NULL and *rc otherwise. */
static struct dbres *
hazard_row(struct req *r, int *rc)
{
	struct dbres	*h;

	if (admin_street(r) < 0) {
		*rc = 403;
		return NULL;
	}
	if ((h = jur_row(r, &hazards_sql[STMT_GET], r->args[0], rc)) == NULL)
		return NULL;
	if (secret_open_res(r->pool, h, 19, SC_HAZARD_PHONE, -1) == -1) {
		*rc = 500;
		return NULL;
	}
	if (!in_scope(r, db_ll(h, 0, 20), db_ll(h, 0, 21))) {
		*rc = 404;
		return NULL;
	}
	return h;
}

/*
 * The report's page; error says why the last form was not taken. The
 * contacts' numbers are masked unless shown (the access is logged).
 */
static int
hazard_page(struct req *r, const char *error, int shown)
{
	struct dbres	*h, *res;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, m, list;
	long long	 id, street;
	size_t		 i, k;
	enum dberr	 e;
	int		 rc;

	if ((h = hazard_row(r, &rc)) == NULL)
		return rc;
	id = db_ll(h, 0, 0);
	street = admin_street(r);
	if ((doc = xml_page(r, "admin-hazard")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "report", NULL);
	xml_row(n, h, 0, "id ref category status description public-text "
	    "address public-address region at moderated reject-reason "
	    "duplicate-of resolution additions lng lat assigned-region "
	    "contact-name contact-phone region-id assigned-region-id");
	xml_prop(n, "suggested", redacted(r->pool, DBRES(h, 0, 4)));
	if (DBRES(h, 0, 19) != NULL) {
		xmlUnsetProp(n, BAD_CAST "contact-phone");
		xml_prop(n, "contact-phone", shown ? DBRES(h, 0, 19) :
		    mask_phone(r->pool, DBRES(h, 0, 19)));
	}
	if (shown)
		xml_prop(n, "shown", "1");
	/* What this admin may do with it now. */
	for (k = 0; k < NELEM(moves); k++)
		if (strcmp(moves[k].from, DBRES(h, 0, 3)) == 0 &&
		    (street == 0 || (moves[k].street &&
		    street == db_ll(h, 0, 21))))
			xml_prop(xml_add(n, "move", NULL), "to", moves[k].to);
	if (street == 0)
		xml_prop(n, "may-moderate", "1");
	if ((e = db_query(r->pool, &hazards_sql[STMT_PHOTOS], &res, "i",
	    id)) != DB_OK)
		return db_status(e);
	list = xml_add(n, "photos", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "photo", NULL), res, i,
		    "id width height hidden reason addition");
	if ((e = db_query(r->pool, &hazards_sql[STMT_ADDITIONS], &res, "i",
	    id)) != DB_OK)
		return db_status(e);
	if (secret_open_res(r->pool, res, 2, SC_ADDITION_PHONE, -1) == -1)
		return 500;
	list = xml_add(n, "additions", NULL);
	for (i = 0; i < res->nrows; i++) {
		m = xml_add(list, "addition", NULL);
		xml_row(m, res, i, "id description - at");
		if (DBRES(res, i, 2) != NULL)
			xml_prop(m, "phone", shown ? DBRES(res, i, 2) :
			    mask_phone(r->pool, DBRES(res, i, 2)));
	}
	if ((rc = notice_list_xml(r, root, "hazard", id, 1)) != 0 ||
	    (rc = region_xml_zh(r, root)) != 0)
		return rc;
	if (error != NULL) {
		xml_prop(xml_add(root, "error", NULL), "code", error);
		r->status = strcmp(error, "moved") == 0 ? 409 : 400;
	}
	return page_finish(r, &hazards_sheets[SHEET_HAZARD], doc);
}

/* GET /admin/hazards/:id */
static int
hazard_admin(struct req *r)
{
	return hazard_page(r, NULL, 0);
}

/*
 * POST /admin/hazards/:id/show: the page with the numbers in full, once
 * the access (who, whose, why) is in the log; without a reason, the
 * page as it was, saying so.
 */
static int
hazard_show(struct req *r)
{
	struct dbres	*h;
	const char	*why;
	enum dberr	 e;
	int		 bad, rc;

	if ((h = hazard_row(r, &rc)) == NULL)
		return rc;
	if ((why = line_of(&r->fields[FIELD_WHY], ACCESS_REASON_MAX,
	    &bad)) == NULL || strpbrk(why, "\r\n\t") != NULL)
		return hazard_page(r, "need-access-why", 0);
	if ((e = access_write(r, "hazard", db_ll(h, 0, 0), DBRES(h, 0, 1),
	    "phone", why)) != DB_OK)
		return db_status(e);
	return hazard_page(r, NULL, 1);		/* admin pages: no-store */
}

/* GET /admin/hazards/photos/:id: hidden ones too, for the office. */
static int
hazard_photo(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	long long			 id = path_id(r->args[0]);
	enum dberr			 e;

	if (admin_street(r) < 0)
		return 403;
	if (id <= 0)
		return 404;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &hazards_sql[STMT_PHOTO], &res, "ii", id,
	    j->id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0 || !in_scope(r, db_ll(res, 0, 1),
	    db_ll(res, 0, 2)))
		return 404;
	return photo_send(r, DBRES(res, 0, 0), res->len[0]);
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/*
 * POST /admin/hazards/:id/moderate: the public text and address (the
 * reporter's with what must not be public taken out). When either is
 * not what the reporter wrote, a reason is told to them.
 */
static int
hazard_moderate(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*h, *lk;
	struct notice			 n;
	const char			*text, *addr, *why;
	int				 bad, changed, rc;
	enum dberr			 e;

	if ((h = hazard_row(r, &rc)) == NULL)
		return rc;
	if (admin_street(r) != 0)
		return 403;
	if ((text = line_of(&r->fields[FIELD_TEXT], HAZARD_TEXT_MAX, &bad)) ==
	    NULL)
		return hazard_page(r, "no-text", 0);
	addr = line_of(&r->fields[FIELD_ADDRESS], HAZARD_ADDRESS_MAX, &bad);
	if (bad || (addr != NULL && strpbrk(addr, "\r\n\t") != NULL))
		return hazard_page(r, "bad-address", 0);
	why = line_of(&r->fields[FIELD_WHY], 200, &bad);
	if (bad)
		return hazard_page(r, "bad-why", 0);
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &hazards_sql[STMT_LOCK], &lk, "ii",
	    db_ll(h, 0, 0), j->id)) != DB_OK || lk->nrows == 0) {
		db_rollback();
		return e != DB_OK ? db_status(e) : 404;
	}
	(void)secret_open_res(r->pool, lk, 4, SC_HAZARD_PHONE, -1);
	changed = !same(text, DBRES(lk, 0, 7)) || !same(addr, DBRES(lk, 0, 8));
	if (changed && why == NULL) {
		db_rollback();
		return hazard_page(r, "need-why", 0);
	}
	e = db_exec(&hazards_sql[STMT_MODERATE], NULL, "ssi", text, addr,
	    db_ll(lk, 0, 0));
	if (e == DB_OK) {
		n = (struct notice){ "hazard", db_ll(lk, 0, 0), DBRES(lk, 0, 1),
		    db_ll(lk, 0, 3), DBRES(lk, 0, 4), changed ? "moderated" :
		    "published", changed ? why : NULL };
		e = notice_add(r, &n);
	}
	if (e == DB_OK)
		e = audit_write(r, "hazard-moderate", pool_printf(r->pool,
		    "hazard %s", DBRES(lk, 0, 1)), changed ? why : "as written");
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/hazards/%s",
	    DBRES(lk, 0, 0)), "saved");
}

/*
 * POST /admin/hazards/photos/:id: a photo hidden from the public (the
 * reporter is told why) or shown again.
 */
static int
hazard_photo_hide(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*hd = &r->fields[FIELD_HIDDEN];
	struct dbres			*p;
	struct notice			 n;
	const char			*why;
	long long			 id = path_id(r->args[0]);
	int				 bad, hide = hd->valid;
	enum dberr			 e;

	if (admin_street(r) != 0)
		return 403;
	if (id <= 0)
		return 404;
	if (hd->present && !hd->valid)
		return 400;
	why = line_of(&r->fields[FIELD_WHY], 200, &bad);
	if (bad || (hide && why == NULL))
		return 400;
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &hazards_sql[STMT_PHOTO_LOCK], &p, "ii", id,
	    j->id)) != DB_OK || p->nrows == 0) {
		db_rollback();
		return e != DB_OK ? db_status(e) : 404;
	}
	(void)secret_open_res(r->pool, p, 5, SC_HAZARD_PHONE, -1);
	e = db_exec(&hazards_sql[STMT_PHOTO_HIDE], NULL, "isi",
	    (long long)hide, hide ? why : NULL, id);
	if (e == DB_OK && hide && db_ll(p, 0, 1) == 0) {
		n = (struct notice){ "hazard", db_ll(p, 0, 2), DBRES(p, 0, 3),
		    db_ll(p, 0, 4), DBRES(p, 0, 5), "photo-hidden", why };
		e = notice_add(r, &n);
	}
	if (e == DB_OK)
		e = audit_write(r, hide ? "hazard-photo-hide" :
		    "hazard-photo-show", pool_printf(r->pool, "hazard %s photo "
		    "%lld", DBRES(p, 0, 3), id), why);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/hazards/%s",
	    DBRES(p, 0, 2)), "saved");
}

/* The move from a status to another, if there is one. */
static const struct move *
move_find(const char *from, const char *to)
{
	size_t	 k;

	for (k = 0; k < NELEM(moves); k++)
		if (strcmp(moves[k].from, from) == 0 &&
		    strcmp(moves[k].to, to) == 0)
			return &moves[k];
	return NULL;
}

/*
 * What a move needs besides itself, checked: NULL, or why it cannot be
 * made ("db" when the database failed). The text typed is the message
 * to the reporter, and for rectified the public resolution too.
 */
struct move_args {
	long long	 region;	/* assigned: the street */
	const char	*region_name;
	const char	*reason;	/* rejected: duplicate, invalid */
	long long	 duplicate;	/* rejected as a duplicate of */
	const char	*text;		/* rectified: the resolution */
	const char	*message;	/* told to the reporter */
};

static const char *
move_args(struct req *r, const char *to, long long self, struct move_args *a)
{
	const struct jurisdiction	*j;
	const struct fval		*dup = &r->fields[FIELD_DUPLICATE];
	struct dbres			*res;
	enum dberr			 e;
	int				 bad;

	memset(a, 0, sizeof(*a));
	if ((j = jur_get(r, &e)) == NULL)
		return "db";
	a->text = line_of(&r->fields[FIELD_TEXT], HAZARD_TEXT_MAX, &bad);
	if (bad)
		return "bad-text";
	a->message = a->text;
	if (strcmp(to, "assigned") == 0) {
		if (!r->fields[FIELD_REGION].valid)
			return "no-region";
		a->region = r->fields[FIELD_REGION].i;
		if (db_query(r->pool, &hazards_sql[STMT_REGION_NAME], &res,
		    "ii", a->region, j->id) != DB_OK)
			return "db";
		if (res->nrows == 0)
			return "no-region";
		a->region_name = DBRES(res, 0, 0);
		a->message = a->region_name;
		a->text = NULL;
	} else if (strcmp(to, "rejected") == 0) {
		if (!r->fields[FIELD_REASON].valid)
			return "no-reason";
		a->reason = r->fields[FIELD_REASON].s;
		if (strcmp(a->reason, "duplicate") == 0) {
			if (!dup->valid || !ref_ok(dup->s))
				return "no-duplicate";
			if (db_query(r->pool, &hazards_sql[STMT_DUPLICATE],
			    &res, "si", dup->s, j->id) != DB_OK)
				return "db";
			if (res->nrows == 0 || db_ll(res, 0, 0) == self)
				return "no-duplicate";
			a->duplicate = db_ll(res, 0, 0);
		} else if (a->text == NULL)
			return "no-text";
		a->text = NULL;
	} else if (strcmp(to, "rectified") == 0 && a->text == NULL)
		return "no-resolution";
	if (strcmp(to, "rectified") != 0)
		a->text = NULL;		/* only a resolution is kept */
	return NULL;
}

/*
 * POST /admin/hazards/:id/status: the next status, if the way and this
 * admin's scope allow it from the status the report has under its lock
 * (409 when another admin moved it first).
 */
static int
hazard_move(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*to = &r->fields[FIELD_STATUS];
	const struct move		*m;
	struct move_args		 a;
	struct dbres			*h, *lk;
	struct notice			 n;
	const char			*why;
	long long			 street = admin_street(r), id;
	enum dberr			 e;
	int				 rc;

	if ((h = hazard_row(r, &rc)) == NULL)
		return rc;
	id = db_ll(h, 0, 0);
	if (!to->valid)
		return hazard_page(r, "bad-move", 0);
	if ((why = move_args(r, to->s, id, &a)) != NULL)
		return strcmp(why, "db") == 0 ? 500 : hazard_page(r, why, 0);
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &hazards_sql[STMT_LOCK], &lk, "ii", id,
	    j->id)) != DB_OK || lk->nrows == 0) {
		db_rollback();
		return e != DB_OK ? db_status(e) : 404;
	}
	(void)secret_open_res(r->pool, lk, 4, SC_HAZARD_PHONE, -1);
	if ((m = move_find(DBRES(lk, 0, 2), to->s)) == NULL) {
		db_rollback();
		return hazard_page(r, move_find(DBRES(h, 0, 3), to->s) ?
		    "moved" : "bad-move", 0);
	}
	if (street != 0 && (!m->street || street != db_ll(lk, 0, 5))) {
		db_rollback();
		return 403;
	}
	e = db_exec(&hazards_sql[STMT_MOVE], NULL, "snsnsi", to->s, a.region,
	    a.reason, a.duplicate, a.text, id);
	if (e == DB_OK) {
		n = (struct notice){ "hazard", id, DBRES(lk, 0, 1),
		    db_ll(lk, 0, 3), DBRES(lk, 0, 4), to->s, a.message };
		e = notice_add(r, &n);
	}
	if (e == DB_OK)
		e = audit_write(r, "hazard-status", pool_printf(r->pool,
		    "hazard %s", DBRES(lk, 0, 1)), pool_printf(r->pool,
		    "%s -> %s%s%s", m->from, m->to, a.message ? ": " : "",
		    a.message ? a.message : ""));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/hazards/%lld",
	    id), "saved");
}
