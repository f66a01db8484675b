/*
 * hazard.c: 隐患曝光, a resident reporting a fire hazard they saw. First
 * what and where (a category; the browser's position, or an address and
 * the street or town); then the open reports of the same category within
 * 50 m, so that they can add to one instead of filing it again (as
 * FixMyStreet does), and the rest of the form: what they saw, up to
 * three photos, a contact if they want to be called. They get a tracking
 * number; its page shows the status, the history and the office's
 * answer. A report's public page shows it only once an admin has looked
 * at it (admin/hazards.c): its text without personal data, the photos
 * not hidden.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "hazard/hazard.h"
#include "shared/boundary.h"
#include "shared/geo.h"
#include "shared/jurisdiction.h"
#include "shared/notice.h"
#include "shared/photo.h"
#include "shared/ref.h"
#include "shared/secret.h"

#define HAZARD_NEAR_M		50	/* metres: the same hazard */
#define HAZARD_NAME_MAX		32

static int	 hazards_list(struct req *);
static int	 hazard_new(struct req *);
static int	 hazard_file(struct req *);
static int	 hazard_public(struct req *);
static int	 hazard_add(struct req *);
static int	 hazard_public_photo(struct req *);
static int	 hazard_track(struct req *);
static int	 hazard_track_photo(struct req *);

static const struct route hazard_routes[] = {
	/* HAZARDS: what the service is, the reports made public */
	{ METHOD_GET, "/hazards", hazards_list, 0 },
	/* HAZARD_NEW: what and where; then the near ones and the form */
	{ METHOD_GET, "/hazards/new", hazard_new, 0 },
	/* HAZARD_FILE: the report, its photos in the body */
	{ METHOD_POST, "/hazards", hazard_file, RF_UPLOAD },
	/* HAZARD_TRACK: the reporter's page, by the tracking number */
	{ METHOD_GET, "/hazards/r/:ref", hazard_track, 0 },
	{ METHOD_GET, "/hazards/r/:ref/photos/:id", hazard_track_photo, 0 },
	/* HAZARD_PUBLIC: a report as the public sees it */
	{ METHOD_GET, "/hazards/:id", hazard_public, 0 },
	/* HAZARD_ADD: "I saw it too": words and photos join the report */
	{ METHOD_POST, "/hazards/:id/add", hazard_add, RF_UPLOAD },
	{ METHOD_GET, "/hazards/:id/photos/:photo", hazard_public_photo, 0 },
};

enum hazard_field {
	FIELD_CATEGORY,
	FIELD_LNG,
	FIELD_LAT,
	FIELD_REGION,
	FIELD_ADDRESS,
	FIELD_DESCRIPTION,
	FIELD_NAME,
	FIELD_PHONE,
	HAZARD_FIELD__MAX
};

static const struct field hazard_fields[HAZARD_FIELD__MAX] = {
	{ "category", hazard_valid_category, 16, 0 },
	{ "lng", valid_coord, 32, 0 },
	{ "lat", valid_coord, 32, 0 },
	{ "region", valid_id, 10, 0 },
	{ "address", valid_line, 4 * HAZARD_ADDRESS_MAX, 0 },
	{ "description", valid_line, 4 * HAZARD_TEXT_MAX, 0 },
	{ "name", valid_line, 4 * HAZARD_NAME_MAX, 0 },
	{ "phone", valid_phone, 11, 0 },
};

enum hazard_sheet {
	SHEET_HAZARDS,
	SHEET_NEW,
	SHEET_HAZARD,
	HAZARD_SHEET__MAX
};

static struct sheet hazard_sheets[HAZARD_SHEET__MAX] = {
	{ "hazards.xsl", 0, { NULL } },		/* SHEET_HAZARDS */
	{ "hazard-new.xsl", 1, { NULL } },		/* SHEET_NEW */
	{ "hazard.xsl", 1, { NULL } },		/* SHEET_HAZARD */
};

enum hazard_stmt {
	STMT_PUBLIC_LIST,
	STMT_NEAR,
	STMT_SAME_REGION,
	STMT_INSERT,
	STMT_PHOTO_INSERT,
	STMT_BY_REF,
	STMT_BY_ID,
	STMT_PHOTOS,
	STMT_TRACK_PHOTO,
	STMT_PUBLIC_PHOTO,
	STMT_LOCK,
	STMT_ADDITION_INSERT,
	STMT_ADDITION_COUNT,
	HAZARD_STMT__MAX
};

/* Still to be dealt with: what a second report of it would duplicate. */
#define OPEN "h.status IN ('new', 'verified', 'assigned', 'rectifying') "

#define HAZARD_COLS							\
	"SELECT h.id, h.ref, h.category, h.status, h.description, "	\
	"h.public_text, h.address, h.public_address, r.name, "		\
	"DATE_FORMAT(h.created_at, '%Y-%m-%d %H:%i'), "			\
	"h.moderated_at IS NOT NULL, h.reject_reason, d.id, "		\
	"h.resolution, h.additions, h.lng IS NOT NULL, g.name, "	\
	"r.name_en, g.name_en "						\
	"FROM hazard h JOIN region r ON r.id = h.region_id "		\
	"LEFT JOIN region g ON g.id = h.assigned_region_id "		\
	"LEFT JOIN hazard d ON d.id = h.duplicate_of "

#define HAZARD_NAMES							\
	"id ref category status description public-text address "	\
	"public-address region at moderated reject-reason duplicate-of " \
	"resolution additions located assigned-region"

static struct stmt hazard_sql[HAZARD_STMT__MAX] = {
	[STMT_PUBLIC_LIST] = { "HAZARD_PUBLIC_LIST",
	  "SELECT h.id, h.category, h.status, DATE(h.created_at), r.name, "
	  "h.public_text, h.additions, r.name_en FROM hazard h "
	  "JOIN region r ON r.id = h.region_id WHERE h.jurisdiction_id = ? AND "
	  "h.moderated_at IS NOT NULL AND h.status <> 'rejected' "
	  "ORDER BY h.id DESC LIMIT 30" },
	/* A box around the point first (the index), then the sphere. */
	[STMT_NEAR] = { "HAZARD_NEAR",
	  "SELECT h.id, h.status, DATE(h.created_at), "
	  "h.moderated_at IS NOT NULL, h.public_text, h.additions, "
	  "ROUND(ST_Distance_Sphere(POINT(h.lng, h.lat), POINT(?, ?))) AS m "
	  "FROM hazard h WHERE h.jurisdiction_id = ? AND h.category = ? AND "
	  "h.lat BETWEEN ? AND ? AND h.lng BETWEEN ? AND ? AND " OPEN
	  "HAVING m <= ? ORDER BY m, h.id LIMIT 10" },
	[STMT_SAME_REGION] = { "HAZARD_SAME_REGION",
	  "SELECT h.id, h.status, DATE(h.created_at), "
	  "h.moderated_at IS NOT NULL, h.public_text, h.additions "
	  "FROM hazard h WHERE h.jurisdiction_id = ? AND h.category = ? AND "
	  "h.region_id = ? AND " OPEN "ORDER BY h.id DESC LIMIT 10" },
	[STMT_INSERT] = { "HAZARD_INSERT",
	  "INSERT INTO hazard (jurisdiction_id, ref, category, description, "
	  "address, lng, lat, region_id, contact_name, contact_phone_enc, "
	  "person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_PHOTO_INSERT] = { "HAZARD_PHOTO_INSERT",
	  "INSERT INTO hazard_photo (hazard_id, addition_id, width, height, "
	  "jpeg) VALUES (?, ?, ?, ?, ?)" },
	[STMT_BY_REF] = { "HAZARD_BY_REF",
	  HAZARD_COLS "WHERE h.ref = ? AND h.jurisdiction_id = ?" },
	[STMT_BY_ID] = { "HAZARD_BY_ID",
	  HAZARD_COLS "WHERE h.id = ? AND h.jurisdiction_id = ?" },
	[STMT_PHOTOS] = { "HAZARD_PHOTOS",
	  "SELECT id, width, height, hidden, hidden_reason, "
	  "addition_id IS NOT NULL FROM hazard_photo WHERE hazard_id = ? "
	  "ORDER BY id" },
	[STMT_TRACK_PHOTO] = { "HAZARD_TRACK_PHOTO",
	  "SELECT p.jpeg FROM hazard_photo p JOIN hazard h ON "
	  "h.id = p.hazard_id WHERE p.id = ? AND p.hidden = 0 AND "
	  "h.ref = ? AND h.jurisdiction_id = ?" },
	[STMT_PUBLIC_PHOTO] = { "HAZARD_PUBLIC_PHOTO",
	  "SELECT p.jpeg FROM hazard_photo p JOIN hazard h ON "
	  "h.id = p.hazard_id WHERE p.id = ? AND p.hidden = 0 AND "
	  "h.id = ? AND h.jurisdiction_id = ? AND "
	  "h.moderated_at IS NOT NULL AND h.status <> 'rejected'" },
	[STMT_LOCK] = { "HAZARD_LOCK",
	  "SELECT h.id, h.ref, " OPEN "FROM hazard h WHERE h.id = ? AND "
	  "h.jurisdiction_id = ? FOR UPDATE" },
	[STMT_ADDITION_INSERT] = { "HAZARD_ADDITION_INSERT",
	  "INSERT INTO hazard_addition (hazard_id, description, "
	  "contact_phone_enc, person_id) VALUES (?, ?, ?, ?)" },
	[STMT_ADDITION_COUNT] = { "HAZARD_ADDITION_COUNT",
	  "UPDATE hazard SET additions = additions + 1 WHERE id = ?" },
};

const struct module hazard_module = {
	.name = "hazard",
	.routes = hazard_routes,
	.nroutes = NELEM(hazard_routes),
	.fields = hazard_fields,
	.nfields = HAZARD_FIELD__MAX,
	.sheets = hazard_sheets,
	.nsheets = HAZARD_SHEET__MAX,
};

/* The categories, as the table's ENUM; their names are in XSLT. */
int
hazard_valid_category(struct fval *f)
{
	static const char *const	 cats[] = { "exit-blocked", "ebike",
	    "fire-lane", "extinguisher", "hydrant", "wiring", "live-in",
	    "gas", "facility", "other" };
	size_t				 i;

	for (i = 0; i < NELEM(cats); i++)
		if (strcmp(f->s, cats[i]) == 0)
			return 1;
	return 0;
}

/* GET /hazards */
static int
hazards_list(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 list;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &hazard_sql[STMT_PUBLIC_LIST], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	l10n_cells(r->lang, res, 4, 7);
	if ((doc = xml_page(r, "hazards")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "reports", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "report", NULL), res, i,
		    "id category status day region public-text additions");
	return page_finish(r, &hazard_sheets[SHEET_HAZARDS], doc);
}

/* Where the report is: the browser's position, or a street or town. */
struct place {
	int		 located;	/* a position, in the district */
	double		 lng, lat;
	long long	 region;
	const char	*address;
};

/* A one-line text given and fitting max characters, or absent. */
static int
line_ok(const struct fval *f, size_t max)
{
	return !f->present || f->sz == 0 || (f->valid &&
	    strpbrk(f->s, "\r\n\t") == NULL && utf8_chars(f->s, f->sz) <= max);
}

/*
 * The street or town whose name the typed address holds, or 0: "萧山区
 * 城厢街道育才路 12 号" is in 城厢街道.
 */
static long long
region_of_address(struct req *r, const char *address, enum dberr *e)
{
	struct dbres	*res;
	size_t		 i;

	if ((*e = region_list(r, &res)) != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++)
		if (DBRES(res, i, 2) != NULL &&
		    strstr(address, DBRES(res, i, 2)) != NULL)
			return db_ll(res, i, 0);
	return 0;
}

/*
 * The place the form names, or the reason it names none: a position in
 * the district (its street or town found from the boundaries), else an
 * address with a street or town chosen or named in it.
 */
static const char *
place_of_form(struct req *r, struct place *pl, int *rc)
{
	const struct jurisdiction	*j;
	const struct fval		*a = &r->fields[FIELD_ADDRESS];
	enum dberr			 e;
	long long			 id;
	int				 here;

	memset(pl, 0, sizeof(*pl));
	*rc = 0;
	if ((j = jur_get(r, &e)) == NULL) {
		*rc = db_status(e);
		return NULL;
	}
	if (!line_ok(a, HAZARD_ADDRESS_MAX))
		return "bad-address";
	if (a->present && a->sz > 0)
		pl->address = a->s;
	if (r->fields[FIELD_LNG].valid && r->fields[FIELD_LAT].valid) {
		pl->lng = r->fields[FIELD_LNG].i / 1e7;
		pl->lat = r->fields[FIELD_LAT].i / 1e7;
		if (!geo_valid_wgs84(pl->lng, pl->lat))
			return "bad-position";
		if ((*rc = boundary_locate(r, j, pl->lng, pl->lat,
		    &pl->region)) != 0)
			return NULL;
		if (pl->region == 0)
			return "outside";
		pl->located = 1;
		return NULL;
	}
	if (r->fields[FIELD_LNG].sz > 0 || r->fields[FIELD_LAT].sz > 0)
		return "bad-position";
	if (pl->address == NULL)
		return "no-place";
	if (r->fields[FIELD_REGION].valid) {
		id = r->fields[FIELD_REGION].i;
		if ((here = region_here(r, id, &e)) == -1) {
			*rc = db_status(e);
			return NULL;
		}
		if (here == 0)
			return "bad-region";
		pl->region = id;
		return NULL;
	}
	if (r->fields[FIELD_REGION].sz > 0)
		return "bad-region";
	if ((id = region_of_address(r, pl->address, &e)) == -1) {
		*rc = db_status(e);
		return NULL;
	}
	if (id == 0)
		return "no-region";
	pl->region = id;
	return NULL;
}

/* The open reports of the category near the place, as <near>. */
static int
near_xml(struct req *r, xmlNodePtr root, const char *category,
    const struct place *pl)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlNodePtr			 list;
	enum dberr			 e;
	double				 dlat, dlng;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if (pl->located) {
		dlat = HAZARD_NEAR_M / 111000.0 * 1.2;
		dlng = dlat / cos(pl->lat * M_PI / 180);
		e = db_query(r->pool, &hazard_sql[STMT_NEAR], &res, "ddisddddi",
		    pl->lng, pl->lat, j->id, category, pl->lat - dlat,
		    pl->lat + dlat, pl->lng - dlng, pl->lng + dlng,
		    (long long)HAZARD_NEAR_M);
	} else
		e = db_query(r->pool, &hazard_sql[STMT_SAME_REGION], &res,
		    "isi", j->id, category, pl->region);
	if (e != DB_OK)
		return db_status(e);
	list = xml_add(root, "near", NULL);
	xml_prop(list, "by", pl->located ? "distance" : "region");
	xml_propll(list, "metres", HAZARD_NEAR_M);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "report", NULL), res, i,
		    "id status day moderated public-text additions metres");
	return 0;
}

/*
 * The form's page: step one (what and where) until both are known, then
 * the near reports and step two. error says why the last form was not
 * taken; what was typed is given back.
 */
static int
new_page(struct req *r, const char *error, int status)
{
	const struct fval	*c = &r->fields[FIELD_CATEGORY];
	struct place		 pl;
	const char		*why = NULL;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, n, form;
	size_t			 k;
	int			 rc;

	if ((doc = xml_page(r, "hazard-new")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = region_xml(r, root)) != 0)
		return rc;
	form = xml_add(root, "form", NULL);
	for (k = 0; k < HAZARD_FIELD__MAX; k++)
		if (k != FIELD_LNG && k != FIELD_LAT && k != FIELD_REGION &&
		    r->fields[k].present && r->fields[k].sz > 0 &&
		    (r->fields[k].valid || k != FIELD_CATEGORY))
			xml_prop(form, hazard_fields[k].name, r->fields[k].s);
	if (c->present || r->fields[FIELD_LNG].present ||
	    r->fields[FIELD_ADDRESS].present) {
		if ((why = place_of_form(r, &pl, &rc)) == NULL && rc != 0)
			return rc;
		if (why == NULL && !c->valid)
			why = "no-category";
	}
	if (why == NULL && c->valid) {
		xml_prop(form, "step", "2");
		xml_propll(form, "region", pl.region);
		if (pl.located) {
			xml_propf(form, "lng", "%.7f", pl.lng);
			xml_propf(form, "lat", "%.7f", pl.lat);
		}
		if ((rc = near_xml(r, root, c->s, &pl)) != 0)
			return rc;
	} else if (r->fields[FIELD_REGION].valid)
		xml_propll(form, "region", r->fields[FIELD_REGION].i);
	if (error != NULL || why != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error != NULL ? error : why);
		if (error == NULL)
			status = 400;
	}
	if (status != 0)
		r->status = status;
	return page_finish(r, &hazard_sheets[SHEET_NEW], doc);
}

/* GET /hazards/new */
static int
hazard_new(struct req *r)
{
	return new_page(r, NULL, 0);
}

/* The photos of a form (parts named "photo" with a file), taken. */
struct photos {
	struct photo	 ph[HAZARD_PHOTOS_MAX];
	size_t		 n;
};

/*
 * Take the form's photos: NULL, or why one is refused (*which is its
 * number, from 1). Nothing is stored here.
 */
static const char *
photos_of_form(struct req *r, struct photos *out, size_t *which)
{
	const struct param	*pm;
	const char		*why;
	size_t			 i;

	out->n = 0;
	*which = 0;
	for (i = 0; i < r->bparams.n; i++) {
		pm = &r->bparams.v[i];
		if (strcmp(pm->name, "photo") != 0 || pm->filename == NULL ||
		    pm->valsz == 0)
			continue;
		*which = out->n + 1;
		if (out->n == HAZARD_PHOTOS_MAX)
			return "photo-many";
		if ((why = photo_take(r->pool, pm->val, pm->valsz, PHOTO_SIDE,
		    &out->ph[out->n])) != NULL)
			return why;
		out->n++;
	}
	*which = 0;
	return NULL;
}

/* Store the photos taken, of a report or of an addition to it. */
static enum dberr
photos_store(const struct photos *ps, long long hazard, long long addition)
{
	enum dberr	 e = DB_OK;
	size_t		 i;

	for (i = 0; i < ps->n && e == DB_OK; i++)
		e = db_exec(&hazard_sql[STMT_PHOTO_INSERT], NULL, "iniib",
		    hazard, addition, (long long)ps->ph[i].w,
		    (long long)ps->ph[i].h, ps->ph[i].jpeg, ps->ph[i].size);
	return e;
}

/* Why the form's description and contact cannot be taken, or NULL. */
static const char *
words_refused(struct req *r, int needed)
{
	const struct fval	*d = &r->fields[FIELD_DESCRIPTION];
	const struct fval	*ph = &r->fields[FIELD_PHONE];

	if (!d->present || d->sz == 0 || strspn(d->s, " \t\r\n") == d->sz)
		return needed ? "no-description" : NULL;
	if (!d->valid || utf8_chars(d->s, d->sz) > HAZARD_TEXT_MAX)
		return "bad-description";
	if (!line_ok(&r->fields[FIELD_NAME], HAZARD_NAME_MAX))
		return "bad-name";
	if (ph->present && ph->sz > 0 && !ph->valid)
		return "bad-phone";
	return NULL;
}

static const char *
given(const struct fval *f)
{
	return f->present && f->sz > 0 && f->valid ? f->s : NULL;
}

/*
 * POST /hazards: the report, its photos and its first notice in one
 * transaction; then its tracking page.
 */
static int
hazard_file(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*c = &r->fields[FIELD_CATEGORY];
	struct place			 pl;
	struct photos			 ps;
	struct notice			 n;
	struct sealed			 cp;
	const char			*why;
	char				 ref[REF_LEN + 1];
	unsigned long long		 id;
	size_t				 which;
	enum dberr			 e;
	int				 tries, rc;

	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if (!c->valid)
		return new_page(r, "no-category", 400);
	if ((why = place_of_form(r, &pl, &rc)) != NULL || rc != 0)
		return rc != 0 ? rc : new_page(r, why, 400);
	if ((why = words_refused(r, 1)) != NULL)
		return new_page(r, why, 400);
	if ((why = photos_of_form(r, &ps, &which)) != NULL)
		return new_page(r, pool_printf(r->pool, "%s-%zu", why, which),
		    400);
	cp = secret_seal_str(r->pool, SC_HAZARD_PHONE,
	    given(&r->fields[FIELD_PHONE]));
	for (tries = 0; tries < 3; tries++) {
		ref_make(ref);
		if ((e = db_begin()) != DB_OK)
			return db_status(e);
		e = db_exec(&hazard_sql[STMT_INSERT], &id, "issssssisbn",
		    j->id, ref, c->s, r->fields[FIELD_DESCRIPTION].s,
		    pl.address, pl.located ? pool_printf(r->pool, "%.7f",
		    pl.lng) : NULL, pl.located ? pool_printf(r->pool, "%.7f",
		    pl.lat) : NULL, pl.region, given(&r->fields[FIELD_NAME]),
		    cp.p, cp.n, r->sess.person_id);
		if (e == DB_DUP) {
			db_rollback();
			continue;
		}
		break;
	}
	if (tries == 3)
		return 500;
	if (e == DB_OK)
		e = photos_store(&ps, (long long)id, 0);
	if (e == DB_OK) {
		n = (struct notice){ "hazard", (long long)id, ref,
		    r->sess.person_id, given(&r->fields[FIELD_PHONE]), "new",
		    NULL };
		e = notice_add(r, &n);
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/hazards/r/%s", ref),
	    "hazard-filed");
}

/* A report's photos as <photos>; hidden ones only say so, and why. */
static int
photos_xml(struct req *r, xmlNodePtr into, long long id)
{
	struct dbres	*res;
	xmlNodePtr	 list;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &hazard_sql[STMT_PHOTOS], &res, "i",
	    id)) != DB_OK)
		return db_status(e);
	list = xml_add(into, "photos", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "photo", NULL), res, i,
		    "id width height hidden reason addition");
	return 0;
}

/*
 * A report's page: view is "track" (the reporter's, by number: their own
 * words, the history) or "public" (by id: only what moderation let out),
 * with why an addition was not taken when error is given.
 */
static int
report_page(struct req *r, struct dbres *h, const char *view,
    const char *error)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	int		 rc;

	if ((doc = xml_page(r, "hazard")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	xml_prop(root, "view", view);
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		if (given(&r->fields[FIELD_DESCRIPTION]) != NULL)
			xml_prop(n, "description",
			    r->fields[FIELD_DESCRIPTION].s);
		r->status = strcmp(error, "hazard-not-open") == 0 ? 409 : 400;
	}
	n = xml_add(root, "report", NULL);
	xml_row(n, h, 0, HAZARD_NAMES);
	if (strcmp(view, "public") == 0) {
		/* What the reporter wrote stays theirs and the office's. */
		xmlUnsetProp(n, BAD_CAST "description");
		xmlUnsetProp(n, BAD_CAST "address");
		xmlUnsetProp(n, BAD_CAST "ref");
		if (db_ll(h, 0, 10) == 0)
			return page_finish(r, &hazard_sheets[SHEET_HAZARD],
			    doc);
	}
	if ((rc = photos_xml(r, n, db_ll(h, 0, 0))) != 0)
		return rc;
	if (strcmp(view, "track") == 0 && (rc = notice_list_xml(r, root,
	    "hazard", db_ll(h, 0, 0), 0)) != 0)
		return rc;
	return page_finish(r, &hazard_sheets[SHEET_HAZARD], doc);
}

/* GET /hazards/r/:ref */
static int
hazard_track(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*h;
	enum dberr			 e;

	if (!ref_ok(r->args[0]))
		return 404;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &hazard_sql[STMT_BY_REF], &h, "si",
	    r->args[0], j->id)) != DB_OK)
		return db_status(e);
	if (h->nrows == 0)
		return 404;
	l10n_cells(r->lang, h, 8, 17);
	l10n_cells(r->lang, h, 16, 18);
	return report_page(r, h, "track", NULL);
}

/* GET /hazards/:id: a rejected report is not shown. */
static int
hazard_public(struct req *r)
{
	struct dbres	*h;
	int		 rc;

	if ((h = jur_row(r, &hazard_sql[STMT_BY_ID], r->args[0], &rc)) == NULL)
		return rc;
	if (strcmp(DBRES(h, 0, 3), "rejected") == 0)
		return 404;
	l10n_cells(r->lang, h, 8, 17);
	l10n_cells(r->lang, h, 16, 18);
	return report_page(r, h, "public", NULL);
}

/* A stored photo, by its id and its report's number or id. */
static int
photo_get(struct req *r, struct stmt *s, const char *report)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	long long			 photo = path_id(r->args[1]);
	enum dberr			 e;

	if (photo <= 0)
		return 404;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, s, &res, "isi", photo, report,
	    j->id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0 || DBRES(res, 0, 0) == NULL)
		return 404;
	return photo_send(r, DBRES(res, 0, 0), res->len[0]);
}

/* GET /hazards/r/:ref/photos/:id */
static int
hazard_track_photo(struct req *r)
{
	if (!ref_ok(r->args[0]))
		return 404;
	return photo_get(r, &hazard_sql[STMT_TRACK_PHOTO], r->args[0]);
}

/* GET /hazards/:id/photos/:photo */
static int
hazard_public_photo(struct req *r)
{
	if (path_id(r->args[0]) <= 0)
		return 404;
	return photo_get(r, &hazard_sql[STMT_PUBLIC_PHOTO], r->args[0]);
}

/*
 * POST /hazards/:id/add: another resident saw it too. Their words or
 * photos (one of the two at least) join the open report under its row
 * lock, and it counts one more. The notice is theirs, for their page;
 * its number is the report's id, as the public page's address, since
 * the tracking number is the first reporter's.
 */
static int
hazard_add(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*h, *lk;
	struct photos			 ps;
	struct notice			 n;
	struct sealed			 cp;
	const char			*why;
	unsigned long long		 add;
	long long			 id;
	size_t				 which;
	enum dberr			 e;
	int				 rc;

	if ((h = jur_row(r, &hazard_sql[STMT_BY_ID], r->args[0], &rc)) == NULL)
		return rc;
	id = db_ll(h, 0, 0);
	if (strcmp(DBRES(h, 0, 3), "rejected") == 0)
		return 404;
	if ((why = words_refused(r, 0)) != NULL)
		return report_page(r, h, "public", why);
	if ((why = photos_of_form(r, &ps, &which)) != NULL)
		return report_page(r, h, "public", pool_printf(r->pool,
		    "%s-%zu", why, which));
	if (given(&r->fields[FIELD_DESCRIPTION]) == NULL && ps.n == 0)
		return report_page(r, h, "public", "no-addition");
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &hazard_sql[STMT_LOCK], &lk, "ii", id,
	    j->id)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if (lk->nrows == 0 || db_ll(lk, 0, 2) == 0) {
		db_rollback();
		return report_page(r, h, "public", "hazard-not-open");
	}
	cp = secret_seal_str(r->pool, SC_ADDITION_PHONE,
	    given(&r->fields[FIELD_PHONE]));
	e = db_exec(&hazard_sql[STMT_ADDITION_INSERT], &add, "isbn", id,
	    given(&r->fields[FIELD_DESCRIPTION]), cp.p, cp.n,
	    r->sess.person_id);
	if (e == DB_OK)
		e = db_exec(&hazard_sql[STMT_ADDITION_COUNT], NULL, "i", id);
	if (e == DB_OK)
		e = photos_store(&ps, id, (long long)add);
	if (e == DB_OK) {
		n = (struct notice){ "hazard", id, DBRES(h, 0, 0),
		    r->sess.person_id, given(&r->fields[FIELD_PHONE]), "added",
		    NULL };
		e = notice_add(r, &n);
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/hazards/%lld", id),
	    "hazard-added");
}
