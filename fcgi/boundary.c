/*
 * boundary.c: street/town and district boundaries: loading them from
 * GeoJSON (MariaDB parses it: ST_GeomFromGeoJSON) and finding the
 * street/town of a browser's position (ST_Contains over a SPATIAL index).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "geo.h"

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
 * Store every feature of a FeatureCollection as the boundary of the
 * region named by its "name" property, in one transaction: an unknown
 * name or a bad geometry stops the import and nothing is kept.
 */
static int
import_regions(struct pool *p, const struct conf *c, const char *json,
    const char *source)
{
	struct dbres	*res;
	long long	 i, n;
	const char	*name;

	if (db_query(p, STMT_GEO_FEATURES, &res, "s", json) != DB_OK ||
	    (n = db_ll(res, 0, 0)) <= 0) {
		log_warnx("geo-import %s: not a GeoJSON FeatureCollection",
		    source);
		return -1;
	}
	if (db_begin() != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_query(p, STMT_GEO_FEATURE_NAME, &res, "si", json, i) !=
		    DB_OK || (name = DBRES(res, 0, 0)) == NULL) {
			log_warnx("geo-import %s: feature %lld has no name",
			    source, i);
			goto fail;
		}
		if (db_exec(STMT_GEO_REGION_PUT, NULL, "sisisss", json, i, json,
		    i, source, c->jurisdiction, name) != DB_OK ||
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
	(void)p;
	if (db_exec(STMT_GEO_OUTLINE_PUT, NULL, "sss", json, source,
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
	if ((e = db_query(r->pool, STMT_GEO_LOCATE, &res, "idd", j->id, x, y))
	    != DB_OK)
		return db_status(e);
	if (res->nrows > 0)
		*region_id = db_ll(res, 0, 0);
	return 0;
}
