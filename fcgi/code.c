/*
 * code.c: blue codes: issuing on a pass (or renewing), the holder's
 * pages (我的蓝码), the public verification page a scan opens (/v/…),
 * the public key, and revocation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app.h"

#define RENEW_DAYS	30	/* renewable, and "expiring soon", within */

/*
 * Inside the grading transaction: issue the code of a passed attempt,
 * unless a code of the same role is still valid for more than
 * RENEW_DAYS (then the pass renews nothing).
 */
int
code_issue(struct req *r, long long attempt_id)
{
	struct dbres	*res;
	unsigned char	 browser[32], nonce[16];
	enum dberr	 e;

	if (browser_id(r, browser) == -1)
		return 403;
	if ((e = db_query(r->pool, STMT_CODE_CURRENT_FOR_ATTEMPT, &res, "i",
	    attempt_id)) != DB_OK)
		return db_status(e);
	if (res->nrows > 0 && db_ll(res, 0, 2) > RENEW_DAYS)
		return 0;
	randombytes_buf(nonce, sizeof(nonce));
	if ((e = db_exec(STMT_CODE_INSERT, NULL, "bi", nonce, sizeof(nonce),
	    attempt_id)) != DB_OK)
		return db_status(e);
	return 0;
}

/* The status of a code: valid, expiring, expired or revoked. */
static const char *
code_status(const struct dbres *c, size_t i)
{
	if (DBRES(c, i, 9) != NULL)
		return "revoked";
	if (db_ll(c, i, 11) < 0)
		return "expired";
	if (db_ll(c, i, 11) <= RENEW_DAYS)
		return "expiring";
	return "valid";
}

/* The verification token of row i of a CODE_COLS result. */
char *
code_row_token(struct req *r, const struct dbres *c, size_t i)
{
	struct codetok	 t;

	memset(&t, 0, sizeof(t));
	t.id = db_ll(c, i, 0);
	t.role = DBRES(c, i, 2);
	t.region_id = db_ll(c, i, 4);
	t.expires_days = db_ll(c, i, 12);
	if (c->len[i * c->ncols + 1] != sizeof(t.nonce))
		return NULL;
	memcpy(t.nonce, DBRES(c, i, 1), sizeof(t.nonce));
	return code_token(r->pool, &t);
}

/* "张三" → "张*", "欧阳娜娜" → "欧***": the first character only. */
static char *
mask_name(struct pool *p, const char *s)
{
	size_t	 first, n = 0;
	char	*out;

	if (s == NULL || *s == '\0')
		return NULL;
	first = 1;
	while (s[first] != '\0' && ((unsigned char)s[first] & 0xc0) == 0x80)
		first++;
	for (const char *t = s + first; *t != '\0'; t++)
		if (((unsigned char)*t & 0xc0) != 0x80)
			n++;
	if ((out = pool_alloc(p, first + (n ? n : 1) + 1)) == NULL)
		return NULL;
	memcpy(out, s, first);
	memset(out + first, '*', n ? n : 1);
	out[first + (n ? n : 1)] = '\0';
	return out;
}

/* "13812345678" → "138****5678". */
char *
mask_phone(struct pool *p, const char *s)
{
	if (s == NULL || strlen(s) != 11)
		return NULL;
	return pool_printf(p, "%.3s****%s", s, s + 7);
}

/*
 * <code> for row i of a CODE_COLS result. full: the holder's own view
 * (name unmasked); otherwise what a verifier may see.
 */
static xmlNodePtr
code_xml(struct req *r, xmlNodePtr parent, const struct dbres *c, size_t i,
    int full)
{
	xmlNodePtr	 n;
	char		*tok;

	n = xml_add(parent, "code", NULL);
	xml_prop(n, "id", DBRES(c, i, 0));
	xml_propf(n, "number", "%s-%07lld", DBRES(c, i, 17), db_ll(c, i, 0));
	xml_prop(n, "role", DBRES(c, i, 2));
	xml_prop(n, "role-name", DBRES(c, i, 3));
	xml_prop(n, "region", DBRES(c, i, 5));
	xml_prop(n, "method", DBRES(c, i, 6));
	xml_prop(n, "issued", DBRES(c, i, 7));
	xml_prop(n, "expires", DBRES(c, i, 8));
	xml_prop(n, "days-left", DBRES(c, i, 11));
	xml_prop(n, "status", code_status(c, i));
	if (DBRES(c, i, 9) != NULL) {
		xml_prop(n, "revoked", DBRES(c, i, 9));
		if (full)
			xml_prop(n, "revoke-reason", DBRES(c, i, 10));
	}
	xml_prop(n, "holder", full ? DBRES(c, i, 15) :
	    mask_name(r->pool, DBRES(c, i, 15)));
	xml_prop(n, "phone", mask_phone(r->pool, DBRES(c, i, 16)));
	if ((tok = code_row_token(r, c, i)) != NULL) {
		xml_prop(n, "token", tok);
		xml_propf(n, "url", "%s/v/%s", r->conf->site_url, tok);
	}
	return n;
}

/* On a result page: the still-valid code a pass did not renew. */
int
code_current_xml(struct req *r, xmlNodePtr root, const char *role)
{
	struct dbres	*res;
	unsigned char	 browser[32];
	enum dberr	 e;

	if (browser_id(r, browser) == -1)
		return 0;
	if ((e = db_query(r->pool, STMT_CODE_CURRENT, &res, "sbi", role,
	    browser, sizeof(browser), r->sess.person_id)) != DB_OK)
		return db_status(e);
	if (res->nrows > 0) {
		xmlNodePtr n = xml_add(root, "current-code", NULL);

		xml_prop(n, "id", DBRES(res, 0, 0));
		xml_prop(n, "expires", DBRES(res, 0, 1));
		xml_prop(n, "days-left", DBRES(res, 0, 2));
	}
	return 0;
}

/* GET /my: the codes of this browser, or of the signed-in person. */
int
code_mine(struct req *r)
{
	struct dbres	*res, *open;
	unsigned char	 browser[32];
	xmlDocPtr	 doc;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	session_ensure_token(r);
	browser_id(r, browser);
	if ((e = db_query(r->pool, STMT_CODE_MINE, &res, "bi", browser,
	    sizeof(browser), r->sess.person_id)) != DB_OK ||
	    (e = db_query(r->pool, STMT_ATTEMPT_OPEN, &open, "bi", browser,
	    sizeof(browser), r->sess.person_id)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "code-mine")) == NULL)
		return 500;
	/* A quiz still running, so that it can be found again. */
	if (open->nrows > 0) {
		n = xml_add(xmlDocGetRootElement(doc), "open-attempt", NULL);
		xml_prop(n, "token", DBRES(open, 0, 0));
		xml_prop(n, "role-name", DBRES(open, 0, 1));
		xml_propll(n, "minutes", (db_ll(open, 0, 2) + 59) / 60);
	}
	list = xml_add(xmlDocGetRootElement(doc), "codes", NULL);
	for (i = 0; i < res->nrows; i++)
		code_xml(r, list, res, i, 1);
	return page_finish(r, SHEET_CODE_MINE, doc);
}

/* A code by id if this browser or person owns it, else NULL (*rc set). */
static struct dbres *
code_owned(struct req *r, const char *idstr, int *rc)
{
	struct dbres	*res;
	unsigned char	 browser[32];
	enum dberr	 e;
	char		*end;
	long long	 id;

	*rc = 404;
	id = strtoll(idstr, &end, 10);
	if (*end != '\0' || id <= 0 || browser_id(r, browser) == -1)
		return NULL;
	if ((e = db_query(r->pool, STMT_CODE_GET, &res, "i", id)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (res->nrows == 0 || ((res->len[13] != 32 ||
	    sodium_memcmp(DBRES(res, 0, 13), browser, 32) != 0) &&
	    (r->sess.person_id == 0 || db_ll(res, 0, 14) != r->sess.person_id)))
		return NULL;
	return res;
}

/* GET /my/:id: the holder's page of one code. */
int
code_show(struct req *r)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	int		 rc;

	if ((res = code_owned(r, r->args[0], &rc)) == NULL)
		return rc;
	if ((doc = xml_page(r, "code-show")) == NULL)
		return 500;
	code_xml(r, xmlDocGetRootElement(doc), res, 0, 1);
	/* The holder's current code of the role: a newer one renewed this. */
	if ((rc = code_current_xml(r, xmlDocGetRootElement(doc),
	    DBRES(res, 0, 2))) != 0)
		return rc;
	return page_finish(r, SHEET_CODE_SHOW, doc);
}

/*
 * The code of a verification token: the signature must hold and the
 * code must exist with the same nonce and the same signed facts; NULL
 * (404) otherwise.
 */
static struct dbres *
code_by_token(struct req *r, const char *tok, int *rc)
{
	struct codetok	 t;
	struct dbres	*res;
	enum dberr	 e;

	*rc = 404;
	if (code_token_parse(tok, &t) == -1)
		return NULL;
	if ((e = db_query(r->pool, STMT_CODE_GET, &res, "i", t.id)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (res->nrows == 0 || res->len[1] != 16 ||
	    sodium_memcmp(DBRES(res, 0, 1), t.nonce, 16) != 0 ||
	    strcmp(DBRES(res, 0, 2), t.role) != 0 ||
	    db_ll(res, 0, 4) != t.region_id || db_ll(res, 0, 12) !=
	    t.expires_days)
		return NULL;
	return res;
}

/* GET /v/:token: what a scan opens. */
int
code_verify(struct req *r)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	int		 rc;

	if ((doc = xml_page(r, "verify")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((res = code_by_token(r, r->args[0], &rc)) == NULL) {
		if (rc != 404)
			return rc;
		r->status = 404;
		xml_add(root, "invalid", NULL);
	} else
		code_xml(r, root, res, 0, 0);
	resp_header(r, "X-Robots-Tag", "noindex");
	return page_finish(r, SHEET_VERIFY, doc);
}

/* GET /v/key: the public key that checks tokens offline. */
int
code_pubkey(struct req *r)
{
	char	 key[64], *body;

	sign_pubkey(key);
	body = pool_printf(r->pool, "%s\n", key);
	resp_header(r, "Cache-Control", "public, max-age=86400");
	return resp_send(r, "text/plain; charset=utf-8", body, strlen(body));
}

/* The badge of a token: /v/:token/badge-:size.png. */
int
code_badge(struct req *r)
{
	struct dbres	*res;
	int		 rc;

	if ((res = code_by_token(r, r->args[0], &rc)) == NULL)
		return rc;
	return badge_send(r, res, r->args[1]);
}
