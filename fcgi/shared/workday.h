/*
 * workday.h: working days (workday.c): Monday to Friday, minus the
 * holidays and plus the make-up working days (调休) of the workday table,
 * by which offices count their service deadlines. Days are numbered from
 * 1970-01-01 (day 0).
 */
#ifndef WORKDAY_H
#define WORKDAY_H

#include <stddef.h>

struct workdays {
	long		 today;		/* the database's CURDATE() */
	long		*day;		/* the table's days, ascending */
	int		*working;	/* 1: a make-up working day */
	size_t		 n;
};

long		 day_number(const char *);
char		*day_text(struct pool *, long);
int		 day_weekday(long);
int		 workday_is(const struct workdays *, long);
long		 workday_after(const struct workdays *, long, int);
enum dberr	 workday_load(struct req *, struct workdays *);

#endif /* WORKDAY_H */
