/*
 * fuzz-req.c: a libFuzzer target for the request parsers in fcgi/req.c.
 * The first byte picks the parser: urlencoded, cookies, multipart with a
 * fixed content type, or multipart whose content type is the input's
 * first line. Small limits, so the size checks are reached too. Every
 * parameter handed back, even after an error, must keep the contracts of
 * app.h: values NUL-terminated at their size, names and text values
 * UTF-8 text within the limits, file names without a directory part.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	 check(const struct params *, const struct limits *, int);
static void	 check_decode(struct pool *, const char *, size_t);

static const struct limits lim = { 16, 256, 1024 };

/*
 * Abort on any parameter that breaks the contracts. Cookies have no size
 * limit of their own (the header's size bounds them): sized is 0 there.
 */
static void
check(const struct params *ps, const struct limits *l, int sized)
{
	const struct param	*pm;
	size_t			 i;

	if (ps->n > l->max_fields || ps->n > ps->cap)
		abort();
	for (i = 0; i < ps->n; i++) {
		pm = &ps->v[i];
		if (pm->name == NULL || pm->name[0] == '\0' ||
		    !utf8_text(pm->name, strlen(pm->name)) ||
		    pm->val == NULL || pm->val[pm->valsz] != '\0')
			abort();
		if (pm->filename == NULL) {
			if (pm->ctype != NULL ||
			    (sized && pm->valsz > l->max_field) ||
			    !utf8_text(pm->val, pm->valsz))
				abort();
			continue;
		}
		if (pm->ctype == NULL || pm->valsz > l->max_file ||
		    strpbrk(pm->filename, "/\\") != NULL ||
		    !utf8_text(pm->filename, strlen(pm->filename)) ||
		    !utf8_text(pm->ctype, strlen(pm->ctype)))
			abort();
	}
}

/* url_decode never grows its input and always NUL-terminates. */
static void
check_decode(struct pool *p, const char *s, size_t len)
{
	char	*d;
	ssize_t	 n;

	if ((d = pool_alloc(p, len + 1)) == NULL)
		return;
	n = url_decode(d, s, len, 1);
	if (n < -1 || n > (ssize_t)len || (n >= 0 && d[n] != '\0'))
		abort();
	if (n == -1 && memchr(s, '%', len) == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct params	 ps;
	struct pool	*p;
	const char	*buf, *nl, *body;
	char		*s;
	size_t		 len;

	if (size < 1)
		return 0;
	buf = (const char *)data + 1;
	len = size - 1;
	if ((p = pool_new(4096)) == NULL)
		abort();
	memset(&ps, 0, sizeof(ps));
	switch (data[0] % 4) {
	case 0:
		check_decode(p, buf, len);
		parse_urlencoded(p, buf, len, &lim, &ps);
		break;
	case 1:
		if ((s = pool_strndup(p, buf, len)) != NULL)
			parse_cookies(p, s, &lim, &ps);
		break;
	case 2:
		parse_multipart(p, "multipart/form-data; boundary=XyZ", buf,
		    len, &lim, &ps);
		break;
	default:
		if ((nl = memchr(buf, '\n', len)) == NULL)
			nl = buf + len;
		body = nl < buf + len ? nl + 1 : nl;
		if ((s = pool_strndup(p, buf, (size_t)(nl - buf))) != NULL)
			parse_multipart(p, s, body,
			    len - (size_t)(body - buf), &lim, &ps);
		break;
	}
	check(&ps, &lim, data[0] % 4 != 1);
	pool_free(p);
	return 0;
}
