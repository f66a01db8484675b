/*
 * grade.c: grading an attempt (and issuing its code on a pass), the
 * result page with the review of missed questions, and "report this
 * question".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "code/code.h"
#include "points/points.h"
#include "stats/stats.h"
#include "quiz/quiz.h"
#include "quiz/local.h"

#define REPORT_MAX	500	/* characters, as question_report.text */

/*
 * Grade an open attempt as it stands (submitted, or out of time) and,
 * on a pass, issue the code (and, to a signed-in person, points): one
 * transaction, under the owner's lock (so two attempts of one owner
 * graded at once issue one code) and with the attempt's row locked
 * before its answers are counted (an answer cannot slip in after the
 * count). If another request graded it first, a->status says how that
 * went.
 */
int
attempt_finish(struct req *r, struct attempt *a)
{
	const unsigned char	*owner;
	struct dbres		*res;
	long long		 correct, score;
	enum dberr		 e;
	int			 passed, rc, granted;

	if (a->row->len[1] != 32)
		return 500;
	owner = (const unsigned char *)DBRES(a->row, 0, 1);
	if ((rc = attempt_owner_lock(r, owner, DBRES(a->row, 0, 13) ?
	    db_ll(a->row, 0, 13) : 0)) != 0)
		return rc;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &quiz_sql[STMT_ATTEMPT_LOCK], &res, "i",
	    a->id)) != DB_OK)
		goto fail;
	if (res->nrows == 0 || strcmp(DBRES(res, 0, 0), "open") != 0) {
		db_rollback();
		a->status = res->nrows ? DBRES(res, 0, 0) : "failed";
		return 0;
	}
	if ((e = db_query(r->pool, &quiz_sql[STMT_AQ_CORRECT], &res, "i",
	    a->id)) != DB_OK)
		goto fail;
	correct = db_ll(res, 0, 0);
	score = a->total > 0 ? correct * 100 / a->total : 0;
	passed = score >= a->pass_mark;
	if ((e = db_exec(&quiz_sql[STMT_ATTEMPT_GRADE], NULL, "iisi", correct,
	    score, passed ? "passed" : "failed", a->id)) != DB_OK ||
	    (e = stats_graded(r, a->id)) != DB_OK)
		goto fail;
	if (passed && (rc = code_issue(r, a->id)) != 0) {
		db_rollback();
		return rc;
	}
	/* A pass of a signed-in person earns points (their daily cap). */
	if (passed && DBRES(a->row, 0, 13) != NULL &&
	    (e = points_earn(r, db_ll(a->row, 0, 13), "quiz_pass",
	    pool_printf(r->pool, "attempt %lld", a->id), 1, &granted)) !=
	    DB_OK)
		goto fail;
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	a->status = passed ? "passed" : "failed";
	return 0;
fail:
	db_rollback();
	return db_status(e);
}

/* GET /quiz/a/:token/result: the score and the review. */
int
quiz_result(struct req *r)
{
	struct attempt	 a;
	struct dbres	*res, *code;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, q;
	enum dberr	 e;
	size_t		 i;
	int		 rc, ans;

	if ((rc = attempt_load(r, r->args[0], 0, &a)) != 0)
		return rc;
	if (strcmp(a.status, "open") == 0) {
		if (a.remaining > 0)
			return resp_redirect(r, pool_printf(r->pool,
			    "/quiz/a/%s/1", a.token), NULL);
		if ((rc = attempt_finish(r, &a)) != 0)
			return rc;
		return resp_redirect(r, attempt_result_url(r, &a), "time-up");
	}
	if ((e = db_query(r->pool, &quiz_sql[STMT_ATTEMPT_BY_TOKEN], &res, "is",
	    0LL, a.token)) != DB_OK || (e = code_of_attempt(r, a.id, &code)) !=
	    DB_OK)
		return db_status(e);
	if ((rc = quiz_page(r, "quiz-result", &doc, &root)) != 0)
		return rc;
	n = attempt_xml(root, &a);
	xml_prop(n, "correct", DBRES(res, 0, 10));
	xml_prop(n, "score", DBRES(res, 0, 11));
	if (code->nrows > 0) {
		n = xml_add(root, "code", NULL);
		xml_prop(n, "id", DBRES(code, 0, 0));
		xml_prop(n, "expires", DBRES(code, 0, 1));
	} else if (strcmp(a.status, "passed") == 0 &&
	    (rc = code_current_xml(r, root, a.role)) != 0)
		return rc;
	if ((e = db_query(r->pool, &quiz_sql[STMT_AQ_REVIEW], &res, "i", a.id))
	    != DB_OK)
		return db_status(e);
	n = xml_add(root, "review", NULL);
	for (i = 0; i < res->nrows; i++) {
		ans = DBRES(res, i, 5) ? (int)db_ll(res, i, 5) : -1;
		if (ans == db_ll(res, i, 4))
			continue;
		q = xml_add(n, "question", NULL);
		xml_prop(q, "pos", DBRES(res, i, 0));
		xml_prop(q, "type", DBRES(res, i, 1));
		xml_prop(q, "lang", DBRES(res, i, 9));
		if (DBRES(res, i, 8) != NULL)
			xml_prop(q, "reported", "yes");
		xml_add(q, "stem", DBRES(res, i, 2));
		attempt_options_xml(r->pool, q, DBRES(res, i, 3), ans,
		    (int)db_ll(res, i, 4), 1);
		xml_add(q, "explanation", DBRES(res, i, 6));
		if (DBRES(res, i, 7) != NULL)
			xml_add(q, "source", DBRES(res, i, 7));
	}
	return page_finish(r, &quiz_sheets[SHEET_QUIZ_RESULT], doc);
}

/* POST /quiz/a/:token/report: what is wrong with a question. */
int
quiz_report(struct req *r)
{
	struct attempt	 a;
	enum dberr	 e;
	int		 rc;

	if ((rc = attempt_load(r, r->args[0], 0, &a)) != 0)
		return rc;
	if (strcmp(a.status, "open") == 0)
		return 403;
	if (!r->fields[FIELD_POS].valid || !r->fields[FIELD_TEXT].valid ||
	    utf8_chars(r->fields[FIELD_TEXT].s, r->fields[FIELD_TEXT].sz) >
	    REPORT_MAX)
		return 400;
	if (r->fields[FIELD_POS].i < 1 || r->fields[FIELD_POS].i > a.total)
		return 404;
	e = db_exec(&quiz_sql[STMT_REPORT_INSERT], NULL, "sii",
	    r->fields[FIELD_TEXT].s, a.id, r->fields[FIELD_POS].i);
	if (e == DB_DUP)
		return resp_redirect(r, attempt_result_url(r, &a),
		    "reported-before");
	if (e != DB_OK)
		return db_status(e);
	return resp_redirect(r, attempt_result_url(r, &a), "reported");
}

