/*
 * rollup.c: the daily rollups (sql/020_stats.sql). stats_graded runs in
 * the transaction that grades an attempt: it records the unit and
 * department the attempt's person belongs to at that moment, then adds
 * the attempt to its day's and month's rows. `bluecode stats-rebuild
 * [FROM [TO]]` recomputes the daily rows of those days and the monthly
 * rows of their months, whole (everything by default), from the attempts
 * alone, in one transaction: the same rows as the grading made, so it
 * repairs rollups after a restore or fills them for imported data, and
 * running it twice changes nothing.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "stats/stats.h"

enum rollup_stmt {
	STMT_ATTEMPT_UNIT,
	STMT_FIRST_PASS,
	STMT_QUIZ_ADD,
	STMT_UNIT_ADD,
	STMT_ANSWER_ADD,
	STMT_DEPT_ADD,
	STMT_QUESTION_ADD,
	STMT_QUIZ_CLEAR,
	STMT_UNIT_CLEAR,
	STMT_ANSWER_CLEAR,
	STMT_DEPT_CLEAR,
	STMT_QUESTION_CLEAR,
	STMT_QUIZ_REBUILD,
	STMT_UNIT_REBUILD,
	STMT_POINTS_CLEAR,
	STMT_POINTS_REBUILD,
	STMT_ANSWER_REBUILD,
	STMT_DEPT_REBUILD,
	STMT_QUESTION_REBUILD,
	STMT_DAYS_EXIST,
	ROLLUP_STMT__MAX
};

/* The first day of an attempt's month. */
#define MONTH_OF(col)	"DATE_FORMAT(" col ", '%Y-%m-01')"

static struct stmt rollup_sql[ROLLUP_STMT__MAX] = {
	[STMT_ATTEMPT_UNIT] = { "STATS_ATTEMPT_UNIT",
	  "UPDATE attempt a LEFT JOIN unit_member m ON m.person_id = "
	  "a.person_id AND m.status = 'active' LEFT JOIN unit u ON "
	  "u.id = m.unit_id AND u.status = 'active' "
	  "SET a.unit_id = u.id, a.department_id = u.department_id "
	  "WHERE a.id = ?" },
	/* Whether the attempt is its browser's first pass of its month. */
	[STMT_FIRST_PASS] = { "STATS_FIRST_PASS",
	  "SELECT a.status = 'passed' AND NOT EXISTS (SELECT 1 FROM attempt "
	  "o WHERE o.browser = a.browser AND o.status = 'passed' AND "
	  "o.submitted_at >= " MONTH_OF("a.submitted_at") " AND "
	  "(o.submitted_at < a.submitted_at OR (o.submitted_at = "
	  "a.submitted_at AND o.id < a.id))) FROM attempt a WHERE a.id = ?" },
	[STMT_QUIZ_ADD] = { "STATS_QUIZ_ADD",
	  "INSERT INTO stat_quiz_day (day, region_id, role, method, "
	  "attempts, passes, people, questions, correct, score_sum) "
	  "SELECT DATE(submitted_at), region_id, role, method, 1, "
	  "status = 'passed', ?, total, correct, score FROM attempt "
	  "WHERE id = ? AND status IN ('passed', 'failed') "
	  "ON DUPLICATE KEY UPDATE "
	  "attempts = stat_quiz_day.attempts + 1, "
	  "passes = stat_quiz_day.passes + VALUES(passes), "
	  "people = stat_quiz_day.people + VALUES(people), "
	  "questions = stat_quiz_day.questions + VALUES(questions), "
	  "correct = stat_quiz_day.correct + VALUES(correct), "
	  "score_sum = stat_quiz_day.score_sum + VALUES(score_sum)" },
	[STMT_UNIT_ADD] = { "STATS_UNIT_ADD",
	  "INSERT INTO stat_unit_day (day, unit_id, attempts, score_sum) "
	  "SELECT DATE(submitted_at), unit_id, 1, score FROM attempt "
	  "WHERE id = ? AND unit_id IS NOT NULL AND status IN ('passed', "
	  "'failed') ON DUPLICATE KEY UPDATE "
	  "attempts = stat_unit_day.attempts + 1, "
	  "score_sum = stat_unit_day.score_sum + VALUES(score_sum)" },
	[STMT_ANSWER_ADD] = { "STATS_ANSWER_ADD",
	  "INSERT INTO stat_answer_month (month, region_id, role, method, "
	  "category, questions, correct) "
	  "SELECT " MONTH_OF("a.submitted_at") ", a.region_id, a.role, "
	  "a.method, q.category, COUNT(*), "
	  "COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0) "
	  "FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id "
	  "JOIN question q ON q.id = aq.question_id WHERE a.id = ? "
	  "GROUP BY q.category ON DUPLICATE KEY UPDATE "
	  "questions = stat_answer_month.questions + VALUES(questions), "
	  "correct = stat_answer_month.correct + VALUES(correct)" },
	[STMT_DEPT_ADD] = { "STATS_DEPT_ADD",
	  "INSERT INTO stat_answer_dept_month (month, department_id, method, "
	  "category, questions, correct) "
	  "SELECT " MONTH_OF("a.submitted_at") ", "
	  "COALESCE(a.department_id, 0), a.method, q.category, COUNT(*), "
	  "COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0) "
	  "FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id "
	  "JOIN question q ON q.id = aq.question_id WHERE a.id = ? "
	  "GROUP BY q.category ON DUPLICATE KEY UPDATE "
	  "questions = stat_answer_dept_month.questions + VALUES(questions), "
	  "correct = stat_answer_dept_month.correct + VALUES(correct)" },
	[STMT_QUESTION_ADD] = { "STATS_QUESTION_ADD",
	  "INSERT INTO stat_question_month (month, region_id, method, "
	  "question_id, served, correct) SELECT " MONTH_OF("a.submitted_at")
	  ", a.region_id, a.method, aq.question_id, COUNT(*), "
	  "COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0) "
	  "FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id "
	  "WHERE a.id = ? GROUP BY aq.question_id ON DUPLICATE KEY UPDATE "
	  "served = stat_question_month.served + VALUES(served), "
	  "correct = stat_question_month.correct + VALUES(correct)" },
	[STMT_QUIZ_CLEAR] = { "STATS_QUIZ_CLEAR",
	  "DELETE FROM stat_quiz_day WHERE day BETWEEN ? AND ?" },
	[STMT_UNIT_CLEAR] = { "STATS_UNIT_CLEAR",
	  "DELETE FROM stat_unit_day WHERE day BETWEEN ? AND ?" },
	/*
	 * The monthly rows: whole months, those of the days asked. Their
	 * rebuilds read the attempts in order and each one's answers from
	 * a covering index (STRAIGHT_JOIN: left to itself, MariaDB starts
	 * from the questions and reads every answer's whole row).
	 */
	[STMT_ANSWER_CLEAR] = { "STATS_ANSWER_CLEAR",
	  "DELETE FROM stat_answer_month WHERE month BETWEEN "
	  MONTH_OF("?") " AND " MONTH_OF("?") },
	[STMT_DEPT_CLEAR] = { "STATS_DEPT_CLEAR",
	  "DELETE FROM stat_answer_dept_month WHERE month BETWEEN "
	  MONTH_OF("?") " AND " MONTH_OF("?") },
	[STMT_QUESTION_CLEAR] = { "STATS_QUESTION_CLEAR",
	  "DELETE FROM stat_question_month WHERE month BETWEEN "
	  MONTH_OF("?") " AND " MONTH_OF("?") },
	/*
	 * A first pass is looked for from the start of the month of the
	 * first day rebuilt, so that a rebuild from the middle of a month
	 * counts as the grading did.
	 */
	[STMT_QUIZ_REBUILD] = { "STATS_QUIZ_REBUILD",
	  "INSERT INTO stat_quiz_day (day, region_id, role, method, "
	  "attempts, passes, people, questions, correct, score_sum) "
	  "SELECT DATE(submitted_at) AS d, region_id, role, method, COUNT(*), "
	  "SUM(status = 'passed'), SUM(first), SUM(total), SUM(correct), "
	  "SUM(score) FROM (SELECT a.submitted_at, a.region_id, a.role, "
	  "a.method, a.status, a.total, a.correct, a.score, "
	  "a.status = 'passed' AND ROW_NUMBER() OVER (PARTITION BY a.browser, "
	  "a.status, DATE_FORMAT(a.submitted_at, '%Y-%m') ORDER BY "
	  "a.submitted_at, a.id) = 1 AS first FROM attempt a "
	  "WHERE a.status IN ('passed', 'failed') AND a.submitted_at >= "
	  MONTH_OF("?") " AND a.submitted_at < ? + INTERVAL 1 DAY"
	  ") f WHERE DATE(submitted_at) >= ? "
	  "GROUP BY d, region_id, role, method" },
	[STMT_UNIT_REBUILD] = { "STATS_UNIT_REBUILD",
	  "INSERT INTO stat_unit_day (day, unit_id, attempts, score_sum) "
	  "SELECT DATE(submitted_at) AS d, unit_id, COUNT(*), SUM(score) "
	  "FROM attempt WHERE unit_id IS NOT NULL AND status IN ('passed', "
	  "'failed') AND submitted_at >= ? AND submitted_at < ? + INTERVAL 1 "
	  "DAY GROUP BY d, unit_id" },
	[STMT_POINTS_CLEAR] = { "STATS_POINTS_CLEAR",
	  "DELETE FROM stat_points_day WHERE day BETWEEN ? AND ?" },
	/* Points by where their earners are now (who moved, moves). */
	[STMT_POINTS_REBUILD] = { "STATS_POINTS_REBUILD",
	  "INSERT INTO stat_points_day (day, region_id, points) "
	  "SELECT d.day, COALESCE(p.region_id, 0) AS g, SUM(d.points) "
	  "FROM points_day d JOIN person p ON p.id = d.person_id "
	  "WHERE d.day BETWEEN ? AND ? GROUP BY d.day, g" },
	[STMT_ANSWER_REBUILD] = { "STATS_ANSWER_REBUILD",
	  "INSERT INTO stat_answer_month (month, region_id, role, method, "
	  "category, questions, correct) "
	  "SELECT STRAIGHT_JOIN " MONTH_OF("a.submitted_at") " AS m, "
	  "a.region_id, a.role, "
	  "a.method, q.category, "
	  "COUNT(*), COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0) "
	  "FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id "
	  "JOIN question q ON q.id = aq.question_id "
	  "WHERE a.status IN ('passed', 'failed') AND a.submitted_at >= "
	  MONTH_OF("?") " AND a.submitted_at < " MONTH_OF("?")
	  " + INTERVAL 1 MONTH "
	  "GROUP BY m, a.region_id, a.role, a.method, q.category" },
	[STMT_DEPT_REBUILD] = { "STATS_DEPT_REBUILD",
	  "INSERT INTO stat_answer_dept_month (month, department_id, method, "
	  "category, questions, correct) "
	  "SELECT STRAIGHT_JOIN " MONTH_OF("a.submitted_at") " AS m, "
	  "COALESCE(a.department_id, 0) AS dep, a.method, q.category, "
	  "COUNT(*), COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0) "
	  "FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id "
	  "JOIN question q ON q.id = aq.question_id "
	  "WHERE a.status IN ('passed', 'failed') AND a.submitted_at >= "
	  MONTH_OF("?") " AND a.submitted_at < " MONTH_OF("?")
	  " + INTERVAL 1 MONTH GROUP BY m, dep, a.method, q.category" },
	[STMT_QUESTION_REBUILD] = { "STATS_QUESTION_REBUILD",
	  "INSERT INTO stat_question_month (month, region_id, method, "
	  "question_id, served, correct) SELECT STRAIGHT_JOIN "
	  MONTH_OF("a.submitted_at")
	  " AS m, a.region_id, a.method, aq.question_id, COUNT(*), "
	  "COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0) "
	  "FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id "
	  "WHERE a.status IN ('passed', 'failed') AND a.submitted_at >= "
	  MONTH_OF("?") " AND a.submitted_at < " MONTH_OF("?")
	  " + INTERVAL 1 MONTH GROUP BY m, a.region_id, a.method, "
	  "aq.question_id" },
	[STMT_DAYS_EXIST] = { "STATS_DAYS_EXIST",
	  "SELECT CAST(? AS DATE) IS NOT NULL AND CAST(? AS DATE) IS NOT NULL" },
};

/*
 * The attempt id, just graded, into its day's rollups; in the caller's
 * transaction, after the grading's UPDATE.
 */
enum dberr
stats_graded(struct req *r, long long id)
{
	struct dbres	*res;
	enum dberr	 e;

	if ((e = db_exec(&rollup_sql[STMT_ATTEMPT_UNIT], NULL, "i", id)) !=
	    DB_OK ||
	    (e = db_query(r->pool, &rollup_sql[STMT_FIRST_PASS], &res, "i",
	    id)) != DB_OK)
		return e;
	if (res->nrows == 0)
		return DB_OK;
	if ((e = db_exec(&rollup_sql[STMT_QUIZ_ADD], NULL, "ii",
	    db_ll(res, 0, 0), id)) != DB_OK ||
	    (e = db_exec(&rollup_sql[STMT_UNIT_ADD], NULL, "i", id)) != DB_OK ||
	    (e = db_exec(&rollup_sql[STMT_ANSWER_ADD], NULL, "i", id)) != DB_OK ||
	    (e = db_exec(&rollup_sql[STMT_DEPT_ADD], NULL, "i", id)) != DB_OK)
		return e;
	return db_exec(&rollup_sql[STMT_QUESTION_ADD], NULL, "i", id);
}

/* A rebuild: every table's rows of the days cleared, then made again. */
static const enum rollup_stmt rebuild_steps[] = {
	STMT_QUIZ_CLEAR, STMT_UNIT_CLEAR, STMT_POINTS_CLEAR, STMT_ANSWER_CLEAR,
	STMT_DEPT_CLEAR, STMT_QUESTION_CLEAR, STMT_QUIZ_REBUILD,
	STMT_UNIT_REBUILD, STMT_POINTS_REBUILD, STMT_ANSWER_REBUILD,
	STMT_DEPT_REBUILD, STMT_QUESTION_REBUILD,
};

int
stats_rebuild_command(const struct conf *c, const char *from,
    const char *to)
{
	struct pool	*p;
	struct dbres	*res;
	enum dberr	 e;
	size_t		 i;

	from = from != NULL ? from : "2000-01-01";
	to = to != NULL ? to : "2999-12-31";
	if (!date_wellformed(from, strlen(from)) ||
	    !date_wellformed(to, strlen(to)) || strcmp(from, to) > 0) {
		log_warnx("stats-rebuild: days FROM TO as YYYY-MM-DD, FROM "
		    "first");
		return -1;
	}
	if ((p = pool_new(4096)) == NULL)
		return -1;
	db_configure(c);
	db_set_timeout(4 * 3600);	/* a year of a district's attempts */
	if ((e = db_query(p, &rollup_sql[STMT_DAYS_EXIST], &res, "ss", from,
	    to)) != DB_OK || db_ll(res, 0, 0) == 0) {
		if (e == DB_OK)
			log_warnx("stats-rebuild: %s or %s is no day", from, to);
		db_close();
		pool_free(p);
		return -1;
	}
	if ((e = db_begin()) == DB_OK) {
		for (i = 0; i < NELEM(rebuild_steps) && e == DB_OK; i++)
			e = rebuild_steps[i] == STMT_QUIZ_REBUILD ?
			    db_exec(&rollup_sql[rebuild_steps[i]], NULL, "sss",
			    from, to, from) : db_exec(&rollup_sql[rebuild_steps[i]],
			    NULL, "ss", from, to);
		if (e == DB_OK)
			e = stats_members_refresh_all();
		e = db_end(e);
	}
	db_close();
	pool_free(p);
	if (e != DB_OK) {
		log_warnx("stats-rebuild: not rebuilt (database)");
		return -1;
	}
	printf("statistics of %s to %s rebuilt\n", from, to);
	return 0;
}
