/*
 * test-badge.c: badges of every size are PNGs of the right dimensions,
 * print sizes record 300 dpi, the QR decodes (zbarimg) to the URL, an
 * English badge (its words as badge-labels.xsl gives them) is drawn and
 * differs from the Chinese one, and bad input fails cleanly.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code/badge.h"
#include "tap.h"

static const char *url = "https://bluecode.example.cn/v/"
    "AQAAAHsBAAFOdgABAgMEBQYHCAkKCwwNDg8Q7m8dN3c1xKq3c3rV8a1PZ0mDk5X7cW2Q"
    "z3QeXq1yHqk7wHnJm9vJ0rT5p1WnL2dP8uQ-_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123";

/* The words of badge-labels.xsl and its English catalog. */
static const char *const zh[BL__MAX] = {
	"消防蓝码", "消防蓝码 · 萧山区", "持 有 人", "角    色", "所在镇街",
	"有 效 期", "编    号", "2026-11-24 至 2027-05-24", "扫码核验真伪"
};
static const char *const en[BL__MAX] = {
	"Blue Code", "Blue Code · Xiaoshan District", "Holder", "Role",
	"Street/town", "Valid", "Number", "2026-11-24 to 2027-05-24",
	"Scan to check it is genuine"
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* The data of a PNG chunk by type, or NULL. */
static const unsigned char *
chunk(const unsigned char *png, size_t len, const char *type)
{
	size_t	 off = 8, n;

	while (off + 12 <= len) {
		n = be32(png + off);
		if (memcmp(png + off + 4, type, 4) == 0)
			return png + off + 8;
		off += n + 12;
	}
	return NULL;
}

static int
have_zbarimg(void)
{
	return system("command -v zbarimg >/dev/null 2>&1") == 0;
}

/* What zbarimg reads from the PNG ("" when nothing). */
static void
decode(const unsigned char *png, size_t len, char *out, size_t outsz)
{
	char	 path[] = "/tmp/test-badge-XXXXXX", cmd[128];
	FILE	*fp;
	int	 fd;
	size_t	 n;

	out[0] = '\0';
	if ((fd = mkstemp(path)) == -1)
		return;
	if (write(fd, png, len) != (ssize_t)len) {
		close(fd);
		unlink(path);
		return;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "zbarimg --raw -q %s 2>/dev/null", path);
	if ((fp = popen(cmd, "r")) != NULL) {
		n = fread(out, 1, outsz - 1, fp);
		out[n] = '\0';
		while (n > 0 && out[n - 1] == '\n')
			out[--n] = '\0';
		pclose(fp);
	}
	unlink(path);
}

/*
 * The English badge of every size: drawn, of the Chinese one's size,
 * and not the Chinese one's picture.
 */
static void
english(struct badge *b, const char *font)
{
	struct badge	 e = *b;
	unsigned char	*png, *zpng;
	size_t		 len, zlen;
	int		 s;

	e.jurisdiction = "Xiaoshan District";
	e.role = "Fire-safety responsible person / manager";
	e.region = "Economic Development Zone";
	e.label = en;
	for (s = 0; s < BADGE__MAX; s++) {
		e.holder = b->holder = s == BADGE_CARD ? NULL : "Zhang San";
		ok(badge_png(&e, s, font, 6, &png, &len) == 0 &&
		    badge_png(b, s, font, 6, &zpng, &zlen) == 0,
		    "%s: drawn in English", badge_size_name(s));
		ok(png != NULL && zpng != NULL && memcmp(png + 16, zpng + 16,
		    8) == 0 && (len != zlen || memcmp(png, zpng, len) != 0),
		    "%s: same size, other picture", badge_size_name(s));
		if (getenv("BADGE_OUT") != NULL && png != NULL) {
			char	 path[256];
			FILE	*f;

			snprintf(path, sizeof(path), "%s-%s-en.png",
			    getenv("BADGE_OUT"), badge_size_name(s));
			if ((f = fopen(path, "w")) != NULL) {
				fwrite(png, 1, len, f);
				fclose(f);
			}
			snprintf(path, sizeof(path), "%s-%s-zh.png",
			    getenv("BADGE_OUT"), badge_size_name(s));
			if ((f = fopen(path, "w")) != NULL) {
				fwrite(zpng, 1, zlen, f);
				fclose(f);
			}
		}
		badge_free(png);
		badge_free(zpng);
	}
	b->holder = "张三";
}

int
main(void)
{
	static const int dims[BADGE__MAX][2] = {
		{ 720, 1080 }, { 1011, 638 }, { 1240, 1748 }
	};
	struct badge	 b = { "萧山区", "张三", "消防安全责任人（管理人）",
	    "城厢街道", "2026-11-24", "2027-05-24", "330109-0000123", NULL,
	    zh };
	const unsigned char *ihdr, *phys;
	const char	*font;
	unsigned char	*png;
	size_t		 len;
	char		 got[512];
	int		 s, zbar = have_zbarimg();

	if ((font = getenv("BLUECODE_FONT")) == NULL)
		font = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
	b.url = url;
	for (s = 0; s < BADGE__MAX; s++) {
		b.holder = s == BADGE_CARD ? NULL : "张三";
		ok(badge_png(&b, s, font, 6, &png, &len) == 0,
		    "%s: drawn", badge_size_name(s));
		ok(len > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0,
		    "%s: a PNG", badge_size_name(s));
		ihdr = chunk(png, len, "IHDR");
		ok(ihdr != NULL && be32(ihdr) == (uint32_t)dims[s][0] &&
		    be32(ihdr + 4) == (uint32_t)dims[s][1], "%s: %d x %d",
		    badge_size_name(s), dims[s][0], dims[s][1]);
		phys = chunk(png, len, "pHYs");
		if (s != BADGE_SCREEN)
			ok(phys != NULL && be32(phys) == 11811 &&
			    be32(phys + 4) == 11811 && phys[8] == 1,
			    "%s: 300 dpi recorded", badge_size_name(s));
		if (zbar) {
			decode(png, len, got, sizeof(got));
			is_str(got, url, "%s: the QR decodes to the URL",
			    badge_size_name(s));
		} else
			ok(1, "# SKIP zbarimg is not installed");
		badge_free(png);
	}
	english(&b, font);
	b.label = NULL;
	ok(badge_png(&b, BADGE_CARD, font, 6, &png, &len) == -1 &&
	    png == NULL, "no words: fails");
	b.label = zh;
	b.url = NULL;
	ok(badge_png(&b, BADGE_CARD, font, 6, &png, &len) == -1 &&
	    png == NULL, "no URL: fails");
	b.url = url;
	ok(badge_png(&b, BADGE_CARD, "/nonexistent/font.ttf", 6, &png,
	    &len) == -1 && png == NULL, "a missing font: fails");
	ok(badge_png(&b, BADGE__MAX, font, 6, &png, &len) == -1,
	    "an unknown size: fails");
	return done_testing();
}
