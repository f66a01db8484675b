/*
 * training.c: 预约培训, free fire-safety training by the district
 * fire-safety committee's office at a unit's, a community's or a
 * school's own address: the request (who, a mobile number, where, how
 * many, which topic, up to three preferred working days), its reference
 * and tracking page with its history, and what the requester does with
 * the mobile number (track.c): cancel it, or accept a time the office
 * proposed. Here: the room's tables, the form and the request. The
 * office's side is admin/training.c.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "shared/notice.h"
#include "shared/workday.h"
#include "shared/ref.h"
#include "shared/secret.h"
#include "training/training.h"
#include "training/local.h"

#define TRAINING_NAME_MAX	32	/* characters */
#define TRAINING_ORG_MAX	64
#define TRAINING_ADDRESS_MAX	200
#define TRAINING_OTHER_MAX	64
#define TRAINING_NOTE_MAX	500
#define TRAINING_HEAD_MIN	10	/* people: a class or more */
#define TRAINING_HEAD_MAX	500	/* a hall */
#define TRAINING_AHEAD_MIN	3	/* days: time to find a trainer */
#define TRAINING_AHEAD_MAX	90
#define TRAINING_WISHES		3	/* preferred days */

static int	 training_form(struct req *);
static int	 training_request(struct req *);
static int	 valid_topic(struct fval *);
static int	 valid_part(struct fval *);

static const struct route training_routes[] = {
	/* TRAINING: what the service is, and the request form */
	{ METHOD_GET, "/training", training_form, 0 },
	/* TRAINING_REQUEST */
	{ METHOD_POST, "/training", training_request, 0 },
	/* TRAINING_TRACK: a request, by its reference */
	{ METHOD_GET, "/training/r/:ref", training_track, 0 },
	/* TRAINING_CANCEL: with the request's mobile number */
	{ METHOD_POST, "/training/r/:ref/cancel", training_cancel, 0 },
	/* TRAINING_ACCEPT: the time proposed, with the mobile number */
	{ METHOD_POST, "/training/r/:ref/accept", training_accept, 0 },
};

const struct field training_fields[TRAINING_FIELD__MAX] = {
	{ "name", valid_line, 4 * TRAINING_NAME_MAX, 0 },	/* FIELD_NAME */
	{ "phone", valid_phone, 11, 0 },		/* FIELD_PHONE */
	{ "organisation", valid_line, 4 * TRAINING_ORG_MAX, 0 }, /* FIELD_ORG */
	{ "region", valid_id, 10, 0 },			/* FIELD_REGION */
	{ "address", valid_line, 4 * TRAINING_ADDRESS_MAX, 0 },	/* ADDRESS */
	{ "headcount", valid_count, 4, 0 },		/* FIELD_HEADCOUNT */
	{ "topic", valid_topic, 16, 0 },		/* FIELD_TOPIC */
	{ "topic_other", valid_line, 4 * TRAINING_OTHER_MAX, 0 }, /* OTHER */
	{ "day1", valid_date, 10, 0 },			/* FIELD_DAY1 */
	{ "part1", valid_part, 3, 0 },			/* FIELD_PART1 */
	{ "day2", valid_date, 10, 0 },			/* FIELD_DAY2 */
	{ "part2", valid_part, 3, 0 },			/* FIELD_PART2 */
	{ "day3", valid_date, 10, 0 },			/* FIELD_DAY3 */
	{ "part3", valid_part, 3, 0 },			/* FIELD_PART3 */
	{ "note", valid_line, 4 * TRAINING_NOTE_MAX, 0 },	/* FIELD_NOTE */
};

struct sheet training_sheets[TRAINING_SHEET__MAX] = {
	{ "training.xsl", 1, { NULL } },		/* SHEET_FORM */
	{ "training-track.xsl", 1, { NULL } },	/* SHEET_TRACK */
};

struct stmt training_sql[TRAINING_STMT__MAX] = {
	[STMT_UNIT_OF] = { "TRAINING_UNIT_OF",
	  "SELECT m.unit_id FROM unit_member m JOIN unit u ON u.id = "
	  "m.unit_id WHERE m.person_id = ? AND m.status = 'active' AND "
	  "u.jurisdiction_id = ?" },
	[STMT_INSERT] = { "TRAINING_INSERT",
	  "INSERT INTO training_booking (jurisdiction_id, ref, person_id, "
	  "unit_id, name, phone_enc, phone_hash, organisation, region_id, "
	  "address, headcount, topic, topic_other, day1, part1) VALUES (?, ?, "
	  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	/* The rest of a new request (a statement binds 16 at most). */
	[STMT_INSERT_MORE] = { "TRAINING_INSERT_MORE",
	  "UPDATE training_booking SET day2 = ?, part2 = ?, day3 = ?, "
	  "part3 = ?, note = ? WHERE id = ?" },
	[STMT_GET] = { "TRAINING_GET",
	  "SELECT b.id, b.ref, b.name, b.phone_enc, b.organisation, g.name, "
	  "b.address, b.headcount, b.topic, b.topic_other, b.day1, b.part1, "
	  "b.day2, b.part2, b.day3, b.part3, b.status, DATE(b.starts_at), "
	  "TIME_FORMAT(b.starts_at, '%H:%i'), b.minutes, t.name, b.message, "
	  "b.created_at, u.name, b.starts_at > NOW(), g.name_en "
	  "FROM training_booking b JOIN region g ON g.id = b.region_id "
	  "LEFT JOIN trainer t ON t.id = b.trainer_id "
	  "LEFT JOIN unit u ON u.id = b.unit_id "
	  "WHERE b.ref = ? AND b.jurisdiction_id = ?" },
	[STMT_LOCK] = { "TRAINING_LOCK",
	  "SELECT id, status, phone_hash, person_id, trainer_id, "
	  "CAST(starts_at AS CHAR), minutes, starts_at > NOW() "
	  "FROM training_booking WHERE ref = ? AND jurisdiction_id = ? "
	  "FOR UPDATE" },
	[STMT_CANCEL] = { "TRAINING_CANCEL",
	  "UPDATE training_booking SET status = 'cancelled', changed_at = "
	  "NOW() WHERE id = ?" },
	[STMT_ACCEPT] = { "TRAINING_ACCEPT",
	  "UPDATE training_booking SET status = 'confirmed', changed_at = "
	  "NOW() WHERE id = ? AND status = 'proposed'" },
	[STMT_TRAINER_LOCK] = { "TRAINING_TRAINER_LOCK",
	  "SELECT id FROM trainer WHERE id = ? AND jurisdiction_id = ? AND "
	  "retired = 0 FOR UPDATE" },
	/* Confirmed trainings of the trainer that overlap the time. */
	[STMT_TRAINER_OVERLAP] = { "TRAINING_TRAINER_OVERLAP",
	  "SELECT COUNT(*) FROM training_booking WHERE trainer_id = ? AND "
	  "status = 'confirmed' AND id <> ? AND starts_at < "
	  "CAST(? AS DATETIME) + INTERVAL ? MINUTE AND starts_at + INTERVAL "
	  "minutes MINUTE > CAST(? AS DATETIME) LOCK IN SHARE MODE" },
};

const struct module training_module = {
	.name = "training",
	.routes = training_routes,
	.nroutes = NELEM(training_routes),
	.fields = training_fields,
	.nfields = TRAINING_FIELD__MAX,
	.sheets = training_sheets,
	.nsheets = TRAINING_SHEET__MAX,
};

/* The topics offered; their names are the stylesheets'. */
static const char *const training_topics[] = {
	"basics",		/* 消防安全基础知识 */
	"extinguisher",		/* 灭火器和室内消火栓的使用 */
	"evacuation",		/* 火场疏散逃生与自救 */
	"ebike",		/* 电动自行车消防安全 */
	"rental",		/* 出租房（群租房）消防安全 */
	"duty",			/* 消防安全责任人和管理人履职 */
	"small-venue",		/* 九小场所消防安全 */
	"other",		/* 其他, with a short text */
	NULL
};

static int
valid_topic(struct fval *f)
{
	size_t	 i;

	for (i = 0; training_topics[i] != NULL; i++)
		if (strcmp(f->s, training_topics[i]) == 0)
			return 1;
	return 0;
}

/* A part of the day: morning, afternoon, evening. */
static int
valid_part(struct fval *f)
{
	return strcmp(f->s, "am") == 0 || strcmp(f->s, "pm") == 0 ||
	    strcmp(f->s, "eve") == 0;
}

/*
 * The request form, with why it was refused when error is given (n: the
 * preferred day concerned) and what was typed; the days that may be
 * asked for, and the streets and towns.
 */
static int
form_page(struct req *r, const struct workdays *w, const char *error,
    int n, int status)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, f;
	size_t		 k;
	int		 rc;

	if ((doc = xml_page(r, "training")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	f = xml_add(root, "form", NULL);
	xml_prop(f, "min", day_text(r->pool, w->today + TRAINING_AHEAD_MIN));
	xml_prop(f, "max", day_text(r->pool, w->today + TRAINING_AHEAD_MAX));
	if (error == NULL && r->sess.person_id != 0) {
		xml_prop(f, "phone", secret_person_phone(r));
		xml_prop(f, "name", r->sess.person_name);
	}
	if (error != NULL) {
		xml_prop(f, "error", error);
		if (n > 0)
			xml_propll(f, "n", n);
		for (k = 0; k < TRAINING_FIELD__MAX; k++)
			if (r->fields[k].present && utf8_text(r->fields[k].s,
			    r->fields[k].sz))
				xml_prop(f, training_fields[k].name,
				    r->fields[k].s);
		r->status = status;
	}
	if ((rc = region_xml(r, root)) != 0)
		return rc;
	return page_finish(r, &training_sheets[SHEET_FORM], doc);
}

/* GET /training */
static int
training_form(struct req *r)
{
	struct workdays	 w;
	enum dberr	 e;

	if ((e = workday_load(r, &w)) != DB_OK)
		return db_status(e);
	return form_page(r, &w, NULL, 0, 0);
}

/* Given, and not only blanks. */
static int
given(const struct fval *f)
{
	return f->present && f->sz > 0 && strspn(f->s, " \t\r\n") != f->sz;
}

/* One line of text, valid, of at most max characters. */
static int
line_ok(const struct fval *f, size_t max)
{
	return f->valid && strpbrk(f->s, "\r\n\t") == NULL &&
	    utf8_chars(f->s, f->sz) <= max;
}

/* Why the k-th preferred day (0, 1, 2) cannot be taken, or NULL. */
static const char *
wish_refused(struct req *r, const struct workdays *w, int k)
{
	const struct fval	*d = &r->fields[FIELD_DAY1 + 2 * k];
	const struct fval	*p = &r->fields[FIELD_PART1 + 2 * k];
	long			 day;

	if (k > 0 && !given(d))
		return NULL;
	if (!given(d) || !d->valid || (day = day_number(d->s)) < 0)
		return "bad-day";
	if (day < w->today + TRAINING_AHEAD_MIN)
		return "day-soon";
	if (day > w->today + TRAINING_AHEAD_MAX)
		return "day-far";
	if (!workday_is(w, day))
		return "day-off";
	if (!p->valid)
		return "bad-part";
	return NULL;
}

/* Why the form cannot be taken, or NULL; *n the preferred day's. */
static const char *
form_refused(struct req *r, const struct workdays *w, int *n)
{
	const struct fval	*f = r->fields;
	const char		*why;
	long long		 h = f[FIELD_HEADCOUNT].i;
	int			 k;

	*n = 0;
	if (!given(&f[FIELD_NAME]))
		return "no-name";
	if (!line_ok(&f[FIELD_NAME], TRAINING_NAME_MAX))
		return "bad-name";
	if (!f[FIELD_PHONE].valid)
		return "bad-phone";
	if (!given(&f[FIELD_ORG]) || !line_ok(&f[FIELD_ORG], TRAINING_ORG_MAX))
		return "bad-org";
	if (!f[FIELD_REGION].valid)
		return "bad-region";
	if (!given(&f[FIELD_ADDRESS]) ||
	    !line_ok(&f[FIELD_ADDRESS], TRAINING_ADDRESS_MAX))
		return "bad-address";
	if (!f[FIELD_HEADCOUNT].valid || h < TRAINING_HEAD_MIN ||
	    h > TRAINING_HEAD_MAX)
		return "bad-headcount";
	if (!f[FIELD_TOPIC].valid)
		return "bad-topic";
	if (strcmp(f[FIELD_TOPIC].s, "other") == 0 && (!given(&f[FIELD_OTHER])
	    || !line_ok(&f[FIELD_OTHER], TRAINING_OTHER_MAX)))
		return "bad-other";
	for (k = 0; k < TRAINING_WISHES; k++)
		if ((why = wish_refused(r, w, k)) != NULL) {
			*n = k + 1;
			return why;
		}
	if (given(&f[FIELD_NOTE]) && (!f[FIELD_NOTE].valid ||
	    utf8_chars(f[FIELD_NOTE].s, f[FIELD_NOTE].sz) > TRAINING_NOTE_MAX))
		return "bad-note";
	return NULL;
}

/* The k-th preferred day and its part, or NULLs when not given. */
static const char *
wish(struct req *r, int k, int part)
{
	const struct fval	*d = &r->fields[FIELD_DAY1 + 2 * k];

	if (!given(d))
		return NULL;
	return r->fields[FIELD_DAY1 + 2 * k + part].s;
}

/* An optional text as given, or NULL. */
static const char *
optional(const struct fval *f)
{
	return given(f) ? f->s : NULL;
}

/* The unit the signed-in person is an active member of, or 0. */
static long long
unit_of(struct req *r, long long jur, enum dberr *e)
{
	struct dbres	*res;

	*e = DB_OK;
	if (r->sess.person_id == 0)
		return 0;
	if ((*e = db_query(r->pool, &training_sql[STMT_UNIT_OF], &res, "ii",
	    r->sess.person_id, jur)) != DB_OK || res->nrows == 0)
		return 0;
	return db_ll(res, 0, 0);
}

/* The request and its first notice, in one transaction. */
static enum dberr
request_insert(struct req *r, long long jur, long long unit,
    char ref[REF_LEN + 1])
{
	const struct fval	*f = r->fields;
	const char		*other;
	struct notice		 n;
	unsigned long long	 id;
	struct sealed		 v, h;
	enum dberr		 e;

	other = strcmp(f[FIELD_TOPIC].s, "other") == 0 ? f[FIELD_OTHER].s :
	    NULL;
	if ((e = db_begin()) != DB_OK)
		return e;
	ref_make(ref);
	v = secret_seal_str(r->pool, SC_TRAINING_PHONE, f[FIELD_PHONE].s);
	h = secret_hash_of(r->pool, SH_PHONE, f[FIELD_PHONE].s);
	if (v.p == NULL || h.p == NULL) {
		db_rollback();
		return DB_ERROR;
	}
	e = db_exec(&training_sql[STMT_INSERT], &id, "isnnsbbsisissss", jur,
	    ref, r->sess.person_id, unit, f[FIELD_NAME].s, v.p, v.n, h.p, h.n,
	    f[FIELD_ORG].s, f[FIELD_REGION].i, f[FIELD_ADDRESS].s,
	    f[FIELD_HEADCOUNT].i, f[FIELD_TOPIC].s, other, f[FIELD_DAY1].s,
	    f[FIELD_PART1].s);
	if (e == DB_OK)
		e = db_exec(&training_sql[STMT_INSERT_MORE], NULL, "sssssi",
		    wish(r, 1, 0), wish(r, 1, 1), wish(r, 2, 0),
		    wish(r, 2, 1), optional(&f[FIELD_NOTE]), (long long)id);
	if (e == DB_OK) {
		n = (struct notice){ "training", (long long)id, ref,
		    r->sess.person_id, f[FIELD_PHONE].s, "requested", NULL };
		e = notice_add(r, &n);
	}
	if (e == DB_DUP) {
		db_rollback();
		return e;
	}
	return db_end(e);
}

/*
 * POST /training: the request checked, then kept with its reference
 * (drawn again should it exist); the tracking page follows.
 */
static int
training_request(struct req *r)
{
	const struct jurisdiction	*j;
	struct workdays			 w;
	const char			*why;
	char				 ref[REF_LEN + 1];
	long long			 unit;
	enum dberr			 e;
	int				 n, tries, here;

	if ((e = workday_load(r, &w)) != DB_OK ||
	    (j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((why = form_refused(r, &w, &n)) != NULL)
		return form_page(r, &w, why, n, 400);
	if ((here = region_here(r, r->fields[FIELD_REGION].i, &e)) < 0)
		return db_status(e);
	if (here == 0)
		return form_page(r, &w, "bad-region", 0, 400);
	unit = unit_of(r, j->id, &e);
	if (e != DB_OK)
		return db_status(e);
	for (tries = 0; tries < 3; tries++) {
		if ((e = request_insert(r, j->id, unit, ref)) == DB_DUP)
			continue;
		if (e != DB_OK)
			return db_status(e);
		return resp_redirect(r, pool_printf(r->pool, "/training/r/%s",
		    ref), "training-requested");
	}
	return 500;
}
