/*
 * geojson.h: a boundary file read and checked in C before MariaDB sees
 * any of it (pure: no database), for bluecode geo-import.
 */
#ifndef GEOJSON_H
#define GEOJSON_H

/* One feature: its name and its geometry as GeoJSON text. */
struct geo_feature {
	const char	*name;		/* NULL in an outline without one */
	const char	*geometry;
	int		 approximate;
};

struct geo_file {
	struct geo_feature	*v;
	size_t			 n;
};

int		 geojson_read(struct pool *, const char *, size_t, int,
		    struct geo_file *, char *, size_t);

#endif /* GEOJSON_H */
