/*
 * boundary.c: street/town and district boundaries: loading them from
 * GeoJSON (MariaDB parses it: ST_GeomFromGeoJSON) and finding the
 * street/town of a browser's position (ST_Contains over a SPATIAL index).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/boundary.h"
#include "shared/geo.h"
#include "shared/jurisdiction.h"

enum geo_stmt {
	STMT_GEO_FEATURES,
	STMT_GEO_FEATURE_NAME,
	STMT_GEO_CHECK,
	STMT_GEO_REGION_PUT,
	STMT_GEO_OUTLINE_PUT,
	STMT_GEO_LOCATE,
	GEO_STMT__MAX
};

static struct stmt geo_sql[GEO_STMT__MAX] = {
	[STMT_GEO_FEATURES] = { "GEO_FEATURES",
	  "SELECT JSON_LENGTH(?, '$.features')" },
	[STMT_GEO_FEATURE_NAME] = { "GEO_FEATURE_NAME",
	  "SELECT JSON_VALUE(?, CONCAT('$.features[', ?, '].properties.name'))" },
	[STMT_GEO_CHECK] = { "GEO_CHECK",
	  "SELECT ST_GeometryType(g), ST_Area(g), MBRWithin(g, "
	  "ST_GeomFromText('POLYGON((72 0.8, 138 0.8, 138 56, 72 56, "
	  "72 0.8))')) FROM (SELECT ST_GeomFromGeoJSON(JSON_QUERY(?, "
	  "CONCAT('$.features[', ?, '].geometry'))) AS g) AS f" },
	[STMT_GEO_REGION_PUT] = { "GEO_REGION_PUT",
	  "REPLACE INTO region_boundary (region_id, boundary, approximate, "
	  "source) SELECT r.id, ST_GeomFromGeoJSON(JSON_QUERY(?, "
	  "CONCAT('$.features[', ?, '].geometry'))), COALESCE(JSON_VALUE(?, "
	  "CONCAT('$.features[', ?, '].properties.approximate')) IN ('1', 'true'), 0), "
	  "? FROM region r JOIN jurisdiction j ON j.id = r.jurisdiction_id "
	  "WHERE j.code = ? AND r.name = ?" },
	[STMT_GEO_OUTLINE_PUT] = { "GEO_OUTLINE_PUT",
	  "REPLACE INTO jurisdiction_boundary (jurisdiction_id, boundary, "
	  "source) SELECT j.id, ST_GeomFromGeoJSON(JSON_QUERY(?, "
	  "'$.features[0].geometry')), ? FROM jurisdiction j WHERE j.code = ?" },
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
 * Feature i's geometry is an area in China's longitude and latitude (a
 * polygon or several, with an area, not a point, a line or a shape with
 * the axes swapped); -1 after saying why it is not.
 */
static int
geometry_ok(struct pool *p, const char *json, long long i,
    const char *source)
{
	struct dbres	*res;
	const char	*type;

	if (db_query(p, &geo_sql[STMT_GEO_CHECK], &res, "si", json, i) != DB_OK
	    || res->nrows == 0 || (type = DBRES(res, 0, 0)) == NULL) {
		log_warnx("geo-import %s: feature %lld: no geometry GeoJSON "
		    "can describe", source, i);
		return -1;
	}
	if (strcmp(type, "POLYGON") != 0 && strcmp(type, "MULTIPOLYGON") != 0) {
		log_warnx("geo-import %s: feature %lld: a %s, not a Polygon or "
		    "MultiPolygon", source, i, type);
		return -1;
	}
	if (DBRES(res, 0, 1) == NULL || strtod(DBRES(res, 0, 1), NULL) <= 0) {
		log_warnx("geo-import %s: feature %lld: the polygon encloses "
		    "no area", source, i);
		return -1;
	}
	if (DBRES(res, 0, 2) == NULL || db_ll(res, 0, 2) != 1) {
		log_warnx("geo-import %s: feature %lld: not within China's "
		    "longitudes and latitudes (are they swapped?)", source, i);
		return -1;
	}
	return 0;
}

/*
 * Store every feature of a FeatureCollection as the boundary of the
 * region named by its "name" property, in one transaction: an unknown
 * name or a bad geometry stops the import and nothing is kept.
 */
static int
import_regions(struct pool *p, const struct conf *c, const char *json,
    const char *source)
{
	struct dbres	*res;
	long long	 i, k, n;
	const char	*name, **names;

	if (db_query(p, &geo_sql[STMT_GEO_FEATURES], &res, "s", json) != DB_OK
	    || (n = db_ll(res, 0, 0)) <= 0) {
		log_warnx("geo-import %s: not a GeoJSON FeatureCollection",
		    source);
		return -1;
	}
	if ((names = pool_calloc(p, (size_t)n, sizeof(*names))) == NULL)
		return -1;
	if (db_begin() != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_query(p, &geo_sql[STMT_GEO_FEATURE_NAME], &res, "si",
		    json, i) != DB_OK || (name = DBRES(res, 0, 0)) == NULL) {
			log_warnx("geo-import %s: feature %lld has no name",
			    source, i);
			goto fail;
		}
		/* One feature a street or town: a second would replace it. */
		for (k = 0; k < i; k++)
			if (strcmp(names[k], name) == 0) {
				log_warnx("geo-import %s: features %lld and %lld "
				    "are both %s (make one MultiPolygon of "
				    "them)", source, k, i, name);
				goto fail;
			}
		names[i] = name;
		if (geometry_ok(p, json, i, source) == -1)
			goto fail;
		if (db_exec(&geo_sql[STMT_GEO_REGION_PUT], NULL, "sisisss",
		    json, i, json, i, source, c->jurisdiction, name) != DB_OK ||
		    db_affected() == 0) {
			log_warnx("geo-import %s: feature %lld (%s): no such "
			    "street/town in jurisdiction %s, or a bad geometry",
			    source, i, name, c->jurisdiction);
			goto fail;
		}
	}
	if (db_commit() != DB_OK)
		return -1;
	printf("%lld street/town boundaries loaded from %s\n", n, source);
	return 0;
fail:
	db_rollback();
	return -1;
}

static int
import_outline(struct pool *p, const struct conf *c, const char *json,
    const char *source)
{
	if (geometry_ok(p, json, 0, source) == -1)
		return -1;
	if (db_exec(&geo_sql[STMT_GEO_OUTLINE_PUT], NULL, "sss", json, source,
	    c->jurisdiction) != DB_OK || db_affected() == 0) {
		log_warnx("geo-import %s: the outline was not stored (a "
		    "FeatureCollection whose first feature is the outline?)",
		    source);
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
	const char	*base;
	char		*json;
	size_t		 len;
	int		 rc = -1;

	if ((p = pool_new(64 * 1024)) == NULL)
		return -1;
	db_configure(c);
	base = strrchr(file, '/') != NULL ? strrchr(file, '/') + 1 : file;
	if ((json = slurp(p, file, &len)) == NULL)
		log_warn("geo-import: %s", file);
	else if (!utf8_valid(json, len))
		log_warnx("geo-import: %s is not UTF-8", file);
	else
		rc = outline ? import_outline(p, c, json, base) :
		    import_regions(p, c, json, base);
	db_close();
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
