/*
 * valid.c: the field table.
 * Every request parameter a handler may read is named here with its
 * validator; parameters not in the table are ignored, and handlers only
 * ever see the checked values in req->fields.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

typedef int (*validator)(struct fval *);

struct fielddef {
	const char	*name;
	validator	 check;
	size_t		 maxlen;
	int		 multi;		/* every value counts (checkboxes) */
};

static int	 v_token(struct fval *);
static int	 v_login(struct fval *);
static int	 v_text(struct fval *);
static int	 v_localpath(struct fval *);
static int	 v_flag(struct fval *);
static int	 v_coord(struct fval *);
static int	 v_id(struct fval *);
static int	 v_optbit(struct fval *);
static int	 v_go(struct fval *);
static int	 v_line(struct fval *);
static int	 v_phone(struct fval *);
static int	 v_qtype(struct fval *);
static int	 v_category(struct fval *);
static int	 v_rolebit(struct fval *);
static int	 v_name(struct fval *);
static int	 v_count(struct fval *);

static const struct fielddef fields[FIELD__MAX] = {
	{ "csrf", v_token, TOKEN_LEN, 0 },		/* FIELD_CSRF */
	{ "login", v_login, 64, 0 },		/* FIELD_LOGIN */
	{ "password", v_text, 256, 0 },		/* FIELD_PASSWORD */
	{ "next", v_localpath, 512, 0 },		/* FIELD_NEXT */
	{ "xml", v_flag, 1, 0 },			/* FIELD_XML */
	{ "lng", v_coord, 32, 0 },			/* FIELD_LNG */
	{ "lat", v_coord, 32, 0 },			/* FIELD_LAT */
	{ "region", v_id, 10, 0 },			/* FIELD_REGION */
	{ "o", v_optbit, 1, 1 },		/* FIELD_OPT: a bit mask */
	{ "go", v_go, 8, 0 },			/* FIELD_GO */
	{ "pos", v_id, 3, 0 },			/* FIELD_POS */
	{ "text", v_line, 1500, 0 },		/* FIELD_TEXT */
	{ "phone", v_phone, 11, 0 },		/* FIELD_PHONE */
	{ "name", v_name, 48, 0 },		/* FIELD_NAME */
	{ "q", v_line, 100, 0 },		/* FIELD_Q: a search */
	{ "type", v_qtype, 10, 0 },		/* FIELD_TYPE */
	{ "category", v_category, 16, 0 },	/* FIELD_CATEGORY */
	{ "roles", v_rolebit, 16, 1 },		/* FIELD_ROLES: a bit mask */
	{ "stem", v_line, 2400, 0 },		/* FIELD_STEM */
	{ "explanation", v_line, 2400, 0 },	/* FIELD_EXPLANATION */
	{ "source", v_line, 2400, 0 },		/* FIELD_SOURCE */
	{ "opt0", v_line, 2400, 0 },		/* FIELD_OPT0 */
	{ "opt1", v_line, 2400, 0 },		/* FIELD_OPT1 */
	{ "opt2", v_line, 2400, 0 },		/* FIELD_OPT2 */
	{ "opt3", v_line, 2400, 0 },		/* FIELD_OPT3 */
	{ "opt4", v_line, 2400, 0 },		/* FIELD_OPT4 */
	{ "opt5", v_line, 2400, 0 },		/* FIELD_OPT5 */
	{ "months", v_id, 2, 0 },		/* FIELD_MONTHS */
	{ "questions", v_id, 2, 0 },		/* FIELD_QUESTIONS */
	{ "minutes", v_id, 3, 0 },		/* FIELD_MINUTES */
	{ "pass", v_id, 3, 0 },			/* FIELD_PASS */
	{ "audience", v_line, 600, 0 },		/* FIELD_AUDIENCE */
	{ "population", v_count, 8, 0 },	/* FIELD_POPULATION: 0 or more */
};

/* base64url characters, the exact length of a token. */
static int
v_token(struct fval *f)
{
	return f->sz == TOKEN_LEN &&
	    strspn(f->s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == TOKEN_LEN;
}

/* Admin logins: letters, digits, dot, dash, underscore. */
static int
v_login(struct fval *f)
{
	return f->sz > 0 && strspn(f->s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-") == f->sz;
}

/* Any text (the parser has checked UTF-8 already), not empty. */
static int
v_text(struct fval *f)
{
	return f->sz > 0;
}

/* A path on this site: "/x", never "//host" or a scheme. */
static int
v_localpath(struct fval *f)
{
	return f->s[0] == '/' && f->s[1] != '/' && f->s[1] != '\\' &&
	    strpbrk(f->s, "\r\n\\") == NULL;
}

static int
v_flag(struct fval *f)
{
	if (strcmp(f->s, "1") != 0)
		return 0;
	f->i = 1;
	return 1;
}

/* A decimal number of degrees; the value goes to f->i as 1e-7 units. */
static int
v_coord(struct fval *f)
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
static int
v_id(struct fval *f)
{
	return v_count(f) && f->i > 0;
}

/* One option index 0..5; the values together make a bit mask. */
static int
v_optbit(struct fval *f)
{
	if (f->sz != 1 || f->s[0] < '0' || f->s[0] > '5')
		return 0;
	f->i |= 1LL << (f->s[0] - '0');
	return 1;
}

static int
v_go(struct fval *f)
{
	return strcmp(f->s, "prev") == 0 || strcmp(f->s, "next") == 0 ||
	    strcmp(f->s, "submit") == 0 || v_id(f);
}

/* Free text without control characters but new lines. */
static int
v_line(struct fval *f)
{
	size_t	 i;

	for (i = 0; i < f->sz; i++)
		if ((unsigned char)f->s[i] < 0x20 && f->s[i] != '\n' &&
		    f->s[i] != '\r' && f->s[i] != '\t')
			return 0;
	return f->sz > 0;
}

static int
v_qtype(struct fval *f)
{
	return strcmp(f->s, "single") == 0 || strcmp(f->s, "multi") == 0 ||
	    strcmp(f->s, "truefalse") == 0;
}

/* The categories of sql/bank/bank.rng. */
static int
v_category(struct fval *f)
{
	static const char *const cats[] = { "law", "duty", "inspect", "drill",
	    "facility", "extinguisher", "hydrant", "evacuation", "alarm",
	    "electric", "ebike", "gas", "highrise", "rental", "school",
	    "workplace", "crowd", "firstaid" };
	size_t	 i;

	for (i = 0; i < sizeof(cats) / sizeof(cats[0]); i++)
		if (strcmp(f->s, cats[i]) == 0)
			return 1;
	return 0;
}

/* A role code; the values together make a bit mask (responsible = 1). */
static int
v_rolebit(struct fval *f)
{
	static const char *const roles[] = { "responsible", "employee",
	    "landlord", "student", "citizen" };
	size_t	 i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(f->s, roles[i]) == 0) {
			f->i |= 1LL << i;
			return 1;
		}
	return 0;
}

/* A mainland mobile number: 11 digits starting 13 to 19. */
static int
v_phone(struct fval *f)
{
	return f->sz == 11 && f->s[0] == '1' && f->s[1] >= '3' &&
	    strspn(f->s, "0123456789") == 11;
}

/* A name for a badge: one line, at most 16 characters. */
static int
v_name(struct fval *f)
{
	size_t	 i, chars = 0;

	for (i = 0; i < f->sz; i++) {
		if ((unsigned char)f->s[i] < 0x20)
			return 0;
		chars += ((unsigned char)f->s[i] & 0xc0) != 0x80;
	}
	return chars >= 1 && chars <= 16 && f->s[0] != ' ';
}

/* A whole number, 0 or more; empty is no number (present, not valid). */
static int
v_count(struct fval *f)
{
	char	*end;

	if (f->sz == 0 || strspn(f->s, "0123456789") != f->sz)
		return 0;
	errno = 0;
	f->i = strtoll(f->s, &end, 10);
	return errno == 0;
}

const char *
field_name(enum field k)
{
	return fields[k].name;
}

static void
valid_one(struct req *r, enum field k, const struct param *pm)
{
	struct fval	*f = &r->fields[k];

	f->present = 1;
	f->s = pm->val;
	f->sz = pm->valsz;
	f->valid = pm->filename == NULL && f->sz <= fields[k].maxlen &&
	    fields[k].check(f);
}

/*
 * A field of several values (checkboxes): valid when every value is;
 * the validator accumulates them in f->i.
 */
static void
valid_multi(struct req *r, enum field k, const struct params *ps)
{
	struct fval	*f = &r->fields[k];
	size_t		 i;

	for (i = 0; i < ps->n; i++) {
		if (strcmp(ps->v[i].name, fields[k].name) != 0)
			continue;
		f->s = ps->v[i].val;
		f->sz = ps->v[i].valsz;
		f->valid = (!f->present || f->valid) &&
		    ps->v[i].filename == NULL && f->sz <= fields[k].maxlen &&
		    fields[k].check(f);
		f->present = 1;
	}
}

/*
 * Fill req->fields from the body's parameters, then the query string's:
 * a body field wins over a query field of the same name.
 */
void
valid_fields(struct req *r)
{
	const struct param	*pm;
	size_t			 k;

	for (k = 0; k < FIELD__MAX; k++) {
		if (fields[k].multi) {
			valid_multi(r, (enum field)k, r->bparams.n ?
			    &r->bparams : &r->qparams);
			continue;
		}
		if ((pm = params_get(&r->bparams, fields[k].name)) == NULL)
			pm = params_get(&r->qparams, fields[k].name);
		if (pm != NULL)
			valid_one(r, (enum field)k, pm);
	}
}
