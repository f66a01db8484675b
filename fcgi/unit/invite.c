/*
 * invite.c: a unit admin invites members by phone from a CSV file of
 * two columns, name and mobile number (a header line is allowed; Excel's
 * "CSV UTF-8" is what it expects). Every line is checked first, against
 * the file and then against the database; any problem is reported with
 * its line and nothing is imported. Otherwise, in one transaction, a
 * person already registered with a number joins at once, and the other
 * numbers are invited: whoever registers with one takes the place
 * (unit_claim_invite).
 */
#include <string.h>

#include "core/app.h"
#include "unit/unit.h"
#include "unit/local.h"
#include "shared/secret.h"

static const char *const err_names[INVITE__MAX] = {
	"ok", "columns", "name", "phone", "twice", "utf8", "empty",
	"too-many", "member", "elsewhere"
};

const char *
invite_err_name(enum invite_err e)
{
	return e < INVITE__MAX ? err_names[e] : "?";
}

static void
err_add(struct invite_error *errs, size_t *nerrs, size_t *total, int line,
    enum invite_err e, const char *value)
{
	if (*nerrs < INVITE_ERRORS_MAX) {
		errs[*nerrs].line = line;
		errs[*nerrs].err = e;
		errs[*nerrs].value = value;
		(*nerrs)++;
	}
	(*total)++;
}

/* Trim spaces at both ends, in place; the start of what is left. */
static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/*
 * Split one line into at most 3 fields (a third means too many), CSV
 * style: a field in double quotes may hold commas, "" is a quote.
 * Returns the number of fields, or -1 for a quote left open.
 */
static int
split(struct pool *p, const char *line, char **f)
{
	const char	*s = line;
	char		*o;
	int		 n = 0;

	while (n < 3) {
		if ((o = f[n] = pool_alloc(p, strlen(s) + 1)) == NULL)
			return -1;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '"') {
			for (s++; *s != '\0'; s++) {
				if (*s == '"' && s[1] == '"')
					*o++ = *s++;
				else if (*s == '"')
					break;
				else
					*o++ = *s;
			}
			if (*s != '"')
				return -1;
			s++;
			while (*s == ' ' || *s == '\t')
				s++;
		} else
			while (*s != '\0' && *s != ',')
				*o++ = *s++;
		*o = '\0';
		f[n] = trim(f[n]);
		n++;
		if (*s != ',')
			break;
		s++;
	}
	return *s == '\0' ? n : 3;
}

/* A mainland mobile number, spaces and dashes between digits dropped. */
static const char *
phone_norm(struct pool *p, const char *s)
{
	char	*out;
	size_t	 n = 0;

	if ((out = pool_alloc(p, 12)) == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-')
			continue;
		if (*s < '0' || *s > '9' || n == 11)
			return NULL;
		out[n++] = *s;
	}
	out[n] = '\0';
	return n == 11 && out[0] == '1' && out[1] >= '3' ? out : NULL;
}

/* A name: 1 to 16 characters, no control characters. */
static int
name_ok(const char *s)
{
	size_t	 chars = 0;

	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20)
			return 0;
		chars += ((unsigned char)*s & 0xc0) != 0x80;
	}
	return chars >= 1 && chars <= 16;
}

/* A first line that names the columns rather than a person. */
static int
is_header(const char *name, const char *phone)
{
	return strstr(name, "姓名") != NULL || strstr(phone, "手机") != NULL ||
	    strstr(phone, "电话") != NULL || strcasecmp(name, "name") == 0;
}

/*
 * Parse an invitation file into *out (*nout lines, in the pool). Returns
 * the number of problems found; the first INVITE_ERRORS_MAX of them are
 * in errs (*nerrs), by line. Nothing is looked up: this is the file's
 * own checking.
 */
size_t
invite_parse(struct pool *p, const char *buf, size_t len,
    struct invite **out, size_t *nout, struct invite_error *errs,
    size_t *nerrs)
{
	struct invite	*v;
	const char	*s = buf, *end = buf + len, *nl, *phone;
	char		*line, *f[3];
	size_t		 total = 0, n = 0, i, cap;
	int		 lineno = 0, nf, seen = 0;

	*out = NULL;
	*nout = *nerrs = 0;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	for (cap = 1, nl = s; nl < end; nl++)
		cap += *nl == '\n';
	if ((v = pool_calloc(p, cap, sizeof(*v))) == NULL)
		return 1;
	for (; s < end; s = nl + 1) {
		lineno++;
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		if ((line = pool_strndup(p, s, (size_t)(nl - s))) == NULL)
			return total + 1;
		if (nl > s && line[nl - s - 1] == '\r')
			line[nl - s - 1] = '\0';
		if (!utf8_valid(line, strlen(line)) ||
		    strlen(line) != (size_t)(nl - s) - (nl > s &&
		    s[nl - s - 1] == '\r')) {
			err_add(errs, nerrs, &total, lineno, INVITE_UTF8, NULL);
			continue;
		}
		if (*trim(line) == '\0')
			continue;
		nf = split(p, line, f);
		if (nf != 2) {
			err_add(errs, nerrs, &total, lineno, INVITE_COLUMNS,
			    line);
			continue;
		}
		if (!seen++ && is_header(f[0], f[1]))
			continue;
		if (n == UNIT_INVITES_MAX) {
			err_add(errs, nerrs, &total, 0, INVITE_TOO_MANY, NULL);
			break;
		}
		if (!name_ok(f[0])) {
			err_add(errs, nerrs, &total, lineno, INVITE_NAME, f[0]);
			continue;
		}
		if ((phone = phone_norm(p, f[1])) == NULL) {
			err_add(errs, nerrs, &total, lineno, INVITE_PHONE,
			    f[1]);
			continue;
		}
		for (i = 0; i < n; i++)
			if (strcmp(v[i].phone, phone) == 0)
				break;
		if (i < n) {
			err_add(errs, nerrs, &total, lineno, INVITE_TWICE,
			    phone);
			continue;
		}
		v[n].line = lineno;
		v[n].name = f[0];
		v[n].phone = phone;
		n++;
	}
	if (n == 0 && total == 0)
		err_add(errs, nerrs, &total, 0, INVITE_EMPTY, NULL);
	*out = v;
	*nout = n;
	return total;
}

/* The page that says why a file was refused: nothing was imported. */
static int
invites_refused(struct req *r, const struct invite_error *errs,
    size_t nerrs, size_t total, const char *file, int status)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 list, n;
	size_t		 i;

	if ((doc = xml_page(r, "unit-invites")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "refused", NULL);
	xml_prop(list, "file", file);
	xml_propll(list, "total", (long long)total);
	for (i = 0; i < nerrs; i++) {
		n = xml_add(list, "problem", errs[i].value);
		xml_propll(n, "line", errs[i].line);
		xml_prop(n, "code", invite_err_name(errs[i].err));
	}
	r->status = status;
	return page_finish(r, &unit_sheets[SHEET_UNIT_INVITES], doc);
}

/*
 * Each line against the database: a number in this unit already, or in
 * (or invited to) another, is a problem. Sets line->name to NULL for a
 * number already invited here (nothing to do) and counts the rest.
 */
static enum dberr
invites_check(struct req *r, const struct unit *u, struct invite *v,
    size_t n, long long *person, struct invite_error *errs, size_t *nerrs,
    size_t *total)
{
	struct dbres	*m, *inv;
	struct sealed	 h;
	enum dberr	 e;
	size_t		 i;

	for (i = 0; i < n; i++) {
		person[i] = 0;
		h = secret_hash_of(r->pool, SH_PHONE, v[i].phone);
		if ((e = db_query(r->pool, &unit_sql[STMT_MEMBER_OF_PHONE], &m,
		    "b", h.p, h.n)) != DB_OK ||
		    (e = db_query(r->pool, &unit_sql[STMT_INVITE_OF_PHONE],
		    &inv, "b", h.p, h.n)) != DB_OK)
			return e;
		if (m->nrows > 0 && DBRES(m, 0, 1) != NULL) {
			err_add(errs, nerrs, total, v[i].line,
			    db_ll(m, 0, 1) == u->id ? INVITE_MEMBER :
			    INVITE_ELSEWHERE, v[i].phone);
			continue;
		}
		if (inv->nrows > 0 && db_ll(inv, 0, 1) != u->id) {
			err_add(errs, nerrs, total, v[i].line,
			    INVITE_ELSEWHERE, v[i].phone);
			continue;
		}
		if (m->nrows > 0)
			person[i] = db_ll(m, 0, 0);
		else if (inv->nrows > 0)
			v[i].name = NULL;	/* invited here before */
	}
	return DB_OK;
}

/* One invitation kept: the number sealed, its hash for matching. */
static enum dberr
invite_insert(struct req *r, long long unit, const struct invite *v)
{
	struct sealed	 c, h;

	c = secret_seal_str(r->pool, SC_INVITE_PHONE, v->phone);
	h = secret_hash_of(r->pool, SH_PHONE, v->phone);
	if (c.p == NULL || h.p == NULL)
		return DB_ERROR;
	return db_exec(&unit_sql[STMT_INVITE_INSERT], NULL, "ibbs", unit,
	    c.p, c.n, h.p, h.n, v->name);
}

/* POST /unit/invites: the file, multipart, as "file". */
int
unit_invites_post(struct req *r)
{
	struct invite_error	 errs[INVITE_ERRORS_MAX];
	const struct param	*f;
	struct invite		*v;
	struct unit		 u;
	long long		*person;
	size_t			 n, nerrs, total, i;
	const char		*file;
	enum dberr		 e;
	int			 rc;

	if ((rc = unit_admin_of(r, &u)) != 0)
		return rc;
	if (!u.active)
		return 409;
	f = params_get(&r->bparams, "file");
	if (f == NULL || f->filename == NULL || f->valsz == 0)
		return invites_refused(r, NULL, 0, 0, NULL, 400);
	file = f->filename[0] != '\0' && utf8_text(f->filename,
	    strlen(f->filename)) ? f->filename : "upload.csv";
	total = invite_parse(r->pool, f->val, f->valsz, &v, &n, errs, &nerrs);
	if (total > 0)
		return invites_refused(r, errs, nerrs, total, file, 400);
	if ((person = pool_calloc(r->pool, n, sizeof(*person))) == NULL)
		return 500;
	if ((e = invites_check(r, &u, v, n, person, errs, &nerrs, &total)) !=
	    DB_OK)
		return db_status(e);
	if (total > 0)
		return invites_refused(r, errs, nerrs, total, file, 409);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	for (i = 0; i < n && e == DB_OK; i++) {
		if (person[i] != 0)
			e = unit_member_insert(person[i], u.id, 0, "active");
		else if (v[i].name != NULL)
			e = invite_insert(r, u.id, &v[i]);
	}
	if (e != DB_OK) {
		db_rollback();
		/* A number taken by another unit since it was checked. */
		return e == DB_DUP ? invites_refused(r, NULL, 0, 1, file, 409) :
		    db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/unit", "invited");
}
