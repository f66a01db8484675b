/*
 * draw.c: what the printable images have in common (badges, posters):
 * a palette image (three times faster to encode than truecolor) in the
 * blue code's colours, Chinese text through FreeType, a QR code from
 * libqrencode (error correction M, a quiet zone of four modules), and
 * PNG out. Pure: no I/O but reading the font.
 */
#include <stdlib.h>
#include <string.h>

#include <gd.h>
#include <qrencode.h>

#include "shared/draw.h"

#define QUIET	4		/* modules of white around the QR */

/* A w × h image in the blue code's colours; -1 when none can be made. */
int
pen_open(struct pen *p, int w, int h, const char *font)
{
	memset(p, 0, sizeof(*p));
	p->font = font;
	if (font == NULL || (p->im = gdImageCreate(w, h)) == NULL)
		return -1;
	p->white = gdImageColorAllocate(p->im, 255, 255, 255);
	p->blue = gdImageColorAllocate(p->im, 0x0b, 0x4f, 0xa8);
	p->dark = gdImageColorAllocate(p->im, 0x08, 0x3a, 0x7c);
	p->light = gdImageColorAllocate(p->im, 0xe8, 0xf0, 0xfb);
	p->ink = gdImageColorAllocate(p->im, 0x1b, 0x24, 0x30);
	p->grey = gdImageColorAllocate(p->im, 0x5a, 0x66, 0x75);
	p->qr = gdImageColorAllocate(p->im, 0x0a, 0x2a, 0x5c);
	return 0;
}

/* The width of a string at a size, in pixels; -1 when it cannot be set. */
int
pen_width(struct pen *p, double pt, const char *s)
{
	int	 br[8];

	if (gdImageStringFT(NULL, br, 0, (char *)p->font, pt, 0, 0, 0,
	    (char *)s) != NULL)
		return -1;
	return br[2] - br[0];
}

/* Draw a string with its baseline at (x, y). */
void
pen_text(struct pen *p, int color, double pt, int x, int y, const char *s)
{
	int	 br[8];

	if (gdImageStringFT(p->im, br, color, (char *)p->font, pt, 0, x, y,
	    (char *)s) != NULL)
		p->failed = 1;
}

/* The largest size up to pt at which s fits in width pixels. */
double
pen_fit(struct pen *p, double pt, int width, const char *s)
{
	int	 w;

	while (pt > 6 && (w = pen_width(p, pt, s)) > width)
		pt *= 0.92;
	if (pen_width(p, pt, s) < 0)
		p->failed = 1;
	return pt;
}

/* Text centred on cx, set twice a pixel apart for weight. */
void
pen_title(struct pen *p, double pt, int cx, int y, const char *s, int color)
{
	int	 w = pen_width(p, pt, s);

	pen_text(p, color, pt, cx - w / 2, y, s);
	pen_text(p, color, pt, cx - w / 2 + 1, y, s);
}

/*
 * The QR code of url in a square of side px at (x, y), with whole-pixel
 * modules (crisp for scanners) centred in the square; -1 when it cannot
 * be made or does not fit.
 */
int
pen_qr(struct pen *p, const char *url, int x, int y, int px)
{
	QRcode	*qr;
	int	 mod, size, i, j, off;

	if ((qr = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) ==
	    NULL)
		return -1;
	mod = px / (qr->width + 2 * QUIET);
	if (mod < 1) {
		QRcode_free(qr);
		return -1;
	}
	size = mod * (qr->width + 2 * QUIET);
	off = (px - size) / 2;
	gdImageFilledRectangle(p->im, x, y, x + px - 1, y + px - 1, p->white);
	for (i = 0; i < qr->width; i++)
		for (j = 0; j < qr->width; j++)
			if (qr->data[i * qr->width + j] & 1)
				gdImageFilledRectangle(p->im,
				    x + off + (QUIET + j) * mod,
				    y + off + (QUIET + i) * mod,
				    x + off + (QUIET + j + 1) * mod - 1,
				    y + off + (QUIET + i + 1) * mod - 1, p->qr);
	QRcode_free(qr);
	return 0;
}

/*
 * The PNG of the image at zlib level (dpi > 0: written into it), in *png
 * (free with draw_free); the image is gone either way. -1 when anything
 * failed, drawing included.
 */
int
pen_png(struct pen *p, int dpi, int level, unsigned char **png, size_t *len)
{
	int	 sz = 0;

	*png = NULL;
	*len = 0;
	if (dpi > 0)
		gdImageSetResolution(p->im, dpi, dpi);
	if (!p->failed)
		*png = gdImagePngPtrEx(p->im, &sz, level);
	gdImageDestroy(p->im);
	p->im = NULL;
	if (*png == NULL)
		return -1;
	*len = (size_t)sz;
	return 0;
}

void
draw_free(unsigned char *png)
{
	if (png != NULL)
		gdFree(png);
}
