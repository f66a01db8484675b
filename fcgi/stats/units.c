/*
 * units.c: departments (行业部门) and key units (重点单位) ranked as the
 * committee's bulletins rank them (seed 004): declared headcount
 * (人员数), members registered (注册数) and the registration rate,
 * members holding a valid blue code, total and average points (总分数,
 * 平均分), and the average quiz score of their members' attempts over
 * the days chosen; and coverage, members with a valid code of the
 * headcount (seed 000: every member of a key unit must hold one). A
 * department's figures are the sums over its active units. Ranks are
 * shared by equal figures (1, 1, 3).
 *
 * /admin/stats/units?sort=…&from=&to=: a district admin sees every
 * department and key unit; a department admin every department and the
 * key units of its own; a street admin every department and the key
 * units of its street or town.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "stats/stats.h"
#include "stats/local.h"

enum units_stmt {
	STMT_UNITS,
	STMT_MEMBERS,
	STMT_MEMBER_POINTS_ASOF,
	STMT_UNIT_QUIZ,
	STMT_DEPARTMENTS,
	UNITS_STMT__MAX
};

/*
 * The units, their members (registered, holding a valid code, their
 * points), the points those had earned by a day (a bulletin of a week
 * gone by), and their attempts' scores over some days (stat_unit_day),
 * each a statement of its own: no derived tables, which MariaDB 10.11
 * runs far slower when a prepared statement is executed again with other
 * values (README, Performance).
 */
static struct stmt units_sql[UNITS_STMT__MAX] = {
	[STMT_UNITS] = { "STATS_UNITS",
	  "SELECT id, name, is_key, department_id, region_id, headcount "
	  "FROM unit WHERE jurisdiction_id = ? AND status = 'active' "
	  "ORDER BY id" },
	/* The members' rows keep their points and codes' last day. */
	[STMT_MEMBERS] = { "STATS_UNIT_MEMBERS",
	  "SELECT m.unit_id, COUNT(*), "
	  "COALESCE(SUM(m.code_until >= CURDATE()), 0), SUM(m.points) "
	  "FROM unit_member m JOIN unit u ON u.id = m.unit_id "
	  "WHERE m.status = 'active' AND u.jurisdiction_id = ? "
	  "AND u.status = 'active' GROUP BY m.unit_id" },
	[STMT_MEMBER_POINTS_ASOF] = { "STATS_UNIT_POINTS_ASOF",
	  "SELECT m.unit_id, SUM(d.points) FROM unit_member m "
	  "JOIN unit u ON u.id = m.unit_id JOIN points_day d ON "
	  "d.person_id = m.person_id AND d.day <= ? "
	  "WHERE m.status = 'active' AND u.jurisdiction_id = ? "
	  "AND u.status = 'active' GROUP BY m.unit_id" },
	[STMT_UNIT_QUIZ] = { "STATS_UNIT_QUIZ",
	  "SELECT unit_id, SUM(attempts), SUM(score_sum) FROM stat_unit_day "
	  "WHERE day BETWEEN ? AND ? GROUP BY unit_id" },
	[STMT_DEPARTMENTS] = { "STATS_DEPARTMENTS",
	  "SELECT id, name FROM department WHERE jurisdiction_id = ? "
	  "AND retired = 0 ORDER BY sort, id" },
};

/* The columns of STMT_UNITS. */
enum { UC_ID, UC_NAME, UC_KEY, UC_DEPARTMENT, UC_REGION, UC_HEADCOUNT };

/* The figures of one department or unit. */
struct figures {
	long long	 id;
	const char	*name;
	long long	 units, headcount, registered, valid, points;
	long long	 attempts, scores;
	double		 key;		/* what it is ranked by */
	long long	 rank;
};

static const char *const sorts[] = { "rate", "registered", "points",
	"average", "score", "valid", "coverage" };

int
stats_valid_sort(struct fval *f)
{
	size_t	 i;

	for (i = 0; i < NELEM(sorts); i++)
		if (strcmp(f->s, sorts[i]) == 0)
			return 1;
	return 0;
}

static double
ratio(long long a, long long b)
{
	return b > 0 ? (double)a / (double)b : -1;
}

/* The figure of f a ranking by sort goes by (-1: none, ranked last). */
static double
sort_key(const struct figures *f, const char *sort)
{
	if (strcmp(sort, "registered") == 0)
		return (double)f->registered;
	if (strcmp(sort, "points") == 0)
		return (double)f->points;
	if (strcmp(sort, "average") == 0)
		return ratio(f->points, f->registered);
	if (strcmp(sort, "score") == 0)
		return ratio(f->scores, f->attempts);
	if (strcmp(sort, "valid") == 0)
		return ratio(f->valid, f->registered);
	if (strcmp(sort, "coverage") == 0)
		return ratio(f->valid, f->headcount);
	return ratio(f->registered, f->headcount);
}

static int
by_key(const void *a, const void *b)
{
	const struct figures	*x = a, *y = b;

	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Sort v by its key, best first, and give equal figures equal ranks. */
static void
rank(struct figures *v, size_t n, const char *sort)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		v[i].key = sort_key(&v[i], sort);
	qsort(v, n, sizeof(*v), by_key);
	for (i = 0; i < n; i++)
		v[i].rank = i > 0 && v[i].key == v[i - 1].key ?
		    v[i - 1].rank : (long long)i + 1;
}

/* A ratio as a percentage with one decimal, or nothing. */
static void
prop_pct(struct req *r, xmlNodePtr n, const char *name, long long a,
    long long b)
{
	if (b > 0)
		xml_prop(n, name, pool_printf(r->pool, "%.1f",
		    100.0 * (double)a / (double)b));
}

static void
prop_avg(struct req *r, xmlNodePtr n, const char *name, long long a,
    long long b)
{
	if (b > 0)
		xml_prop(n, name, pool_printf(r->pool, "%.1f",
		    (double)a / (double)b));
}

static void
figures_xml(struct req *r, xmlNodePtr into, const char *el,
    const struct figures *v, size_t n)
{
	xmlNodePtr	 e;
	size_t		 i;

	for (i = 0; i < n; i++) {
		e = xml_add(into, el, NULL);
		xml_propll(e, "id", v[i].id);
		xml_prop(e, "name", v[i].name);
		xml_propll(e, "rank", v[i].rank);
		if (strcmp(el, "department") == 0)
			xml_propll(e, "units", v[i].units);
		xml_propll(e, "headcount", v[i].headcount);
		xml_propll(e, "registered", v[i].registered);
		prop_pct(r, e, "rate", v[i].registered, v[i].headcount);
		xml_propll(e, "valid", v[i].valid);
		prop_pct(r, e, "valid-rate", v[i].valid, v[i].registered);
		prop_pct(r, e, "coverage", v[i].valid, v[i].headcount);
		xml_propll(e, "points", v[i].points);
		prop_avg(r, e, "average", v[i].points, v[i].registered);
		xml_propll(e, "attempts", v[i].attempts);
		prop_avg(r, e, "score", v[i].scores, v[i].attempts);
	}
}

static int
by_id(const void *a, const void *b)
{
	const struct figures	*x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* The unit of id among the n units of v (sorted by id), or NULL. */
static struct figures *
unit_of(struct figures *v, size_t n, long long id)
{
	struct figures	 key;

	key.id = id;
	return bsearch(&key, v, n, sizeof(*v), by_id);
}

/*
 * Every active unit's figures, in uv (as STMT_UNITS orders them: by id),
 * with points as of the day asof (NULL: now).
 */
static enum dberr
units_read(struct req *r, long long jid, const char *from, const char *to,
    const char *asof, struct dbres **u, struct figures **uv)
{
	struct dbres	*m, *q, *pa = NULL;
	struct figures	*f;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &units_sql[STMT_UNITS], u, "i", jid)) !=
	    DB_OK ||
	    (e = db_query(r->pool, &units_sql[STMT_MEMBERS], &m, "i", jid)) !=
	    DB_OK ||
	    (e = db_query(r->pool, &units_sql[STMT_UNIT_QUIZ], &q, "ss", from,
	    to)) != DB_OK ||
	    (asof != NULL && (e = db_query(r->pool,
	    &units_sql[STMT_MEMBER_POINTS_ASOF], &pa, "si", asof, jid)) !=
	    DB_OK))
		return e;
	if ((*uv = pool_calloc(r->pool, (*u)->nrows + 1, sizeof(**uv))) ==
	    NULL)
		return DB_ERROR;
	for (i = 0; i < (*u)->nrows; i++) {
		f = &(*uv)[i];
		f->id = db_ll(*u, i, UC_ID);
		f->name = DBRES(*u, i, UC_NAME);
		f->units = 1;
		f->headcount = db_ll(*u, i, UC_HEADCOUNT);
	}
	for (i = 0; i < m->nrows; i++)
		if ((f = unit_of(*uv, (*u)->nrows, db_ll(m, i, 0))) != NULL) {
			f->registered = db_ll(m, i, 1);
			f->valid = db_ll(m, i, 2);
			f->points = asof == NULL ? db_ll(m, i, 3) : 0;
		}
	for (i = 0; pa != NULL && i < pa->nrows; i++)
		if ((f = unit_of(*uv, (*u)->nrows, db_ll(pa, i, 0))) != NULL)
			f->points = db_ll(pa, i, 1);
	for (i = 0; i < q->nrows; i++)
		if ((f = unit_of(*uv, (*u)->nrows, db_ll(q, i, 0))) != NULL) {
			f->attempts = db_ll(q, i, 1);
			f->scores = db_ll(q, i, 2);
		}
	return DB_OK;
}

/*
 * <ranking sort from to> with every department and the key units the
 * admin's scope covers (dept or region: 0 for all), ranked by sort;
 * points as of the day asof (NULL: now).
 */
int
stats_units_xml(struct req *r, xmlNodePtr root, const char *sort,
    const char *from, const char *to, long long dept, long long region,
    const char *asof)
{
	const struct jurisdiction	*j;
	struct dbres			*u, *d;
	struct figures			*dv, *kv, *uv, *f;
	xmlNodePtr			 rk;
	enum dberr			 e;
	size_t				 i, k, nk = 0;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = units_read(r, j->id, from, to, asof, &u, &uv)) != DB_OK ||
	    (e = db_query(r->pool, &units_sql[STMT_DEPARTMENTS], &d, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	if ((dv = pool_calloc(r->pool, d->nrows + 1, sizeof(*dv))) == NULL ||
	    (kv = pool_calloc(r->pool, u->nrows + 1, sizeof(*kv))) == NULL)
		return 500;
	for (k = 0; k < d->nrows; k++) {
		dv[k].id = db_ll(d, k, 0);
		dv[k].name = DBRES(d, k, 1);
	}
	for (i = 0; i < u->nrows; i++) {
		for (k = 0; k < d->nrows; k++)
			if (dv[k].id == db_ll(u, i, UC_DEPARTMENT))
				break;
		if (k < d->nrows) {
			f = &dv[k];
			f->units++;
			f->headcount += uv[i].headcount;
			f->registered += uv[i].registered;
			f->valid += uv[i].valid;
			f->points += uv[i].points;
			f->attempts += uv[i].attempts;
			f->scores += uv[i].scores;
		}
		if (db_ll(u, i, UC_KEY) != 0 &&
		    (dept == 0 || db_ll(u, i, UC_DEPARTMENT) == dept) &&
		    (region == 0 || db_ll(u, i, UC_REGION) == region))
			kv[nk++] = uv[i];
	}
	rank(dv, d->nrows, sort);
	rank(kv, nk, sort);
	rk = xml_add(root, "ranking", NULL);
	xml_prop(rk, "sort", sort);
	xml_prop(rk, "from", from);
	xml_prop(rk, "to", to);
	xml_prop(rk, "points-asof", asof);
	xml_propll(rk, "department-only", dept);
	xml_propll(rk, "region-only", region);
	figures_xml(r, rk, "department", dv, d->nrows);
	figures_xml(r, rk, "unit", kv, nk);
	return 0;
}
