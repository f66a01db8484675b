/*
 * growth.c: growth between two days, as the committee reports it (seed
 * 004: registrations up 8.5%, total points up 444%, points per person up
 * 428%): people registered, points earned and points per person by the
 * end of each day, in the jurisdiction and in each street and town (by
 * the street or town of each person's profile); and each one's growth.
 * From the people and the points ledger's daily sums, so any two days
 * of the past can be compared. The weekly bulletin is its week against the
 * week before.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "stats/stats.h"
#include "stats/local.h"

enum growth_stmt {
	STMT_TOTALS,
	STMT_TOWNS,
	STMT_TOWN_POINTS,
	STMT_POINTS_ADD,
	GROWTH_STMT__MAX
};

static struct stmt growth_sql[GROWTH_STMT__MAX] = {
	/*
	 * Everyone registered by the end of a day (people of this
	 * jurisdiction's streets and towns, and those who have not said
	 * where they are yet), and every point earned by then.
	 */
	[STMT_TOTALS] = { "GROWTH_TOTALS",
	  "SELECT (SELECT COUNT(*) FROM person p LEFT JOIN region g ON "
	  "g.id = p.region_id WHERE (g.jurisdiction_id = ? OR p.region_id "
	  "IS NULL) AND p.created_at < ? + INTERVAL 1 DAY), "
	  "(SELECT COALESCE(SUM(s.points), 0) FROM stat_points_day s "
	  "LEFT JOIN region g ON g.id = s.region_id WHERE "
	  "(g.jurisdiction_id = ? OR s.region_id = 0) AND s.day <= ?)" },
	/* The same by street and town: people, then points. */
	[STMT_TOWNS] = { "GROWTH_TOWNS",
	  "SELECT p.region_id, COUNT(*) FROM region g JOIN person p ON "
	  "p.region_id = g.id AND p.created_at < ? + INTERVAL 1 DAY "
	  "WHERE g.jurisdiction_id = ? GROUP BY p.region_id" },
	[STMT_TOWN_POINTS] = { "GROWTH_TOWN_POINTS",
	  "SELECT s.region_id, SUM(s.points) FROM stat_points_day s "
	  "JOIN region g ON g.id = s.region_id WHERE g.jurisdiction_id = ? "
	  "AND s.day <= ? GROUP BY s.region_id" },
	[STMT_POINTS_ADD] = { "GROWTH_POINTS_ADD",
	  "INSERT INTO stat_points_day (day, region_id, points) "
	  "SELECT CURDATE(), COALESCE(region_id, 0), ? FROM person "
	  "WHERE id = ? ON DUPLICATE KEY UPDATE "
	  "points = stat_points_day.points + VALUES(points)" },
};

/*
 * Points a person earned today, into the day of the street or town the
 * person is in now, and onto their unit member row; in the caller's
 * transaction (points_earn's).
 */
enum dberr
stats_points(long long person, long long points)
{
	enum dberr	 e;

	if ((e = db_exec(&growth_sql[STMT_POINTS_ADD], NULL, "ii", points,
	    person)) != DB_OK)
		return e;
	return stats_member_points(person, points);
}

/* A growth rate in percent with one decimal, or nothing from nothing. */
static void
prop_growth(struct req *r, xmlNodePtr n, const char *name, double now,
    double before)
{
	if (before > 0)
		xml_prop(n, name, pool_printf(r->pool, "%.1f",
		    (now - before) * 100 / before));
}

/* The figure of a street or town in a (region, figure) result, or 0. */
static long long
town_figure(const struct dbres *res, long long id)
{
	size_t	 k;

	for (k = 0; k < res->nrows; k++)
		if (db_ll(res, k, 0) == id)
			return db_ll(res, k, 1);
	return 0;
}

/*
 * <growth before after …> and <towns>: by the end of the day before and
 * of the day after, and the growth from one to the other.
 */
int
stats_growth_xml(struct req *r, xmlNodePtr root, const char *before,
    const char *after)
{
	const struct jurisdiction	*j;
	struct dbres			*regions, *tb, *ta, *pbt, *pat, *nb, *na;
	xmlNodePtr			 list, n, g;
	long long			 id, reg, regb, pts, ptsb;
	double				 pn, pb;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = region_list(r, &regions)) != DB_OK ||
	    (e = db_query(r->pool, &growth_sql[STMT_TOWNS], &ta, "si", after,
	    j->id)) != DB_OK ||
	    (e = db_query(r->pool, &growth_sql[STMT_TOWNS], &tb, "si", before,
	    j->id)) != DB_OK ||
	    (e = db_query(r->pool, &growth_sql[STMT_TOWN_POINTS], &pat, "is",
	    j->id, after)) != DB_OK ||
	    (e = db_query(r->pool, &growth_sql[STMT_TOWN_POINTS], &pbt, "is",
	    j->id, before)) != DB_OK ||
	    (e = db_query(r->pool, &growth_sql[STMT_TOTALS], &na, "isis",
	    j->id, after, j->id, after)) != DB_OK ||
	    (e = db_query(r->pool, &growth_sql[STMT_TOTALS], &nb, "isis",
	    j->id, before, j->id, before)) != DB_OK)
		return db_status(e);
	g = xml_add(root, "growth", NULL);
	xml_prop(g, "before", before);
	xml_prop(g, "after", after);
	xml_row(g, na, 0, "registered points");
	xml_prop(g, "registered-before", DBRES(nb, 0, 0));
	xml_prop(g, "points-before", DBRES(nb, 0, 1));
	prop_growth(r, g, "registered-growth", (double)db_ll(na, 0, 0),
	    (double)db_ll(nb, 0, 0));
	prop_growth(r, g, "points-growth", (double)db_ll(na, 0, 1),
	    (double)db_ll(nb, 0, 1));
	pn = db_ll(na, 0, 0) > 0 ? (double)db_ll(na, 0, 1) /
	    (double)db_ll(na, 0, 0) : 0;
	pb = db_ll(nb, 0, 0) > 0 ? (double)db_ll(nb, 0, 1) /
	    (double)db_ll(nb, 0, 0) : 0;
	xml_prop(g, "per-person", pool_printf(r->pool, "%.2f", pn));
	xml_prop(g, "per-person-before", pool_printf(r->pool, "%.2f", pb));
	prop_growth(r, g, "per-person-growth", pn, pb);
	list = xml_add(root, "towns", NULL);
	for (i = 0; i < regions->nrows; i++) {
		n = xml_add(list, "town", NULL);
		xml_row(n, regions, i, "id - name - population");
		id = db_ll(regions, i, 0);
		reg = town_figure(ta, id);
		regb = town_figure(tb, id);
		pts = town_figure(pat, id);
		ptsb = town_figure(pbt, id);
		xml_propll(n, "registered", reg);
		xml_propll(n, "points", pts);
		xml_propll(n, "registered-before", regb);
		xml_propll(n, "points-before", ptsb);
		prop_growth(r, n, "registered-growth", (double)reg,
		    (double)regb);
		prop_growth(r, n, "points-growth", (double)pts, (double)ptsb);
		if (reg > 0)
			xml_prop(n, "average", pool_printf(r->pool, "%.1f",
			    (double)pts / (double)reg));
		if (reg > 0 && db_ll(regions, i, 4) > 0)
			xml_prop(n, "rate", pool_printf(r->pool, "%.2f",
			    100.0 * (double)reg / (double)db_ll(regions, i, 4)));
	}
	return 0;
}
