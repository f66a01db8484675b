/*
 * poster.c: a unit's join poster, A4 at 150 dpi, for its admin to print
 * and put up: the unit's name, a QR code of its join page (/join/CODE)
 * and the join code to type, drawn with the pen of shared/draw.c in a
 * short-lived child (shared/apart.c).
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

struct poster {
	const char	*jurisdiction;	/* 萧山区 */
	const char	*unit;
	const char	*code;		/* the join code, 8 characters */
	const char	*url;		/* what the QR holds */
};

/* In the drawing process: the poster (a draw_fn). */
static int
poster_draw(const void *arg, const char *font, unsigned char **png,
    size_t *len)
{
	const struct poster	*pp = arg;
	struct pen		 p;
	char			 line[128], code[16];
	double			 pt;
	int			 w = POSTER_W, qr = 820;

	if (pen_open(&p, POSTER_W, POSTER_H, font) == -1)
		return -1;
	gdImageFilledRectangle(p.im, 0, 0, w - 1, 260, p.blue);
	pen_title(&p, 64, w / 2, 130, "扫码加入单位", p.white);
	snprintf(line, sizeof(line), "%s · 消防蓝码", pp->jurisdiction);
	pt = pen_fit(&p, 30, w - 160, line);
	pen_text(&p, p.white, pt, (w - pen_width(&p, pt, line)) / 2, 210,
	    line);
	pt = pen_fit(&p, 56, w - 160, pp->unit);
	pen_title(&p, pt, w / 2, 390, pp->unit, p.ink);
	if (pen_qr(&p, pp->url, (w - qr) / 2, 450, qr) == -1)
		p.failed = 1;
	snprintf(code, sizeof(code), "%.4s %.4s", pp->code, pp->code + 4);
	snprintf(line, sizeof(line), "加入码  %s", code);
	pen_title(&p, 44, w / 2, 1380, line, p.dark);
	pt = pen_fit(&p, 26, w - 160, pp->url);
	pen_text(&p, p.grey, pt, (w - pen_width(&p, pt, pp->url)) / 2, 1450,
	    pp->url);
	gdImageFilledRectangle(p.im, 0, POSTER_H - 200, w - 1, POSTER_H - 1,
	    p.light);
	pen_title(&p, 30, w / 2, POSTER_H - 120,
	    "用手机扫码，登录后申请加入本单位", p.dark);
	pen_text(&p, p.grey, 24, (w - pen_width(&p, 24,
	    "单位管理员审核通过后，学习和答题计入本单位")) / 2, POSTER_H - 60,
	    "单位管理员审核通过后，学习和答题计入本单位");
	return pen_png(&p, POSTER_DPI, POSTER_LEVEL, png, len);
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
	pp.jurisdiction = jur_name(r);
	pp.unit = DBRES(u.row, 0, UC_NAME);
	pp.code = DBRES(u.row, 0, UC_JOIN_CODE);
	pp.url = pool_printf(r->pool, "%s/join/%s", r->conf->site_url,
	    pp.code);
	if (pp.url == NULL)
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
