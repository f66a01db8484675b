/*
 * geojson.c: a GeoJSON FeatureCollection of boundaries, parsed (json-c,
 * strict, depth bounded) and checked before the database is touched:
 * every feature a Polygon or MultiPolygon in China's longitudes and
 * latitudes, rings closed with at least 4 finite positions, a name for
 * each street or town and no name twice. The database is then given
 * each geometry and name as this file read them, never the raw text, so
 * what was checked is what is stored. contrib/fuzz/fuzz-geo.c feeds it
 * anything.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <json.h>

#include "core/app.h"
#include "shared/geojson.h"

/* The box MariaDB's check also uses (GEO_CHECK in boundary.c). */
#define CN_LNG_MIN	72.0
#define CN_LNG_MAX	138.0
#define CN_LAT_MIN	0.8
#define CN_LAT_MAX	56.0

/* Nesting: collection, features, feature, geometry, four arrays. */
#define GEOJSON_DEPTH	12

static void	 put(void *);
static int	 is_type(struct json_object *, const char *);
static int	 number(struct json_object *, double *);
static int	 position_ok(struct json_object *, int *);
static int	 no_geometry(char *, size_t, size_t);
static int	 array_of(struct json_object *, size_t *);
static int	 ring_ok(struct json_object *, char *, size_t, size_t);
static int	 polygon_ok(struct json_object *, char *, size_t, size_t);
static int	 geometry_ok(struct json_object *, char *, size_t, size_t);
static int	 approximate(struct json_object *);
static int	 collection_read(struct pool *, const char *, size_t, int,
		    struct geo_file *, char *, size_t);
static int	 feature_read(struct pool *, struct json_object *, size_t,
		    int, struct geo_feature *, char *, size_t);

static void
put(void *o)
{
	json_object_put(o);
}

/* Whether o is an object whose "type" is the string t. */
static int
is_type(struct json_object *o, const char *t)
{
	struct json_object	*v;

	return json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, "type", &v) &&
	    json_object_is_type(v, json_type_string) &&
	    strcmp(json_object_get_string(v), t) == 0;
}

static int
number(struct json_object *o, double *d)
{
	if (!json_object_is_type(o, json_type_double) &&
	    !json_object_is_type(o, json_type_int))
		return 0;
	*d = json_object_get_double(o);
	return isfinite(*d);
}

/*
 * A position [lng, lat], finite numbers (MariaDB refuses a height);
 * *inside is cleared when it lies outside China's box.
 */
static int
position_ok(struct json_object *o, int *inside)
{
	double	 x, y;

	if (!json_object_is_type(o, json_type_array) ||
	    json_object_array_length(o) != 2 ||
	    !number(json_object_array_get_idx(o, 0), &x) ||
	    !number(json_object_array_get_idx(o, 1), &y))
		return 0;
	if (x < CN_LNG_MIN || x > CN_LNG_MAX || y < CN_LAT_MIN ||
	    y > CN_LAT_MAX)
		*inside = 0;
	return 1;
}

static int
no_geometry(char *why, size_t sz, size_t i)
{
	snprintf(why, sz, "feature %zu: no geometry GeoJSON can describe", i);
	return -1;
}

/* Whether o is an array of one element or more; *n its length. */
static int
array_of(struct json_object *o, size_t *n)
{
	return json_object_is_type(o, json_type_array) &&
	    (*n = json_object_array_length(o)) > 0;
}

/* A linear ring: 4 positions or more, the last one the first. */
static int
ring_ok(struct json_object *o, char *why, size_t sz, size_t i)
{
	struct json_object	*a, *b;
	double			 ax, ay, bx, by;
	size_t			 k, n;
	int			 inside = 1;

	if (!json_object_is_type(o, json_type_array))
		goto bad;
	n = json_object_array_length(o);
	for (k = 0; k < n; k++)
		if (!position_ok(json_object_array_get_idx(o, k), &inside))
			goto bad;
	if (n < 4) {
		snprintf(why, sz, "feature %zu: the polygon encloses no area "
		    "(a ring needs 4 positions or more)", i);
		return -1;
	}
	a = json_object_array_get_idx(o, 0);
	b = json_object_array_get_idx(o, n - 1);
	number(json_object_array_get_idx(a, 0), &ax);
	number(json_object_array_get_idx(a, 1), &ay);
	number(json_object_array_get_idx(b, 0), &bx);
	number(json_object_array_get_idx(b, 1), &by);
	if (ax != bx || ay != by) {
		snprintf(why, sz, "feature %zu: a ring is not closed (its last "
		    "position must be its first)", i);
		return -1;
	}
	if (!inside) {
		snprintf(why, sz, "feature %zu: not within China's longitudes "
		    "and latitudes (are they swapped?)", i);
		return -1;
	}
	return 0;
bad:
	return no_geometry(why, sz, i);
}

/* A polygon's coordinates: one ring or more (the outer one first). */
static int
polygon_ok(struct json_object *o, char *why, size_t sz, size_t i)
{
	size_t	 k, n;

	if (!array_of(o, &n))
		return no_geometry(why, sz, i);
	for (k = 0; k < n; k++)
		if (ring_ok(json_object_array_get_idx(o, k), why, sz, i) == -1)
			return -1;
	return 0;
}

static int
geometry_ok(struct json_object *g, char *why, size_t sz, size_t i)
{
	struct json_object	*t, *c;
	char			 up[16];
	size_t			 k, n;

	if (!json_object_is_type(g, json_type_object) ||
	    !json_object_object_get_ex(g, "type", &t) ||
	    !json_object_is_type(t, json_type_string) ||
	    !json_object_object_get_ex(g, "coordinates", &c))
		return no_geometry(why, sz, i);
	if (is_type(g, "Polygon"))
		return polygon_ok(c, why, sz, i);
	if (!is_type(g, "MultiPolygon")) {
		/* As MariaDB names them: "a POINT, not a Polygon". */
		snprintf(up, sizeof(up), "%s", json_object_get_string(t));
		for (k = 0; up[k] != '\0'; k++)
			up[k] = toupper((unsigned char)up[k]);
		if (!utf8_valid(up, strlen(up)))
			snprintf(up, sizeof(up), "?");
		snprintf(why, sz, "feature %zu: a %s, not a Polygon or "
		    "MultiPolygon", i, up);
		return -1;
	}
	if (!array_of(c, &n))
		return no_geometry(why, sz, i);
	for (k = 0; k < n; k++)
		if (polygon_ok(json_object_array_get_idx(c, k), why, sz, i) ==
		    -1)
			return -1;
	return 0;
}

/* "approximate": true, 1, "1" or "true". */
static int
approximate(struct json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_boolean:
		return json_object_get_boolean(v);
	case json_type_int:
		return json_object_get_int64(v) == 1;
	case json_type_string:
		return strcmp(json_object_get_string(v), "1") == 0 ||
		    strcmp(json_object_get_string(v), "true") == 0;
	default:
		return 0;
	}
}

/* Feature i into *f; a street or town must be named, an outline not. */
static int
feature_read(struct pool *p, struct json_object *o, size_t i, int outline,
    struct geo_feature *f, char *why, size_t sz)
{
	struct json_object	*g, *props, *v;
	const char		*s;

	if (!is_type(o, "Feature") ||
	    !json_object_object_get_ex(o, "geometry", &g)) {
		snprintf(why, sz, "feature %zu: not a GeoJSON Feature", i);
		return -1;
	}
	if (!json_object_object_get_ex(o, "properties", &props) ||
	    !json_object_is_type(props, json_type_object))
		props = NULL;
	if (props != NULL && json_object_object_get_ex(props, "name", &v) &&
	    json_object_is_type(v, json_type_string) &&
	    (s = json_object_get_string(v))[0] != '\0')
		f->name = s;
	if (f->name == NULL && !outline) {
		snprintf(why, sz, "feature %zu has no name", i);
		return -1;
	}
	if (props != NULL &&
	    json_object_object_get_ex(props, "approximate", &v))
		f->approximate = approximate(v);
	if (geometry_ok(g, why, sz, i) == -1)
		return -1;
	s = json_object_to_json_string_ext(g, JSON_C_TO_STRING_PLAIN);
	if (s == NULL || (f->geometry = pool_strdup(p, s)) == NULL) {
		snprintf(why, sz, "out of memory");
		return -1;
	}
	return 0;
}

/*
 * Read a FeatureCollection of len bytes into *gf (the pool keeps what it
 * points to). An outline is the first feature alone. Returns 0, or -1
 * with the reason in why.
 */
int
geojson_read(struct pool *p, const char *json, size_t len, int outline,
    struct geo_file *gf, char *why, size_t sz)
{
	size_t	 n;

	if (sz == 0)
		return -1;
	why[0] = '\0';
	if (collection_read(p, json, len, outline, gf, why, sz) == 0)
		return 0;
	/* A name cut at the end of why: cut before its character. */
	n = strlen(why);
	while (n > 0 && !utf8_valid(why, n))
		n--;
	why[n] = '\0';
	return -1;
}

static int
collection_read(struct pool *p, const char *json, size_t len, int outline,
    struct geo_file *gf, char *why, size_t sz)
{
	struct json_tokener	*tok;
	struct json_object	*root, *fs;
	size_t			 i, k, n;

	memset(gf, 0, sizeof(*gf));
	if (len > INT32_MAX || !utf8_valid(json, len)) {
		snprintf(why, sz, "not UTF-8 text");
		return -1;
	}
	if ((tok = json_tokener_new_ex(GEOJSON_DEPTH)) == NULL) {
		snprintf(why, sz, "out of memory");
		return -1;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	root = json_tokener_parse_ex(tok, json, (int)len);
	if (root != NULL && json_tokener_get_parse_end(tok) < len) {
		json_object_put(root);
		root = NULL;
	}
	json_tokener_free(tok);
	if (root == NULL || pool_cleanup(p, put, root) == -1) {
		json_object_put(root);
		snprintf(why, sz, "not JSON");
		return -1;
	}
	if (!is_type(root, "FeatureCollection") ||
	    !json_object_object_get_ex(root, "features", &fs) ||
	    !json_object_is_type(fs, json_type_array) ||
	    (n = json_object_array_length(fs)) == 0) {
		snprintf(why, sz, "not a GeoJSON FeatureCollection");
		return -1;
	}
	if (outline)
		n = 1;
	if ((gf->v = pool_calloc(p, n, sizeof(*gf->v))) == NULL) {
		snprintf(why, sz, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (feature_read(p, json_object_array_get_idx(fs, i), i,
		    outline, &gf->v[i], why, sz) == -1)
			return -1;
		/* One feature a street or town: a second would replace it. */
		for (k = 0; k < i; k++)
			if (strcmp(gf->v[k].name, gf->v[i].name) == 0) {
				snprintf(why, sz, "features %zu and %zu are "
				    "both %s (make one MultiPolygon of them)",
				    k, i, gf->v[i].name);
				return -1;
			}
	}
	gf->n = n;
	return 0;
}
