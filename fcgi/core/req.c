/*
 * req.c: parsing request input: query strings and urlencoded bodies,
 * multipart/form-data bodies (RFC 7578) and the Cookie header. Pure
 * functions over buffers, with size and count limits; every text value
 * is checked to be UTF-8 text. Values are NUL-terminated copies in the
 * request's pool.
 */
#include <string.h>
#include <strings.h>

#include "app.h"

#define NAME_MAX_LEN	256	/* bytes of a parameter name */
#define MP_MAXHEADERS	16	/* header lines of one part */
#define MP_MAXLINE	1024	/* bytes of a header line, without CRLF */
#define MP_MAXBOUNDARY	70	/* RFC 2046 section 5.1.1 */
#define MP_DEFTYPE	"application/octet-stream"

/* The headers of one part: spans into the body, not NUL-terminated. */
struct mphead {
	const char	*name;
	size_t		 namelen;
	const char	*filename;	/* NULL: a text part */
	size_t		 filenamelen;
	const char	*ctype;		/* NULL: not given */
	size_t		 ctypelen;
};

static int	 hexval(int);
static const char *skip_ws(const char *, const char *);
static enum perr params_add(struct pool *, struct params *, size_t,
		    const struct param *);
static enum perr form_pair(struct pool *, const char *, size_t,
		    const struct limits *, struct params *);
static int	 hdr_param(const char *, const char *, const char *,
		    const char **, size_t *);
static int	 mp_boundary(const char *, const char **, size_t *);
static enum perr mp_header(const char *, size_t, struct mphead *);
static enum perr mp_headers(const char **, const char *, struct mphead *);
static enum perr mp_file(struct pool *, const struct mphead *, size_t,
		    const struct limits *, struct param *);
static enum perr mp_part(struct pool *, const struct mphead *, const char *,
		    size_t, const struct limits *, struct params *);
static enum perr cookie_pair(struct pool *, const char *, const char *,
		    const char *, const struct limits *, struct params *);

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

/* The first byte of s[..end) that is not a space or a tab. */
static const char *
skip_ws(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/*
 * Percent-decode src[0..len) into dst (len + 1 bytes), NUL-terminated;
 * with plus_is_space, '+' becomes a space. Returns the decoded length,
 * or -1 for a '%' not followed by two hex digits.
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

/*
 * Append a copy of *pm to ps, growing the array in the pool. Returns
 * PERR_TOOBIG when ps already holds max parameters.
 */
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

/* The first parameter called name, or NULL. */
const struct param *
params_get(const struct params *ps, const char *name)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			return &ps->v[i];
	return NULL;
}

/*
 * One "name=value" or "name" piece s[0..len) of a urlencoded string.
 * Escapes are checked even when the name turns out empty and the piece
 * is skipped.
 */
static enum perr
form_pair(struct pool *p, const char *s, size_t len,
    const struct limits *lim, struct params *out)
{
	struct param	 pm;
	const char	*eq, *v;
	char		*name, *val;
	size_t		 nlen, vlen;
	ssize_t		 nd, vd;

	if ((eq = memchr(s, '=', len)) == NULL)
		eq = v = s + len;
	else
		v = eq + 1;
	nlen = (size_t)(eq - s);
	vlen = (size_t)(s + len - v);
	if ((name = pool_alloc(p, nlen + 1)) == NULL ||
	    (val = pool_alloc(p, vlen + 1)) == NULL)
		return PERR_NOMEM;
	if ((nd = url_decode(name, s, nlen, 1)) < 0 ||
	    (vd = url_decode(val, v, vlen, 1)) < 0)
		return PERR_BAD;
	if (nd == 0)
		return PERR_OK;
	if ((size_t)nd > NAME_MAX_LEN || (size_t)vd > lim->max_field)
		return PERR_TOOBIG;
	if (!utf8_text(name, (size_t)nd) || !utf8_text(val, (size_t)vd))
		return PERR_UTF8;
	memset(&pm, 0, sizeof(pm));
	pm.name = name;
	pm.val = val;
	pm.valsz = (size_t)vd;
	return params_add(p, out, lim->max_fields, &pm);
}

/*
 * A query string or an application/x-www-form-urlencoded body, appended
 * to out. On an error out may hold some of the parameters.
 */
enum perr
parse_urlencoded(struct pool *p, const char *buf, size_t len,
    const struct limits *lim, struct params *out)
{
	const char	*s, *amp, *end;
	enum perr	 e;

	if (buf == NULL)
		return PERR_OK;
	for (s = buf, end = buf + len; s < end; s = amp + 1) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL)
			amp = end;
		if (amp == s)
			continue;
		if ((e = form_pair(p, s, (size_t)(amp - s), lim, out)) !=
		    PERR_OK)
			return e;
	}
	return PERR_OK;
}

/*
 * Look up parameter key in the "; key=value" list that follows the first
 * ';' of the header value s[..end). Parameter names are case-insensitive.
 * A value is a token (up to ';' or white space) or a quoted string that
 * runs to the next '"': browsers send '"' as %22 and do not escape '\'
 * (HTML's multipart/form-data encoding), so a backslash is taken as it
 * is and "C:\dir\f.txt" keeps its separators. The first match wins.
 * Returns 1 with the value in *v and *vlen, 0 when key is absent, -1 for
 * an unterminated quoted string.
 */
static int
hdr_param(const char *s, const char *end, const char *key, const char **v,
    size_t *vlen)
{
	const char	*n, *ne, *vs, *ve;
	size_t		 klen = strlen(key);
	int		 match;

	while (s < end && (s = memchr(s, ';', (size_t)(end - s))) != NULL) {
		n = skip_ws(s + 1, end);
		for (ne = n; ne < end && *ne != '=' && *ne != ';'; ne++)
			continue;
		if (ne == end || *ne == ';') {
			s = ne;
			continue;
		}
		vs = skip_ws(ne + 1, end);
		while (ne > n && (ne[-1] == ' ' || ne[-1] == '\t'))
			ne--;
		match = (size_t)(ne - n) == klen &&
		    strncasecmp(n, key, klen) == 0;
		if (vs < end && *vs == '"') {
			vs++;
			if ((ve = memchr(vs, '"', (size_t)(end - vs))) == NULL)
				return -1;
			s = ve + 1;
		} else {
			for (ve = vs; ve < end && *ve != ';' && *ve != ' ' &&
			    *ve != '\t'; ve++)
				continue;
			s = ve;
		}
		if (match) {
			*v = vs;
			*vlen = (size_t)(ve - vs);
			return 1;
		}
	}
	return 0;
}

/*
 * The boundary of a multipart/form-data content type, 1 to 70 bytes,
 * in *b and *blen. Returns 0, or -1 when there is none.
 */
static int
mp_boundary(const char *ctype, const char **b, size_t *blen)
{
	const char	*end;

	end = ctype + strlen(ctype);
	ctype = skip_ws(ctype, end);
	if (strncasecmp(ctype, "multipart/form-data", 19) != 0 ||
	    (ctype[19] != ';' && ctype[19] != ' ' && ctype[19] != '\t' &&
	    ctype[19] != '\0'))
		return -1;
	if (hdr_param(ctype + 19, end, "boundary", b, blen) != 1)
		return -1;
	return *blen >= 1 && *blen <= MP_MAXBOUNDARY ? 0 : -1;
}

/*
 * Take one header line s[0..len) of a part into h. Content-Disposition
 * must be form-data; Content-Type is kept; other headers are ignored.
 */
static enum perr
mp_header(const char *s, size_t len, struct mphead *h)
{
	const char	*end = s + len;

	if (len >= 20 && strncasecmp(s, "Content-Disposition:", 20) == 0) {
		s = skip_ws(s + 20, end);
		if (end - s < 9 || strncasecmp(s, "form-data", 9) != 0 ||
		    (end - s > 9 && s[9] != ';' && s[9] != ' ' &&
		    s[9] != '\t'))
			return PERR_BAD;
		h->name = h->filename = NULL;
		if (hdr_param(s, end, "name", &h->name, &h->namelen) == -1 ||
		    hdr_param(s, end, "filename", &h->filename,
		    &h->filenamelen) == -1)
			return PERR_BAD;
	} else if (len >= 13 && strncasecmp(s, "Content-Type:", 13) == 0) {
		s = skip_ws(s + 13, end);
		while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		h->ctype = s;
		h->ctypelen = (size_t)(end - s);
	}
	return PERR_OK;
}

/*
 * The header lines of one part, from *s up to and including the empty
 * line; *s is left at the start of the part's content. A line is looked
 * for only within MP_MAXLINE bytes, so a long one costs no more.
 */
static enum perr
mp_headers(const char **s, const char *end, struct mphead *h)
{
	const char	*line, *eol;
	size_t		 avail;
	enum perr	 e;
	int		 n;

	memset(h, 0, sizeof(*h));
	for (n = 0; ; n++) {
		line = *s;
		avail = (size_t)(end - line);
		if (avail > MP_MAXLINE + 2)
			avail = MP_MAXLINE + 2;
		if ((eol = memmem(line, avail, "\r\n", 2)) == NULL)
			return PERR_BAD;	/* too long, or cut short */
		*s = eol + 2;
		if (eol == line)
			break;
		if (n == MP_MAXHEADERS)
			return PERR_BAD;
		if ((e = mp_header(line, (size_t)(eol - line), h)) != PERR_OK)
			return e;
	}
	return h->name != NULL && h->namelen > 0 ? PERR_OK : PERR_BAD;
}

/*
 * Fill in the file name, without any directory part, and the content
 * type of a file part of len bytes.
 */
static enum perr
mp_file(struct pool *p, const struct mphead *h, size_t len,
    const struct limits *lim, struct param *pm)
{
	const char	*base, *fend = h->filename + h->filenamelen;

	if (!utf8_text(h->filename, h->filenamelen) ||
	    (h->ctype != NULL && !utf8_text(h->ctype, h->ctypelen)))
		return PERR_UTF8;
	if (len > lim->max_file)
		return PERR_TOOBIG;
	for (base = fend; base > h->filename; base--)
		if (base[-1] == '/' || base[-1] == '\\')
			break;
	if ((pm->filename = pool_strndup(p, base, (size_t)(fend - base))) ==
	    NULL)
		return PERR_NOMEM;
	if (h->ctype == NULL || h->ctypelen == 0)
		pm->ctype = MP_DEFTYPE;
	else if ((pm->ctype = pool_strndup(p, h->ctype, h->ctypelen)) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/*
 * Keep one part whose content is data[0..len): a text field, or a file
 * (raw bytes). An empty file input (no file name, no content) is skipped.
 */
static enum perr
mp_part(struct pool *p, const struct mphead *h, const char *data,
    size_t len, const struct limits *lim, struct params *out)
{
	struct param	 pm;
	enum perr	 e;

	if (!utf8_text(h->name, h->namelen))
		return PERR_UTF8;
	if (h->namelen > NAME_MAX_LEN)
		return PERR_TOOBIG;
	if (h->filename != NULL && h->filenamelen == 0 && len == 0)
		return PERR_OK;
	memset(&pm, 0, sizeof(pm));
	if (h->filename != NULL) {
		if ((e = mp_file(p, h, len, lim, &pm)) != PERR_OK)
			return e;
	} else if (len > lim->max_field)
		return PERR_TOOBIG;
	else if (!utf8_text(data, len))
		return PERR_UTF8;
	if ((pm.name = pool_strndup(p, h->name, h->namelen)) == NULL)
		return PERR_NOMEM;
	if (h->filename != NULL && lim->in_place)
		pm.val = data;		/* a mapped body: not copied, no NUL */
	else if ((pm.val = pool_strndup(p, data, len)) == NULL)
		return PERR_NOMEM;
	pm.valsz = len;
	return params_add(p, out, lim->max_fields, &pm);
}

/*
 * A multipart/form-data body, appended to out. Delimiters are
 * "--boundary" at the start of the body or after CRLF; the preamble
 * before the first and the epilogue after the close delimiter are
 * ignored. A body without the close delimiter (cut short) is malformed.
 * Delimiters are found with memmem, so the work is linear in the size of
 * the body. On an error out may hold some of the parameters.
 */
enum perr
parse_multipart(struct pool *p, const char *ctype, const char *body,
    size_t len, const struct limits *lim, struct params *out)
{
	const char	*b, *s, *next, *end;
	char		*delim;
	size_t		 blen, dlen;
	struct mphead	 h;
	enum perr	 e;

	if (ctype == NULL || body == NULL ||
	    mp_boundary(ctype, &b, &blen) == -1)
		return PERR_BAD;
	dlen = blen + 4;
	if ((delim = pool_alloc(p, dlen)) == NULL)
		return PERR_NOMEM;
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, b, blen);
	end = body + len;
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		s = body + dlen - 2;
	else if ((next = memmem(body, len, delim, dlen)) != NULL)
		s = next + dlen;
	else
		return PERR_BAD;
	for (;;) {
		if (end - s >= 2 && s[0] == '-' && s[1] == '-')
			return PERR_OK;		/* the close delimiter */
		s = skip_ws(s, end);		/* transport padding */
		if (end - s < 2 || s[0] != '\r' || s[1] != '\n')
			return PERR_BAD;
		s += 2;
		if ((e = mp_headers(&s, end, &h)) != PERR_OK)
			return e;
		if ((next = memmem(s, (size_t)(end - s), delim, dlen)) == NULL)
			return PERR_BAD;
		if ((e = mp_part(p, &h, s, (size_t)(next - s), lim, out)) !=
		    PERR_OK)
			return e;
		s = next + dlen;
	}
}

/*
 * One cookie: name s[..eq), value eq[1..end), both trimmed of white
 * space; a value in double quotes loses them. An empty name, or a name
 * or value that is not UTF-8 text, skips the cookie.
 */
static enum perr
cookie_pair(struct pool *p, const char *s, const char *eq, const char *end,
    const struct limits *lim, struct params *out)
{
	struct param	 pm;
	const char	*ne = eq, *v, *ve = end;

	s = skip_ws(s, eq);
	while (ne > s && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	v = skip_ws(eq + 1, end);
	while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
		ve--;
	if (ve - v >= 2 && v[0] == '"' && ve[-1] == '"') {
		v++;
		ve--;
	}
	if (ne == s || !utf8_text(s, (size_t)(ne - s)) ||
	    !utf8_text(v, (size_t)(ve - v)))
		return PERR_OK;
	memset(&pm, 0, sizeof(pm));
	if ((pm.name = pool_strndup(p, s, (size_t)(ne - s))) == NULL ||
	    (pm.val = pool_strndup(p, v, (size_t)(ve - v))) == NULL)
		return PERR_NOMEM;
	pm.valsz = (size_t)(ve - v);
	return params_add(p, out, lim->max_fields, &pm);
}

/*
 * The Cookie header: "name=value; name2=value2", appended to out. Values
 * are taken as they are, without percent-decoding. Malformed pieces and
 * cookies that are not UTF-8 text are skipped, and cookies past
 * lim->max_fields ignored: only running out of memory is an error.
 */
enum perr
parse_cookies(struct pool *p, const char *header, const struct limits *lim,
    struct params *out)
{
	const char	*s, *end, *eq;
	enum perr	 e;

	if (header == NULL)
		return PERR_OK;
	for (s = header; *s != '\0'; s = *end == ';' ? end + 1 : end) {
		end = s + strcspn(s, ";");
		if ((eq = memchr(s, '=', (size_t)(end - s))) == NULL)
			continue;
		e = cookie_pair(p, s, eq, end, lim, out);
		if (e == PERR_TOOBIG)
			return PERR_OK;
		if (e != PERR_OK)
			return e;
	}
	return PERR_OK;
}
