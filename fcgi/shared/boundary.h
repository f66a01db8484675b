/*
 * boundary.h: the boundaries of the jurisdiction and its streets and
 * towns in MariaDB: loading them from GeoJSON, and placing a point.
 */
#ifndef BOUNDARY_H
#define BOUNDARY_H

struct jurisdiction;

int		 boundary_import(const struct conf *, const char *, int);
int		 boundary_locate(struct req *, const struct jurisdiction *,
		    double, double, long long *);

#endif /* BOUNDARY_H */
