/*
 * badge.h: drawing a blue code's badge as a PNG (badge.c): a pure
 * function of the code's facts, with no I/O but reading the font.
 */
#ifndef BADGE_H
#define BADGE_H

#include <stddef.h>

enum badge_size {
	BADGE_SCREEN,	/* 720 × 1080, for phones */
	BADGE_CARD,	/* 85.6 × 54 mm at 300 dpi: 1011 × 638 */
	BADGE_A6,	/* 105 × 148 mm at 300 dpi: 1240 × 1748 */
	BADGE__MAX
};

/*
 * The words a badge draws, in the page's language: the lines of
 * xslt/badge-labels.xsl (badge_serve.c), named as badge_label_names says.
 */
enum badge_label {
	BL_TITLE,	/* 消防蓝码 */
	BL_CARD_HEAD,	/* 消防蓝码 · 萧山区 */
	BL_HOLDER,
	BL_ROLE,
	BL_REGION,
	BL_VALID,
	BL_NUMBER,
	BL_VALIDITY,	/* 2026-11-24 至 2027-05-24 */
	BL_SCAN,	/* 扫码核验真伪 */
	BL__MAX
};

extern const char *const badge_label_names[BL__MAX];

struct badge {
	const char	*jurisdiction;	/* 萧山区 */
	const char	*holder;	/* NULL: no name given */
	const char	*role;
	const char	*region;
	const char	*issued;	/* 2026-11-24 */
	const char	*expires;
	const char	*number;	/* 330109-0000123 */
	const char	*url;		/* what the QR holds */
	const char	*const *label;	/* BL__MAX of them */
};

int		 badge_png(const struct badge *, enum badge_size, const char *,
		    int, unsigned char **, size_t *);
void		 badge_free(unsigned char *);
const char	*badge_size_name(enum badge_size);

#endif /* BADGE_H */
