/* apart.h: drawing an image in a short-lived child process (apart.c). */
#ifndef APART_H
#define APART_H

/* Draw with the font; 0 and the PNG in *png, or -1. */
typedef int	(*draw_fn)(const void *, const char *, unsigned char **,
		    size_t *);

int		 draw_apart(struct req *, draw_fn, const void *,
		    unsigned char **, size_t *);

#endif /* APART_H */
