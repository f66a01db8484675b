/*
 * boundary.c: street/town and district boundaries: loading them from
 * GeoJSON (read and checked by geojson.c, then each geometry checked
 * again and stored by MariaDB: ST_GeomFromGeoJSON) and finding the
 * street/town of a browser's position (ST_Contains over a SPATIAL index).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/boundary.h"
#include "shared/geo.h"
#include "shared/geojson.h"
#include "shared/jurisdiction.h"

enum geo_stmt {
	STMT_GEO_CHECK,
	STMT_GEO_REGION_PUT,
	STMT_GEO_OUTLINE_PUT,
	STMT_GEO_LOCATE,
	GEO_STMT__MAX
};

/* Each geometry and name as geojson.c read them, never the raw file. */
static struct stmt geo_sql[GEO_STMT__MAX] = {
	[STMT_GEO_CHECK] = { "GEO_CHECK",
	  "SELECT ST_GeometryType(g), ST_Area(g), MBRWithin(g, "
	  "ST_GeomFromText('POLYGON((72 0.8, 138 0.8, 138 56, 72 56, "
	  "72 0.8))')) FROM (SELECT ST_GeomFromGeoJSON(?) AS g) AS f" },
	[STMT_GEO_REGION_PUT] = { "GEO_REGION_PUT",
	  "REPLACE INTO region_boundary (region_id, boundary, approximate, "
	  "source) SELECT r.id, ST_GeomFromGeoJSON(?), ?, ? "
	  "FROM region r JOIN jurisdiction j ON j.id = r.jurisdiction_id "
	  "WHERE j.code = ? AND r.name = ?" },
	[STMT_GEO_OUTLINE_PUT] = { "GEO_OUTLINE_PUT",
	  "REPLACE INTO jurisdiction_boundary (jurisdiction_id, boundary, "
	  "source) SELECT j.id, ST_GeomFromGeoJSON(?), ? "
	  "FROM jurisdiction j WHERE j.code = ?" },
	[STMT_GEO_LOCATE] = { "GEO_LOCATE",
	  "SELECT r.id, r.name FROM region_boundary b "
	  "JOIN region r ON r.id = b.region_id "
	  "WHERE r.jurisdiction_id = ? AND r.retired = 0 "
	  "AND ST_Contains(b.boundary, POINT(?, ?)) LIMIT 1" },
};

/* Read a whole file into the pool, NUL-terminated. */
static char *
slurp(struct pool *p, const char *file, size_t *len)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	if ((fp = fopen(file, "r")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (buf = pool_alloc(p, (size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/*
 * MariaDB's own view of feature i's geometry, checked in C already: an
 * area (not a degenerate ring) inside China's box; -1 after saying why.
 */
static int
geometry_ok(struct pool *p, const struct geo_feature *f, size_t i,
    const char *source)
{
	struct dbres	*res;
	const char	*type;

	if (db_query(p, &geo_sql[STMT_GEO_CHECK], &res, "s", f->geometry) !=
	    DB_OK || res->nrows == 0 || (type = DBRES(res, 0, 0)) == NULL) {
		log_warnx("geo-import %s: feature %zu: no geometry GeoJSON "
		    "can describe", source, i);
		return -1;
	}
	if (strcmp(type, "POLYGON") != 0 && strcmp(type, "MULTIPOLYGON") != 0) {
		log_warnx("geo-import %s: feature %zu: a %s, not a Polygon or "
		    "MultiPolygon", source, i, type);
		return -1;
	}
	if (DBRES(res, 0, 1) == NULL || strtod(DBRES(res, 0, 1), NULL) <= 0) {
		log_warnx("geo-import %s: feature %zu: the polygon encloses "
		    "no area", source, i);
		return -1;
	}
	if (DBRES(res, 0, 2) == NULL || db_ll(res, 0, 2) != 1) {
		log_warnx("geo-import %s: feature %zu: not within China's "
		    "longitudes and latitudes (are they swapped?)", source, i);
		return -1;
	}
	return 0;
}

/*
 * Store every feature as the boundary of the street or town of its
 * name, in one transaction: an unknown name or a bad geometry stops the
 * import and nothing is kept.
 */
static int
import_regions(struct pool *p, const struct conf *c,
    const struct geo_file *gf, const char *source)
{
	const struct geo_feature	*f;
	size_t				 i;

	if (db_begin() != DB_OK)
		return -1;
	for (i = 0; i < gf->n; i++) {
		f = &gf->v[i];
		if (geometry_ok(p, f, i, source) == -1)
			goto fail;
		if (db_exec(&geo_sql[STMT_GEO_REGION_PUT], NULL, "sisss",
		    f->geometry, (long long)f->approximate, source,
		    c->jurisdiction, f->name) != DB_OK || db_affected() == 0) {
			log_warnx("geo-import %s: feature %zu (%s): no such "
			    "street/town in jurisdiction %s, or a bad geometry",
			    source, i, f->name, c->jurisdiction);
			goto fail;
		}
	}
	if (db_commit() != DB_OK)
		return -1;
	printf("%zu street/town boundaries loaded from %s\n", gf->n, source);
	return 0;
fail:
	db_rollback();
	return -1;
}

static int
import_outline(struct pool *p, const struct conf *c,
    const struct geo_file *gf, const char *source)
{
	if (geometry_ok(p, &gf->v[0], 0, source) == -1)
		return -1;
	if (db_exec(&geo_sql[STMT_GEO_OUTLINE_PUT], NULL, "sss",
	    gf->v[0].geometry, source, c->jurisdiction) != DB_OK ||
	    db_affected() == 0) {
		log_warnx("geo-import %s: the outline was not stored (is "
		    "jurisdiction %s in the database?)", source,
		    c->jurisdiction);
		return -1;
	}
	printf("outline of %s loaded from %s\n", c->jurisdiction, source);
	return 0;
}

/* bluecode geo-import [--outline] FILE */
int
boundary_import(const struct conf *c, const char *file, int outline)
{
	struct pool	*p;
	struct geo_file	 gf;
	const char	*base;
	char		*json, why[512];
	size_t		 len;
	int		 rc = -1;

	if ((p = pool_new(64 * 1024)) == NULL)
		return -1;
	base = strrchr(file, '/') != NULL ? strrchr(file, '/') + 1 : file;
	if ((json = slurp(p, file, &len)) == NULL)
		log_warn("geo-import: %s", file);
	else if (geojson_read(p, json, len, outline, &gf, why,
	    sizeof(why)) == -1)
		log_warnx("geo-import %s: %s", base, why);
	else {
		db_configure(c);
		rc = outline ? import_outline(p, c, &gf, base) :
		    import_regions(p, c, &gf, base);
		db_close();
	}
	pool_free(p);
	return rc;
}

/*
 * The street/town at a browser position (WGS-84), converted into the
 * jurisdiction's coordinate system first. Returns 0 and sets *region_id
 * (0: outside every street/town), or the status of a database failure.
 */
int
boundary_locate(struct req *r, const struct jurisdiction *j, double lng,
    double lat, long long *region_id)
{
	struct dbres	*res;
	double		 x = lng, y = lat;
	enum dberr	 e;

	*region_id = 0;
	if (strcmp(j->crs, "gcj02") == 0)
		geo_wgs84_to_gcj02(lng, lat, &x, &y);
	if ((e = db_query(r->pool, &geo_sql[STMT_GEO_LOCATE], &res, "idd",
	    j->id, x, y)) != DB_OK)
		return db_status(e);
	if (res->nrows > 0)
		*region_id = db_ll(res, 0, 0);
	return 0;
}
