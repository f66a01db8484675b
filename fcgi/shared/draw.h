/*
 * draw.h: the pen that draws printable images (draw.c): a palette image
 * in the blue code's colours, Chinese text, QR codes, PNG out. Pure
 * functions but for reading the font.
 */
#ifndef DRAW_H
#define DRAW_H

#include <stddef.h>

#include <gd.h>

struct pen {
	gdImagePtr	 im;
	const char	*font;		/* a CJK TrueType font */
	int		 white, blue, dark, light, ink, grey, qr;
	int		 failed;	/* some text could not be set */
};

int		 pen_open(struct pen *, int, int, const char *);
int		 pen_width(struct pen *, double, const char *);
void		 pen_text(struct pen *, int, double, int, int, const char *);
double		 pen_fit(struct pen *, double, int, const char *);
void		 pen_title(struct pen *, double, int, int, const char *, int);
int		 pen_qr(struct pen *, const char *, int, int, int);
int		 pen_png(struct pen *, int, int, unsigned char **, size_t *);
void		 draw_free(unsigned char *);

#endif /* DRAW_H */
