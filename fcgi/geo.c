/*
 * geo.c: WGS-84 ⇄ GCJ-02. GCJ-02 is WGS-84 shifted by a published
 * polynomial on the Krasovsky 1940 ellipsoid (the algorithm widely
 * documented by public-domain implementations such as "eviltransform");
 * outside mainland China the two are the same. The inverse has no closed
 * form and is found by fixed-point iteration.
 */
#include <math.h>

#include "geo.h"

#define KRASOVSKY_A	6378245.0
#define KRASOVSKY_EE	0.00669342162296594323

static double
shift_lat(double x, double y)
{
	double	 r;

	r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y +
	    0.2 * sqrt(fabs(x));
	r += (20.0 * sin(6.0 * x * M_PI) + 20.0 * sin(2.0 * x * M_PI)) * 2.0 /
	    3.0;
	r += (20.0 * sin(y * M_PI) + 40.0 * sin(y / 3.0 * M_PI)) * 2.0 / 3.0;
	r += (160.0 * sin(y / 12.0 * M_PI) + 320.0 * sin(y * M_PI / 30.0)) *
	    2.0 / 3.0;
	return r;
}

static double
shift_lng(double x, double y)
{
	double	 r;

	r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y +
	    0.1 * sqrt(fabs(x));
	r += (20.0 * sin(6.0 * x * M_PI) + 20.0 * sin(2.0 * x * M_PI)) * 2.0 /
	    3.0;
	r += (20.0 * sin(x * M_PI) + 40.0 * sin(x / 3.0 * M_PI)) * 2.0 / 3.0;
	r += (150.0 * sin(x / 12.0 * M_PI) + 300.0 * sin(x / 30.0 * M_PI)) *
	    2.0 / 3.0;
	return r;
}

/* Mainland China's rough box, where GCJ-02 differs from WGS-84. */
int
geo_in_china(double lng, double lat)
{
	return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 &&
	    lat <= 55.8271;
}

int
geo_valid_wgs84(double lng, double lat)
{
	return isfinite(lng) && isfinite(lat) && lng >= -180.0 &&
	    lng <= 180.0 && lat >= -90.0 && lat <= 90.0;
}

void
geo_wgs84_to_gcj02(double lng, double lat, double *olng, double *olat)
{
	double	 dlat, dlng, rad, magic, sqm;

	if (!geo_in_china(lng, lat)) {
		*olng = lng;
		*olat = lat;
		return;
	}
	dlat = shift_lat(lng - 105.0, lat - 35.0);
	dlng = shift_lng(lng - 105.0, lat - 35.0);
	rad = lat / 180.0 * M_PI;
	magic = sin(rad);
	magic = 1 - KRASOVSKY_EE * magic * magic;
	sqm = sqrt(magic);
	dlat = (dlat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) /
	    (magic * sqm) * M_PI);
	dlng = (dlng * 180.0) / (KRASOVSKY_A / sqm * cos(rad) * M_PI);
	*olat = lat + dlat;
	*olng = lng + dlng;
}

/*
 * The WGS-84 point whose GCJ-02 image is (lng, lat), to better than
 * 1e-9 degrees: the offset varies slowly, so each step halves the error
 * many times over.
 */
void
geo_gcj02_to_wgs84(double lng, double lat, double *olng, double *olat)
{
	double	 x = lng, y = lat, gx, gy;
	int	 i;

	for (i = 0; i < 30; i++) {
		geo_wgs84_to_gcj02(x, y, &gx, &gy);
		if (fabs(gx - lng) < 1e-10 && fabs(gy - lat) < 1e-10)
			break;
		x -= gx - lng;
		y -= gy - lat;
	}
	*olng = x;
	*olat = y;
}
