/*
 * geo.c: WGS-84 to GCJ-02 and back, pure functions without I/O.
 *
 * GCJ-02 is WGS-84 shifted by a fixed polynomial-and-sine offset, scaled
 * to degrees on the Krasovsky 1940 ellipsoid (a = 6378245 m,
 * e^2 = 0.00669342162296594323).  The algorithm is the one published by
 * the widely used open implementations, e.g. googollee/eviltransform
 * (https://github.com/googollee/eviltransform) and
 * wandergis/coordtransform (https://github.com/wandergis/coordtransform);
 * it is written out here from that description, not copied, and checked
 * against their test vectors in t/unit/test-geo.c.  Outside a rough box
 * around mainland China the offset is not applied.  The inverse has no
 * closed form: it is found by fixed-point iteration, since the offset
 * changes by only about a thousandth of its size across its own few
 * hundred metres.
 */
#include <math.h>

#include "shared/geo.h"

#define KRASOVSKY_A	6378245.0
#define KRASOVSKY_EE	0.00669342162296594323
#define GCJ_ITER_MAX	10
#define GCJ_ITER_EPS	1e-10

static double	offset_lat(double, double);
static double	offset_lng(double, double);

/*
 * The latitude offset in metres (before scaling) at x, y: degrees east of
 * 105°E and north of 35°N.
 */
static double
offset_lat(double x, double y)
{
	double	 r;

	r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y +
	    0.2 * sqrt(fabs(x));
	r += (20.0 * sin(6.0 * x * M_PI) + 20.0 * sin(2.0 * x * M_PI)) *
	    2.0 / 3.0;
	r += (20.0 * sin(y * M_PI) + 40.0 * sin(y / 3.0 * M_PI)) * 2.0 / 3.0;
	r += (160.0 * sin(y / 12.0 * M_PI) + 320.0 * sin(y / 30.0 * M_PI)) *
	    2.0 / 3.0;
	return r;
}

/* The longitude offset in metres (before scaling), likewise. */
static double
offset_lng(double x, double y)
{
	double	 r;

	r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y +
	    0.1 * sqrt(fabs(x));
	r += (20.0 * sin(6.0 * x * M_PI) + 20.0 * sin(2.0 * x * M_PI)) *
	    2.0 / 3.0;
	r += (20.0 * sin(x * M_PI) + 40.0 * sin(x / 3.0 * M_PI)) * 2.0 / 3.0;
	r += (150.0 * sin(x / 12.0 * M_PI) + 300.0 * sin(x / 30.0 * M_PI)) *
	    2.0 / 3.0;
	return r;
}

int
geo_in_china(double lng, double lat)
{
	return lng >= 72.004 && lng <= 137.8347 &&
	    lat >= 0.8293 && lat <= 55.8271;
}

int
geo_valid_wgs84(double lng, double lat)
{
	return isfinite(lng) && isfinite(lat) &&
	    lng >= -180.0 && lng <= 180.0 && lat >= -90.0 && lat <= 90.0;
}

void
geo_wgs84_to_gcj02(double lng, double lat, double *olng, double *olat)
{
	double	 dlat, dlng, rad, w, sw;

	if (!geo_in_china(lng, lat)) {
		*olng = lng;
		*olat = lat;
		return;
	}
	dlat = offset_lat(lng - 105.0, lat - 35.0);
	dlng = offset_lng(lng - 105.0, lat - 35.0);

	/* Metres to degrees with the radii of curvature at lat. */
	rad = lat / 180.0 * M_PI;
	w = 1.0 - KRASOVSKY_EE * sin(rad) * sin(rad);
	sw = sqrt(w);
	dlat = dlat * 180.0 /
	    (KRASOVSKY_A * (1.0 - KRASOVSKY_EE) / (w * sw) * M_PI);
	dlng = dlng * 180.0 / (KRASOVSKY_A / sw * cos(rad) * M_PI);
	*olng = lng + dlng;
	*olat = lat + dlat;
}

/*
 * The WGS-84 point whose GCJ-02 image is (lng, lat).  Each step moves the
 * guess by the remaining error; the error shrinks about a thousandfold a
 * step, so three or four steps reach 1e-10 degrees (about 0.01 mm).
 */
void
geo_gcj02_to_wgs84(double lng, double lat, double *olng, double *olat)
{
	double	 x, y, gx, gy;
	int	 i;

	x = lng;
	y = lat;
	for (i = 0; i < GCJ_ITER_MAX; i++) {
		geo_wgs84_to_gcj02(x, y, &gx, &gy);
		if (fabs(gx - lng) < GCJ_ITER_EPS &&
		    fabs(gy - lat) < GCJ_ITER_EPS)
			break;
		x -= gx - lng;
		y -= gy - lat;
	}
	*olng = x;
	*olat = y;
}
