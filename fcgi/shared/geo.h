/*
 * geo.h: coordinate conversions between WGS-84 (what a browser reports)
 * and GCJ-02 (what Chinese map data, and so our boundaries, use); pure
 * functions without I/O (geo.c).
 */
#ifndef GEO_H
#define GEO_H

/*
 * Longitude first, then latitude, in degrees; results are written through
 * the last two arguments.  Outside mainland China's rough box both
 * conversions return the point unchanged.
 */
void	 geo_wgs84_to_gcj02(double, double, double *, double *);
void	 geo_gcj02_to_wgs84(double, double, double *, double *);

/* Non-zero when the point is finite and within -180..180, -90..90. */
int	 geo_valid_wgs84(double, double);

/* Non-zero inside the box where GCJ-02 differs from WGS-84. */
int	 geo_in_china(double, double);

#endif /* GEO_H */
