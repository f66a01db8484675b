/*
 * points.h: learning points (points.c): earning them under a rule, and
 * a person's total, for the rooms where points are earned and shown.
 */
#ifndef POINTS_H
#define POINTS_H

/* ref NULL: the day's date (a rule earned once a day, as signing in). */
enum dberr	 points_earn(struct req *, long long, const char *,
		    const char *, int, int *);
long long	 points_total(struct req *, long long, enum dberr *);

#endif /* POINTS_H */
