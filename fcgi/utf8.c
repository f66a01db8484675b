/*
 * utf8.c: strict UTF-8 checks for every text field (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF, no cut sequences).
 */
#include <stddef.h>

#include "app.h"

/* 1 when s[0..len) is well-formed UTF-8. */
int
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*end = p + len;
	unsigned int		 c, min;
	int			 n, i;

	while (p < end) {
		c = *p++;
		if (c < 0x80)
			continue;
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, c &= 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, c &= 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, c &= 0x07, min = 0x10000;
		else
			return 0;	/* continuation, C0/C1, F5..FF */
		if (end - p < n)
			return 0;
		for (i = 0; i < n; i++, p++) {
			if ((*p & 0xc0) != 0x80)
				return 0;
			c = c << 6 | (*p & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0;
	}
	return 1;
}

/*
 * 1 when s[0..len) is text a person may have typed: valid UTF-8 without
 * NUL, DEL or C0 controls other than tab, line feed and carriage return.
 */
int
utf8_text(const char *s, size_t len)
{
	size_t	 i;
	unsigned char	 c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f)
			return 0;
	}
	return utf8_valid(s, len);
}
