/*
 * req.c: parsing request input: query strings and urlencoded bodies,
 * multipart/form-data bodies (RFC 7578), and the Cookie header. Pure
 * functions over buffers, with size and count limits; every text value
 * is checked to be UTF-8 text. Values are NUL-terminated copies in the
 * request's pool.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "app.h"

#define NAME_MAX_LEN	256
#define MP_MAXHEADERS	16
#define MP_MAXLINE	1024
#define MP_MAXBOUNDARY	70

struct mphead {
	const char	*name;
	const char	*filename;
	const char	*ctype;
};

static int	 hexval(int);
static enum perr params_add(struct pool *, struct params *, size_t,
		    const struct param *);
static const char *mp_boundary(struct pool *, const char *);
static const char *mp_param(struct pool *, const char *, const char *,
		    size_t);
static enum perr mp_headers(struct pool *, const char **, const char *,
		    struct mphead *);
static enum perr mp_part(struct pool *, const struct mphead *, const char *,
		    size_t, const struct limits *, struct params *);

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Percent-decode src[0..len) into dst (len + 1 bytes), NUL-terminated.
 * Returns the decoded length, or -1 for a '%' not followed by two hex
 * digits.
 */
ssize_t
url_decode(char *dst, const char *src, size_t len, int plus_is_space)
{
	size_t	 i, o = 0;
	int	 hi, lo;

	for (i = 0; i < len; i++) {
		if (src[i] == '%') {
			if (len - i < 3 || (hi = hexval(src[i + 1])) < 0 ||
			    (lo = hexval(src[i + 2])) < 0)
				return -1;
			dst[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (src[i] == '+' && plus_is_space)
			dst[o++] = ' ';
		else
			dst[o++] = src[i];
	}
	dst[o] = '\0';
	return (ssize_t)o;
}

/* Append a parameter, growing the array in the pool. */
static enum perr
params_add(struct pool *p, struct params *ps, size_t max,
    const struct param *pm)
{
	struct param	*nv;
	size_t		 ncap;

	if (ps->n >= max)
		return PERR_TOOBIG;
	if (ps->n == ps->cap) {
		ncap = ps->cap ? ps->cap * 2 : 16;
		if ((nv = pool_calloc(p, ncap, sizeof(*nv))) == NULL)
			return PERR_NOMEM;
		if (ps->n > 0)
			memcpy(nv, ps->v, ps->n * sizeof(*nv));
		ps->v = nv;
		ps->cap = ncap;
	}
	ps->v[ps->n++] = *pm;
	return PERR_OK;
}

const struct param *
params_get(const struct params *ps, const char *name)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			return &ps->v[i];
	return NULL;
}

/* A query string or an application/x-www-form-urlencoded body. */
enum perr
parse_urlencoded(struct pool *p, const char *buf, size_t len,
    const struct limits *lim, struct params *out)
{
	struct param	 pm;
	const char	*s = buf, *end = buf + len, *amp, *eq;
	char		*name, *val;
	ssize_t		 nl, vl;
	enum perr	 e;

	for (; s < end; s = amp + 1) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL)
			amp = end;
		if (amp == s)
			continue;
		if ((eq = memchr(s, '=', (size_t)(amp - s))) == NULL)
			eq = amp;
		if ((size_t)(eq - s) > NAME_MAX_LEN * 3 ||
		    (amp > eq && (size_t)(amp - eq - 1) > lim->max_field * 3))
			return PERR_TOOBIG;
		name = pool_alloc(p, (size_t)(eq - s) + 1);
		val = pool_alloc(p, amp > eq ? (size_t)(amp - eq) : 1);
		if (name == NULL || val == NULL)
			return PERR_NOMEM;
		if ((nl = url_decode(name, s, (size_t)(eq - s), 1)) < 0 ||
		    (vl = amp > eq ? url_decode(val, eq + 1,
		    (size_t)(amp - eq - 1), 1) : (val[0] = '\0', 0)) < 0)
			return PERR_BAD;
		if (!utf8_text(name, (size_t)nl) || !utf8_text(val, (size_t)vl))
			return PERR_UTF8;
		if ((size_t)nl > NAME_MAX_LEN || (size_t)vl > lim->max_field)
			return PERR_TOOBIG;
		if (nl == 0)
			continue;
		memset(&pm, 0, sizeof(pm));
		pm.name = name;
		pm.val = val;
		pm.valsz = (size_t)vl;
		if ((e = params_add(p, out, lim->max_fields, &pm)) != PERR_OK)
			return e;
	}
	return PERR_OK;
}

/*
 * The value of parameter key in a header's "; key=value" list (quoted or
 * a token), or NULL. Parameter names are case-insensitive.
 */
static const char *
mp_param(struct pool *p, const char *hdr, const char *key, size_t keylen)
{
	const char	*s = hdr, *v;
	char		*out, *o;

	while ((s = strchr(s, ';')) != NULL) {
		s++;
		while (*s == ' ' || *s == '\t')
			s++;
		if (strncasecmp(s, key, keylen) != 0 || s[keylen] != '=')
			continue;
		v = s + keylen + 1;
		if (*v != '"')
			return pool_strndup(p, v, strcspn(v, "; \t"));
		if ((out = pool_alloc(p, strlen(v))) == NULL)
			return NULL;
		for (o = out, v++; *v != '\0' && *v != '"'; v++) {
			if (*v == '\\' && v[1] != '\0')
				v++;
			*o++ = *v;
		}
		if (*v != '"')
			return NULL;	/* unterminated quoted string */
		*o = '\0';
		return out;
	}
	return NULL;
}

/* The boundary of a multipart/form-data content type, or NULL. */
static const char *
mp_boundary(struct pool *p, const char *ctype)
{
	const char	*b;
	size_t		 len;

	if (strncasecmp(ctype, "multipart/form-data", 19) != 0 ||
	    (ctype[19] != ';' && ctype[19] != ' ' && ctype[19] != '\0'))
		return NULL;
	if ((b = mp_param(p, ctype, "boundary", 8)) == NULL)
		return NULL;
	len = strlen(b);
	if (len == 0 || len > MP_MAXBOUNDARY)
		return NULL;
	return b;
}

/*
 * The header lines of one part, from *s up to the empty line; *s is left
 * at the start of the part's content.
 */
static enum perr
mp_headers(struct pool *p, const char **s, const char *end, struct mphead *h)
{
	const char	*eol, *line;
	char		*hdr;
	size_t		 len;
	int		 n;

	memset(h, 0, sizeof(*h));
	for (n = 0; ; n++) {
		line = *s;
		if ((eol = memmem(line, (size_t)(end - line), "\r\n", 2)) ==
		    NULL)
			return PERR_BAD;
		*s = eol + 2;
		if (eol == line)
			break;
		len = (size_t)(eol - line);
		if (n == MP_MAXHEADERS || len > MP_MAXLINE)
			return PERR_BAD;
		if ((hdr = pool_strndup(p, line, len)) == NULL)
			return PERR_NOMEM;
		if (!utf8_text(hdr, len))
			return PERR_UTF8;
		if (strncasecmp(hdr, "Content-Disposition:", 20) == 0) {
			hdr += 20;
			while (*hdr == ' ' || *hdr == '\t')
				hdr++;
			if (strncasecmp(hdr, "form-data", 9) != 0 ||
			    (hdr[9] != ';' && hdr[9] != '\0' && hdr[9] != ' '))
				return PERR_BAD;
			h->name = mp_param(p, hdr, "name", 4);
			h->filename = mp_param(p, hdr, "filename", 8);
		} else if (strncasecmp(hdr, "Content-Type:", 13) == 0) {
			hdr += 13;
			while (*hdr == ' ' || *hdr == '\t')
				hdr++;
			h->ctype = hdr;
		}
	}
	return h->name != NULL && h->name[0] != '\0' ? PERR_OK : PERR_BAD;
}

/* Keep one part: a text field, or a file (its name without a path). */
static enum perr
mp_part(struct pool *p, const struct mphead *h, const char *data,
    size_t len, const struct limits *lim, struct params *out)
{
	struct param	 pm;
	const char	*base;

	if (!utf8_text(h->name, strlen(h->name)))
		return PERR_UTF8;
	if (strlen(h->name) > NAME_MAX_LEN)
		return PERR_TOOBIG;
	memset(&pm, 0, sizeof(pm));
	pm.name = h->name;
	if (h->filename != NULL) {
		if (!utf8_text(h->filename, strlen(h->filename)))
			return PERR_UTF8;
		if (h->filename[0] == '\0' && len == 0)
			return PERR_OK;		/* an empty file input */
		if (len > lim->max_file)
			return PERR_TOOBIG;
		base = h->filename + strlen(h->filename);
		while (base > h->filename && base[-1] != '/' &&
		    base[-1] != '\\')
			base--;
		pm.filename = base;
		pm.ctype = h->ctype != NULL ? h->ctype :
		    "application/octet-stream";
	} else {
		if (len > lim->max_field)
			return PERR_TOOBIG;
		if (!utf8_text(data, len))
			return PERR_UTF8;
	}
	if ((pm.val = pool_strndup(p, data, len)) == NULL)
		return PERR_NOMEM;
	pm.valsz = len;
	return params_add(p, out, lim->max_fields, &pm);
}

/*
 * A multipart/form-data body. The body must end with the close
 * delimiter: a truncated body is malformed. Parts are found with memmem,
 * so the work is linear in the size of the body.
 */
enum perr
parse_multipart(struct pool *p, const char *ctype, const char *body,
    size_t len, const struct limits *lim, struct params *out)
{
	const char	*b, *s, *end = body + len, *next;
	char		*delim;
	size_t		 dlen;
	struct mphead	 h;
	enum perr	 e;

	if (ctype == NULL || (b = mp_boundary(p, ctype)) == NULL)
		return PERR_BAD;
	if ((delim = pool_printf(p, "\r\n--%s", b)) == NULL)
		return PERR_NOMEM;
	dlen = strlen(delim);
	/* The first delimiter may open the body, without the CRLF. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		s = body + dlen - 2;
	else if ((next = memmem(body, len, delim, dlen)) != NULL)
		s = next + dlen;
	else
		return PERR_BAD;
	for (;;) {
		if (end - s >= 2 && s[0] == '-' && s[1] == '-')
			return PERR_OK;		/* close delimiter */
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		if (end - s < 2 || s[0] != '\r' || s[1] != '\n')
			return PERR_BAD;
		s += 2;
		if ((e = mp_headers(p, &s, end, &h)) != PERR_OK)
			return e;
		if ((next = memmem(s, (size_t)(end - s), delim, dlen)) == NULL)
			return PERR_BAD;	/* truncated */
		if ((e = mp_part(p, &h, s, (size_t)(next - s), lim, out)) !=
		    PERR_OK)
			return e;
		s = next + dlen;
	}
}

/*
 * The Cookie header: "name=value; name2=value2". Values are taken as
 * they are (a quoted value loses its quotes); malformed pieces and
 * cookies that are not UTF-8 text are skipped, not errors.
 */
enum perr
parse_cookies(struct pool *p, const char *header, const struct limits *lim,
    struct params *out)
{
	struct param	 pm;
	const char	*s = header, *end, *eq, *v, *ve;
	char		*name, *val;
	enum perr	 e;

	while (*s != '\0') {
		while (*s == ' ' || *s == '\t' || *s == ';')
			s++;
		end = s + strcspn(s, ";");
		eq = memchr(s, '=', (size_t)(end - s));
		if (eq != NULL && eq > s) {
			v = eq + 1;
			ve = end;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			if (ve - v >= 2 && *v == '"' && ve[-1] == '"')
				v++, ve--;
			name = pool_strndup(p, s, (size_t)(eq - s));
			val = pool_strndup(p, v, (size_t)(ve - v));
			if (name == NULL || val == NULL)
				return PERR_NOMEM;
			while (*name != '\0' &&
			    isspace((unsigned char)name[strlen(name) - 1]))
				name[strlen(name) - 1] = '\0';
			if (*name != '\0' && utf8_text(name, strlen(name)) &&
			    utf8_text(val, strlen(val))) {
				memset(&pm, 0, sizeof(pm));
				pm.name = name;
				pm.val = val;
				pm.valsz = strlen(val);
				e = params_add(p, out, lim->max_fields, &pm);
				if (e == PERR_TOOBIG)
					return PERR_OK;
				if (e != PERR_OK)
					return e;
			}
		}
		s = end;
	}
	return PERR_OK;
}
