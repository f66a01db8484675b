/*
 * test-photo.c: residents' uploads as photo_take sees them: a PNG, a
 * JPEG and a WebP taken and encoded again as a JPEG; a large photo made
 * to fit; the camera's orientation applied and its EXIF (a GPS position)
 * gone; a PNG that says it is 20000 by 20000, cut-off files, a file
 * behind a photo, markup in a comment, text, a GIF and nothing at all
 * refused, each for its reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>

#include "core/app.h"
#include "shared/photo.h"
#include "tap.h"

static struct pool	*p;

/* A w × h picture: a blue half and a white half, so sides can be told. */
static gdImagePtr
picture(int w, int h)
{
	gdImagePtr	 im = gdImageCreateTrueColor(w, h);

	gdImageFilledRectangle(im, 0, 0, w - 1, h - 1,
	    gdTrueColor(255, 255, 255));
	gdImageFilledRectangle(im, 0, 0, w / 2 - 1, h - 1,
	    gdTrueColor(0, 60, 200));
	return im;
}

/* Bytes in malloc'd memory the test owns (*n their length). */
static unsigned char *
encoded(gdImagePtr im, const char *kind, size_t *n)
{
	unsigned char	*out;
	void		*b;
	int		 size;

	if (strcmp(kind, "png") == 0)
		b = gdImagePngPtr(im, &size);
	else if (strcmp(kind, "webp") == 0)
		b = gdImageWebpPtr(im, &size);
	else if (strcmp(kind, "gif") == 0)
		b = gdImageGifPtr(im, &size);
	else
		b = gdImageJpegPtr(im, &size, 90);
	out = malloc((size_t)size + 4096);
	memcpy(out, b, (size_t)size);
	*n = (size_t)size;
	gdFree(b);
	return out;
}

/* A segment put in after a JPEG's SOI (buf has room for it). */
static void
splice(unsigned char *buf, size_t *n, const unsigned char *seg, size_t len)
{
	memmove(buf + 2 + len, buf + 2, *n - 2);
	memcpy(buf + 2, seg, len);
	*n += len;
}

/*
 * An APP1 EXIF segment, big-endian TIFF: IFD0 with Orientation = o and
 * a GPS IFD pointer, and a GPS latitude's text to be found later.
 */
static size_t
exif_segment(unsigned char *s, int o)
{
	static const char	 gps[] = "GPS-30.1799N-120.2641E";
	unsigned char		 t[128];
	size_t			 n = 0, len;

	memset(t, 0, sizeof(t));
	memcpy(t, "MM\0*\0\0\0\x08", 8);	/* IFD0 at 8 */
	t[8] = 0; t[9] = 2;			/* two entries */
	/* 0x0112 Orientation, SHORT, 1, value */
	t[10] = 0x01; t[11] = 0x12; t[12] = 0; t[13] = 3;
	t[17] = 1; t[18] = 0; t[19] = (unsigned char)o;
	/* 0x8825 GPS IFD, LONG, 1, at 40 */
	t[22] = 0x88; t[23] = 0x25; t[24] = 0; t[25] = 4;
	t[29] = 1; t[33] = 40;
	/* no next IFD: t[34..37] = 0 */
	memcpy(t + 40, gps, sizeof(gps));
	n = 40 + sizeof(gps);
	len = 2 + 6 + n;
	s[0] = 0xff; s[1] = 0xe1;
	s[2] = (unsigned char)(len >> 8); s[3] = (unsigned char)len;
	memcpy(s + 4, "Exif\0\0", 6);
	memcpy(s + 10, t, n);
	return 2 + len;
}

static int
contains(const unsigned char *b, size_t n, const char *what)
{
	size_t	 len = strlen(what), i;

	for (i = 0; i + len <= n; i++)
		if (memcmp(b + i, what, len) == 0)
			return 1;
	return 0;
}

/* The colour at x, y of a taken photo, decoded again. */
static int
blue_at(const struct photo *ph, int x, int y)
{
	gdImagePtr	 im;
	int		 c;

	im = gdImageCreateFromJpegPtr((int)ph->size, ph->jpeg);
	if (im == NULL)
		return -1;
	c = gdImageGetTrueColorPixel(im, x, y);
	gdImageDestroy(im);
	return gdTrueColorGetBlue(c) > 150 && gdTrueColorGetRed(c) < 100;
}

/* A PNG whose header says w × h, with one tiny IDAT: never decoded. */
static unsigned char *
png_claiming(unsigned long w, unsigned long h, size_t *n)
{
	gdImagePtr	 im = picture(8, 8);
	unsigned char	*b = encoded(im, "png", n);

	gdImageDestroy(im);
	b[16] = (unsigned char)(w >> 24); b[17] = (unsigned char)(w >> 16);
	b[18] = (unsigned char)(w >> 8); b[19] = (unsigned char)w;
	b[20] = (unsigned char)(h >> 24); b[21] = (unsigned char)(h >> 16);
	b[22] = (unsigned char)(h >> 8); b[23] = (unsigned char)h;
	return b;
}

int
main(void)
{
	struct photo	 ph;
	gdImagePtr	 im;
	unsigned char	*b, seg[256];
	size_t		 n, len;
	const char	*why;

	p = pool_new(0);

	/* A PNG: taken, a JPEG of its size. */
	im = picture(400, 300);
	b = encoded(im, "png", &n);
	why = photo_take(p, b, n, PHOTO_SIDE, &ph);
	ok(why == NULL, "a PNG is taken (%s)", why ? why : "ok");
	ok(ph.size > 3 && ph.jpeg[0] == 0xff && ph.jpeg[1] == 0xd8,
	    "it is stored as a JPEG");
	is_int(ph.w, 400, "its width");
	is_int(ph.h, 300, "its height");
	ok(blue_at(&ph, 10, 150) == 1 && blue_at(&ph, 390, 150) == 0,
	    "its pixels are the picture's");
	free(b);

	/* The same cut off; with bytes after IEND. */
	b = encoded(im, "png", &n);
	is_str(photo_take(p, b, n / 2, PHOTO_SIDE, &ph), "photo-broken",
	    "a PNG cut in half is refused as broken");
	memcpy(b + n, "PK\x03\x04zip behind", 14);
	is_str(photo_take(p, b, n + 14, PHOTO_SIDE, &ph), "photo-extra",
	    "a PNG with a zip behind it is refused");
	free(b);

	/* A JPEG with EXIF: orientation 6 applied, the EXIF gone. */
	b = encoded(im, "jpeg", &n);
	len = exif_segment(seg, 6);
	splice(b, &n, seg, len);
	ok(contains(b, n, "GPS-30.1799N"), "the upload carries a position");
	why = photo_take(p, b, n, PHOTO_SIDE, &ph);
	ok(why == NULL, "a JPEG with EXIF is taken (%s)", why ? why : "ok");
	is_int(ph.w, 300, "turned upright: the width is the height");
	is_int(ph.h, 400, "and the height the width");
	ok(blue_at(&ph, 150, 10) == 1 && blue_at(&ph, 150, 390) == 0,
	    "turned a quarter clockwise: the left half is now the top");
	ok(!contains(ph.jpeg, ph.size, "GPS-30.1799N") &&
	    !contains(ph.jpeg, ph.size, "Exif"),
	    "the stored copy has no EXIF and no position");
	is_str(photo_take(p, b, n - 100, PHOTO_SIDE, &ph), "photo-broken",
	    "a JPEG cut short is refused as broken");
	memcpy(b + n, "PK\x03\x04", 4);
	is_str(photo_take(p, b, n + 4, PHOTO_SIDE, &ph), "photo-extra",
	    "a JPEG with another file behind its end is refused");
	free(b);

	/* Markup in a comment: a polyglot a browser might run. */
	b = encoded(im, "jpeg", &n);
	len = strlen("<script>alert(1)</script>");
	seg[0] = 0xff; seg[1] = 0xfe;		/* COM */
	seg[2] = 0; seg[3] = (unsigned char)(2 + len);
	memcpy(seg + 4, "<script>alert(1)</script>", len);
	splice(b, &n, seg, 4 + len);
	is_str(photo_take(p, b, n, PHOTO_SIDE, &ph), "photo-extra",
	    "a JPEG with a script in a comment is refused");
	free(b);

	/* A WebP is taken too. */
	b = encoded(im, "webp", &n);
	why = photo_take(p, b, n, PHOTO_SIDE, &ph);
	ok(why == NULL && ph.w == 400 && ph.h == 300, "a WebP is taken (%s)",
	    why ? why : "ok");
	free(b);
	gdImageDestroy(im);

	/* A large photo fits the side given. */
	im = picture(3000, 2000);
	b = encoded(im, "jpeg", &n);
	gdImageDestroy(im);
	why = photo_take(p, b, n, PHOTO_SIDE, &ph);
	ok(why == NULL, "a 3000 × 2000 photo is taken");
	is_int(ph.w, PHOTO_SIDE, "scaled to the side");
	is_int(ph.h, PHOTO_SIDE * 2000 / 3000, "keeping its proportions");
	free(b);

	/* Bombs: what the header says is refused before decoding. */
	b = png_claiming(20000, 20000, &n);
	is_str(photo_take(p, b, n, PHOTO_SIDE, &ph), "photo-bomb",
	    "a PNG that says 20000 × 20000 is refused");
	free(b);
	b = png_claiming(9000, 9000, &n);
	is_str(photo_take(p, b, n, PHOTO_SIDE, &ph), "photo-bomb",
	    "81 megapixels are refused");
	free(b);
	b = png_claiming(0, 10, &n);
	is_str(photo_take(p, b, n, PHOTO_SIDE, &ph), "photo-broken",
	    "a width of 0 is refused");
	free(b);
	b = png_claiming(16, 16, &n);
	is_str(photo_take(p, b, n, PHOTO_SIDE, &ph), "photo-broken",
	    "a header that does not match its data is refused");
	free(b);

	/* Too many bytes, whatever they are. */
	b = calloc(1, PHOTO_MAX_BYTES + 1);
	memcpy(b, "\x89PNG\r\n\x1a\n", 8);
	is_str(photo_take(p, b, PHOTO_MAX_BYTES + 1, PHOTO_SIDE, &ph),
	    "photo-big", "over PHOTO_MAX_BYTES is refused");
	free(b);

	/* Not images. */
	im = picture(20, 20);
	b = encoded(im, "gif", &n);
	gdImageDestroy(im);
	is_str(photo_take(p, b, n, PHOTO_SIDE, &ph), "photo-type",
	    "a GIF is not taken");
	free(b);
	is_str(photo_take(p, "just some text, not a photo", 27, PHOTO_SIDE,
	    &ph), "photo-type", "text is not taken");
	is_str(photo_take(p, "", 0, PHOTO_SIDE, &ph), "photo-type",
	    "nothing is not taken");
	is_str(photo_take(p, "\xff\xd8\xff", 3, PHOTO_SIDE, &ph),
	    "photo-broken", "a JPEG's first bytes alone are broken");
	is_str(photo_take(p, "\x89PNG\r\n\x1a\n", 8, PHOTO_SIDE, &ph),
	    "photo-broken", "a PNG's signature alone is broken");
	is_str(photo_take(p, "RIFF\x10\0\0\0WEBPVP8 ", 16, PHOTO_SIDE, &ph),
	    "photo-broken", "a WebP's first bytes alone are broken");

	pool_free(p);
	return done_testing();
}
