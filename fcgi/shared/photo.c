/*
 * photo.c: a photo or a scanned document a resident uploads (a hazard
 * report's photos, an aid application's documents), taken only if it is
 * a whole JPEG, PNG or WebP image and nothing else, then decoded with
 * libgd and encoded again as a JPEG of at most a given side. The new
 * file carries none of the upload's metadata (EXIF, GPS position, camera
 * serial, comments) and none of any other format hidden in it; the
 * camera's orientation is applied to the pixels first, so the photo is
 * upright without it.
 *
 * The size in pixels is read from the file's header before anything is
 * decoded, so a small file that would decode into gigabytes (a "PNG
 * bomb") is refused for what it says it is. A file that ends early, or
 * has bytes after its image's end, or carries markup or a script, is
 * refused as well: decoding would throw such bytes away, but a file that
 * is two things at once is not a resident's photo.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <gd.h>

#include "core/app.h"
#include "shared/photo.h"

#define PHOTO_MAX_SIDE		12000	/* pixels, either way */
#define PHOTO_MAX_PIXELS	(40L * 1000 * 1000)
#define PHOTO_QUALITY		82	/* JPEG, of the stored copy */

enum kind {
	KIND_NONE,
	KIND_JPEG,
	KIND_PNG,
	KIND_WEBP
};

static unsigned int
be16(const unsigned char *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static unsigned long
le24(const unsigned char *p)
{
	return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
	    (unsigned long)p[2] << 16;
}

static unsigned long
le32(const unsigned char *p)
{
	return le24(p) | (unsigned long)p[3] << 24;
}

/* A TIFF SHORT, in the file's byte order. */
static unsigned int
tiff16(const unsigned char *p, int le)
{
	return le ? (unsigned int)p[1] << 8 | p[0] : be16(p);
}

/*
 * The EXIF orientation (1 to 8) of an APP1 segment's body, or 0: the
 * TIFF header, IFD0, its tag 0x0112.
 */
static int
exif_orientation(const unsigned char *p, size_t n)
{
	unsigned long	 ifd;
	unsigned int	 count, i, tag, v;
	int		 le;

	if (n < 14 || memcmp(p, "Exif\0\0", 6) != 0)
		return 0;
	p += 6;
	n -= 6;
	if (memcmp(p, "II*\0", 4) == 0)
		le = 1;
	else if (memcmp(p, "MM\0*", 4) == 0)
		le = 0;
	else
		return 0;
	ifd = le ? le32(p + 4) : be32(p + 4);
	if (ifd > n - 2)
		return 0;
	count = tiff16(p + ifd, le);
	for (i = 0; i < count; i++) {
		if (ifd + 2 + 12 * (i + 1) > n)
			return 0;
		tag = tiff16(p + ifd + 2 + 12 * i, le);
		if (tag != 0x0112)
			continue;
		v = tiff16(p + ifd + 10 + 12 * i, le);
		return v >= 1 && v <= 8 ? (int)v : 0;
	}
	return 0;
}

/*
 * A JPEG's size and orientation from its segments up to the first
 * scan; whether it ends with its end marker. NULL, or why not.
 */
static const char *
jpeg_header(const unsigned char *p, size_t n, long *w, long *h, int *orient)
{
	size_t		 i = 2, len;
	unsigned int	 m;

	while (i + 4 <= n) {
		if (p[i] != 0xff)
			return "photo-broken";
		m = p[i + 1];
		if (m == 0xff) {		/* fill byte */
			i++;
			continue;
		}
		if (m == 0xd8 || m == 0xd9 || (m >= 0xd0 && m <= 0xd7) ||
		    m == 0x01) {
			i += 2;
			continue;
		}
		len = be16(p + i + 2);
		if (len < 2 || i + 2 + len > n)
			return "photo-broken";
		if (m == 0xe1 && *orient == 0)
			*orient = exif_orientation(p + i + 4, len - 2);
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 &&
		    m != 0xcc) {
			if (len < 7)
				return "photo-broken";
			*h = be16(p + i + 5);
			*w = be16(p + i + 7);
		}
		if (m == 0xda)			/* the first scan */
			break;
		i += 2 + len;
	}
	if (*w <= 0 || *h <= 0 || i + 4 > n)
		return "photo-broken";
	if (p[n - 2] == 0xff && p[n - 1] == 0xd9)
		return NULL;
	/* Bytes after an end marker: another file behind the photo. */
	for (i = n - 2; i > 2; i--)
		if (p[i] == 0xff && p[i + 1] == 0xd9)
			return "photo-extra";
	return "photo-broken";
}

/* A PNG's size; every chunk whole, IEND the last and the file's end. */
static const char *
png_header(const unsigned char *p, size_t n, long *w, long *h)
{
	size_t		 i = 8;
	unsigned long	 len;

	if (n < 33 || memcmp(p + 12, "IHDR", 4) != 0)
		return "photo-broken";
	*w = (long)be32(p + 16);
	*h = (long)be32(p + 20);
	while (i + 12 <= n) {
		len = be32(p + i);
		if (len > n - i - 12)
			return "photo-broken";
		if (memcmp(p + i + 4, "IEND", 4) == 0)
			return i + 12 + len == n ? NULL : "photo-extra";
		i += 12 + len;
	}
	return "photo-broken";
}

/* A WebP's size: the RIFF length is the file's, its first chunk's. */
static const char *
webp_header(const unsigned char *p, size_t n, long *w, long *h)
{
	unsigned long	 riff = le32(p + 4);

	if (n < 30)
		return "photo-broken";
	if (riff + 8 < n)
		return "photo-extra";
	if (riff + 8 > n)
		return "photo-broken";
	if (memcmp(p + 12, "VP8 ", 4) == 0) {
		*w = (long)((p[26] | p[27] << 8) & 0x3fff);
		*h = (long)((p[28] | p[29] << 8) & 0x3fff);
	} else if (memcmp(p + 12, "VP8L", 4) == 0) {
		*w = (long)((le32(p + 21) & 0x3fff) + 1);
		*h = (long)((le32(p + 21) >> 14 & 0x3fff) + 1);
	} else if (memcmp(p + 12, "VP8X", 4) == 0) {
		*w = (long)le24(p + 24) + 1;
		*h = (long)le24(p + 27) + 1;
	} else
		return "photo-broken";
	return NULL;
}

/* Whether the bytes hold markup or a script a browser could run. */
static int
has_markup(const unsigned char *p, size_t n)
{
	static const char *const	 words[] = { "<script", "<html",
	    "<body", "<svg", "<iframe", "<?php", "<!doctype", "<?xml",
	    "javascript:" };
	const unsigned char		*s, *end = p + n;
	size_t				 k, len;
	int				 c;

	for (s = p; s < end; s++) {
		if ((c = *s | 0x20) != '<' && c != 'j')
			continue;
		for (k = 0; k < NELEM(words); k++) {
			len = strlen(words[k]);
			if ((size_t)(end - s) >= len &&
			    strncasecmp((const char *)s, words[k], len) == 0)
				return 1;
		}
	}
	return 0;
}

/* The orientation applied: EXIF 1–8 as flips and quarter turns. */
static gdImagePtr
orient(gdImagePtr im, int o)
{
	gdImagePtr	 t;
	int		 angle = 0;

	switch (o) {
	case 2:
		gdImageFlipHorizontal(im);
		return im;
	case 3:
		gdImageFlipBoth(im);
		return im;
	case 4:
		gdImageFlipVertical(im);
		return im;
	case 5:
		gdImageFlipHorizontal(im);
		angle = 90;
		break;
	case 6:
		angle = 270;
		break;
	case 7:
		gdImageFlipHorizontal(im);
		angle = 270;
		break;
	case 8:
		angle = 90;
		break;
	default:
		return im;
	}
	if ((t = gdImageRotateInterpolated(im, (float)angle, 0)) == NULL)
		return im;
	gdImageDestroy(im);
	return t;
}

/*
 * Take data as a photo: NULL and *out filled (a JPEG of at most side
 * pixels either way, in the pool), or the reason it is refused:
 * photo-big (over PHOTO_MAX_BYTES), photo-type (not a JPEG, PNG or
 * WebP), photo-bomb (too many pixels),
 * photo-broken (cut off or undecodable), photo-extra (another file or
 * markup inside), photo-error (this end failed).
 */
const char *
photo_take(struct pool *pool, const void *data, size_t n, int side,
    struct photo *out)
{
	const unsigned char	*p = data;
	const char		*why;
	enum kind		 kind = KIND_NONE;
	gdImagePtr		 im = NULL, dst;
	long			 w = 0, h = 0;
	int			 o = 0, dw, dh, size;
	void			*jpeg;

	memset(out, 0, sizeof(*out));
	if (n > PHOTO_MAX_BYTES)
		return "photo-big";
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		kind = KIND_JPEG;
	else if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		kind = KIND_PNG;
	else if (n >= 12 && memcmp(p, "RIFF", 4) == 0 &&
	    memcmp(p + 8, "WEBP", 4) == 0)
		kind = KIND_WEBP;
	switch (kind) {
	case KIND_JPEG:
		why = jpeg_header(p, n, &w, &h, &o);
		break;
	case KIND_PNG:
		why = png_header(p, n, &w, &h);
		break;
	case KIND_WEBP:
		why = webp_header(p, n, &w, &h);
		break;
	default:
		return "photo-type";
	}
	if (why != NULL)
		return why;
	if (w <= 0 || h <= 0)
		return "photo-broken";
	if (w > PHOTO_MAX_SIDE || h > PHOTO_MAX_SIDE ||
	    w * h > PHOTO_MAX_PIXELS)
		return "photo-bomb";
	if (has_markup(p, n))
		return "photo-extra";
	switch (kind) {
	case KIND_JPEG:	/* a warning (a cut-off scan) is an error */
		im = gdImageCreateFromJpegPtrEx((int)n, (void *)p, 0);
		break;
	case KIND_PNG:
		im = gdImageCreateFromPngPtr((int)n, (void *)p);
		break;
	default:
		im = gdImageCreateFromWebpPtr((int)n, (void *)p);
		break;
	}
	if (im == NULL)
		return "photo-broken";
	if (gdImageSX(im) != w || gdImageSY(im) != h) {
		gdImageDestroy(im);
		return "photo-broken";
	}
	/* Scaled to fit side, flattened on white (JPEG has no alpha). */
	dw = (int)w;
	dh = (int)h;
	if (dw > side || dh > side) {
		if (dw >= dh) {
			dh = (int)((long)dh * side / dw);
			dw = side;
		} else {
			dw = (int)((long)dw * side / dh);
			dh = side;
		}
		dw = dw < 1 ? 1 : dw;
		dh = dh < 1 ? 1 : dh;
	}
	if ((dst = gdImageCreateTrueColor(dw, dh)) == NULL) {
		gdImageDestroy(im);
		return "photo-error";
	}
	gdImageFilledRectangle(dst, 0, 0, dw - 1, dh - 1,
	    gdTrueColor(255, 255, 255));
	gdImageAlphaBlending(dst, 1);
	gdImageCopyResampled(dst, im, 0, 0, 0, 0, dw, dh, (int)w, (int)h);
	gdImageDestroy(im);
	dst = orient(dst, o);
	jpeg = gdImageJpegPtr(dst, &size, PHOTO_QUALITY);
	out->w = gdImageSX(dst);
	out->h = gdImageSY(dst);
	gdImageDestroy(dst);
	if (jpeg == NULL || size <= 0) {
		gdFree(jpeg);
		return "photo-error";
	}
	if ((out->jpeg = pool_alloc(pool, (size_t)size)) == NULL) {
		gdFree(jpeg);
		return "photo-error";
	}
	memcpy(out->jpeg, jpeg, (size_t)size);
	out->size = (size_t)size;
	gdFree(jpeg);
	return NULL;
}

/*
 * Send a stored photo: a JPEG kept by nobody but the browser that asked
 * (every response says nosniff, so it is never taken for anything else).
 */
int
photo_send(struct req *r, const void *jpeg, size_t size)
{
	resp_header(r, "Cache-Control", "private, max-age=3600");
	return resp_send(r, "image/jpeg", jpeg, size);
}
