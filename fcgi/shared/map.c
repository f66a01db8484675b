/*
 * map.c: the jurisdiction's streets and towns as SVG path data, for maps
 * a stylesheet draws (each area coloured by a figure). The polygons come
 * from region_boundary as WKB and are projected equirectangularly (at
 * the district's scale the error is nothing to see), scaled to
 * MAP_WIDTH, with points closer than half a pixel to the last one kept
 * dropped. No map tiles: the machine serving it may have no internet.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/geo.h"
#include "shared/jurisdiction.h"
#include "shared/map.h"

enum map_stmt {
	STMT_MAP_SHAPES,
	MAP_STMT__MAX
};

static struct stmt map_sql[MAP_STMT__MAX] = {
	[STMT_MAP_SHAPES] = { "MAP_SHAPES",
	  "SELECT r.id, ST_AsWKB(b.boundary) FROM region r "
	  "JOIN region_boundary b ON b.region_id = r.id "
	  "WHERE r.jurisdiction_id = ? AND r.retired = 0 ORDER BY r.sort, r.id" },
};

/* Where a WKB reader is, and the drawing's frame. */
struct wkb {
	const unsigned char	*p, *end;
	int			 little;
	double			 x0, y1, k, coslat;
	double			 bx0, bx1, by0, by1;	/* the frame, found */
	char			*d;
	size_t			 len, cap;
	struct pool		*pool;
	int			 fail;
};

static unsigned
wkb_u32(struct wkb *w)
{
	unsigned	 v;

	if (w->end - w->p < 4) {
		w->fail = 1;
		return 0;
	}
	v = w->little ? (unsigned)w->p[0] | (unsigned)w->p[1] << 8 |
	    (unsigned)w->p[2] << 16 | (unsigned)w->p[3] << 24 :
	    (unsigned)w->p[3] | (unsigned)w->p[2] << 8 |
	    (unsigned)w->p[1] << 16 | (unsigned)w->p[0] << 24;
	w->p += 4;
	return v;
}

static double
wkb_double(struct wkb *w)
{
	unsigned char	 b[8];
	double		 v;
	int		 i;

	if (w->end - w->p < 8) {
		w->fail = 1;
		return 0;
	}
	for (i = 0; i < 8; i++)
		b[i] = w->little ? w->p[i] : w->p[7 - i];
	w->p += 8;
	memcpy(&v, b, sizeof(v));	/* the machine is little-endian */
	return v;
}

/* Append text to the path data. */
static void
put(struct wkb *w, const char *s)
{
	size_t	 n = strlen(s);
	char	*nd;

	if (w->fail)
		return;
	if (w->len + n + 1 > w->cap) {
		w->cap = (w->len + n + 1) * 2;
		if ((nd = pool_alloc(w->pool, w->cap)) == NULL) {
			w->fail = 1;
			return;
		}
		if (w->len > 0)
			memcpy(nd, w->d, w->len);
		w->d = nd;
	}
	memcpy(w->d + w->len, s, n + 1);
	w->len += n;
}

/*
 * One ring: "M x y L x y … Z", near points dropped; or, while the scale
 * is still 0, its points taken into the frame.
 */
static void
ring(struct wkb *w)
{
	unsigned	 n, i;
	double		 x, y, px = -1e9, py = -1e9;
	char		 buf[48];

	n = wkb_u32(w);
	if (w->k == 0) {		/* finding the frame */
		for (i = 0; i < n && !w->fail; i++) {
			x = wkb_double(w);
			y = wkb_double(w);
			w->bx0 = fmin(w->bx0, x);
			w->bx1 = fmax(w->bx1, x);
			w->by0 = fmin(w->by0, y);
			w->by1 = fmax(w->by1, y);
		}
		return;
	}
	for (i = 0; i < n && !w->fail; i++) {
		x = (wkb_double(w) - w->x0) * w->coslat * w->k;
		y = (w->y1 - wkb_double(w)) * w->k;
		if (i > 0 && i + 1 < n && fabs(x - px) < 0.5 &&
		    fabs(y - py) < 0.5)
			continue;
		snprintf(buf, sizeof(buf), "%s%.1f %.1f", i == 0 ? "M" : "L",
		    x, y);
		put(w, buf);
		px = x;
		py = y;
	}
	put(w, "Z");
}

/* A polygon or multipolygon (WKB types 3 and 6), or anything else: fail. */
static void
geometry(struct wkb *w)
{
	unsigned	 type, n, i;

	if (w->p >= w->end) {
		w->fail = 1;
		return;
	}
	w->little = *w->p++ == 1;
	type = wkb_u32(w);
	if (type == 3) {
		for (n = wkb_u32(w), i = 0; i < n && !w->fail; i++)
			ring(w);
	} else if (type == 6) {
		for (n = wkb_u32(w), i = 0; i < n && !w->fail; i++)
			geometry(w);
	} else
		w->fail = 1;
}

/*
 * <map width height> with an <area region d> for each street or town
 * with a boundary; nothing when none has one.
 */
/* Read row i's geometry with w (its frame, or its path). */
static void
read_row(struct wkb *w, const struct dbres *res, size_t i)
{
	w->p = (const unsigned char *)DBRES(res, i, 1);
	w->end = w->p + res->len[i * res->ncols + 1];
	w->len = 0;
	w->fail = w->p == NULL;
	if (!w->fail)
		geometry(w);
}

int
map_xml(struct req *r, xmlNodePtr into)
{
	return map_xml_frame(r, into, NULL);
}

/*
 * map_xml, and the frame of the drawing in *f when f is not NULL (its
 * scale is 0 when nothing was drawn), for map_point.
 */
int
map_xml_frame(struct req *r, xmlNodePtr into, struct map_frame *f)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	struct wkb			 w;
	xmlNodePtr			 map, a;
	enum dberr			 e;
	size_t				 i;

	if (f != NULL)
		memset(f, 0, sizeof(*f));
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &map_sql[STMT_MAP_SHAPES], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	memset(&w, 0, sizeof(w));
	w.pool = r->pool;
	w.bx0 = w.by0 = 1e9;
	w.bx1 = w.by1 = -1e9;
	for (i = 0; i < res->nrows; i++)
		read_row(&w, res, i);
	if (w.bx1 <= w.bx0 || w.by1 <= w.by0)
		return 0;			/* no boundary to draw */
	w.x0 = w.bx0;
	w.y1 = w.by1;
	w.coslat = cos((w.by0 + w.by1) / 2 * M_PI / 180);
	w.k = MAP_WIDTH / ((w.bx1 - w.bx0) * w.coslat);
	if (f != NULL)
		*f = (struct map_frame){ w.x0, w.y1, w.coslat, w.k,
		    strcmp(j->crs, "gcj02") == 0 };
	map = xml_add(into, "map", NULL);
	xml_propll(map, "width", MAP_WIDTH);
	xml_propll(map, "height", (long long)ceil((w.by1 - w.by0) * w.k));
	for (i = 0; i < res->nrows; i++) {
		read_row(&w, res, i);
		if (w.fail || w.len == 0) {
			log_warnx("map: region %s: a boundary not drawn",
			    DBRES(res, i, 0));
			continue;
		}
		a = xml_add(map, "area", NULL);
		xml_prop(a, "region", DBRES(res, i, 0));
		xml_prop(a, "d", w.d);
	}
	return 0;
}

/*
 * Where a position the browser gave (WGS-84 longitude and latitude) is
 * on the drawing of frame: 1 and *x, *y; 0 when nothing was drawn.
 */
int
map_point(const struct map_frame *f, double lng, double lat, double *x,
    double *y)
{
	if (f->k == 0)
		return 0;
	if (f->gcj02)
		geo_wgs84_to_gcj02(lng, lat, &lng, &lat);
	*x = (lng - f->x0) * f->coslat * f->k;
	*y = (f->y1 - lat) * f->k;
	return 1;
}
