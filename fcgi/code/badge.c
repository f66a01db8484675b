/*
 * badge.c: a blue code's badge as a PNG, drawn with the pen of
 * shared/draw.c (libgd, libqrencode, FreeType): portrait for phones and
 * A6, a landscape ID card; print sizes carry 300 dpi in the PNG.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/badge.h"
#include "shared/draw.h"

struct geom {
	int	 w, h, dpi;
};

static const struct geom geoms[BADGE__MAX] = {
	{ 720, 1080, 0 },	/* BADGE_SCREEN */
	{ 1011, 638, 300 },	/* BADGE_CARD */
	{ 1240, 1748, 300 },	/* BADGE_A6 */
};

const char *const badge_label_names[BL__MAX] = {
	"title", "card-head", "holder", "role", "region", "valid", "number",
	"validity", "scan"
};

static const char *const size_names[BADGE__MAX] = {
	"screen", "card", "a6"
};

static void	 draw_portrait(struct pen *, const struct badge *, double);
static void	 draw_card(struct pen *, const struct badge *);

const char *
badge_size_name(enum badge_size s)
{
	return s >= 0 && s < BADGE__MAX ? size_names[s] : "?";
}

/*
 * A value too long for its line (an English role) in two lines about
 * the line's baseline y, broken at the last space that lets the first
 * fit at pt; 0 when there is no such space.
 */
static int
two_lines(struct pen *p, double pt, int x, int y, int width,
    const char *value)
{
	char	 first[256];
	size_t	 n = strlen(value);

	if (n >= sizeof(first))
		return 0;
	memcpy(first, value, n + 1);
	while (n > 0) {
		while (n > 0 && first[n] != ' ')
			n--;
		if (n == 0)
			return 0;
		first[n] = '\0';
		if (pen_width(p, pt, first) <= width)
			break;
	}
	pt = pen_fit(p, pt, width, value + n + 1);
	pen_text(p, p->ink, pt, x, y - (int)(pt * 0.7), first);
	pen_text(p, p->ink, pt, x, y + (int)(pt * 0.75), value + n + 1);
	return 1;
}

/*
 * Label and value on one line, the value after lw (the widest label's
 * room) and shrunk to fit.
 */
static void
field(struct pen *p, double pt, int x, int y, int width, int lw,
    const char *label, const char *value)
{
	pen_text(p, p->grey, pt * 0.85, x, y, label);
	if (pen_fit(p, pt, width - lw, value) < pt * 0.8 &&
	    two_lines(p, pt * 0.8, x + lw, y, width - lw, value))
		return;
	pen_text(p, p->ink, pen_fit(p, pt, width - lw, value), x + lw, y,
	    value);
}

/*
 * The room the labels take: four Chinese characters and a space (the
 * width the Chinese labels were laid out for), or more for longer
 * words, but never more than a third of the line.
 */
static int
label_room(struct pen *p, const struct badge *b, double pt, int width)
{
	static const enum badge_label ls[] = {
		BL_HOLDER, BL_ROLE, BL_REGION, BL_VALID, BL_NUMBER
	};
	size_t	 i;
	int	 lw = (int)(pt * 5.2), w;

	for (i = 0; i < sizeof(ls) / sizeof(ls[0]); i++) {
		w = pen_width(p, pt * 0.85, b->label[ls[i]]) + (int)(pt * 0.8);
		if (w > lw)
			lw = w;
	}
	return lw < width / 3 ? lw : width / 3;
}

static void
fields(struct pen *p, const struct badge *b, double pt, int x, int y,
    int width, int step)
{
	const char *const	*l = b->label;
	int			 lw = label_room(p, b, pt, width);

	if (b->holder != NULL && b->holder[0] != '\0') {
		field(p, pt, x, y, width, lw, l[BL_HOLDER], b->holder);
		y += step;
	}
	field(p, pt, x, y, width, lw, l[BL_ROLE], b->role);
	field(p, pt, x, y + step, width, lw, l[BL_REGION], b->region);
	field(p, pt, x, y + 2 * step, width, lw, l[BL_VALID],
	    l[BL_VALIDITY]);
	field(p, pt, x, y + 3 * step, width, lw, l[BL_NUMBER], b->number);
}

/* Phone screens and A6: header band, QR, facts, footer band. */
static void
draw_portrait(struct pen *p, const struct badge *b, double k)
{
	gdImagePtr	 im = p->im;
	int		 w = gdImageSX(im), h = gdImageSY(im), qr, y;
	double		 pt;

	gdImageFilledRectangle(im, 0, 0, w - 1, (int)(200 * k), p->blue);
	pen_title(p, pen_fit(p, 46 * k, w - (int)(80 * k), b->label[BL_TITLE]),
	    w / 2, (int)(100 * k), b->label[BL_TITLE], p->white);
	pt = pen_fit(p, 20 * k, w - (int)(80 * k), b->jurisdiction);
	pen_text(p, p->white, pt, (w - pen_width(p, pt, b->jurisdiction)) / 2,
	    (int)(160 * k), b->jurisdiction);
	qr = (int)(460 * k);
	if (pen_qr(p, b->url, (w - qr) / 2, (int)(225 * k), qr) == -1)
		p->failed = 1;
	y = (int)(740 * k);
	fields(p, b, 21 * k, (int)(70 * k), y, w - (int)(140 * k),
	    (int)(52 * k));
	gdImageFilledRectangle(im, 0, h - (int)(70 * k), w - 1, h - 1,
	    p->light);
	pt = 17 * k;
	pen_text(p, p->dark, pt, (w - pen_width(p, pt, b->label[BL_SCAN])) / 2,
	    h - (int)(26 * k), b->label[BL_SCAN]);
}

/* The ID card: band across the top, QR on the left, facts on the right. */
static void
draw_card(struct pen *p, const struct badge *b)
{
	gdImagePtr	 im = p->im;
	int		 w = gdImageSX(im), h = gdImageSY(im);
	double		 pt;
	const char	*head = b->label[BL_CARD_HEAD];

	gdImageFilledRectangle(im, 0, 0, w - 1, 120, p->blue);
	pt = pen_fit(p, 40, w - 80, head);
	pen_text(p, p->white, pt, 44, 82, head);
	pen_text(p, p->white, pt, 45, 82, head);
	if (pen_qr(p, b->url, 30, 140, 470) == -1)
		p->failed = 1;
	fields(p, b, 22, 520, b->holder ? 210 : 240, w - 550, 72);
	gdImageFilledRectangle(im, 500, h - 60, w - 1, h - 1, p->light);
	pen_text(p, p->dark, 18, 520, h - 22, b->label[BL_SCAN]);
}

static int
labels_given(const struct badge *b)
{
	int	 i;

	if (b->label == NULL)
		return 0;
	for (i = 0; i < BL__MAX; i++)
		if (b->label[i] == NULL)
			return 0;
	return 1;
}

/*
 * Draw a badge. Returns 0 and the PNG in *png (free with badge_free), or
 * -1: no URL, a QR that cannot be made, a font that cannot be read.
 */
int
badge_png(const struct badge *b, enum badge_size s, const char *font,
    int level, unsigned char **png, size_t *len)
{
	struct pen	 p;

	*png = NULL;
	*len = 0;
	if (b->url == NULL || s < 0 || s >= BADGE__MAX || font == NULL ||
	    b->role == NULL || b->region == NULL || b->issued == NULL ||
	    b->expires == NULL || b->number == NULL ||
	    b->jurisdiction == NULL || !labels_given(b))
		return -1;
	if (pen_open(&p, geoms[s].w, geoms[s].h, font) == -1)
		return -1;
	if (s == BADGE_CARD)
		draw_card(&p, b);
	else
		draw_portrait(&p, b, s == BADGE_A6 ? 1240.0 / 720.0 : 1.0);
	return pen_png(&p, geoms[s].dpi, level, png, len);
}

void
badge_free(unsigned char *png)
{
	draw_free(png);
}
