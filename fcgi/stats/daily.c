/*
 * daily.c: a unit's learning day by day (seed 004: the office counts
 * each unit's learners and points daily): for each of the last days,
 * how many of its members learned (earned points other than for
 * signing in) and the points they earned. For the unit's admin on the
 * unit page, and for the admins whose scope covers the unit.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "stats/stats.h"

enum daily_stmt {
	STMT_DAILY,
	DAILY_STMT__MAX
};

static struct stmt daily_sql[DAILY_STMT__MAX] = {
	[STMT_DAILY] = { "STATS_UNIT_DAILY",
	  "WITH RECURSIVE d AS (SELECT CURDATE() AS day UNION ALL "
	  "SELECT day - INTERVAL 1 DAY FROM d WHERE day > CURDATE() - "
	  "INTERVAL ? DAY) SELECT d.day, COUNT(DISTINCT IF(p.reason <> "
	  "'login', p.person_id, NULL)), COALESCE(SUM(p.points), 0) FROM d "
	  "LEFT JOIN (points_day p JOIN unit_member m ON m.person_id = "
	  "p.person_id AND m.unit_id = ? AND m.status = 'active') "
	  "ON p.day = d.day GROUP BY d.day ORDER BY d.day DESC" },
};

/* <daily days learners points> with a <day> for each of the last days. */
int
stats_unit_daily_xml(struct req *r, xmlNodePtr into, long long unit,
    int days)
{
	struct dbres	*res;
	xmlNodePtr	 list;
	long long	 learners = 0, points = 0;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &daily_sql[STMT_DAILY], &res, "ii",
	    (long long)days - 1, unit)) != DB_OK)
		return db_status(e);
	list = xml_add(into, "daily", NULL);
	xml_propll(list, "days", days);
	for (i = 0; i < res->nrows; i++) {
		xml_row(xml_add(list, "day", NULL), res, i, "d learners points");
		learners += db_ll(res, i, 1);
		points += db_ll(res, i, 2);
	}
	xml_propll(list, "learner-days", learners);
	xml_propll(list, "points", points);
	return 0;
}
