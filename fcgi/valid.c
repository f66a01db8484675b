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
};

static int	 v_token(struct fval *);
static int	 v_login(struct fval *);
static int	 v_text(struct fval *);
static int	 v_localpath(struct fval *);
static int	 v_flag(struct fval *);

static const struct fielddef fields[FIELD__MAX] = {
	{ "csrf", v_token, TOKEN_LEN },		/* FIELD_CSRF */
	{ "login", v_login, 64 },		/* FIELD_LOGIN */
	{ "password", v_text, 256 },		/* FIELD_PASSWORD */
	{ "next", v_localpath, 512 },		/* FIELD_NEXT */
	{ "xml", v_flag, 1 },			/* FIELD_XML */
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
 * Fill req->fields from the body's parameters, then the query string's:
 * a body field wins over a query field of the same name.
 */
void
valid_fields(struct req *r)
{
	const struct param	*pm;
	size_t			 k;

	for (k = 0; k < FIELD__MAX; k++) {
		if ((pm = params_get(&r->bparams, fields[k].name)) == NULL)
			pm = params_get(&r->qparams, fields[k].name);
		if (pm != NULL)
			valid_one(r, (enum field)k, pm);
	}
}
