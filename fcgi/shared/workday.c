/*
 * workday.c: working days as Chinese offices count them: Monday to
 * Friday, except the days of the workday table (sql/025_training.sql):
 * a holiday on a weekday is none, a make-up working day (调休) on a
 * weekend is one. The table is the jurisdiction's, entered each year
 * from the State Council's schedule. The day functions are pure, so unit
 * tests can call them; workday_load reads today and the table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "shared/workday.h"

enum workday_stmt {
	STMT_WORKDAY_TODAY,
	STMT_WORKDAY_LIST,
	WORKDAY_STMT__MAX
};

static struct stmt workday_sql[WORKDAY_STMT__MAX] = {
	[STMT_WORKDAY_TODAY] = { "WORKDAY_TODAY", "SELECT CURDATE()" },
	[STMT_WORKDAY_LIST] = { "WORKDAY_LIST",
	  "SELECT day, working FROM workday WHERE jurisdiction_id = ? "
	  "ORDER BY day" },
};

/* Days from 1970-01-01 to the civil date y-m-d (Gregorian). */
static long
days_from_civil(long y, long m, long d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* YYYY-MM-DD (a day that exists) as its number, or -1. */
long
day_number(const char *s)
{
	static const int	 mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };
	long			 y, m, d;

	if (s == NULL || strlen(s) < 10 || strspn(s, "0123456789") != 4 ||
	    s[4] != '-' || strspn(s + 5, "0123456789") != 2 || s[7] != '-' ||
	    strspn(s + 8, "0123456789") < 2 || (s[10] != '\0' && s[10] != ' '))
		return -1;
	y = strtol(s, NULL, 10);
	m = strtol(s + 5, NULL, 10);
	d = strtol(s + 8, NULL, 10);
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 &&
	    y % 400 != 0)))
		return -1;
	return days_from_civil(y, m, d);
}

/* A day's number as YYYY-MM-DD, in the pool. */
char *
day_text(struct pool *p, long z)
{
	long	 era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	return pool_printf(p, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

/* 0 Sunday, 1 Monday … 6 Saturday (1970-01-01 was a Thursday). */
int
day_weekday(long day)
{
	return (int)(((day % 7) + 11) % 7);
}

/* Whether a day is a working day: the table's word, else its weekday. */
int
workday_is(const struct workdays *w, long day)
{
	size_t	 lo = 0, hi = w->n, mid;
	int	 wd;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (w->day[mid] == day)
			return w->working[mid];
		if (w->day[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	wd = day_weekday(day);
	return wd >= 1 && wd <= 5;
}

/*
 * The n-th working day after day (day itself not counted, as a time
 * limit's first day is not): a request of a Friday with n = 5 is due by
 * the next Friday, or later by each holiday in between.
 */
long
workday_after(const struct workdays *w, long day, int n)
{
	int	 guard = 0;

	while (n > 0 && guard++ < 3660)
		if (workday_is(w, ++day))
			n--;
	return day;
}

/* Today and the jurisdiction's table of days, into w (the pool's). */
enum dberr
workday_load(struct req *r, struct workdays *w)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	enum dberr			 e;
	size_t				 i;

	memset(w, 0, sizeof(*w));
	if ((j = jur_get(r, &e)) == NULL)
		return e;
	if ((e = db_query(r->pool, &workday_sql[STMT_WORKDAY_TODAY], &res,
	    "")) != DB_OK)
		return e;
	if ((w->today = day_number(DBRES(res, 0, 0))) < 0)
		return DB_ERROR;
	if ((e = db_query(r->pool, &workday_sql[STMT_WORKDAY_LIST], &res, "i",
	    j->id)) != DB_OK)
		return e;
	w->day = pool_calloc(r->pool, res->nrows + 1, sizeof(*w->day));
	w->working = pool_calloc(r->pool, res->nrows + 1,
	    sizeof(*w->working));
	if (w->day == NULL || w->working == NULL)
		return DB_ERROR;
	for (i = 0; i < res->nrows; i++) {
		w->day[w->n] = day_number(DBRES(res, i, 0));
		w->working[w->n] = db_ll(res, i, 1) != 0;
		if (w->day[w->n] >= 0)
			w->n++;
	}
	return DB_OK;
}
