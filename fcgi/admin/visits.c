/*
 * visits.c: fire-station visits in the admin area: the stations and
 * their open-day slots to come with the places booked, a new station, a
 * new slot, a slot's bookings (whom to call: the numbers masked until
 * shown with a reason, each booking's access logged) and their
 * attendance marked. A district admin keeps every station and adds stations; a
 * station admin keeps its own station's slots and bookings only (another
 * station's slot or booking is not found; a form naming another station
 * is refused). Each change and its audit entry are one transaction. The
 * bookings themselves are the public's (visit/).
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "shared/access.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/notice.h"
#include "shared/scope.h"
#include "shared/secret.h"

static int	 visits_admin(struct req *);
static int	 station_add(struct req *);
static int	 slot_add(struct req *);
static int	 slot_bookings(struct req *);
static int	 slot_show(struct req *);
static enum dberr shown_log(struct req *, const struct dbres *);
static int	 slot_page(struct req *, const char *, int);
static int	 booking_mark(struct req *);
static int	 valid_attendance(struct fval *);
static int	 valid_clock(struct fval *);

static const struct route visits_routes[] = {
	/* ADMIN_VISITS: stations and slots, and the forms that add them */
	{ METHOD_GET, "/admin/visits", visits_admin, RF_ADMIN },
	/* ADMIN_STATION_ADD */
	{ METHOD_POST, "/admin/visits/stations", station_add, RF_ADMIN },
	/* ADMIN_SLOT_ADD */
	{ METHOD_POST, "/admin/visits/slots", slot_add, RF_ADMIN },
	/* ADMIN_SLOT: its bookings */
	{ METHOD_GET, "/admin/visits/slots/:id", slot_bookings, RF_ADMIN },
	/* ADMIN_SLOT_SHOW: its bookings' numbers, with a reason logged */
	{ METHOD_POST, "/admin/visits/slots/:id/show", slot_show, RF_ADMIN },
	/* ADMIN_BOOKING_MARK: attended or absent */
	{ METHOD_POST, "/admin/visits/bookings/:id", booking_mark, RF_ADMIN },
};

enum visits_field {
	FIELD_NAME,
	FIELD_ADDRESS,
	FIELD_STATION,
	FIELD_DAY,
	FIELD_TIME,
	FIELD_MINUTES,
	FIELD_CAPACITY,
	FIELD_STATUS,
	FIELD_WHY,
	VISITS_FIELD__MAX
};

static const struct field visits_fields[VISITS_FIELD__MAX] = {
	{ "name", valid_line, 4 * 64, 0 },	/* FIELD_NAME: a station's */
	{ "address", valid_line, 4 * 200, 0 },	/* FIELD_ADDRESS */
	{ "station", valid_id, 10, 0 },		/* FIELD_STATION */
	{ "day", valid_date, 10, 0 },		/* FIELD_DAY: YYYY-MM-DD */
	{ "time", valid_clock, 5, 0 },		/* FIELD_TIME: HH:MM */
	{ "minutes", valid_count, 3, 0 },	/* FIELD_MINUTES */
	{ "capacity", valid_count, 3, 0 },	/* FIELD_CAPACITY */
	{ "status", valid_attendance, 8, 0 },	/* FIELD_STATUS */
	{ "why", access_valid_reason, 4 * ACCESS_REASON_MAX, 0 },
						/* FIELD_WHY: to show numbers */
};

enum visits_sheet {
	SHEET_VISITS,
	SHEET_SLOT,
	VISITS_SHEET__MAX
};

static struct sheet visits_sheets[VISITS_SHEET__MAX] = {
	{ "admin-visits.xsl", 1, { NULL } },	/* SHEET_VISITS */
	{ "admin-visit-slot.xsl", 1, { NULL } },	/* SHEET_SLOT */
};

enum visits_stmt {
	STMT_STATIONS,
	STMT_SLOTS,
	STMT_STATION_INSERT,
	STMT_STATION_HERE,
	STMT_WHEN,
	STMT_SLOT_INSERT,
	STMT_SLOT_GET,
	STMT_BOOKINGS,
	STMT_BOOKING_GET,
	STMT_BOOKING_MARK,
	VISITS_STMT__MAX
};

static struct stmt visits_sql[VISITS_STMT__MAX] = {
	[STMT_STATIONS] = { "ADMIN_STATIONS",
	  "SELECT id, name, address FROM station WHERE jurisdiction_id = ? "
	  "AND retired = 0 AND (? = 0 OR id = ?) ORDER BY name" },
	[STMT_SLOTS] = { "ADMIN_VISIT_SLOTS",
	  "SELECT v.id, v.station_id, DATE(v.starts_at), "
	  "TIME_FORMAT(v.starts_at, '%H:%i'), v.minutes, v.capacity, "
	  "v.booked FROM visit_slot v JOIN station s ON s.id = v.station_id "
	  "WHERE s.jurisdiction_id = ? AND (? = 0 OR s.id = ?) AND "
	  "v.starts_at > NOW() - INTERVAL 7 DAY ORDER BY v.starts_at "
	  "LIMIT 500" },
	[STMT_STATION_INSERT] = { "ADMIN_STATION_INSERT",
	  "INSERT INTO station (jurisdiction_id, name, address) "
	  "VALUES (?, ?, ?)" },
	[STMT_STATION_HERE] = { "ADMIN_STATION_HERE",
	  "SELECT name FROM station WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
	/* A time that exists and is to come (NULL: none; 0: gone). */
	[STMT_WHEN] = { "ADMIN_SLOT_WHEN",
	  "SELECT CAST(CONCAT(?, ' ', ?) AS DATETIME) > NOW(), "
	  "CAST(CONCAT(?, ' ', ?) AS DATETIME)" },
	[STMT_SLOT_INSERT] = { "ADMIN_SLOT_INSERT",
	  "INSERT INTO visit_slot (station_id, starts_at, minutes, capacity) "
	  "VALUES (?, ?, ?, ?)" },
	[STMT_SLOT_GET] = { "ADMIN_VISIT_SLOT",
	  "SELECT v.id, s.name, DATE(v.starts_at), TIME_FORMAT(v.starts_at, "
	  "'%H:%i'), v.minutes, v.capacity, v.booked, v.station_id "
	  "FROM visit_slot v JOIN station s ON s.id = v.station_id "
	  "WHERE v.id = ? AND s.jurisdiction_id = ?" },
	[STMT_BOOKINGS] = { "ADMIN_VISIT_BOOKINGS",
	  "SELECT id, ref, name, phone_enc, organisation, people, status, "
	  "created_at FROM visit_booking WHERE slot_id = ? ORDER BY id" },
	[STMT_BOOKING_GET] = { "ADMIN_VISIT_BOOKING",
	  "SELECT b.id, b.slot_id, b.ref, b.status, b.person_id, b.phone_enc, "
	  "v.station_id FROM visit_booking b "
	  "JOIN visit_slot v ON v.id = b.slot_id JOIN station s ON "
	  "s.id = v.station_id WHERE b.id = ? AND s.jurisdiction_id = ?" },
	[STMT_BOOKING_MARK] = { "ADMIN_VISIT_MARK",
	  "UPDATE visit_booking SET status = ? WHERE id = ? AND status <> "
	  "'cancelled'" },
};

const struct module admin_visits_module = {
	.name = "admin-visits",
	.routes = visits_routes,
	.nroutes = NELEM(visits_routes),
	.fields = visits_fields,
	.nfields = VISITS_FIELD__MAX,
	.sheets = visits_sheets,
	.nsheets = VISITS_SHEET__MAX,
};

static int
valid_attendance(struct fval *f)
{
	return strcmp(f->s, "attended") == 0 || strcmp(f->s, "absent") == 0;
}

/* HH:MM of a day. */
static int
valid_clock(struct fval *f)
{
	return f->sz == 5 && strspn(f->s, "0123456789") == 2 &&
	    f->s[2] == ':' && strspn(f->s + 3, "0123456789") == 2 &&
	    (f->s[0] - '0') * 10 + (f->s[1] - '0') < 24 && f->s[3] < '6';
}

/* The page, with why a form was refused when error is given. */
static int
visits_page(struct req *r, const char *error)
{
	const struct jurisdiction	*j;
	struct dbres			*st, *sl;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, n;
	long long			 only = admin_station(r);
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &visits_sql[STMT_STATIONS], &st, "iii",
	    j->id, only, only)) != DB_OK ||
	    (e = db_query(r->pool, &visits_sql[STMT_SLOTS], &sl, "iii",
	    j->id, only, only)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-visits")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "stations", NULL);
	xml_propll(n, "only", only);
	for (i = 0; i < st->nrows; i++)
		xml_row(xml_add(n, "station", NULL), st, i, "id name address");
	n = xml_add(root, "slots", NULL);
	for (i = 0; i < sl->nrows; i++)
		xml_row(xml_add(n, "slot", NULL), sl, i,
		    "id station day time minutes capacity booked");
	if (error != NULL) {
		xml_prop(xml_add(root, "error", NULL), "code", error);
		r->status = strcmp(error, "taken") == 0 ? 409 : 400;
	}
	return page_finish(r, &visits_sheets[SHEET_VISITS], doc);
}

/*
 * Whether the admin keeps the station of id: a district admin every
 * one, a station admin its own.
 */
static int
station_mine(struct req *r, long long id)
{
	long long	 st = admin_station(r);

	return st == 0 || (st > 0 && st == id);
}

static int
visits_admin(struct req *r)
{
	if (admin_station(r) == -1)
		return 403;
	return visits_page(r, NULL);
}

/* POST /admin/visits/stations: name and address, one line each. */
static int
station_add(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*n = &r->fields[FIELD_NAME];
	const struct fval		*a = &r->fields[FIELD_ADDRESS];
	unsigned long long		 id;
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if (!n->valid || !a->valid || strspn(n->s, " ") == n->sz ||
	    strspn(a->s, " ") == a->sz || strpbrk(n->s, "\r\n\t") != NULL ||
	    strpbrk(a->s, "\r\n\t") != NULL || utf8_chars(n->s, n->sz) > 64 ||
	    utf8_chars(a->s, a->sz) > 200)
		return visits_page(r, "bad-station");
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&visits_sql[STMT_STATION_INSERT], &id, "iss", j->id, n->s,
	    a->s);
	if (e == DB_OK)
		e = audit_write(r, "station-add", pool_printf(r->pool,
		    "station %llu", id), n->s);
	if (e == DB_DUP) {
		db_rollback();
		return visits_page(r, "taken");
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/visits", "saved");
}

/* POST /admin/visits/slots: a station's open day to come. */
static int
slot_add(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*f = r->fields;
	struct dbres			*st, *when;
	unsigned long long		 id;
	enum dberr			 e;

	if (admin_station(r) == -1 ||
	    (f[FIELD_STATION].valid && !station_mine(r, f[FIELD_STATION].i)))
		return 403;
	if (!f[FIELD_STATION].valid || !f[FIELD_DAY].valid ||
	    !f[FIELD_TIME].valid || !f[FIELD_MINUTES].valid ||
	    f[FIELD_MINUTES].i < 15 || f[FIELD_MINUTES].i > 480 ||
	    !f[FIELD_CAPACITY].valid || f[FIELD_CAPACITY].i < 1 ||
	    f[FIELD_CAPACITY].i > 500)
		return visits_page(r, "bad-slot");
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &visits_sql[STMT_STATION_HERE], &st, "ii",
	    f[FIELD_STATION].i, j->id)) != DB_OK)
		return db_status(e);
	if (st->nrows == 0)
		return visits_page(r, "bad-slot");
	if ((e = db_query(r->pool, &visits_sql[STMT_WHEN], &when, "ssss",
	    f[FIELD_DAY].s, f[FIELD_TIME].s, f[FIELD_DAY].s, f[FIELD_TIME].s))
	    != DB_OK)
		return db_status(e);
	if (DBRES(when, 0, 1) == NULL || DBRES(when, 0, 0) == NULL ||
	    db_ll(when, 0, 0) == 0)
		return visits_page(r, "past");	/* or a day that is none */
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&visits_sql[STMT_SLOT_INSERT], &id, "isii",
	    f[FIELD_STATION].i, DBRES(when, 0, 1), f[FIELD_MINUTES].i,
	    f[FIELD_CAPACITY].i);
	if (e == DB_OK)
		e = audit_write(r, "slot-add", pool_printf(r->pool, "slot %llu",
		    id), pool_printf(r->pool, "%s %s %s, %lld min, %lld places",
		    DBRES(st, 0, 0), f[FIELD_DAY].s, f[FIELD_TIME].s,
		    f[FIELD_MINUTES].i, f[FIELD_CAPACITY].i));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/visits", "saved");
}

/* GET /admin/visits/slots/:id: its bookings, whom to call. */
static int
slot_bookings(struct req *r)
{
	return slot_page(r, NULL, 0);
}

/*
 * The slot's bookings, their numbers masked unless shown; when shown,
 * each booking's access is logged first, in one transaction, and only
 * then are the numbers on the page. error says why they were not.
 */
static int
slot_page(struct req *r, const char *error, int shown)
{
	struct dbres	*sl, *bk;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, m;
	long long	 id;
	enum dberr	 e;
	size_t		 i;
	int		 rc;

	if (admin_station(r) == -1)
		return 403;
	if ((sl = jur_row(r, &visits_sql[STMT_SLOT_GET], r->args[0], &rc)) ==
	    NULL)
		return rc;
	if (!station_mine(r, db_ll(sl, 0, 7)))
		return 404;
	id = db_ll(sl, 0, 0);
	if ((e = db_query(r->pool, &visits_sql[STMT_BOOKINGS], &bk, "i", id)) !=
	    DB_OK)
		return db_status(e);
	if (secret_open_res(r->pool, bk, 3, SC_VISIT_PHONE, -1) == -1)
		return 500;
	if (shown && (e = shown_log(r, bk)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-visit-slot")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "slot", NULL);
	xml_row(n, sl, 0, "id station day time minutes capacity booked");
	if (shown)
		xml_prop(n, "shown", "1");
	if (error != NULL) {
		xml_prop(xml_add(root, "error", NULL), "code", error);
		r->status = 400;
	}
	for (i = 0; i < bk->nrows; i++) {
		m = xml_add(n, "booking", NULL);
		xml_row(m, bk, i, "id ref name - organisation people status "
		    "at");
		xml_prop(m, "phone", shown ? DBRES(bk, i, 3) :
		    mask_phone(r->pool, DBRES(bk, i, 3)));
	}
	return page_finish(r, &visits_sheets[SHEET_SLOT], doc);
}

/* Each booking with a number, shown: its access logged, together. */
static enum dberr
shown_log(struct req *r, const struct dbres *bk)
{
	enum dberr	 e;
	size_t		 i;

	if ((e = db_begin()) != DB_OK)
		return e;
	for (i = 0; i < bk->nrows && e == DB_OK; i++)
		if (DBRES(bk, i, 3) != NULL)
			e = access_write(r, "visit", db_ll(bk, i, 0),
			    DBRES(bk, i, 1), "phone", r->fields[FIELD_WHY].s);
	return db_end(e);
}

/*
 * POST /admin/visits/slots/:id/show: the page with the numbers in full,
 * once their access is in the log; without a reason, masked, saying so.
 */
static int
slot_show(struct req *r)
{
	if (!access_reason_ok(&r->fields[FIELD_WHY]))
		return slot_page(r, "need-access-why", 0);
	return slot_page(r, NULL, 1);
}

/* POST /admin/visits/bookings/:id: status=attended|absent. */
static int
booking_mark(struct req *r)
{
	const struct fval	*st = &r->fields[FIELD_STATUS];
	struct dbres		*b;
	struct notice		 n;
	long long		 id;
	enum dberr		 e;
	int			 rc;

	if (admin_station(r) == -1)
		return 403;
	if ((b = jur_row(r, &visits_sql[STMT_BOOKING_GET], r->args[0], &rc)) ==
	    NULL)
		return rc;
	if (!station_mine(r, db_ll(b, 0, 6)))
		return 404;
	(void)secret_open_res(r->pool, b, 5, SC_VISIT_PHONE, -1);
	id = db_ll(b, 0, 0);
	if (!st->valid)
		return 400;
	if (strcmp(DBRES(b, 0, 3), "cancelled") == 0)
		return 409;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&visits_sql[STMT_BOOKING_MARK], NULL, "si", st->s, id);
	if (e == DB_OK && strcmp(DBRES(b, 0, 3), st->s) != 0) {
		n = (struct notice){ "visit", id, DBRES(b, 0, 2),
		    db_ll(b, 0, 4), DBRES(b, 0, 5), st->s, NULL };
		e = notice_add(r, &n);
	}
	if (e == DB_OK)
		e = audit_write(r, "visit-mark", pool_printf(r->pool,
		    "booking %s", DBRES(b, 0, 2)), st->s);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/visits/slots/%s",
	    DBRES(b, 0, 1)), "saved");
}
