/*
 * utf8.c: strict UTF-8 checks for every text field (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF, no cut sequences).
 */
#include <stddef.h>

#include "app.h"

static size_t	 utf8_seq(const unsigned char *, size_t);

/*
 * The length of the well-formed multibyte sequence at p (at most len
 * bytes available), or 0 when it is malformed. The lead byte alone
 * decides the length and the range of the second byte; that range is
 * what excludes overlong forms, surrogates and code points above
 * U+10FFFF (RFC 3629 section 4).
 */
static size_t
utf8_seq(const unsigned char *p, size_t len)
{
	unsigned char	 lo = 0x80, hi = 0xbf;
	size_t		 n, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 0;	/* continuation, C0, C1, F5..FF */
	if (p[0] == 0xe0)
		lo = 0xa0;	/* below U+0800: overlong */
	else if (p[0] == 0xed)
		hi = 0x9f;	/* U+D800..DFFF: surrogates */
	else if (p[0] == 0xf0)
		lo = 0x90;	/* below U+10000: overlong */
	else if (p[0] == 0xf4)
		hi = 0x8f;	/* above U+10FFFF */
	if (len < n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* 1 when s[0..len) is well-formed UTF-8, else 0. */
int
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_seq(p + i, len - i)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

/*
 * 1 when s[0..len) is text a person may have typed: well-formed UTF-8
 * without NUL, DEL or C0 controls other than tab, line feed and carriage
 * return, and without U+FFFE and U+FFFF, which XML does not allow (a
 * bank export holding them could not be read back). Bytes of multibyte
 * sequences are all 0x80 or above, so the control check can look at
 * every byte alone.
 */
int
utf8_text(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < len; i++) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r') || p[i] == 0x7f)
			return 0;
		if (p[i] == 0xef && i + 2 < len && p[i + 1] == 0xbf &&
		    (p[i + 2] == 0xbe || p[i + 2] == 0xbf))
			return 0;
	}
	return utf8_valid(s, len);
}

/* The number of characters in s[0..len), which is valid UTF-8. */
size_t
utf8_chars(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * s (valid UTF-8) cut to at most max characters, never inside one: s
 * itself when it fits, else a shorter copy in the pool. NULL stays NULL.
 */
const char *
utf8_cut(struct pool *p, const char *s, size_t max)
{
	size_t	 i, n = 0;

	if (s == NULL)
		return NULL;
	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n++ == max)
			return pool_strndup(p, s, i);
	return s;
}
