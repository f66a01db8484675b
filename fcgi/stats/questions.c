/*
 * questions.c: the questions as the attempts answered them, for offices
 * (what to teach: the questions most missed in an area over some months,
 * located attempts only) and for the bank's editors (a question's item
 * statistics: how often it was served and answered right, how often
 * each option was chosen, the reports received about it).
 *
 * /admin/stats/questions?from=&to=&region=: most missed first;
 * /admin/stats/questions/:id: one question. A street admin sees its own
 * street or town's answers only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "stats/stats.h"
#include "stats/local.h"

#define PICKS_MAX	20000	/* latest answers counted: STMT_ANSWERS' LIMIT */

enum questions_stmt {
	STMT_MISSED,
	STMT_QUESTION,
	STMT_OPTIONS,
	STMT_SERVED,
	STMT_ANSWERS,
	STMT_REPORTS,
	QUESTIONS_STMT__MAX
};

static struct stmt questions_sql[QUESTIONS_STMT__MAX] = {
	[STMT_MISSED] = { "STATS_MISSED",
	  "SELECT s.question_id, q.ref, q.type, q.category, q.stem, "
	  "SUM(s.served), SUM(s.correct) FROM stat_question_month s "
	  "JOIN question q ON q.id = s.question_id "
	  "WHERE s.method = 'gps' AND s.month BETWEEN ? AND ? "
	  "AND (? = 0 OR s.region_id = ?) "
	  "GROUP BY s.question_id, q.ref, q.type, q.category, q.stem "
	  "ORDER BY SUM(s.correct) / SUM(s.served), SUM(s.served) DESC, "
	  "s.question_id LIMIT 30" },
	[STMT_QUESTION] = { "STATS_QUESTION",
	  "SELECT q.id, q.ref, q.type, q.category, q.stem, q.explanation, "
	  "b.version FROM question q JOIN bank b ON b.id = q.bank_id "
	  "WHERE q.id = ?" },
	[STMT_OPTIONS] = { "STATS_OPTIONS",
	  "SELECT opt_key, text, correct, text_en FROM question_option "
	  "WHERE question_id = ? ORDER BY opt_key" },
	[STMT_SERVED] = { "STATS_SERVED",
	  "SELECT COALESCE(SUM(served), 0), COALESCE(SUM(correct), 0), "
	  "COALESCE(SUM(IF(method = 'gps', served, 0)), 0), "
	  "COALESCE(SUM(IF(method = 'gps', correct, 0)), 0) "
	  "FROM stat_question_month WHERE question_id = ? "
	  "AND (? = 0 OR region_id = ?)" },
	/* The latest answers: the options as shown, and those chosen. */
	[STMT_ANSWERS] = { "STATS_ANSWERS",
	  "SELECT aq.options, aq.answer_mask FROM attempt_question aq "
	  "JOIN attempt a ON a.id = aq.attempt_id WHERE aq.question_id = ? "
	  "AND a.status IN ('passed', 'failed') AND (? = 0 OR a.region_id = ?) "
	  "ORDER BY aq.attempt_id DESC LIMIT 20000" },
	[STMT_REPORTS] = { "STATS_REPORTS",
	  "SELECT COUNT(*) OVER (), DATE(r.created_at), r.text, "
	  "r.resolved_at IS NOT NULL FROM question_report r "
	  "JOIN attempt a ON a.id = r.attempt_id WHERE r.question_id = ? "
	  "AND (? = 0 OR a.region_id = ?) ORDER BY r.id DESC LIMIT 20" },
};

/* A share in percent with one decimal, or NULL of nothing. */
static char *
share(struct pool *p, long long part, long long whole)
{
	return whole > 0 ? pool_printf(p, "%.1f", 100.0 * (double)part /
	    (double)whole) : NULL;
}

/*
 * <missed from to>: the questions most missed over the months from to to
 * (YYYY-MM), located attempts only.
 */
int
stats_missed_xml(struct req *r, xmlNodePtr root, const char *from,
    const char *to, long long only)
{
	struct dbres	*res;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &questions_sql[STMT_MISSED], &res, "ssii",
	    pool_printf(r->pool, "%.7s-01", from), pool_printf(r->pool,
	    "%.7s-01", to), only, only)) != DB_OK)
		return db_status(e);
	list = xml_add(root, "missed", NULL);
	xml_prop(list, "from", from);
	xml_prop(list, "to", to);
	xml_propll(list, "only", only);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "question", NULL);
		xml_row(n, res, i, "id ref type category - served correct");
		xml_prop(n, "rate", share(r->pool, db_ll(res, i, 6),
		    db_ll(res, i, 5)));
		xml_add(n, "stem", DBRES(res, i, 4));
	}
	return 0;
}

/* Whether t (NULL: none) is the len bytes at s. */
static int
same(const char *t, const char *s, size_t len)
{
	return t != NULL && strlen(t) == len && memcmp(t, s, len) == 0;
}

/*
 * Count the options chosen in the answers: each answer's options as
 * shown (separated by U+001F) and the mask of those chosen, matched to
 * the question's options by their text (Chinese or English, as the
 * attempt served it). picks[k] for option k, and the answers left blank.
 */
static void
count_picks(const struct dbres *ans, const struct dbres *opts,
    long long *picks, long long *blank)
{
	const char	*s, *end;
	size_t		 i, k, len;
	long long	 mask;
	int		 pos;

	for (i = 0; i < ans->nrows; i++) {
		if (DBRES(ans, i, 1) == NULL || (mask = db_ll(ans, i, 1)) == 0) {
			(*blank)++;
			continue;
		}
		for (s = DBRES(ans, i, 0), pos = 0; s != NULL; pos++) {
			end = strstr(s, "\x1f");
			len = end != NULL ? (size_t)(end - s) : strlen(s);
			if (mask & (1LL << pos))
				for (k = 0; k < opts->nrows; k++)
					if (same(DBRES(opts, k, 1), s, len) ||
					    same(DBRES(opts, k, 3), s, len)) {
						picks[k]++;
						break;
					}
			s = end != NULL ? end + 1 : NULL;
		}
	}
}

/* <item>: one question's item statistics; 404 when there is none. */
int
stats_item_xml(struct req *r, xmlNodePtr root, long long id,
    long long only)
{
	struct dbres	*q, *opts, *served, *ans, *rep;
	xmlNodePtr	 it, n;
	long long	*picks, blank = 0;
	enum dberr	 e;
	size_t		 k;

	if ((e = db_query(r->pool, &questions_sql[STMT_QUESTION], &q, "i",
	    id)) != DB_OK)
		return db_status(e);
	if (q->nrows == 0)
		return 404;
	if ((e = db_query(r->pool, &questions_sql[STMT_OPTIONS], &opts, "i",
	    id)) != DB_OK ||
	    (e = db_query(r->pool, &questions_sql[STMT_SERVED], &served, "iii",
	    id, only, only)) != DB_OK ||
	    (e = db_query(r->pool, &questions_sql[STMT_ANSWERS], &ans, "iii",
	    id, only, only)) != DB_OK ||
	    (e = db_query(r->pool, &questions_sql[STMT_REPORTS], &rep, "iii",
	    id, only, only)) != DB_OK)
		return db_status(e);
	if ((picks = pool_calloc(r->pool, opts->nrows + 1, sizeof(*picks))) ==
	    NULL)
		return 500;
	count_picks(ans, opts, picks, &blank);
	it = xml_add(root, "item", NULL);
	xml_row(it, q, 0, "id ref type category - - version");
	xml_propll(it, "only", only);
	xml_add(it, "stem", DBRES(q, 0, 4));
	xml_add(it, "explanation", DBRES(q, 0, 5));
	xml_row(it, served, 0, "served correct gps-served gps-correct");
	xml_prop(it, "rate", share(r->pool, db_ll(served, 0, 1),
	    db_ll(served, 0, 0)));
	xml_prop(it, "gps-rate", share(r->pool, db_ll(served, 0, 3),
	    db_ll(served, 0, 2)));
	xml_propll(it, "answers", (long long)ans->nrows);
	xml_propll(it, "blank", blank);
	xml_propll(it, "picks-max", PICKS_MAX);
	for (k = 0; k < opts->nrows; k++) {
		n = xml_add(it, "option", DBRES(opts, k, 1));
		xml_prop(n, "key", DBRES(opts, k, 0));
		xml_prop(n, "correct", DBRES(opts, k, 2));
		xml_propll(n, "picks", picks[k]);
		xml_prop(n, "share", share(r->pool, picks[k],
		    (long long)ans->nrows));
	}
	n = xml_add(it, "reports", NULL);
	xml_prop(n, "count", rep->nrows > 0 ? DBRES(rep, 0, 0) : "0");
	for (k = 0; k < rep->nrows; k++) {
		xml_row(xml_add(n, "report", DBRES(rep, k, 2)), rep, k,
		    "- day - resolved");
	}
	return 0;
}
