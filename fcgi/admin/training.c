/*
 * training.c: training bookings (预约培训) in the admin area: what waits
 * for whom (the office's answer, overdue after 5 working days; the
 * requester's word on a proposed time; a training held but not marked
 * done), the requests by status, the confirmed trainings of the next 8
 * weeks by day, and a request's page with its history and the office's
 * answers: confirm (day, time, length, trainer), propose another time,
 * decline with a reason, mark done. District admins see every request,
 * a street admin those of the street. A trainer's confirmed trainings
 * never overlap (training/training.c decides it under the trainer's row
 * lock). Each change, its notice and its audit entry are one
 * transaction. The trainers and the working days are trainers.c.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/access.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/notice.h"
#include "shared/scope.h"
#include "shared/secret.h"
#include "shared/workday.h"
#include "training/training.h"

#define CALENDAR_DAYS	56	/* the next 8 weeks */
#define REASON_MAX	500	/* characters */

static int	 training_admin(struct req *);
static int	 training_detail(struct req *);
static int	 training_show(struct req *);
static int	 request_shown(struct req *, struct dbres *, const char *, int,
		    int);
static int	 training_confirm(struct req *);
static int	 training_propose(struct req *);
static int	 training_decline(struct req *);
static int	 training_done(struct req *);
static int	 valid_clock(struct fval *);
static int	 valid_status(struct fval *);

static const struct route training_admin_routes[] = {
	/* ADMIN_TRAINING: waiting, by status, the next 8 weeks */
	{ METHOD_GET, "/admin/training", training_admin, RF_ADMIN },
	/* ADMIN_TRAINING_REQUEST: one request and its history */
	{ METHOD_GET, "/admin/training/:id", training_detail, RF_ADMIN },
	/* ADMIN_TRAINING_SHOW: the contact's number, with a reason logged */
	{ METHOD_POST, "/admin/training/:id/show", training_show, RF_ADMIN },
	/* ADMIN_TRAINING_CONFIRM */
	{ METHOD_POST, "/admin/training/:id/confirm", training_confirm,
	  RF_ADMIN },
	/* ADMIN_TRAINING_PROPOSE */
	{ METHOD_POST, "/admin/training/:id/propose", training_propose,
	  RF_ADMIN },
	/* ADMIN_TRAINING_DECLINE */
	{ METHOD_POST, "/admin/training/:id/decline", training_decline,
	  RF_ADMIN },
	/* ADMIN_TRAINING_DONE */
	{ METHOD_POST, "/admin/training/:id/done", training_done, RF_ADMIN },
};

enum training_admin_field {
	FIELD_STATUS,
	FIELD_DAY,
	FIELD_TIME,
	FIELD_MINUTES,
	FIELD_TRAINER,
	FIELD_MESSAGE,
	FIELD_WHY,
	TRAINING_ADMIN_FIELD__MAX
};

static const struct field training_admin_fields[TRAINING_ADMIN_FIELD__MAX] = {
	{ "status", valid_status, 16, 0 },	/* FIELD_STATUS: a filter */
	{ "day", valid_date, 10, 0 },		/* FIELD_DAY: YYYY-MM-DD */
	{ "time", valid_clock, 5, 0 },		/* FIELD_TIME: HH:MM */
	{ "minutes", valid_count, 3, 0 },	/* FIELD_MINUTES */
	{ "trainer", valid_id, 10, 0 },		/* FIELD_TRAINER */
	{ "message", valid_line, 4 * REASON_MAX, 0 },	/* FIELD_MESSAGE */
	{ "why", access_valid_reason, 4 * ACCESS_REASON_MAX, 0 },
					/* FIELD_WHY: to show the number */
};

enum training_admin_sheet {
	SHEET_LIST,
	SHEET_REQUEST,
	TRAINING_ADMIN_SHEET__MAX
};

static struct sheet training_admin_sheets[TRAINING_ADMIN_SHEET__MAX] = {
	{ "admin-training.xsl", 1, { NULL } },		/* SHEET_LIST */
	{ "admin-training-request.xsl", 1, { NULL } },	/* SHEET_REQUEST */
};

enum training_admin_stmt {
	STMT_WAITING,
	STMT_BY_STATUS,
	STMT_CALENDAR,
	STMT_GET,
	STMT_LOCK,
	STMT_WHEN,
	STMT_SCHEDULE,
	STMT_DECLINE,
	STMT_DONE,
	STMT_TRAINERS,
	TRAINING_ADMIN_STMT__MAX
};

/* A request in a list: its columns, then the scope's "(? = 0 OR …)". */
#define LIST_COLS							\
	"SELECT b.id, b.ref, b.organisation, g.name, b.headcount, "	\
	"b.topic, b.status, b.created_at, DATE(b.starts_at), "		\
	"TIME_FORMAT(b.starts_at, '%H:%i'), t.name, b.day1, b.part1, "	\
	"b.starts_at <= NOW() FROM training_booking b "			\
	"JOIN region g ON g.id = b.region_id "				\
	"LEFT JOIN trainer t ON t.id = b.trainer_id "			\
	"WHERE b.jurisdiction_id = ? AND (? = 0 OR b.region_id = ?) "
#define LIST_NAMES	"id ref organisation region headcount topic status " \
	"at day time trainer day1 part1 held"

static struct stmt training_admin_sql[TRAINING_ADMIN_STMT__MAX] = {
	[STMT_WAITING] = { "ADMIN_TRAINING_WAITING",
	  LIST_COLS "AND (b.status IN ('requested', 'proposed') OR "
	  "(b.status = 'confirmed' AND b.starts_at <= NOW())) "
	  "ORDER BY b.created_at, b.id LIMIT 500" },
	[STMT_BY_STATUS] = { "ADMIN_TRAINING_BY_STATUS",
	  LIST_COLS "AND b.status = ? ORDER BY b.created_at DESC, b.id DESC "
	  "LIMIT 200" },
	[STMT_CALENDAR] = { "ADMIN_TRAINING_CALENDAR",
	  "SELECT b.id, b.ref, b.organisation, g.name, b.headcount, "
	  "b.topic, DATE(b.starts_at), TIME_FORMAT(b.starts_at, '%H:%i'), "
	  "TIME_FORMAT(b.starts_at + INTERVAL b.minutes MINUTE, '%H:%i'), "
	  "t.name, b.address FROM training_booking b "
	  "JOIN region g ON g.id = b.region_id "
	  "LEFT JOIN trainer t ON t.id = b.trainer_id "
	  "WHERE b.jurisdiction_id = ? AND (? = 0 OR b.region_id = ?) AND "
	  "b.status = 'confirmed' AND b.starts_at >= CURDATE() AND "
	  "b.starts_at < CURDATE() + INTERVAL 56 DAY ORDER BY b.starts_at, "
	  "b.id LIMIT 1000" },
	[STMT_GET] = { "ADMIN_TRAINING_GET",
	  "SELECT b.id, b.ref, b.name, b.phone_enc, b.organisation, g.name, "
	  "b.address, b.headcount, b.topic, b.topic_other, b.day1, b.part1, "
	  "b.day2, b.part2, b.day3, b.part3, b.note, b.status, "
	  "DATE(b.starts_at), TIME_FORMAT(b.starts_at, '%H:%i'), b.minutes, "
	  "b.trainer_id, t.name, t.phone, b.message, b.created_at, u.name, "
	  "b.starts_at <= NOW() FROM training_booking b "
	  "JOIN region g ON g.id = b.region_id "
	  "LEFT JOIN trainer t ON t.id = b.trainer_id "
	  "LEFT JOIN unit u ON u.id = b.unit_id "
	  "WHERE b.id = ? AND b.jurisdiction_id = ? AND "
	  "(? = 0 OR b.region_id = ?)" },
	[STMT_LOCK] = { "ADMIN_TRAINING_LOCK",
	  "SELECT id, ref, status, phone_enc, person_id, starts_at <= NOW() "
	  "FROM training_booking WHERE id = ? FOR UPDATE" },
	/* A time that exists and is to come (NULL: none; 0: gone). */
	[STMT_WHEN] = { "ADMIN_TRAINING_WHEN",
	  "SELECT CAST(CONCAT(?, ' ', ?) AS DATETIME) > NOW(), "
	  "CAST(CAST(CONCAT(?, ' ', ?) AS DATETIME) AS CHAR)" },
	[STMT_SCHEDULE] = { "ADMIN_TRAINING_SCHEDULE",
	  "UPDATE training_booking SET status = ?, starts_at = ?, minutes = ?, "
	  "trainer_id = ?, message = ?, changed_at = NOW() WHERE id = ?" },
	[STMT_DECLINE] = { "ADMIN_TRAINING_DECLINE",
	  "UPDATE training_booking SET status = 'declined', message = ?, "
	  "changed_at = NOW() WHERE id = ?" },
	[STMT_DONE] = { "ADMIN_TRAINING_DONE",
	  "UPDATE training_booking SET status = 'done', changed_at = NOW() "
	  "WHERE id = ?" },
	[STMT_TRAINERS] = { "ADMIN_TRAINING_TRAINERS",
	  "SELECT id, name, phone, retired FROM trainer "
	  "WHERE jurisdiction_id = ? ORDER BY retired, name" },
};

const struct module admin_training_module = {
	.name = "admin-training",
	.routes = training_admin_routes,
	.nroutes = NELEM(training_admin_routes),
	.fields = training_admin_fields,
	.nfields = TRAINING_ADMIN_FIELD__MAX,
	.sheets = training_admin_sheets,
	.nsheets = TRAINING_ADMIN_SHEET__MAX,
};

/* HH:MM of a day. */
static int
valid_clock(struct fval *f)
{
	return f->sz == 5 && strspn(f->s, "0123456789") == 2 &&
	    f->s[2] == ':' && strspn(f->s + 3, "0123456789") == 2 &&
	    (f->s[0] - '0') * 10 + (f->s[1] - '0') < 24 && f->s[3] < '6';
}

static int
valid_status(struct fval *f)
{
	static const char *const st[] = { "requested", "proposed",
	    "confirmed", "declined", "cancelled", "done", NULL };
	size_t			 i;

	for (i = 0; st[i] != NULL; i++)
		if (strcmp(f->s, st[i]) == 0)
			return 1;
	return 0;
}

/*
 * A list's rows under into, each with who acts next and, for a request
 * still unanswered, the day its answer is due and whether that is past.
 */
static void
list_xml(struct req *r, xmlNodePtr into, const struct dbres *res,
    const struct workdays *w)
{
	xmlNodePtr	 n;
	const char	*st;
	long		 due;
	size_t		 i;

	for (i = 0; i < res->nrows; i++) {
		n = xml_add(into, "request", NULL);
		xml_row(n, res, i, LIST_NAMES);
		st = DBRES(res, i, 6);
		if (strcmp(st, "requested") == 0) {
			xml_prop(n, "next", "office");
			due = training_due(w, DBRES(res, i, 7));
			xml_prop(n, "due", day_text(r->pool, due));
			if (w->today > due)
				xml_prop(n, "overdue", "1");
		} else if (strcmp(st, "proposed") == 0)
			xml_prop(n, "next", "requester");
		else if (strcmp(st, "confirmed") == 0 && db_ll(res, i, 13))
			xml_prop(n, "next", "office");
	}
}

/*
 * GET /admin/training[?status=…]: the waiting list oldest first (or the
 * requests of one status, newest first) and the next 8 weeks by day.
 */
static int
training_admin(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*st = &r->fields[FIELD_STATUS];
	struct workdays			 w;
	struct dbres			*res, *cal;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, n;
	long long			 only;
	enum dberr			 e;
	size_t				 i;

	if ((only = admin_street(r)) == -1)
		return 403;
	if (st->present && st->sz > 0 && !st->valid)
		return 400;
	if ((j = jur_get(r, &e)) == NULL || (e = workday_load(r, &w)) != DB_OK)
		return db_status(e);
	if (st->valid)
		e = db_query(r->pool, &training_admin_sql[STMT_BY_STATUS], &res,
		    "iiis", j->id, only, only, st->s);
	else
		e = db_query(r->pool, &training_admin_sql[STMT_WAITING], &res,
		    "iii", j->id, only, only);
	if (e != DB_OK || (e = db_query(r->pool,
	    &training_admin_sql[STMT_CALENDAR], &cal, "iii", j->id, only,
	    only)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-training")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "requests", NULL);
	xml_prop(n, "status", st->valid ? st->s : "waiting");
	xml_prop(n, "today", day_text(r->pool, w.today));
	list_xml(r, n, res, &w);
	n = xml_add(root, "calendar", NULL);
	xml_propll(n, "days", CALENDAR_DAYS);
	for (i = 0; i < cal->nrows; i++)
		xml_row(xml_add(n, "training", NULL), cal, i, "id ref "
		    "organisation region headcount topic day time until "
		    "trainer address");
	return page_finish(r, &training_admin_sheets[SHEET_LIST], doc);
}

/*
 * The request of the path's id when this admin's scope covers it: NULL
 * with *rc set otherwise (403 outside every street scope, 404 for one
 * that is not found or another street's).
 */
static struct dbres *
request_get(struct req *r, int *rc)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	long long			 id, only;
	enum dberr			 e;

	*rc = 403;
	if ((only = admin_street(r)) == -1)
		return NULL;
	*rc = 404;
	if ((id = path_id(r->args[0])) == 0)
		return NULL;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &training_admin_sql[STMT_GET], &res,
	    "iiii", id, j->id, only, only)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (secret_open_res(r->pool, res, 3, SC_TRAINING_PHONE, -1) == -1) {
		*rc = 500;
		return NULL;
	}
	return res->nrows > 0 ? res : NULL;
}

/* The trainers of the jurisdiction under into; 0 or a status. */
static int
trainers_xml(struct req *r, xmlNodePtr into)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlNodePtr			 n;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &training_admin_sql[STMT_TRAINERS], &res,
	    "i", j->id)) != DB_OK)
		return db_status(e);
	n = xml_add(into, "trainers", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "trainer", NULL), res, i,
		    "id name phone retired");
	return 0;
}

/*
 * A request's page: the request, its deadline, its history with the
 * admins' names, the trainers to choose; why an answer was refused when
 * error is given (what was typed is shown again).
 */
static int
request_page(struct req *r, struct dbres *b, const char *error,
    int status)
{
	return request_shown(r, b, error, status, 0);
}

/* The same, the contact's number in full when shown (logged first). */
static int
request_shown(struct req *r, struct dbres *b, const char *error,
    int status, int shown)
{
	struct workdays	 w;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	enum dberr	 e;
	size_t		 k;
	long		 due;
	int		 rc;

	if ((e = workday_load(r, &w)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-training-request")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "request", NULL);
	xml_row(n, b, 0, "id ref name - organisation region address "
	    "headcount topic topic-other day1 part1 day2 part2 day3 part3 "
	    "note status day time minutes trainer-id trainer trainer-phone "
	    "message at unit held");
	xml_prop(n, "phone", shown ? DBRES(b, 0, 3) : mask_phone(r->pool,
	    DBRES(b, 0, 3)));
	if (shown)
		xml_prop(n, "shown", "1");
	due = training_due(&w, DBRES(b, 0, 25));
	xml_prop(n, "due", day_text(r->pool, due));
	if (strcmp(DBRES(b, 0, 17), "requested") == 0 && w.today > due)
		xml_prop(n, "overdue", "1");
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		for (k = 0; k < TRAINING_ADMIN_FIELD__MAX; k++)
			if (r->fields[k].present && utf8_text(r->fields[k].s,
			    r->fields[k].sz))
				xml_prop(n, training_admin_fields[k].name,
				    r->fields[k].s);
		r->status = status;
	}
	if ((rc = trainers_xml(r, root)) != 0 ||
	    (rc = notice_list_xml(r, root, "training", db_ll(b, 0, 0), 1)) !=
	    0)
		return rc;
	return page_finish(r, &training_admin_sheets[SHEET_REQUEST], doc);
}

/* GET /admin/training/:id */
static int
training_detail(struct req *r)
{
	struct dbres	*b;
	int		 rc;

	if ((b = request_get(r, &rc)) == NULL)
		return rc;
	return request_page(r, b, NULL, 0);
}

/*
 * POST /admin/training/:id/show: the request with its contact's number
 * in full, once the access is in the log; without a reason, masked.
 */
static int
training_show(struct req *r)
{
	struct dbres	*b;
	enum dberr	 e;
	int		 rc;

	if ((b = request_get(r, &rc)) == NULL)
		return rc;
	if (!access_reason_ok(&r->fields[FIELD_WHY]))
		return request_page(r, b, "need-access-why", 400);
	if ((e = access_write(r, "training", db_ll(b, 0, 0), DBRES(b, 0, 1),
	    "phone", r->fields[FIELD_WHY].s)) != DB_OK)
		return db_status(e);
	return request_shown(r, b, NULL, 0, 1);
}

/*
 * The request locked in a transaction begun here; NULL (nothing begun)
 * with *e set when it cannot be read.
 */
static struct dbres *
request_lock(struct req *r, long long id, enum dberr *e)
{
	struct dbres	*b;

	if ((*e = db_begin()) != DB_OK)
		return NULL;
	if ((*e = db_query(r->pool, &training_admin_sql[STMT_LOCK], &b, "i",
	    id)) != DB_OK || b->nrows == 0) {
		db_rollback();
		if (*e == DB_OK)
			*e = DB_ERROR;
		return NULL;
	}
	(void)secret_open_res(r->pool, b, 3, SC_TRAINING_PHONE, -1);
	return b;
}

/* Whether status is one of the words of list, NULL-terminated. */
static int
status_in(const char *status, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(status, *list) == 0)
			return 1;
	return 0;
}

/* The status's notice and the admin's audit entry, in the transaction. */
static enum dberr
answer_record(struct req *r, struct dbres *lk, const char *status,
    const char *message, const char *detail)
{
	struct notice	 n;
	enum dberr	 e;

	n = (struct notice){ "training", db_ll(lk, 0, 0), DBRES(lk, 0, 1),
	    db_ll(lk, 0, 4), DBRES(lk, 0, 3), status, message };
	if ((e = notice_add(r, &n)) != DB_OK)
		return e;
	return audit_write(r, pool_printf(r->pool, "training-%s",
	    strcmp(status, "proposed") == 0 ? "propose" :
	    strcmp(status, "confirmed") == 0 ? "confirm" :
	    strcmp(status, "declined") == 0 ? "decline" : status),
	    pool_printf(r->pool, "training %s", DBRES(lk, 0, 1)), detail);
}

/* Why a time given for confirming or proposing is refused, or NULL. */
static const char *
time_refused(struct req *r, const char **starts, int *status)
{
	const struct fval	*f = r->fields;
	struct dbres		*when;
	enum dberr		 e;

	*status = 400;
	if (!f[FIELD_DAY].valid || !f[FIELD_TIME].valid)
		return "bad-time";
	if (!f[FIELD_MINUTES].valid ||
	    f[FIELD_MINUTES].i < TRAINING_MINUTES_MIN ||
	    f[FIELD_MINUTES].i > TRAINING_MINUTES_MAX)
		return "bad-minutes";
	if (!f[FIELD_TRAINER].valid)
		return "no-trainer";
	if (f[FIELD_MESSAGE].present && f[FIELD_MESSAGE].sz > 0 &&
	    (!f[FIELD_MESSAGE].valid || utf8_chars(f[FIELD_MESSAGE].s,
	    f[FIELD_MESSAGE].sz) > REASON_MAX))
		return "bad-message";
	if ((e = db_query(r->pool, &training_admin_sql[STMT_WHEN], &when,
	    "ssss", f[FIELD_DAY].s, f[FIELD_TIME].s, f[FIELD_DAY].s,
	    f[FIELD_TIME].s)) != DB_OK) {
		*status = db_status(e);
		return "db";
	}
	if (DBRES(when, 0, 0) == NULL || DBRES(when, 0, 1) == NULL ||
	    db_ll(when, 0, 0) == 0)
		return "past";
	*starts = DBRES(when, 0, 1);
	return NULL;
}

/*
 * Confirm (status "confirmed") or propose ("proposed") a time with a
 * trainer: under the request's row lock its status allows it (409
 * otherwise), under the trainer's the time is free (409 otherwise).
 */
static int
schedule(struct req *r, const char *status)
{
	static const char *const from[] = { "requested", "proposed",
	    "confirmed", NULL };
	const struct fval	*f = r->fields;
	struct dbres		*b, *lk;
	enum trainer_time	 t;
	const char		*why, *starts = NULL, *msg, *note;
	enum dberr		 e;
	int			 rc;

	if ((b = request_get(r, &rc)) == NULL)
		return rc;
	if ((why = time_refused(r, &starts, &rc)) != NULL)
		return rc >= 500 ? rc : request_page(r, b, why, rc);
	if ((lk = request_lock(r, db_ll(b, 0, 0), &e)) == NULL)
		return db_status(e);
	if (!status_in(DBRES(lk, 0, 2), from)) {
		db_rollback();
		return request_page(r, b, "state", 409);
	}
	if ((e = training_trainer_take(r, f[FIELD_TRAINER].i, db_ll(lk, 0, 0),
	    starts, f[FIELD_MINUTES].i, &t)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if (t != TRAINER_FREE) {
		db_rollback();
		return request_page(r, b, t == TRAINER_BUSY ? "busy" :
		    "no-trainer", t == TRAINER_BUSY ? 409 : 400);
	}
	msg = f[FIELD_MESSAGE].present && f[FIELD_MESSAGE].sz > 0 ?
	    f[FIELD_MESSAGE].s : NULL;
	note = pool_printf(r->pool, "%s %s%s%s", f[FIELD_DAY].s,
	    f[FIELD_TIME].s, msg != NULL ? " " : "", msg != NULL ? msg : "");
	e = db_exec(&training_admin_sql[STMT_SCHEDULE], NULL, "ssiisi",
	    status, starts, f[FIELD_MINUTES].i, f[FIELD_TRAINER].i, msg,
	    db_ll(lk, 0, 0));
	if (e == DB_OK)
		e = answer_record(r, lk, status, note, pool_printf(r->pool,
		    "%s %s, %lld min, trainer %lld", f[FIELD_DAY].s,
		    f[FIELD_TIME].s, f[FIELD_MINUTES].i, f[FIELD_TRAINER].i));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/training/%lld",
	    db_ll(b, 0, 0)), "saved");
}

/* POST /admin/training/:id/confirm */
static int
training_confirm(struct req *r)
{
	return schedule(r, "confirmed");
}

/* POST /admin/training/:id/propose */
static int
training_propose(struct req *r)
{
	return schedule(r, "proposed");
}

/* POST /admin/training/:id/decline: with a reason the requester reads. */
static int
training_decline(struct req *r)
{
	static const char *const from[] = { "requested", "proposed", NULL };
	const struct fval	*m = &r->fields[FIELD_MESSAGE];
	struct dbres		*b, *lk;
	enum dberr		 e;
	int			 rc;

	if ((b = request_get(r, &rc)) == NULL)
		return rc;
	if (!m->valid || strspn(m->s, " \t\r\n") == m->sz ||
	    utf8_chars(m->s, m->sz) > REASON_MAX)
		return request_page(r, b, "no-reason", 400);
	if ((lk = request_lock(r, db_ll(b, 0, 0), &e)) == NULL)
		return db_status(e);
	if (!status_in(DBRES(lk, 0, 2), from)) {
		db_rollback();
		return request_page(r, b, "state", 409);
	}
	e = db_exec(&training_admin_sql[STMT_DECLINE], NULL, "si", m->s,
	    db_ll(lk, 0, 0));
	if (e == DB_OK)
		e = answer_record(r, lk, "declined", m->s, m->s);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/training/%lld",
	    db_ll(b, 0, 0)), "saved");
}

/* POST /admin/training/:id/done: a confirmed training whose time came. */
static int
training_done(struct req *r)
{
	static const char *const from[] = { "confirmed", NULL };
	struct dbres		*b, *lk;
	enum dberr		 e;
	int			 rc;

	if ((b = request_get(r, &rc)) == NULL)
		return rc;
	if ((lk = request_lock(r, db_ll(b, 0, 0), &e)) == NULL)
		return db_status(e);
	if (!status_in(DBRES(lk, 0, 2), from) || db_ll(lk, 0, 5) == 0) {
		db_rollback();
		return request_page(r, b, "not-held", 409);
	}
	e = db_exec(&training_admin_sql[STMT_DONE], NULL, "i",
	    db_ll(lk, 0, 0));
	if (e == DB_OK)
		e = answer_record(r, lk, "done", NULL, NULL);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/training/%lld",
	    db_ll(b, 0, 0)), "saved");
}
