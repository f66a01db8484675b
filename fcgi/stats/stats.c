/*
 * stats.c: the offices' figures, read from the daily rollups (rollup.c),
 * never from the attempts themselves:
 *
 * - /admin/stats?month=YYYY-MM: each street and town against its
 *   monthly target (1% of its resident population): the passes counted
 *   (located by the browser, one a phone a month), those of a manual
 *   choice beside them and never counted, completion and a state (met,
 *   on track for the days gone, behind), the twelve months to it, and a
 *   map coloured by completion; as CSV too.
 * - /admin/stats/awareness?from=YYYY-MM&to=YYYY-MM: the awareness rate
 *   (知晓率), the share of questions answered right, by street and town,
 *   role, question category and department, over the months chosen
 *   (located attempts only, as every assessment).
 *
 * A district admin sees every area; a street admin the figures of its
 * own street or town. A unit's page (/admin/stats/units/:id) is for the
 * admins whose scope covers the unit: the district, its department, its
 * street or town, and a unit admin of that unit (its only page here).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/scope.h"
#include "shared/jurisdiction.h"
#include "shared/map.h"
#include "stats/stats.h"
#include "stats/local.h"

#define HISTORY_MONTHS	12

static int	 stats_targets(struct req *);
static int	 stats_targets_csv(struct req *);
static int	 stats_awareness(struct req *);
static int	 stats_units(struct req *);
static int	 stats_questions(struct req *);
static int	 stats_unit(struct req *);
static int	 stats_growth(struct req *);
static int	 dept_awareness_xml(struct req *, xmlNodePtr, const char *,
		    const char *, long long);
static int	 stats_question(struct req *);
static int	 valid_month(struct fval *);
static int	 valid_when(struct fval *);
static int	 valid_map(struct fval *);

static const struct route stats_routes[] = {
	/* STATS_TARGETS: the month's figures against the targets */
	{ METHOD_GET, "/admin/stats", stats_targets, RF_ADMIN },
	/* STATS_TARGETS_CSV: the same as CSV */
	{ METHOD_GET, "/admin/stats/targets.csv", stats_targets_csv,
	  RF_ADMIN },
	/* STATS_AWARENESS: awareness rates over some days */
	{ METHOD_GET, "/admin/stats/awareness", stats_awareness, RF_ADMIN },
	/* STATS_UNITS: departments and key units ranked */
	{ METHOD_GET, "/admin/stats/units", stats_units, RF_ADMIN },
	/* STATS_GROWTH: growth between two days */
	{ METHOD_GET, "/admin/stats/growth", stats_growth, RF_ADMIN },
	/* STATS_UNIT: one unit's learning day by day */
	{ METHOD_GET, "/admin/stats/units/:id", stats_unit, RF_ADMIN },
	/* STATS_QUESTIONS: the questions most missed */
	{ METHOD_GET, "/admin/stats/questions", stats_questions, RF_ADMIN },
	/* STATS_QUESTION: one question's item statistics */
	{ METHOD_GET, "/admin/stats/questions/:id", stats_question,
	  RF_ADMIN },
};

enum stats_field {
	FIELD_MONTH,
	FIELD_FROM,
	FIELD_TO,
	FIELD_SORT,
	FIELD_MAP,
	STATS_FIELD__MAX
};

static const struct field stats_fields[STATS_FIELD__MAX] = {
	{ "month", valid_month, 7, 0 },		/* FIELD_MONTH: YYYY-MM */
	{ "from", valid_when, 10, 0 },		/* FIELD_FROM: a day or month */
	{ "to", valid_when, 10, 0 },		/* FIELD_TO */
	{ "sort", stats_valid_sort, 16, 0 },	/* FIELD_SORT */
	{ "map", valid_map, 16, 0 },		/* FIELD_MAP: what colours it */
};

enum stats_sheet {
	SHEET_TARGETS,
	SHEET_TARGETS_CSV,
	SHEET_AWARENESS,
	SHEET_UNITS,
	SHEET_QUESTIONS,
	SHEET_QUESTION,
	SHEET_UNIT,
	SHEET_GROWTH,
	STATS_SHEET__MAX
};

static struct sheet stats_sheets[STATS_SHEET__MAX] = {
	{ "stats-targets.xsl", 1, { NULL } },	/* SHEET_TARGETS */
	{ "stats-targets-csv.xsl", 1, { NULL } },	/* SHEET_TARGETS_CSV */
	{ "stats-awareness.xsl", 1, { NULL } },	/* SHEET_AWARENESS */
	{ "stats-units.xsl", 1, { NULL } },		/* SHEET_UNITS */
	{ "stats-questions.xsl", 1, { NULL } },	/* SHEET_QUESTIONS */
	{ "stats-question.xsl", 1, { NULL } },	/* SHEET_QUESTION */
	{ "stats-unit.xsl", 1, { NULL } },		/* SHEET_UNIT */
	{ "stats-growth.xsl", 1, { NULL } },	/* SHEET_GROWTH */
};

enum stats_stmt {
	STMT_TODAY,
	STMT_MONTH_DAYS,
	STMT_MONTH_COUNTS,
	STMT_HISTORY,
	STMT_AWARE_REGION,
	STMT_AWARE_ROLE,
	STMT_AWARE_CATEGORY,
	STMT_AWARE_DEPARTMENT,
	STMT_AWARE_EXCLUDED,
	STMT_AWARE_DEPT_CATEGORY,
	STMT_UNIT,
	STMT_UNIT_MEMBERS,
	STATS_STMT__MAX
};

static struct stmt stats_sql[STATS_STMT__MAX] = {
	[STMT_TODAY] = { "STATS_TODAY",
	  "SELECT CURDATE(), DATE_FORMAT(CURDATE(), '%Y-%m'), "
	  "DATE_FORMAT(CURDATE(), '%Y-01-01'), DATE_FORMAT(CURDATE(), "
	  "'%Y-01')" },
	/* The days of the month of a first day, and the days gone today. */
	[STMT_MONTH_DAYS] = { "STATS_MONTH_DAYS",
	  "SELECT DAY(LAST_DAY(?)), LEAST(GREATEST(DATEDIFF(COALESCE(?, "
	  "CURDATE()), ?) + 1, 0), DAY(LAST_DAY(?)))" },
	[STMT_MONTH_COUNTS] = { "STATS_MONTH_COUNTS",
	  "SELECT region_id, SUM(IF(method = 'gps', people, 0)), "
	  "SUM(IF(method = 'manual', people, 0)), "
	  "SUM(IF(method = 'gps', passes, 0)), SUM(attempts) "
	  "FROM stat_quiz_day WHERE day >= ? AND day < ? + INTERVAL 1 MONTH "
	  "AND day <= COALESCE(?, day) GROUP BY region_id" },
	[STMT_HISTORY] = { "STATS_HISTORY",
	  "SELECT region_id, DATE_FORMAT(day, '%Y-%m'), SUM(people) "
	  "FROM stat_quiz_day WHERE method = 'gps' AND "
	  "day >= ? - INTERVAL 11 MONTH AND day < ? + INTERVAL 1 MONTH "
	  "GROUP BY region_id, DATE_FORMAT(day, '%Y-%m')" },
	[STMT_AWARE_REGION] = { "STATS_AWARE_REGION",
	  "SELECT s.region_id, SUM(s.questions), SUM(s.correct) "
	  "FROM stat_answer_month s WHERE s.method = 'gps' AND "
	  "s.month BETWEEN ? AND ? AND (? = 0 OR s.region_id = ?) "
	  "GROUP BY s.region_id" },
	[STMT_AWARE_ROLE] = { "STATS_AWARE_ROLE",
	  "SELECT s.role, r.name, SUM(s.questions), SUM(s.correct) "
	  "FROM stat_answer_month s JOIN role r ON r.code = s.role "
	  "WHERE s.method = 'gps' AND s.month BETWEEN ? AND ? AND "
	  "(? = 0 OR s.region_id = ?) GROUP BY s.role, r.name, r.sort "
	  "ORDER BY r.sort" },
	[STMT_AWARE_CATEGORY] = { "STATS_AWARE_CATEGORY",
	  "SELECT s.category, SUM(s.questions), SUM(s.correct) "
	  "FROM stat_answer_month s WHERE s.method = 'gps' AND "
	  "s.month BETWEEN ? AND ? AND (? = 0 OR s.region_id = ?) "
	  "GROUP BY s.category ORDER BY SUM(s.correct) / SUM(s.questions)" },
	/* Departments are the district's: not for a street admin. */
	[STMT_AWARE_DEPARTMENT] = { "STATS_AWARE_DEPARTMENT",
	  "SELECT s.department_id, d.name, SUM(s.questions), SUM(s.correct) "
	  "FROM stat_answer_dept_month s LEFT JOIN department d ON "
	  "d.id = s.department_id WHERE s.method = 'gps' AND "
	  "s.month BETWEEN ? AND ? AND ? = 0 AND ? = 0 "
	  "GROUP BY s.department_id, d.name, d.sort "
	  "ORDER BY s.department_id = 0, d.sort" },
	[STMT_AWARE_DEPT_CATEGORY] = { "STATS_AWARE_DEPT_CATEGORY",
	  "SELECT category, SUM(questions), SUM(correct) "
	  "FROM stat_answer_dept_month WHERE method = 'gps' AND "
	  "month BETWEEN ? AND ? AND department_id = ? "
	  "GROUP BY category ORDER BY SUM(correct) / SUM(questions)" },
	[STMT_UNIT] = { "STATS_UNIT",
	  "SELECT u.id, u.name, u.is_key, u.status, u.headcount, d.name, "
	  "g.name, u.department_id, u.region_id FROM unit u "
	  "JOIN region g ON g.id = u.region_id LEFT JOIN department d ON "
	  "d.id = u.department_id WHERE u.id = ? AND u.jurisdiction_id = ?" },
	/* Its members: approved, waiting, holding a valid code; points. */
	[STMT_UNIT_MEMBERS] = { "STATS_UNIT_MEMBERS_ONE",
	  "SELECT COALESCE(SUM(status = 'active'), 0), "
	  "COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = "
	  "'active' AND code_until >= CURDATE()), 0), "
	  "COALESCE(SUM(IF(status = 'active', points, 0)), 0) "
	  "FROM unit_member WHERE unit_id = ?" },
	[STMT_AWARE_EXCLUDED] = { "STATS_AWARE_EXCLUDED",
	  "SELECT COALESCE(SUM(attempts), 0) FROM stat_quiz_day "
	  "WHERE method = 'manual' AND day >= ? AND "
	  "day < ? + INTERVAL 1 MONTH AND (? = 0 OR region_id = ?)" },
};

const struct module stats_module = {
	.name = "stats",
	.routes = stats_routes,
	.nroutes = NELEM(stats_routes),
	.fields = stats_fields,
	.nfields = STATS_FIELD__MAX,
	.sheets = stats_sheets,
	.nsheets = STATS_SHEET__MAX,
};

static int
digits(const char *s, size_t n)
{
	return strspn(s, "0123456789") >= n;
}

/* YYYY-MM, a month of the years the platform can have seen. */
static int
valid_month(struct fval *f)
{
	int	 m;

	if (f->sz != 7 || !digits(f->s, 4) || f->s[4] != '-' ||
	    !digits(f->s + 5, 2))
		return 0;
	m = atoi(f->s + 5);
	return m >= 1 && m <= 12 && strncmp(f->s, "2000", 4) >= 0 &&
	    strncmp(f->s, "2999", 4) <= 0;
}

static int
valid_map(struct fval *f)
{
	return strcmp(f->s, "target") == 0 || strcmp(f->s, "awareness") == 0;
}

/*
 * A day YYYY-MM-DD (whether it exists, MariaDB says: NULL dates) or a
 * month YYYY-MM; the page asking says which it takes.
 */
static int
valid_when(struct fval *f)
{
	return f->sz == 7 ? valid_month(f) : date_wellformed(f->s, f->sz);
}

/* The month m months after "YYYY-MM" (m may be negative), as YYYY-MM. */
static char *
month_add(struct pool *p, const char *ym, int m)
{
	int	 y = atoi(ym), mo = atoi(ym + 5) - 1 + m;

	y += mo >= 0 ? mo / 12 : -((11 - mo) / 12);
	mo = ((mo % 12) + 12) % 12;
	return pool_printf(p, "%04d-%02d", y, mo + 1);
}

/* The state of a count against a target with share of the month gone. */
static const char *
target_state(long long counted, long long target, long long gone,
    long long days)
{
	if (target <= 0)
		return "none";
	if (counted >= target)
		return "met";
	if (gone < days && counted * days >= target * gone)
		return "on-track";
	return "behind";
}

/* A share as a percentage with one decimal, or NULL when of nothing. */
static char *
percent(struct pool *p, long long part, long long whole)
{
	if (whole <= 0)
		return NULL;
	return pool_printf(p, "%.1f", (double)part * 100 / (double)whole);
}

/*
 * The month ("YYYY-MM", not one to come) of month=, this one by
 * default; NULL with *rc set (400 or 404) when there is none.
 */
static const char *
month_asked(struct req *r, int *rc)
{
	const struct fval	*mf = &r->fields[FIELD_MONTH];
	struct dbres		*today;
	enum dberr		 e;

	if ((e = db_query(r->pool, &stats_sql[STMT_TODAY], &today, "")) !=
	    DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	*rc = 400;
	if (mf->present && !mf->valid)
		return NULL;
	*rc = 404;
	if (mf->valid && strcmp(mf->s, DBRES(today, 0, 1)) > 0)
		return NULL;			/* a month still to come */
	return mf->valid ? mf->s : DBRES(today, 0, 1);
}

/*
 * The figures of month ("YYYY-MM") up to the day upto (NULL: today) as
 * <stats>: every street and town (or only the one given) with target,
 * counts, completion, state and history; the total.
 */
int
stats_targets_xml(struct req *r, xmlNodePtr root, long long only,
    const char *month, const char *upto)
{
	struct dbres		*today, *days, *regions, *counts, *hist, *aw;
	xmlNodePtr		 st, n, h, ms;
	const char		*first, *mon;
	long long		 target, counted, gone, ndays, id;
	long long		 tt = 0, tc = 0, tm = 0, tp = 0, ta = 0;
	enum dberr		 e;
	size_t			 i, k;
	int			 m;

	if ((e = db_query(r->pool, &stats_sql[STMT_TODAY], &today, "")) !=
	    DB_OK)
		return db_status(e);
	first = pool_printf(r->pool, "%s-01", month);
	if ((e = db_query(r->pool, &stats_sql[STMT_MONTH_DAYS], &days, "ssss",
	    first, upto, first, first)) != DB_OK ||
	    (e = region_list(r, &regions)) != DB_OK ||
	    (e = db_query(r->pool, &stats_sql[STMT_MONTH_COUNTS], &counts,
	    "sss", first, first, upto)) != DB_OK ||
	    (e = db_query(r->pool, &stats_sql[STMT_HISTORY], &hist, "ss",
	    first, first)) != DB_OK ||
	    (e = db_query(r->pool, &stats_sql[STMT_AWARE_REGION], &aw, "ssii",
	    first, first, only, only)) != DB_OK)
		return db_status(e);
	ndays = db_ll(days, 0, 0);
	gone = db_ll(days, 0, 1);
	st = xml_add(root, "stats", NULL);
	xml_prop(st, "month", month);
	xml_prop(st, "upto", upto);
	xml_prop(st, "this-month", DBRES(today, 0, 1));
	xml_prop(st, "previous", month_add(r->pool, month, -1));
	if (strcmp(month, DBRES(today, 0, 1)) < 0)
		xml_prop(st, "next", month_add(r->pool, month, 1));
	xml_propll(st, "days", ndays);
	xml_propll(st, "gone", gone);
	xml_propll(st, "only", only);
	ms = xml_add(st, "months", NULL);
	for (m = HISTORY_MONTHS - 1; m >= 0; m--)
		xml_add(ms, "m", month_add(r->pool, month, -m));
	for (i = 0; i < regions->nrows; i++) {
		id = db_ll(regions, i, 0);
		if (only != 0 && id != only)
			continue;
		target = db_ll(regions, i, 5);
		counted = 0;
		n = xml_add(st, "region", NULL);
		xml_row(n, regions, i, "id code name kind population target");
		for (k = 0; k < counts->nrows; k++)
			if (db_ll(counts, k, 0) == id) {
				xml_row(n, counts, k,
				    "- - manual passes attempts");
				counted = db_ll(counts, k, 1);
				tm += db_ll(counts, k, 2);
				tp += db_ll(counts, k, 3);
				ta += db_ll(counts, k, 4);
				break;
			}
		xml_propll(n, "counted", counted);
		xml_prop(n, "completion", percent(r->pool, counted, target));
		xml_prop(n, "state", target_state(counted, target, gone,
		    ndays));
		for (k = 0; k < aw->nrows; k++)
			if (db_ll(aw, k, 0) == id)
				xml_prop(n, "awareness", percent(r->pool,
				    db_ll(aw, k, 2), db_ll(aw, k, 1)));
		tt += target;
		tc += counted;
		for (m = HISTORY_MONTHS - 1; m >= 0; m--) {
			mon = month_add(r->pool, month, -m);
			h = xml_add(n, "month", NULL);
			xml_prop(h, "m", mon);
			counted = 0;
			for (k = 0; k < hist->nrows; k++)
				if (db_ll(hist, k, 0) == id &&
				    strcmp(DBRES(hist, k, 1), mon) == 0)
					counted = db_ll(hist, k, 2);
			xml_propll(h, "counted", counted);
			xml_prop(h, "completion", percent(r->pool, counted,
			    target));
		}
	}
	n = xml_add(st, "total", NULL);
	xml_propll(n, "target", tt);
	xml_propll(n, "counted", tc);
	xml_propll(n, "manual", tm);
	xml_propll(n, "passes", tp);
	xml_propll(n, "attempts", ta);
	xml_prop(n, "completion", percent(r->pool, tc, tt));
	xml_prop(n, "state", target_state(tc, tt, gone, ndays));
	return 0;
}

/* GET /admin/stats?month=YYYY-MM */
static int
stats_targets(struct req *r)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	const char	*month;
	long long	 only;
	int		 rc;

	if ((only = admin_street(r)) == -1)
		return 403;
	if ((month = month_asked(r, &rc)) == NULL)
		return rc;
	if ((doc = xml_page(r, "stats-targets")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = stats_targets_xml(r, root, only, month, NULL)) != 0 ||
	    (rc = map_xml(r, root)) != 0)
		return rc;
	/* What colours the map: the targets, or the awareness rates. */
	xml_prop(root, "map-colour", r->fields[FIELD_MAP].valid ?
	    r->fields[FIELD_MAP].s : "target");
	return page_finish(r, &stats_sheets[SHEET_TARGETS], doc);
}

/* GET /admin/stats/targets.csv?month=YYYY-MM: UTF-8 with a BOM. */
static int
stats_targets_csv(struct req *r)
{
	xmlDocPtr	 doc;
	const char	*month;
	long long	 only;
	int		 rc;

	if ((only = admin_street(r)) == -1)
		return 403;
	if ((month = month_asked(r, &rc)) == NULL)
		return rc;
	if ((doc = xml_page(r, "stats-targets")) == NULL)
		return 500;
	if ((rc = stats_targets_xml(r, xmlDocGetRootElement(doc), only, month,
	    NULL)) != 0)
		return rc;
	return page_csv(r, &stats_sheets[SHEET_TARGETS_CSV], doc,
	    pool_printf(r->pool, "targets-%s.csv", month));
}

/* Rows of (key, name, questions, correct) as <el key name … rate>. */
static void
rates_xml(struct req *r, xmlNodePtr into, const char *el,
    const struct dbres *res, const char *names)
{
	xmlNodePtr	 n;
	size_t		 i, qc = res->ncols - 2;

	for (i = 0; i < res->nrows; i++) {
		n = xml_add(into, el, NULL);
		xml_row(n, res, i, names);
		xml_prop(n, "rate", percent(r->pool, db_ll(res, i, qc + 1),
		    db_ll(res, i, qc)));
	}
}

/*
 * The days (YYYY-MM-DD) or months (YYYY-MM) of from= and to=, this year
 * so far by default, into *from and *to; 0, or 400 for ones malformed,
 * of the other kind or the wrong way round.
 */
static int
period(struct req *r, int months, const char **from, const char **to)
{
	const struct fval	*f = &r->fields[FIELD_FROM];
	const struct fval	*t = &r->fields[FIELD_TO];
	struct dbres		*today;
	size_t			 len = months ? 7 : 10;
	enum dberr		 e;

	if ((f->present && f->sz > 0 && (!f->valid || f->sz != len)) ||
	    (t->present && t->sz > 0 && (!t->valid || t->sz != len)))
		return 400;
	if ((e = db_query(r->pool, &stats_sql[STMT_TODAY], &today, "")) !=
	    DB_OK)
		return db_status(e);
	*from = f->valid ? f->s : DBRES(today, 0, months ? 3 : 2);
	*to = t->valid ? t->s : DBRES(today, 0, months ? 1 : 0);
	return strcmp(*from, *to) > 0 ? 400 : 0;
}

/*
 * GET /admin/stats/units?sort=…&from=&to=: departments and key units
 * ranked (units.c).
 */
static int
stats_units(struct req *r)
{
	const char	*from, *to, *sort;
	xmlDocPtr	 doc;
	long long	 dept, region;
	int		 rc;

	dept = region = 0;
	if (!admin_district(r) && (dept = admin_department(r)) <= 0 &&
	    (region = admin_street(r)) <= 0)
		return 403;
	if (dept < 0)
		dept = 0;
	if ((rc = period(r, 0, &from, &to)) != 0)
		return rc;
	sort = r->fields[FIELD_SORT].valid ? r->fields[FIELD_SORT].s : "rate";
	if ((doc = xml_page(r, "stats-units")) == NULL)
		return 500;
	if ((rc = stats_units_xml(r, xmlDocGetRootElement(doc), sort, from,
	    to, dept, region, NULL)) != 0)
		return rc;
	return page_finish(r, &stats_sheets[SHEET_UNITS], doc);
}

/*
 * The awareness rates of the months from to to (YYYY-MM; of one street
 * or town, or all: only 0) as <awareness>: by street and town, role,
 * category and department, and the manual attempts left out.
 */
int
stats_awareness_xml(struct req *r, xmlNodePtr root, const char *fromm,
    const char *tom, long long only)
{
	struct dbres		*regions, *res;
	xmlNodePtr		 aw, n;
	const char		*from, *to;
	long long		 q = 0, c = 0;
	enum dberr		 e;
	size_t			 i, k;

	/* The months' first days, as the rollup keeps them. */
	from = pool_printf(r->pool, "%.7s-01", fromm);
	to = pool_printf(r->pool, "%.7s-01", tom);
	aw = xml_add(root, "awareness", NULL);
	xml_prop(aw, "from", fromm);
	xml_prop(aw, "to", tom);
	xml_propll(aw, "only", only);
	if ((e = region_list(r, &regions)) != DB_OK ||
	    (e = db_query(r->pool, &stats_sql[STMT_AWARE_REGION], &res,
	    "ssii", from, to, only, only)) != DB_OK)
		return db_status(e);
	for (i = 0; i < regions->nrows; i++) {
		if (only != 0 && db_ll(regions, i, 0) != only)
			continue;
		n = xml_add(aw, "region", NULL);
		xml_row(n, regions, i, "id - name");
		for (k = 0; k < res->nrows; k++)
			if (db_ll(res, k, 0) == db_ll(regions, i, 0)) {
				xml_row(n, res, k, "- questions correct");
				xml_prop(n, "rate", percent(r->pool,
				    db_ll(res, k, 2), db_ll(res, k, 1)));
				q += db_ll(res, k, 1);
				c += db_ll(res, k, 2);
			}
	}
	n = xml_add(aw, "total", NULL);
	xml_propll(n, "questions", q);
	xml_propll(n, "correct", c);
	xml_prop(n, "rate", percent(r->pool, c, q));
	if ((e = db_query(r->pool, &stats_sql[STMT_AWARE_ROLE], &res, "ssii",
	    from, to, only, only)) != DB_OK)
		return db_status(e);
	rates_xml(r, aw, "role", res, "code name questions correct");
	if ((e = db_query(r->pool, &stats_sql[STMT_AWARE_CATEGORY], &res,
	    "ssii", from, to, only, only)) != DB_OK)
		return db_status(e);
	rates_xml(r, aw, "category", res, "code questions correct");
	if ((e = db_query(r->pool, &stats_sql[STMT_AWARE_DEPARTMENT], &res,
	    "ssii", from, to, only, only)) != DB_OK)
		return db_status(e);
	rates_xml(r, aw, "department", res, "id name questions correct");
	if ((e = db_query(r->pool, &stats_sql[STMT_AWARE_EXCLUDED], &res,
	    "ssii", from, to, only, only)) != DB_OK)
		return db_status(e);
	xml_prop(aw, "manual-attempts", DBRES(res, 0, 0));
	return 0;
}

/*
 * GET /admin/stats/units/:id: a unit's learning day by day, for the
 * admins whose scope covers it (another's is not found).
 */
static int
stats_unit(struct req *r)
{
	struct dbres	*u, *m;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	long long	 id, dept, street, unit;
	enum dberr	 e;
	int		 rc;

	dept = admin_department(r);
	street = admin_street(r);
	unit = admin_unit(r);
	if (dept < 0 && street < 0 && unit < 0)
		return 403;
	if ((u = jur_row(r, &stats_sql[STMT_UNIT], r->args[0], &rc)) == NULL)
		return rc;
	id = db_ll(u, 0, 0);
	if ((dept > 0 && db_ll(u, 0, 7) != dept) ||
	    (street > 0 && db_ll(u, 0, 8) != street) ||
	    (unit > 0 && id != unit))
		return 404;
	if ((e = db_query(r->pool, &stats_sql[STMT_UNIT_MEMBERS], &m, "i",
	    id)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "stats-unit")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "unit", NULL);
	xml_row(n, u, 0, "id name key status headcount department region");
	xml_row(n, m, 0, "registered pending valid points");
	if ((rc = stats_unit_daily_xml(r, root, id, STATS_DAILY_DAYS)) != 0)
		return rc;
	return page_finish(r, &stats_sheets[SHEET_UNIT], doc);
}

/*
 * GET /admin/stats/growth?from=&to=: the growth from the end of one day
 * to the end of another (the start of this year to today by default).
 * District admins: its figures are the whole jurisdiction's.
 */
static int
stats_growth(struct req *r)
{
	xmlDocPtr	 doc;
	const char	*from, *to;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((rc = period(r, 0, &from, &to)) != 0)
		return rc;
	if ((doc = xml_page(r, "stats-growth")) == NULL)
		return 500;
	if ((rc = stats_growth_xml(r, xmlDocGetRootElement(doc), from, to)) !=
	    0)
		return rc;
	return page_finish(r, &stats_sheets[SHEET_GROWTH], doc);
}

/* GET /admin/stats/questions?from=&to=: this year so far by default. */
static int
stats_questions(struct req *r)
{
	xmlDocPtr	 doc;
	const char	*from, *to;
	long long	 only;
	int		 rc;

	if ((only = admin_street(r)) == -1)
		return 403;
	if ((rc = period(r, 1, &from, &to)) != 0)
		return rc;
	if ((doc = xml_page(r, "stats-questions")) == NULL)
		return 500;
	if ((rc = stats_missed_xml(r, xmlDocGetRootElement(doc), from, to,
	    only)) != 0)
		return rc;
	return page_finish(r, &stats_sheets[SHEET_QUESTIONS], doc);
}

/* GET /admin/stats/questions/:id */
static int
stats_question(struct req *r)
{
	xmlDocPtr	 doc;
	long long	 only, id;
	int		 rc;

	if ((only = admin_street(r)) == -1)
		return 403;
	if ((id = path_id(r->args[0])) == 0)
		return 404;
	if ((doc = xml_page(r, "stats-question")) == NULL)
		return 500;
	if ((rc = stats_item_xml(r, xmlDocGetRootElement(doc), id, only)) !=
	    0)
		return rc;
	return page_finish(r, &stats_sheets[SHEET_QUESTION], doc);
}

/*
 * A department admin's awareness rates: its department's, in total and
 * by question category, over the months from to to (YYYY-MM).
 */
static int
dept_awareness_xml(struct req *r, xmlNodePtr root, const char *from,
    const char *to, long long dept)
{
	struct dbres	*res;
	xmlNodePtr	 aw, n;
	long long	 q = 0, c = 0;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &stats_sql[STMT_AWARE_DEPT_CATEGORY], &res,
	    "ssi", pool_printf(r->pool, "%.7s-01", from), pool_printf(r->pool,
	    "%.7s-01", to), dept)) != DB_OK)
		return db_status(e);
	aw = xml_add(root, "awareness", NULL);
	xml_prop(aw, "from", from);
	xml_prop(aw, "to", to);
	xml_propll(aw, "department", dept);
	rates_xml(r, aw, "category", res, "code questions correct");
	for (i = 0; i < res->nrows; i++) {
		q += db_ll(res, i, 1);
		c += db_ll(res, i, 2);
	}
	n = xml_add(aw, "total", NULL);
	xml_propll(n, "questions", q);
	xml_propll(n, "correct", c);
	xml_prop(n, "rate", percent(r->pool, c, q));
	return 0;
}

/* GET /admin/stats/awareness?from=&to=: this year so far by default. */
static int
stats_awareness(struct req *r)
{
	xmlDocPtr	 doc;
	const char	*from, *to;
	long long	 only, dept;
	int		 rc;

	only = admin_street(r);
	dept = admin_department(r);
	if (only == -1 && dept <= 0)
		return 403;
	if ((rc = period(r, 1, &from, &to)) != 0)
		return rc;
	if ((doc = xml_page(r, "stats-awareness")) == NULL)
		return 500;
	rc = only != -1 ? stats_awareness_xml(r, xmlDocGetRootElement(doc),
	    from, to, only) : dept_awareness_xml(r, xmlDocGetRootElement(doc),
	    from, to, dept);
	if (rc != 0)
		return rc;
	return page_finish(r, &stats_sheets[SHEET_AWARENESS], doc);
}
