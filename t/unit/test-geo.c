/*
 * test-geo.c: WGS-84 to GCJ-02 and back (geo.c) on published test
 * vectors, round trips, points outside China, and validity checks.
 *
 * The vectors come from the test suites of independent implementations:
 *  - googollee/eviltransform, go/transform_test.go: Shanghai, Shenzhen
 *    and Beijing, WGS-84 lat/lng to GCJ-02 lat/lng;
 *  - wandergis/coordtransform, test/app.js: wgs84togcj02(116.404, 39.915);
 *  - Glatzel/pyxis, crates/geotool-cli/tests/test_crypto.rs: WGS84_LON/LAT
 *    to GCJ02_LON/LAT, a point near Shanghai at Xiaoshan's latitude.
 *    pyxis scales the offset with a = 6378137 m (EARTH_R in its
 *    crypto.rs) instead of the Krasovsky 6378245 m, which moves the
 *    result by 1.7e-5 of the offset, under 1e-7 degrees (1 cm): it is
 *    checked to that;
 *  - hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts and its README:
 *    GCJ-02 (123, 45) to WGS-84 (122.99395597, 44.99804071).  Its inverse
 *    stops short of ours by about 2e-7 degrees; its own test allows 5e-6.
 */
#include <math.h>
#include <stddef.h>

#include "shared/geo.h"
#include "tap.h"

struct vec {
	const char	*name;
	double		 wlng, wlat;	/* WGS-84 */
	double		 glng, glat;	/* GCJ-02 */
	double		 eps;		/* forward, in degrees */
};

static const struct vec vecs[] = {
	{ "eviltransform Shanghai", 121.5272106, 31.1774276,
	  121.531541859215, 31.17530398364597, 1e-9 },
	{ "eviltransform Shenzhen", 113.912316, 22.543847,
	  113.9171764808363, 22.540796131694766, 1e-9 },
	{ "eviltransform Beijing", 116.377817, 39.911954,
	  116.38404722455657, 39.91334545536069, 1e-9 },
	{ "coordtransform Beijing", 116.404, 39.915,
	  116.41024449916938, 39.91640428150164, 1e-9 },
	{ "pyxis Shanghai", 121.0917077, 30.6107779,
	  121.09626935575027, 30.608604331756705, 1e-7 },
};

static int	near(double, double, double, double, double);
static double	metres(double, double, double, double);
static void	test_vectors(void);
static void	test_round_trip(void);
static void	test_outside(void);
static void	test_xiaoshan(void);
static void	test_valid(void);

/* Both coordinates within eps degrees. */
static int
near(double lng, double lat, double wlng, double wlat, double eps)
{
	return fabs(lng - wlng) < eps && fabs(lat - wlat) < eps;
}

/* Distance in metres between two nearby points (local flat Earth). */
static double
metres(double lng1, double lat1, double lng2, double lat2)
{
	double	 k = M_PI / 180.0 * 6371008.8;

	return hypot((lng2 - lng1) * k * cos((lat1 + lat2) / 2 * M_PI / 180),
	    (lat2 - lat1) * k);
}

static void
test_vectors(void)
{
	double	 x, y;
	size_t	 i;

	for (i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++) {
		geo_wgs84_to_gcj02(vecs[i].wlng, vecs[i].wlat, &x, &y);
		ok(near(x, y, vecs[i].glng, vecs[i].glat, vecs[i].eps),
		    "%s: WGS-84 to GCJ-02 within %g degrees", vecs[i].name,
		    vecs[i].eps);
		geo_gcj02_to_wgs84(vecs[i].glng, vecs[i].glat, &x, &y);
		ok(near(x, y, vecs[i].wlng, vecs[i].wlat, 1e-7),
		    "%s: GCJ-02 back to WGS-84 within 1e-7 degrees",
		    vecs[i].name);
	}
	geo_gcj02_to_wgs84(123.0, 45.0, &x, &y);
	ok(near(x, y, 122.99395597, 44.99804071, 5e-6),
	    "gcoord: GCJ-02 (123, 45) to WGS-84 (%.8f, %.8f)", x, y);
	geo_wgs84_to_gcj02(x, y, &x, &y);
	ok(near(x, y, 123.0, 45.0, 1e-9),
	    "gcoord: and that maps back to (123, 45) within 1e-9 degrees");
}

/* WGS-84 to GCJ-02 and back over a 1-degree grid of mainland China. */
static void
test_round_trip(void)
{
	double	 lng, lat, gx, gy, x, y, d, worst = 0.0;

	for (lng = 73.5; lng < 135.0; lng += 1.0)
		for (lat = 18.5; lat < 53.5; lat += 1.0) {
			geo_wgs84_to_gcj02(lng, lat, &gx, &gy);
			geo_gcj02_to_wgs84(gx, gy, &x, &y);
			d = fmax(fabs(x - lng), fabs(y - lat));
			if (d > worst)
				worst = d;
		}
	ok(worst < 1e-6, "round trip over China within 1e-6 degrees "
	    "(worst %.1e)", worst);
}

static void
test_outside(void)
{
	double	 x, y;

	geo_wgs84_to_gcj02(2.3522, 48.8566, &x, &y);
	ok(x == 2.3522 && y == 48.8566, "Paris: WGS-84 unchanged");
	geo_gcj02_to_wgs84(2.3522, 48.8566, &x, &y);
	ok(x == 2.3522 && y == 48.8566, "Paris: the inverse too");
	geo_wgs84_to_gcj02(72.0, 30.0, &x, &y);
	ok(x == 72.0 && y == 30.0, "just west of the box: unchanged");
	geo_wgs84_to_gcj02(120.0, 56.0, &x, &y);
	ok(x == 120.0 && y == 56.0, "just north of the box: unchanged");
	ok(!geo_in_china(-74.0, 40.7) && geo_in_china(120.27, 30.17),
	    "New York is outside the box, Xiaoshan inside");
}

/* In Xiaoshan GCJ-02 lies some 500 m east-south-east of WGS-84. */
static void
test_xiaoshan(void)
{
	double	 gx, gy, x, y, d;

	geo_wgs84_to_gcj02(120.27, 30.17, &gx, &gy);
	d = metres(120.27, 30.17, gx, gy);
	ok(d > 300.0 && d < 700.0, "Xiaoshan: the offset is %.0f m", d);
	ok(gx > 120.27 && gy < 30.17, "Xiaoshan: to the east and south");
	geo_gcj02_to_wgs84(gx, gy, &x, &y);
	ok(near(x, y, 120.27, 30.17, 1e-9),
	    "Xiaoshan: round trip within 1e-9 degrees");
}

static void
test_valid(void)
{
	ok(geo_valid_wgs84(120.27, 30.17), "a real position is valid");
	ok(geo_valid_wgs84(180.0, 90.0) && geo_valid_wgs84(-180.0, -90.0),
	    "the limits are valid");
	ok(!geo_valid_wgs84(NAN, 30.0), "NaN longitude is not");
	ok(!geo_valid_wgs84(120.0, NAN), "NaN latitude is not");
	ok(!geo_valid_wgs84(INFINITY, 0.0) && !geo_valid_wgs84(0.0, -INFINITY),
	    "infinities are not");
	ok(!geo_valid_wgs84(180.0001, 30.0), "longitude over 180 is not");
	ok(!geo_valid_wgs84(-180.5, 30.0), "longitude under -180 is not");
	ok(!geo_valid_wgs84(120.0, 90.5), "latitude over 90 is not");
	ok(!geo_valid_wgs84(120.0, -91.0), "latitude under -90 is not");
}

int
main(void)
{
	test_vectors();
	test_round_trip();
	test_outside();
	test_xiaoshan();
	test_valid();
	return done_testing();
}
