/*
 * test-geo.c: WGS-84 → GCJ-02 on published test vectors, the inverse,
 * points outside China, and validity checks.
 *
 * Vectors: googollee/eviltransform's test suite (Shanghai, Shenzhen,
 * Beijing: wgs lat/lng → gcj lat/lng), and hujiulong/gcoord's
 * (GCJ-02 (123, 45) → WGS-84 (122.99395597, 44.99804071)).
 */
#include <math.h>

#include "geo.h"
#include "tap.h"

static const double vec[][4] = {
	/* wgs lng, wgs lat, gcj lng, gcj lat */
	{ 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597 },
	{ 113.912316, 22.543847, 113.9171764808363, 22.540796131694766 },
	{ 116.377817, 39.911954, 116.38404722455657, 39.91334545536069 },
};

int
main(void)
{
	double	 x, y, gx, gy, d;
	size_t	 i;

	for (i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		geo_wgs84_to_gcj02(vec[i][0], vec[i][1], &x, &y);
		ok(fabs(x - vec[i][2]) < 1e-9 && fabs(y - vec[i][3]) < 1e-9,
		    "published vector %zu: WGS-84 to GCJ-02", i + 1);
		geo_gcj02_to_wgs84(vec[i][2], vec[i][3], &x, &y);
		ok(fabs(x - vec[i][0]) < 1e-7 && fabs(y - vec[i][1]) < 1e-7,
		    "published vector %zu: back to WGS-84", i + 1);
	}
	geo_gcj02_to_wgs84(123, 45, &x, &y);
	ok(fabs(x - 122.99395597) < 1e-5 && fabs(y - 44.99804071) < 1e-5,
	    "gcoord's vector: GCJ-02 (123, 45) to WGS-84");
	/* Xiaoshan: the shift is a few hundred metres to the south-east. */
	geo_wgs84_to_gcj02(120.27, 30.17, &gx, &gy);
	d = hypot((gx - 120.27) * 111320 * cos(30.17 * M_PI / 180),
	    (gy - 30.17) * 110540);
	ok(d > 300 && d < 700, "in Xiaoshan the offset is %.0f m", d);
	ok(gx > 120.27 && gy < 30.17, "to the east and south");
	geo_gcj02_to_wgs84(gx, gy, &x, &y);
	ok(fabs(x - 120.27) < 1e-8 && fabs(y - 30.17) < 1e-8,
	    "round trip within 1e-8 degrees");
	geo_wgs84_to_gcj02(2.35, 48.85, &x, &y);
	ok(x == 2.35 && y == 48.85, "outside China the point is unchanged");
	geo_gcj02_to_wgs84(2.35, 48.85, &x, &y);
	ok(x == 2.35 && y == 48.85, "and so is the inverse");
	ok(geo_valid_wgs84(120.27, 30.17), "a real position is valid");
	ok(!geo_valid_wgs84(NAN, 30), "NaN is not");
	ok(!geo_valid_wgs84(181, 30), "longitude over 180 is not");
	ok(!geo_valid_wgs84(120, -91), "latitude under -90 is not");
	ok(!geo_valid_wgs84(INFINITY, 0), "infinity is not");
	return done_testing();
}
