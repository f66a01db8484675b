/*
 * track.c: a training request after it is made: its tracking page by
 * reference (status, the days asked for, the time and trainer confirmed
 * or proposed, the reason if declined, its history), and what the
 * requester does with its mobile number: cancel it while it is open,
 * accept a proposed time (the trainer checked free again). A trainer's
 * time is taken under the trainer's row lock, here for the requester
 * and for the office (admin/training.c) alike; the answer's deadline
 * is counted here too.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/notice.h"
#include "shared/workday.h"
#include "shared/ref.h"
#include "shared/secret.h"
#include "training/training.h"
#include "training/local.h"

/*
 * The day by which a request made at created (YYYY-MM-DD…) is to be
 * answered: the TRAINING_ANSWER_DAYS-th working day after its day. It
 * is overdue when still unanswered on a later day. The one place this
 * deadline is computed; -1 for a time that is none.
 */
long
training_due(const struct workdays *w, const char *created)
{
	long	 day;

	if ((day = day_number(created)) < 0)
		return -1;
	return workday_after(w, day, TRAINING_ANSWER_DAYS);
}

/*
 * Inside the caller's transaction: lock the trainer's row, then say
 * whether minutes from starts (YYYY-MM-DD HH:MM:SS) overlap another
 * confirmed training of the trainer than booking. Two transactions that
 * want one trainer take turns on that lock, so at most one of them sees
 * the time free and confirms it.
 */
enum dberr
training_trainer_take(struct req *r, long long trainer, long long booking,
    const char *starts, long long minutes, enum trainer_time *t)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	enum dberr			 e;

	*t = TRAINER_GONE;
	if ((j = jur_get(r, &e)) == NULL)
		return e;
	if ((e = db_query(r->pool, &training_sql[STMT_TRAINER_LOCK], &res,
	    "ii", trainer, j->id)) != DB_OK)
		return e;
	if (res->nrows == 0)
		return DB_OK;
	if ((e = db_query(r->pool, &training_sql[STMT_TRAINER_OVERLAP], &res,
	    "iisis", trainer, booking, starts, minutes, starts)) != DB_OK)
		return e;
	*t = db_ll(res, 0, 0) == 0 ? TRAINER_FREE : TRAINER_BUSY;
	return DB_OK;
}

/*
 * The tracking page of a reference, with why an action was refused
 * when error is given.
 */
static int
track_page(struct req *r, const char *error, int status)
{
	const struct jurisdiction	*j;
	struct workdays			 w;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, n;
	enum dberr			 e;
	int				 rc;

	if (!ref_ok(r->args[0]))
		return 404;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &training_sql[STMT_GET], &res, "si",
	    r->args[0], j->id)) != DB_OK ||
	    (e = workday_load(r, &w)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0)
		return 404;
	l10n_cells(r->lang, res, 5, 25);
	if (secret_open_res(r->pool, res, 3, SC_TRAINING_PHONE, -1) == -1)
		return 500;
	if ((doc = xml_page(r, "training-track")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "request", NULL);
	xml_row(n, res, 0, "- ref - - organisation region address headcount "
	    "topic topic-other day1 part1 day2 part2 day3 part3 status day "
	    "time minutes trainer message at unit future");
	xml_prop(n, "name", mask_name(r->pool, DBRES(res, 0, 2)));
	xml_prop(n, "phone", mask_phone(r->pool, DBRES(res, 0, 3)));
	xml_prop(n, "due", day_text(r->pool, training_due(&w,
	    DBRES(res, 0, 22))));
	if (error != NULL) {
		xml_prop(xml_add(root, "error", NULL), "code", error);
		r->status = status;
	}
	if ((rc = notice_list_xml(r, root, "training", db_ll(res, 0, 0),
	    0)) != 0)
		return rc;
	return page_finish(r, &training_sheets[SHEET_TRACK], doc);
}

int
training_track(struct req *r)
{
	return track_page(r, NULL, 0);
}

/*
 * The request of the path's reference locked, in a transaction begun
 * here, when the mobile number given is its own: NULL with *rc set (and
 * nothing begun) otherwise.
 */
static struct dbres *
locked_own(struct req *r, int *rc)
{
	const struct jurisdiction	*j;
	const struct fval		*ph = &r->fields[FIELD_PHONE];
	struct dbres			*b;
	enum dberr			 e;

	*rc = 0;
	if (!ref_ok(r->args[0])) {
		*rc = 404;
		return NULL;
	}
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if ((e = db_query(r->pool, &training_sql[STMT_LOCK], &b, "si",
	    r->args[0], j->id)) != DB_OK) {
		db_rollback();
		*rc = db_status(e);
		return NULL;
	}
	if (b->nrows == 0) {
		db_rollback();
		*rc = 404;
		return NULL;
	}
	if (!ph->valid || !secret_hash_eq(b, 0, 2, SH_PHONE, ph->s)) {
		db_rollback();
		*rc = track_page(r, "wrong-phone", 403);
		return NULL;
	}
	return b;
}

/* The notice of a change the requester made, then the commit. */
static enum dberr
requester_notice(struct req *r, struct dbres *b, const char *status,
    const char *message)
{
	struct notice	 n;

	n = (struct notice){ "training", db_ll(b, 0, 0), r->args[0],
	    db_ll(b, 0, 3), r->fields[FIELD_PHONE].s, status, message };
	return notice_add(r, &n);
}

/*
 * POST /training/r/:ref/cancel: with the request's mobile number, while
 * it is neither done nor closed already (409).
 */
int
training_cancel(struct req *r)
{
	struct dbres	*b;
	const char	*st;
	enum dberr	 e;
	int		 rc;

	if ((b = locked_own(r, &rc)) == NULL)
		return rc;
	st = DBRES(b, 0, 1);
	if (strcmp(st, "requested") != 0 && strcmp(st, "proposed") != 0 &&
	    strcmp(st, "confirmed") != 0) {
		db_rollback();
		return track_page(r, "closed", 409);
	}
	e = db_exec(&training_sql[STMT_CANCEL], NULL, "i", db_ll(b, 0, 0));
	if (e == DB_OK)
		e = requester_notice(r, b, "cancelled", NULL);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/training/r/%s",
	    r->args[0]), "training-cancelled");
}

/*
 * POST /training/r/:ref/accept: the time proposed becomes the confirmed
 * one, if it is still to come and its trainer still free (decided under
 * the trainer's row lock, as when the office confirms).
 */
int
training_accept(struct req *r)
{
	struct dbres		*b;
	enum trainer_time	 t;
	enum dberr		 e;
	int			 rc;

	if ((b = locked_own(r, &rc)) == NULL)
		return rc;
	if (strcmp(DBRES(b, 0, 1), "proposed") != 0 ||
	    DBRES(b, 0, 4) == NULL) {
		db_rollback();
		return track_page(r, "not-proposed", 409);
	}
	if (db_ll(b, 0, 7) == 0) {
		db_rollback();
		return track_page(r, "past", 409);
	}
	if ((e = training_trainer_take(r, db_ll(b, 0, 4), db_ll(b, 0, 0),
	    DBRES(b, 0, 5), db_ll(b, 0, 6), &t)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if (t != TRAINER_FREE) {
		db_rollback();
		return track_page(r, "trainer-busy", 409);
	}
	e = db_exec(&training_sql[STMT_ACCEPT], NULL, "i", db_ll(b, 0, 0));
	if (e == DB_OK)
		e = requester_notice(r, b, "accepted", pool_strndup(r->pool,
		    DBRES(b, 0, 5), 16));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/training/r/%s",
	    r->args[0]), "training-accepted");
}
