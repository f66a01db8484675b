/*
 * poster.c: a unit's join poster, A4 at 150 dpi, for its admin to print
 * and put up: the unit's name, a QR code of its join page (/join/CODE)
 * and the join code to type, drawn with the pen of shared/draw.c in a
 * short-lived child (shared/apart.c), its words in the request's
 * language (xslt/poster-labels.xsl).
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/apart.h"
#include "shared/draw.h"
#include "shared/jurisdiction.h"
#include "unit/unit.h"
#include "unit/local.h"

#define POSTER_W	1240		/* A4 at 150 dpi */
#define POSTER_H	1754
#define POSTER_DPI	150
#define POSTER_LEVEL	3		/* zlib, as for badges */

/* The poster's words: the lines of poster-labels.xsl. */
enum poster_label {
	PL_TITLE,	/* 扫码加入单位 */
	PL_BRAND,	/* 萧山区 · 消防蓝码 */
	PL_CODE,	/* 加入码  ABCD EFGH */
	PL_HOW,
	PL_AFTER,
	PL__MAX
};

static const char *const poster_label_names[PL__MAX] = {
	"title", "brand", "code", "how", "after"
};

struct poster {
	const char	*unit;
	const char	*url;		/* what the QR holds */
	const char	*label[PL__MAX];
};

/* In the drawing process: the poster (a draw_fn). */
static int
poster_draw(const void *arg, const char *font, unsigned char **png,
    size_t *len)
{
	const struct poster	*pp = arg;
	const char *const	*l = pp->label;
	struct pen		 p;
	double			 pt;
	int			 w = POSTER_W, qr = 820;

	if (pen_open(&p, POSTER_W, POSTER_H, font) == -1)
		return -1;
	gdImageFilledRectangle(p.im, 0, 0, w - 1, 260, p.blue);
	pen_title(&p, pen_fit(&p, 64, w - 160, l[PL_TITLE]), w / 2, 130,
	    l[PL_TITLE], p.white);
	pt = pen_fit(&p, 30, w - 160, l[PL_BRAND]);
	pen_text(&p, p.white, pt, (w - pen_width(&p, pt, l[PL_BRAND])) / 2,
	    210, l[PL_BRAND]);
	pt = pen_fit(&p, 56, w - 160, pp->unit);
	pen_title(&p, pt, w / 2, 390, pp->unit, p.ink);
	if (pen_qr(&p, pp->url, (w - qr) / 2, 450, qr) == -1)
		p.failed = 1;
	pen_title(&p, pen_fit(&p, 44, w - 160, l[PL_CODE]), w / 2, 1380,
	    l[PL_CODE], p.dark);
	pt = pen_fit(&p, 26, w - 160, pp->url);
	pen_text(&p, p.grey, pt, (w - pen_width(&p, pt, pp->url)) / 2, 1450,
	    pp->url);
	gdImageFilledRectangle(p.im, 0, POSTER_H - 200, w - 1, POSTER_H - 1,
	    p.light);
	pen_title(&p, pen_fit(&p, 30, w - 120, l[PL_HOW]), w / 2,
	    POSTER_H - 120, l[PL_HOW], p.dark);
	pt = pen_fit(&p, 24, w - 120, l[PL_AFTER]);
	pen_text(&p, p.grey, pt, (w - pen_width(&p, pt, l[PL_AFTER])) / 2,
	    POSTER_H - 60, l[PL_AFTER]);
	return pen_png(&p, POSTER_DPI, POSTER_LEVEL, png, len);
}

/* The poster's words in the request's language; -1 when none. */
static int
poster_labels(struct req *r, struct poster *pp, const char *code)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;
	char		 spaced[16];
	int		 rc;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return -1;
	n = xmlNewDocNode(doc, NULL, BAD_CAST "poster", NULL);
	xmlDocSetRootElement(doc, n);
	xml_prop(n, "jurisdiction", jur_name(r));
	snprintf(spaced, sizeof(spaced), "%.4s %.4s", code,
	    strlen(code) >= 4 ? code + 4 : "");
	xml_prop(n, "code", spaced);
	rc = render_labels(r, &unit_sheets[SHEET_POSTER_LABELS], doc,
	    poster_label_names, PL__MAX, pp->label);
	xmlFreeDoc(doc);
	return rc;
}

/* GET /unit/poster.png: for the admin of an approved unit. */
int
unit_poster(struct req *r)
{
	struct poster	 pp;
	struct unit	 u;
	unsigned char	*png;
	size_t		 len;
	int		 rc;

	if ((rc = unit_admin_of(r, &u)) != 0)
		return rc;
	if (!u.active)
		return 409;
	pp.unit = DBRES(u.row, 0, UC_NAME);
	pp.url = pool_printf(r->pool, "%s/join/%s", r->conf->site_url,
	    DBRES(u.row, 0, UC_JOIN_CODE));
	if (pp.url == NULL ||
	    poster_labels(r, &pp, DBRES(u.row, 0, UC_JOIN_CODE)) == -1)
		return 500;
	if (draw_apart(r, poster_draw, &pp, &png, &len) == -1) {
		log_warnx("poster of unit %lld: not drawn", u.id);
		return 500;
	}
	resp_header(r, "Cache-Control", "private, no-cache");
	resp_header(r, "Content-Disposition",
	    "inline; filename=\"unit-poster.png\"");
	return resp_send(r, "image/png", png, len);
}
