/*
 * valid.c: the field-table mechanism.
 * Each module names the request parameters its handlers may read in a
 * field table, with a validator each; parameters not in the table are
 * ignored, and handlers only ever see the checked values in r->fields.
 * The validators every module may use are here; a module writes its own
 * for its own vocabulary.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

/* The plumbing's own fields, on every request. */
static const struct field core_fields[CORE_FIELD__MAX] = {
	{ "csrf", valid_token, TOKEN_LEN, 0 },	/* CORE_CSRF */
	{ "xml", valid_flag, 1, 0 },		/* CORE_XML */
};

/* base64url characters, the exact length of a token. */
int
valid_token(struct fval *f)
{
	return f->sz == TOKEN_LEN &&
	    strspn(f->s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == TOKEN_LEN;
}

/* Admin logins: letters, digits, dot, dash, underscore. */
int
valid_login(struct fval *f)
{
	return f->sz > 0 && strspn(f->s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-") == f->sz;
}

/* Any text (the parser has checked UTF-8 already), not empty. */
int
valid_text(struct fval *f)
{
	return f->sz > 0;
}

/* A path on this site: "/x", never "//host" or a scheme. */
int
valid_localpath(struct fval *f)
{
	const unsigned char	*c;

	if (f->s[0] != '/' || f->s[1] == '/')
		return 0;
	/* Printable ASCII only: no CR, LF, tab, space or backslash. */
	for (c = (const unsigned char *)f->s; *c != '\0'; c++)
		if (*c <= ' ' || *c >= 0x7f || *c == '\\')
			return 0;
	return 1;
}

int
valid_flag(struct fval *f)
{
	if (strcmp(f->s, "1") != 0)
		return 0;
	f->i = 1;
	return 1;
}

/* A decimal number of degrees; the value goes to f->i as 1e-7 units. */
int
valid_coord(struct fval *f)
{
	char	*end;
	double	 d;

	d = strtod(f->s, &end);
	if (end == f->s || *end != '\0' || !(d >= -180.0 && d <= 180.0))
		return 0;
	f->i = (long long)(d * 1e7 + (d < 0 ? -0.5 : 0.5));
	return 1;
}

/* A positive integer id. */
int
valid_id(struct fval *f)
{
	return valid_count(f) && f->i > 0;
}

/* Free text without control characters but new lines. */
int
valid_line(struct fval *f)
{
	size_t	 i;

	for (i = 0; i < f->sz; i++)
		if ((unsigned char)f->s[i] < 0x20 && f->s[i] != '\n' &&
		    f->s[i] != '\r' && f->s[i] != '\t')
			return 0;
	return f->sz > 0;
}

/* A mainland mobile number: 11 digits starting 13 to 19. */
int
valid_phone(struct fval *f)
{
	return f->sz == 11 && f->s[0] == '1' && f->s[1] >= '3' &&
	    strspn(f->s, "0123456789") == 11;
}

/* A name for a badge: one line, at most 16 characters. */
int
valid_name(struct fval *f)
{
	size_t	 i, chars = 0;

	for (i = 0; i < f->sz; i++) {
		if ((unsigned char)f->s[i] < 0x20)
			return 0;
		chars += ((unsigned char)f->s[i] & 0xc0) != 0x80;
	}
	return chars >= 1 && chars <= 16 && f->s[0] != ' ';
}

/*
 * A day written YYYY-MM-DD, month 01 to 12 and day 01 to 31 (whether
 * the day exists, MariaDB says: such a date is NULL there).
 */
int
date_wellformed(const char *s, size_t len)
{
	int	 m, d;

	if (len != 10 || strspn(s, "0123456789") != 4 || s[4] != '-' ||
	    strspn(s + 5, "0123456789") < 2 || s[7] != '-' ||
	    strspn(s + 8, "0123456789") < 2)
		return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int
valid_date(struct fval *f)
{
	return date_wellformed(f->s, f->sz);
}

/* A whole number, 0 or more; empty is no number (present, not valid). */
int
valid_count(struct fval *f)
{
	char	*end;

	if (f->sz == 0 || strspn(f->s, "0123456789") != f->sz)
		return 0;
	errno = 0;
	f->i = strtoll(f->s, &end, 10);
	return errno == 0;
}

static void
valid_one(const struct field *d, struct fval *f, const struct param *pm)
{
	f->present = 1;
	f->s = pm->val;
	f->sz = pm->valsz;
	f->valid = pm->filename == NULL && f->sz <= d->maxlen && d->check(f);
}

/*
 * A field of several values (checkboxes): valid when every value is;
 * the validator accumulates them in f->i.
 */
static void
valid_multi(const struct field *d, struct fval *f, const struct params *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++) {
		if (strcmp(ps->v[i].name, d->name) != 0)
			continue;
		f->s = ps->v[i].val;
		f->sz = ps->v[i].valsz;
		f->valid = (!f->present || f->valid) &&
		    ps->v[i].filename == NULL && f->sz <= d->maxlen &&
		    d->check(f);
		f->present = 1;
	}
}

/*
 * Check the request's parameters against a field table of n rows into
 * out (n values, zeroed by the caller): the body's parameters, then the
 * query string's; a body field wins over a query field of the same name.
 */
void
valid_fields(struct req *r, const struct field *tab, size_t n,
    struct fval *out)
{
	const struct param	*pm;
	size_t			 k;

	for (k = 0; k < n; k++) {
		if (tab[k].multi) {
			valid_multi(&tab[k], &out[k], r->bparams.n ?
			    &r->bparams : &r->qparams);
			continue;
		}
		if ((pm = params_get(&r->bparams, tab[k].name)) == NULL)
			pm = params_get(&r->qparams, tab[k].name);
		if (pm != NULL)
			valid_one(&tab[k], &out[k], pm);
	}
}

/* The plumbing's fields into r->core. */
void
valid_core(struct req *r)
{
	memset(r->core, 0, sizeof(r->core));
	valid_fields(r, core_fields, CORE_FIELD__MAX, r->core);
}
