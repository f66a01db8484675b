/*
 * visit.c: 预约消防站参观, booking a group's visit to a fire station on
 * one of its open days: the slots to come with places left, a slot's
 * form (who, a mobile number, how many, for which organisation), the
 * booking under the slot's row lock so that bookings at the same moment
 * never exceed its places, a booking reference and its page, and the
 * booking cancelled with its mobile number (its places free again).
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/notice.h"
#include "shared/ref.h"
#include "shared/secret.h"

#define VISIT_PEOPLE_MAX	60	/* a group, as a coach holds */
#define VISIT_NAME_MAX		32	/* characters */
#define VISIT_ORG_MAX		64

static int	 visits_list(struct req *);
static int	 visit_slot(struct req *);
static int	 visit_book(struct req *);
static int	 visit_booking(struct req *);
static int	 visit_cancel(struct req *);

static const struct route visit_routes[] = {
	/* VISITS: the slots to come */
	{ METHOD_GET, "/visits", visits_list, 0 },
	/* VISIT_SLOT: a slot's booking form */
	{ METHOD_GET, "/visits/slots/:id", visit_slot, 0 },
	/* VISIT_BOOK */
	{ METHOD_POST, "/visits/slots/:id", visit_book, 0 },
	/* VISIT_BOOKING: a booking, by its reference */
	{ METHOD_GET, "/visits/b/:ref", visit_booking, 0 },
	/* VISIT_CANCEL: with the booking's mobile number */
	{ METHOD_POST, "/visits/b/:ref/cancel", visit_cancel, 0 },
};

enum visit_field {
	FIELD_NAME,
	FIELD_PHONE,
	FIELD_PEOPLE,
	FIELD_ORG,
	VISIT_FIELD__MAX
};

static const struct field visit_fields[VISIT_FIELD__MAX] = {
	{ "name", valid_line, 4 * VISIT_NAME_MAX, 0 },	/* FIELD_NAME */
	{ "phone", valid_phone, 11, 0 },	/* FIELD_PHONE */
	{ "people", valid_count, 3, 0 },	/* FIELD_PEOPLE */
	{ "organisation", valid_line, 4 * VISIT_ORG_MAX, 0 },	/* FIELD_ORG */
};

enum visit_sheet {
	SHEET_VISITS,
	SHEET_VISIT,
	VISIT_SHEET__MAX
};

static struct sheet visit_sheets[VISIT_SHEET__MAX] = {
	{ "visits.xsl", 1, { NULL } },		/* SHEET_VISITS */
	{ "visit.xsl", 1, { NULL } },		/* SHEET_VISIT */
};

enum visit_stmt {
	STMT_SLOTS,
	STMT_SLOT,
	STMT_SLOT_LOCK,
	STMT_SLOT_TAKE,
	STMT_SLOT_FREE,
	STMT_BOOKING_INSERT,
	STMT_BOOKING_GET,
	STMT_BOOKING_LOCK,
	STMT_BOOKING_CANCEL,
	VISIT_STMT__MAX
};

#define SLOT_COLS							\
	"SELECT v.id, s.name, s.address, v.starts_at, v.minutes, "	\
	"v.capacity, v.booked, DATE(v.starts_at), TIME_FORMAT(v.starts_at, " \
	"'%H:%i'), v.starts_at > NOW() AND v.cancelled = 0 "		\
	"FROM visit_slot v JOIN station s ON s.id = v.station_id "

static struct stmt visit_sql[VISIT_STMT__MAX] = {
	[STMT_SLOTS] = { "VISIT_SLOTS",
	  SLOT_COLS "WHERE s.jurisdiction_id = ? AND s.retired = 0 AND "
	  "v.cancelled = 0 AND v.starts_at > NOW() AND v.starts_at < NOW() + "
	  "INTERVAL 90 DAY ORDER BY s.name, v.starts_at LIMIT 300" },
	[STMT_SLOT] = { "VISIT_SLOT",
	  SLOT_COLS "WHERE v.id = ? AND s.jurisdiction_id = ?" },
	[STMT_SLOT_LOCK] = { "VISIT_SLOT_LOCK",
	  "SELECT capacity - booked, starts_at > NOW() AND cancelled = 0 "
	  "FROM visit_slot WHERE id = ? FOR UPDATE" },
	[STMT_SLOT_TAKE] = { "VISIT_SLOT_TAKE",
	  "UPDATE visit_slot SET booked = booked + ? WHERE id = ?" },
	[STMT_SLOT_FREE] = { "VISIT_SLOT_FREE",
	  "UPDATE visit_slot SET booked = booked - ? WHERE id = ?" },
	[STMT_BOOKING_INSERT] = { "VISIT_BOOKING_INSERT",
	  "INSERT INTO visit_booking (slot_id, person_id, ref, name, "
	  "phone_enc, phone_hash, organisation, people) "
	  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_BOOKING_GET] = { "VISIT_BOOKING_GET",
	  "SELECT b.ref, b.name, b.phone_enc, b.organisation, b.people, "
	  "b.status, v.id, s.name, s.address, DATE(v.starts_at), "
	  "TIME_FORMAT(v.starts_at, '%H:%i'), v.minutes, b.id "
	  "FROM visit_booking b "
	  "JOIN visit_slot v ON v.id = b.slot_id JOIN station s ON "
	  "s.id = v.station_id WHERE b.ref = ? AND s.jurisdiction_id = ?" },
	[STMT_BOOKING_LOCK] = { "VISIT_BOOKING_LOCK",
	  "SELECT b.id, b.slot_id, b.people, b.status, b.phone_hash, "
	  "b.person_id "
	  "FROM visit_booking b WHERE b.ref = ? FOR UPDATE" },
	[STMT_BOOKING_CANCEL] = { "VISIT_BOOKING_CANCEL",
	  "UPDATE visit_booking SET status = 'cancelled', cancelled_at = "
	  "NOW() WHERE id = ? AND status = 'booked'" },
};

const struct module visit_module = {
	.name = "visit",
	.routes = visit_routes,
	.nroutes = NELEM(visit_routes),
	.fields = visit_fields,
	.nfields = VISIT_FIELD__MAX,
	.sheets = visit_sheets,
	.nsheets = VISIT_SHEET__MAX,
};

/* GET /visits: each station's slots to come. */
static int
visits_list(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 list;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &visit_sql[STMT_SLOTS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "visits")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "slots", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "slot", NULL), res, i, "id station "
		    "address at minutes capacity booked day time open");
	return page_finish(r, &visit_sheets[SHEET_VISITS], doc);
}

/*
 * A slot's page: its form, and why a booking was refused when error is
 * given (what was typed is shown again).
 */
static int
slot_page(struct req *r, const char *error, int status)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	size_t		 k;
	int		 rc;

	if ((res = jur_row(r, &visit_sql[STMT_SLOT], r->args[0], &rc)) == NULL)
		return rc;
	if ((doc = xml_page(r, "visit")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	xml_row(xml_add(root, "slot", NULL), res, 0, "id station address at "
	    "minutes capacity booked day time open");
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		for (k = 0; k < VISIT_FIELD__MAX; k++)
			if (r->fields[k].present && utf8_text(r->fields[k].s,
			    r->fields[k].sz))
				xml_prop(n, visit_fields[k].name,
				    r->fields[k].s);
		r->status = status;
	}
	return page_finish(r, &visit_sheets[SHEET_VISIT], doc);
}

static int
visit_slot(struct req *r)
{
	return slot_page(r, NULL, 0);
}

/* Why the form cannot be taken, or NULL. */
static const char *
form_refused(struct req *r)
{
	const struct fval	*n = &r->fields[FIELD_NAME];
	const struct fval	*o = &r->fields[FIELD_ORG];
	const struct fval	*p = &r->fields[FIELD_PEOPLE];

	if (!n->present || n->sz == 0 || strspn(n->s, " \t") == n->sz)
		return "no-name";
	if (!n->valid || strpbrk(n->s, "\r\n\t") != NULL ||
	    utf8_chars(n->s, n->sz) > VISIT_NAME_MAX)
		return "bad-name";
	if (!r->fields[FIELD_PHONE].valid)
		return "bad-phone";
	if (!p->valid || p->i < 1 || p->i > VISIT_PEOPLE_MAX)
		return "bad-people";
	if (o->present && o->sz > 0 && (!o->valid ||
	    strpbrk(o->s, "\r\n\t") != NULL ||
	    utf8_chars(o->s, o->sz) > VISIT_ORG_MAX))
		return "bad-org";
	return NULL;
}

/*
 * POST /visits/slots/:id: the places taken under the slot's lock, the
 * booking made, in one transaction; then the booking's page.
 */
static int
visit_book(struct req *r)
{
	const struct fval	*o = &r->fields[FIELD_ORG];
	struct dbres		*res;
	struct notice		 n;
	struct sealed		 v, h;
	const char		*why;
	char			 ref[REF_LEN + 1];
	unsigned long long	 booking;
	long long		 id, people;
	enum dberr		 e;
	int			 tries, rc;

	if ((res = jur_row(r, &visit_sql[STMT_SLOT], r->args[0], &rc)) == NULL)
		return rc;
	id = db_ll(res, 0, 0);
	if ((why = form_refused(r)) != NULL)
		return slot_page(r, why, 400);
	people = r->fields[FIELD_PEOPLE].i;
	for (tries = 0; tries < 3; tries++) {
		if ((e = db_begin()) != DB_OK)
			return db_status(e);
		if ((e = db_query(r->pool, &visit_sql[STMT_SLOT_LOCK], &res,
		    "i", id)) != DB_OK) {
			db_rollback();
			return db_status(e);
		}
		if (db_ll(res, 0, 1) == 0) {
			db_rollback();
			return slot_page(r, "closed", 409);
		}
		if (db_ll(res, 0, 0) < people) {
			db_rollback();
			return slot_page(r, "full", 409);
		}
		ref_make(ref);
		v = secret_seal_str(r->pool, SC_VISIT_PHONE,
		    r->fields[FIELD_PHONE].s);
		h = secret_hash_of(r->pool, SH_PHONE, r->fields[FIELD_PHONE].s);
		e = v.p == NULL || h.p == NULL ? DB_ERROR :
		    db_exec(&visit_sql[STMT_BOOKING_INSERT], &booking,
		    "inssbbsi", id, r->sess.person_id, ref,
		    r->fields[FIELD_NAME].s, v.p, v.n, h.p, h.n,
		    o->present && o->sz > 0 ? o->s : NULL, people);
		if (e == DB_OK)
			e = db_exec(&visit_sql[STMT_SLOT_TAKE], NULL, "ii",
			    people, id);
		if (e == DB_OK) {
			n = (struct notice){ "visit", (long long)booking, ref,
			    r->sess.person_id, r->fields[FIELD_PHONE].s,
			    "booked", NULL };
			e = notice_add(r, &n);
		}
		if (e == DB_DUP) {		/* a reference drawn twice */
			db_rollback();
			continue;
		}
		if ((e = db_end(e)) != DB_OK)
			return db_status(e);
		return resp_redirect(r, pool_printf(r->pool, "/visits/b/%s",
		    ref), "visit-booked");
	}
	return 500;
}

/* GET /visits/b/:ref: the booking, its number masked. */
static int
visit_booking(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 n;
	enum dberr			 e;
	int				 rc;

	if (!ref_ok(r->args[0]))
		return 404;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &visit_sql[STMT_BOOKING_GET], &res, "si",
	    r->args[0], j->id)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0)
		return 404;
	if (secret_open_res(r->pool, res, 2, SC_VISIT_PHONE, -1) == -1)
		return 500;
	if ((doc = xml_page(r, "visit")) == NULL)
		return 500;
	n = xml_add(xmlDocGetRootElement(doc), "booking", NULL);
	xml_row(n, res, 0, "ref name - organisation people status slot "
	    "station address day time minutes");
	xml_prop(n, "phone", mask_phone(r->pool, DBRES(res, 0, 2)));
	if ((rc = notice_list_xml(r, xmlDocGetRootElement(doc), "visit",
	    db_ll(res, 0, 12), 0)) != 0)
		return rc;
	return page_finish(r, &visit_sheets[SHEET_VISIT], doc);
}

/*
 * POST /visits/b/:ref/cancel: with the booking's mobile number, its
 * places freed in the same transaction. A wrong number is refused.
 */
static int
visit_cancel(struct req *r)
{
	const struct fval	*ph = &r->fields[FIELD_PHONE];
	struct dbres		*b;
	struct notice		 n;
	enum dberr		 e;

	if (!ref_ok(r->args[0]))
		return 404;
	if (!ph->valid)
		return 400;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &visit_sql[STMT_BOOKING_LOCK], &b, "s",
	    r->args[0])) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if (b->nrows == 0) {
		db_rollback();
		return 404;
	}
	if (!secret_hash_eq(b, 0, 4, SH_PHONE, ph->s)) {
		db_rollback();
		return 403;
	}
	if (strcmp(DBRES(b, 0, 3), "booked") != 0) {
		db_rollback();
		return resp_redirect(r, pool_printf(r->pool, "/visits/b/%s",
		    r->args[0]), NULL);
	}
	e = db_exec(&visit_sql[STMT_BOOKING_CANCEL], NULL, "i",
	    db_ll(b, 0, 0));
	if (e == DB_OK)
		e = db_exec(&visit_sql[STMT_SLOT_FREE], NULL, "ii",
		    db_ll(b, 0, 2), db_ll(b, 0, 1));
	if (e == DB_OK) {
		n = (struct notice){ "visit", db_ll(b, 0, 0), r->args[0],
		    db_ll(b, 0, 5), ph->s, "cancelled", NULL };
		e = notice_add(r, &n);
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/visits/b/%s",
	    r->args[0]), "visit-cancelled");
}
