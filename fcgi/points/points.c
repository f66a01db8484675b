/*
 * points.c: learning points (学习积分). Earning appends to the ledger
 * under a rule (sql/017): the rule says how many points an earning gives
 * and a person's most a day; the day's row, locked first, is where the
 * cap is counted, so parallel earnings of one person cannot pass it; a
 * ref earns once. The person's total is updated in the same
 * transaction. The points page shows a person's total, today's points by
 * rule, their history, and rankings: people of their unit, units of
 * their unit's department, streets and towns.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "points/points.h"
#include "shared/jurisdiction.h"
#include "stats/stats.h"

static int	 points_get(struct req *);
static void	 points_stop(void);

/*
 * The towns' ranking reads every person of the jurisdiction: it is made
 * once per refdata_ttl seconds per worker, not per page.
 */
static struct refcache	 regions_cache;

static const struct route points_routes[] = {
	/* POINTS: my points, their history, rankings */
	{ METHOD_GET, "/points", points_get, 0 },
};

static struct sheet points_sheet = { "points.xsl", 0, { NULL } };

enum points_stmt {
	STMT_RULE_GET,
	STMT_DAY_ENSURE,
	STMT_DAY_LOCK,
	STMT_DAY_ADD,
	STMT_ENTRY_INSERT,
	STMT_TOTAL_ADD,
	STMT_TOTAL_GET,
	STMT_TODAY,
	STMT_HISTORY,
	STMT_RANK_UNIT_PEOPLE,
	STMT_RANK_DEPARTMENT_UNITS,
	STMT_RANK_REGIONS,
	STMT_MY_UNIT,
	POINTS_STMT__MAX
};

static struct stmt points_sql[POINTS_STMT__MAX] = {
	[STMT_RULE_GET] = { "RULE_GET",
	  "SELECT points, daily_cap FROM points_rule WHERE reason = ?" },
	[STMT_DAY_ENSURE] = { "DAY_ENSURE",
	  "INSERT INTO points_day (person_id, day, reason) "
	  "VALUES (?, CURDATE(), ?) ON DUPLICATE KEY UPDATE points = points" },
	[STMT_DAY_LOCK] = { "DAY_LOCK",
	  "SELECT points FROM points_day WHERE person_id = ? "
	  "AND day = CURDATE() AND reason = ? FOR UPDATE" },
	[STMT_DAY_ADD] = { "DAY_ADD",
	  "UPDATE points_day SET points = points + ? WHERE person_id = ? "
	  "AND day = CURDATE() AND reason = ?" },
	[STMT_ENTRY_INSERT] = { "ENTRY_INSERT",
	  "INSERT INTO points_entry (person_id, reason, ref, amount, day) "
	  "VALUES (?, ?, COALESCE(?, CURDATE()), ?, CURDATE())" },
	[STMT_TOTAL_ADD] = { "TOTAL_ADD",
	  "INSERT INTO points_total (person_id, total) VALUES (?, ?) "
	  "ON DUPLICATE KEY UPDATE total = total + VALUES(total), "
	  "updated_at = NOW()" },
	[STMT_TOTAL_GET] = { "TOTAL_GET",
	  "SELECT total FROM points_total WHERE person_id = ?" },
	[STMT_TODAY] = { "TODAY",
	  "SELECT r.reason, r.name, r.points, r.daily_cap, "
	  "COALESCE(d.points, 0) FROM points_rule r LEFT JOIN points_day d "
	  "ON d.reason = r.reason AND d.person_id = ? AND d.day = CURDATE() "
	  "ORDER BY r.sort, r.reason" },
	[STMT_HISTORY] = { "HISTORY",
	  "SELECT e.created_at, r.name, e.amount FROM points_entry e "
	  "JOIN points_rule r ON r.reason = e.reason WHERE e.person_id = ? "
	  "ORDER BY e.id DESC LIMIT 100" },
	[STMT_RANK_UNIT_PEOPLE] = { "RANK_UNIT_PEOPLE",
	  "SELECT p.id, p.name, COALESCE(t.total, 0) AS pts FROM unit_member m "
	  "JOIN person p ON p.id = m.person_id "
	  "LEFT JOIN points_total t ON t.person_id = m.person_id "
	  "WHERE m.unit_id = ? AND m.status = 'active' "
	  "ORDER BY pts DESC, p.id LIMIT 50" },
	[STMT_RANK_DEPARTMENT_UNITS] = { "RANK_DEPARTMENT_UNITS",
	  "SELECT u.id, u.name, u.is_key, COUNT(m.person_id), "
	  "COALESCE(SUM(t.total), 0) AS pts, "
	  "ROUND(SUM(COALESCE(t.total, 0)) / NULLIF(COUNT(m.person_id), 0), 1) "
	  "FROM unit u "
	  "LEFT JOIN unit_member m ON m.unit_id = u.id AND m.status = 'active' "
	  "LEFT JOIN points_total t ON t.person_id = m.person_id "
	  "WHERE u.department_id = ? AND u.status = 'active' "
	  "GROUP BY u.id, u.name, u.is_key ORDER BY pts DESC, u.id LIMIT 50" },
	[STMT_RANK_REGIONS] = { "RANK_REGIONS",
	  "SELECT g.id, g.name, COUNT(p.id), COALESCE(SUM(t.total), 0) AS pts, "
	  "ROUND(SUM(COALESCE(t.total, 0)) / NULLIF(COUNT(p.id), 0), 1), "
	  "g.name_en FROM region g LEFT JOIN person p ON p.region_id = g.id "
	  "LEFT JOIN points_total t ON t.person_id = p.id "
	  "WHERE g.jurisdiction_id = ? AND g.retired = 0 "
	  "GROUP BY g.id, g.name, g.name_en ORDER BY pts DESC, g.sort, g.id" },
	[STMT_MY_UNIT] = { "MY_UNIT",
	  "SELECT u.id, u.name, u.department_id, d.name FROM unit_member m "
	  "JOIN unit u ON u.id = m.unit_id "
	  "LEFT JOIN department d ON d.id = u.department_id "
	  "WHERE m.person_id = ? AND m.status = 'active' "
	  "AND u.status = 'active' AND u.jurisdiction_id = ?" },
};

const struct module points_module = {
	.name = "points",
	.routes = points_routes,
	.nroutes = NELEM(points_routes),
	.sheets = &points_sheet,
	.nsheets = 1,
	.stop = points_stop,
};

static void
points_stop(void)
{
	refcache_free(&regions_cache);
}

/*
 * Inside the caller's transaction: count earnings of a rule for person,
 * for ref (which earns once; NULL: today's date). *granted is what was
 * given: the rule's points times count, less what the day's cap leaves;
 * 0 when the cap is reached or ref has earned already. The day's row is
 * locked to the end of the transaction.
 */
enum dberr
points_earn(struct req *r, long long person, const char *reason,
    const char *ref, int count, int *granted)
{
	struct dbres	*rule, *day;
	long long	 want, left;
	enum dberr	 e;

	*granted = 0;
	if (person == 0 || count <= 0)
		return DB_OK;
	if ((e = db_query(r->pool, &points_sql[STMT_RULE_GET], &rule, "s",
	    reason)) != DB_OK)
		return e;
	if (rule->nrows == 0) {
		log_warnx("points: no rule %s", reason);
		return DB_ERROR;
	}
	if ((e = db_exec(&points_sql[STMT_DAY_ENSURE], NULL, "is", person,
	    reason)) != DB_OK ||
	    (e = db_query(r->pool, &points_sql[STMT_DAY_LOCK], &day, "is",
	    person, reason)) != DB_OK)
		return e;
	want = db_ll(rule, 0, 0) * count;
	left = db_ll(rule, 0, 1) - (day->nrows ? db_ll(day, 0, 0) : 0);
	if (want > left)
		want = left;
	if (want <= 0)
		return DB_OK;
	e = db_exec(&points_sql[STMT_ENTRY_INSERT], NULL, "issi", person,
	    reason, ref, want);
	if (e == DB_DUP)
		return DB_OK;		/* this ref has earned already */
	if (e != DB_OK ||
	    (e = db_exec(&points_sql[STMT_DAY_ADD], NULL, "iis", want, person,
	    reason)) != DB_OK ||
	    (e = db_exec(&points_sql[STMT_TOTAL_ADD], NULL, "ii", person,
	    want)) != DB_OK ||
	    (e = stats_points(person, want)) != DB_OK)
		return e;
	*granted = (int)want;
	return DB_OK;
}

/* A person's total points (0 for none yet); -1 with *e when unknown. */
long long
points_total(struct req *r, long long person, enum dberr *e)
{
	struct dbres	*res;

	if ((*e = db_query(r->pool, &points_sql[STMT_TOTAL_GET], &res, "i",
	    person)) != DB_OK)
		return -1;
	return res->nrows ? db_ll(res, 0, 0) : 0;
}

/* A ranking: rows under <name>, with "mine" on the person's own row. */
static void
ranking_xml(xmlNodePtr parent, const char *name, const struct dbres *res,
    const char *cols, long long mine)
{
	xmlNodePtr	 list, n;
	size_t		 i;

	list = xml_add(parent, name, NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "row", NULL);
		xml_propll(n, "rank", (long long)i + 1);
		xml_row(n, res, i, cols);
		if (mine != 0 && db_ll(res, i, 0) == mine)
			xml_prop(n, "mine", "yes");
	}
}

/* <region-ranking>: the streets and towns by their people's points. */
static int
regions_xml(struct req *r, xmlNodePtr root)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	enum dberr			 e;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &points_sql[STMT_RANK_REGIONS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	l10n_cells(r->lang, res, 1, 5);
	ranking_xml(root, "region-ranking", res, "id name count points avg", 0);
	return 0;
}

/* The rankings of the person's unit, its department, the towns. */
static int
rankings_xml(struct req *r, xmlNodePtr root)
{
	const struct jurisdiction	*j;
	struct dbres			*unit, *res;
	enum dberr			 e;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &points_sql[STMT_MY_UNIT], &unit, "ii",
	    r->sess.person_id, j->id)) != DB_OK)
		return db_status(e);
	if (unit->nrows > 0) {
		if ((e = db_query(r->pool, &points_sql[STMT_RANK_UNIT_PEOPLE],
		    &res, "i", db_ll(unit, 0, 0))) != DB_OK)
			return db_status(e);
		ranking_xml(root, "unit-ranking", res, "id name points",
		    r->sess.person_id);
		xml_prop(root->last, "unit", DBRES(unit, 0, 1));
		if (DBRES(unit, 0, 2) != NULL) {
			if ((e = db_query(r->pool,
			    &points_sql[STMT_RANK_DEPARTMENT_UNITS], &res, "i",
			    db_ll(unit, 0, 2))) != DB_OK)
				return db_status(e);
			ranking_xml(root, "department-ranking", res,
			    "id name key count points avg", db_ll(unit, 0, 0));
			xml_prop(root->last, "department", DBRES(unit, 0, 3));
		}
	}
	return refcache_copy(r, &regions_cache, root, regions_xml);
}

/* GET /points: signed in, the person's points; otherwise the way in. */
static int
points_get(struct req *r)
{
	struct dbres	*today, *hist;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, list, n;
	long long	 total;
	enum dberr	 e;
	size_t		 i;
	int		 rc;

	if ((doc = xml_page(r, "points")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if (r->sess.person_id == 0) {
		xml_add(root, "need-account", NULL);
		return page_finish(r, &points_sheet, doc);
	}
	if ((total = points_total(r, r->sess.person_id, &e)) == -1 ||
	    (e = db_query(r->pool, &points_sql[STMT_TODAY], &today, "i",
	    r->sess.person_id)) != DB_OK ||
	    (e = db_query(r->pool, &points_sql[STMT_HISTORY], &hist, "i",
	    r->sess.person_id)) != DB_OK)
		return db_status(e);
	n = xml_add(root, "points", NULL);
	xml_propll(n, "total", total);
	list = xml_add(root, "today", NULL);
	for (i = 0; i < today->nrows; i++)
		xml_row(xml_add(list, "rule", NULL), today, i,
		    "reason name points cap earned");
	list = xml_add(root, "history", NULL);
	for (i = 0; i < hist->nrows; i++)
		xml_row(xml_add(list, "entry", NULL), hist, i,
		    "at reason amount");
	if ((rc = rankings_xml(r, root)) != 0)
		return rc;
	return page_finish(r, &points_sheet, doc);
}
