/*
 * geo.h: coordinate conversions between WGS-84 (what a browser reports)
 * and GCJ-02 (what Chinese map data, and so our boundaries, use).
 */
#ifndef GEO_H
#define GEO_H

void	 geo_wgs84_to_gcj02(double, double, double *, double *);
void	 geo_gcj02_to_wgs84(double, double, double *, double *);
int	 geo_valid_wgs84(double, double);
int	 geo_in_china(double, double);

#endif /* GEO_H */
