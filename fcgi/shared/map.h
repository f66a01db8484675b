/*
 * map.h: the streets and towns as SVG path data, and points put on the
 * same drawing (map.c).
 */
#ifndef MAP_H
#define MAP_H

#define MAP_WIDTH	640	/* the drawing's width; its height follows */

/* How the drawing was made: where a point is put on it. */
struct map_frame {
	double		 x0, y1;	/* the west and north edges */
	double		 coslat, k;	/* the projection and the scale */
	int		 gcj02;		/* the boundaries' datum */
};

int		 map_xml(struct req *, xmlNodePtr);
int		 map_xml_frame(struct req *, xmlNodePtr, struct map_frame *);
int		 map_point(const struct map_frame *, double, double, double *,
		    double *);

#endif /* MAP_H */
