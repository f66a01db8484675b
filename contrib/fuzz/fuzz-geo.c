/*
 * fuzz-geo.c: a libFuzzer target for the boundary importer's reading and
 * checking (fcgi/shared/geojson.c), everything before the database. The
 * first byte says street/town polygons or an outline. Whatever the
 * input, a file is either refused with a reason in UTF-8, or read into
 * features that are named (but an outline), with different names, and
 * whose geometries, put back into a collection, read again the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/geojson.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	 check(struct pool *, const struct geo_file *, int);

/* The features again as a collection: the same names and geometries. */
static void
check(struct pool *p, const struct geo_file *gf, int outline)
{
	struct geo_file	 again;
	char		*s, why[256];
	size_t		 i, k;

	if (gf->n == 0 || (outline && gf->n != 1))
		abort();
	s = pool_strdup(p, "{\"type\":\"FeatureCollection\",\"features\":[");
	for (i = 0; i < gf->n; i++) {
		if (gf->v[i].geometry == NULL ||
		    (!outline && (gf->v[i].name == NULL ||
		    gf->v[i].name[0] == '\0')))
			abort();
		for (k = 0; k < i && !outline; k++)
			if (strcmp(gf->v[k].name, gf->v[i].name) == 0)
				abort();
		s = pool_printf(p, "%s%s{\"type\":\"Feature\",\"properties\":"
		    "{\"name\":\"n%zu\"},\"geometry\":%s}", s, i ? "," : "", i,
		    gf->v[i].geometry);
	}
	s = pool_printf(p, "%s]}", s);
	if (geojson_read(p, s, strlen(s), outline, &again, why,
	    sizeof(why)) != 0 || again.n != gf->n)
		abort();
	for (i = 0; i < gf->n; i++)
		if (strcmp(again.v[i].geometry, gf->v[i].geometry) != 0)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool	*p;
	struct geo_file	 gf;
	char		 why[128];
	int		 outline;

	if (size == 0)
		return 0;
	outline = data[0] & 1;
	if ((p = pool_new(16 * 1024)) == NULL)
		abort();
	if (geojson_read(p, (const char *)data + 1, size - 1, outline, &gf,
	    why, sizeof(why)) == 0)
		check(p, &gf, outline);
	else if (why[0] == '\0' || !utf8_valid(why, strlen(why)))
		abort();
	pool_free(p);
	return 0;
}
