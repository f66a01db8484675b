/*
 * fuzz-req.c: a libFuzzer target for the request parsers. The first byte
 * picks the parser: urlencoded, cookies, multipart with a fixed content
 * type, or multipart whose content type is the input's first line. Small
 * limits, so the size checks are reached too. Every value handed back
 * must be NUL-terminated at its size, and text must be UTF-8 text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static void
check(const struct params *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++) {
		if (ps->v[i].val[ps->v[i].valsz] != '\0' ||
		    !utf8_text(ps->v[i].name, strlen(ps->v[i].name)))
			abort();
		if (ps->v[i].filename == NULL &&
		    !utf8_text(ps->v[i].val, ps->v[i].valsz))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct limits lim = { 16, 256, 1024 };
	struct params	 ps;
	struct pool	*p;
	const char	*buf = (const char *)data + 1, *nl;
	char		*ct, *s;
	size_t		 len;

	if (size < 1)
		return 0;
	len = size - 1;
	if ((p = pool_new(4096)) == NULL)
		return 0;
	memset(&ps, 0, sizeof(ps));
	switch (data[0] % 4) {
	case 0:
		parse_urlencoded(p, buf, len, &lim, &ps);
		break;
	case 1:
		s = pool_strndup(p, buf, len);
		parse_cookies(p, s, &lim, &ps);
		break;
	case 2:
		parse_multipart(p, "multipart/form-data; boundary=XyZ", buf,
		    len, &lim, &ps);
		break;
	default:
		nl = memchr(buf, '\n', len);
		if (nl == NULL)
			break;
		ct = pool_strndup(p, buf, (size_t)(nl - buf));
		parse_multipart(p, ct, nl + 1, len - (size_t)(nl + 1 - buf),
		    &lim, &ps);
		break;
	}
	check(&ps);
	pool_free(p);
	return 0;
}
