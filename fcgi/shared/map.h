/* map.h: the streets and towns as SVG path data (map.c). */
#ifndef MAP_H
#define MAP_H

#define MAP_WIDTH	640	/* the drawing's width; its height follows */

int		 map_xml(struct req *, xmlNodePtr);

#endif /* MAP_H */
