/*
 * code.c: blue codes: issuing on a pass (or renewing), the holder's
 * page of a code, the public verification page a scan opens (/v/…), the
 * public key, and the badge's address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "code/code.h"
#include "code/local.h"
#include "shared/browser.h"
#include "shared/mask.h"
#include "shared/secret.h"
#include "stats/stats.h"

struct stmt code_sql[CODE_STMT__MAX] = {
	[STMT_CODE_OF_ATTEMPT] = { "CODE_OF_ATTEMPT",
	  "SELECT id, expires_on FROM code WHERE attempt_id = ?" },
	[STMT_CODE_CURRENT_FOR_ATTEMPT] = { "CODE_CURRENT_FOR_ATTEMPT",
	  "SELECT c.id, c.expires_on, DATEDIFF(c.expires_on, CURDATE()) "
	  "FROM attempt a JOIN code c ON c.role = a.role AND (c.browser = "
	  "a.browser OR (a.person_id IS NOT NULL AND c.person_id = "
	  "a.person_id)) WHERE a.id = ? AND c.revoked_at IS NULL "
	  "AND c.expires_on >= CURDATE() ORDER BY c.expires_on DESC LIMIT 1" },
	[STMT_CODE_CURRENT] = { "CODE_CURRENT",
	  "SELECT id, expires_on, DATEDIFF(expires_on, CURDATE()) FROM code "
	  "WHERE role = ? AND revoked_at IS NULL AND expires_on >= CURDATE() "
	  "AND (browser = ? OR (person_id IS NOT NULL AND person_id = ?)) "
	  "ORDER BY expires_on DESC LIMIT 1" },
	[STMT_CODE_INSERT] = { "CODE_INSERT",
	  "INSERT INTO code (nonce, attempt_id, browser, person_id, role, "
	  "region_id, method, issued_on, expires_on) SELECT ?, a.id, "
	  "a.browser, a.person_id, a.role, a.region_id, a.method, CURDATE(), "
	  "CURDATE() + INTERVAL ro.validity_months MONTH FROM attempt a "
	  "JOIN role ro ON ro.code = a.role WHERE a.id = ?" },
	[STMT_CODE_GET] = { "CODE_GET",
	  CODE_COLS "WHERE c.id = ?" },
	[STMT_CODE_MINE] = { "CODE_MINE",
	  CODE_COLS "WHERE c.browser = ? OR (c.person_id IS NOT NULL "
	  "AND c.person_id = ?) ORDER BY c.id DESC LIMIT 100" },
	[STMT_CODE_OF_PERSON] = { "CODE_OF_PERSON",
	  CODE_COLS "WHERE c.person_id = ?" },
	[STMT_CODE_BIND] = { "CODE_BIND",
	  "UPDATE code SET person_id = ? WHERE browser = ? "
	  "AND person_id IS NULL" },
	[STMT_CODE_REKEY] = { "CODE_REKEY",
	  "UPDATE code SET browser = ? WHERE browser = ? AND person_id IS NULL" },
};

static int	 code_show(struct req *);
static int	 code_verify(struct req *);
static int	 code_pubkey(struct req *);
static int	 code_badge(struct req *);
static void	 code_start(struct req *);
static void	 code_error(struct req *, int, xmlNodePtr);
static enum dberr code_rekey(struct req *, const unsigned char *,
		    const unsigned char *);
static enum dberr code_bind(struct req *, const unsigned char *, long long);

static const struct route code_routes[] = {
	/* CODE_SHOW: the holder's page of a code */
	{ METHOD_GET, "/my/:id", code_show, 0 },
	/* CODE_PUBKEY: the key that checks tokens offline (before VERIFY) */
	{ METHOD_GET, "/v/key", code_pubkey, 0 },
	/* CODE_VERIFY: what a scan opens; never changes once shipped */
	{ METHOD_GET, "/v/:token", code_verify, 0 },
	/* CODE_BADGE: the badge PNG; never changes once shipped */
	{ METHOD_GET, "/v/:token/:file", code_badge, 0 },
};

struct sheet code_sheets[CODE_SHEET__MAX] = {
	{ "code-show.xsl", 0, { NULL } },	/* SHEET_CODE_SHOW */
	{ "verify.xsl", 0, { NULL } },	/* SHEET_VERIFY */
	{ "badge-labels.xsl", 0, { NULL } },	/* SHEET_BADGE_LABELS */
};

const struct module code_module = {
	.name = "code",
	.routes = code_routes,
	.nroutes = NELEM(code_routes),
	.sheets = code_sheets,
	.nsheets = CODE_SHEET__MAX,
	.start = code_start,
	.error = code_error,
	.rekey = code_rekey,
	.bind = code_bind,
};

/* The signing key is derived from the site's secret when a worker starts. */
static void
code_start(struct req *r)
{
	sign_init(r->conf->secret);
}

/* A holder's page of a code not found for this browser: say how to open it. */
static void
code_error(struct req *r, int status, xmlNodePtr err)
{
	if (status == 404 && r->path != NULL &&
	    strncmp(r->path, "/my/", 4) == 0)
		xml_prop(err, "personal", "yes");
}

/* The codes earned without an account follow the browser's new token. */
static enum dberr
code_rekey(struct req *r, const unsigned char *from, const unsigned char *to)
{
	return db_exec(&code_sql[STMT_CODE_REKEY], NULL, "bb", to, (size_t)32,
	    from, (size_t)32);
}

/* The codes this browser earned become the signed-in person's. */
static enum dberr
code_bind(struct req *r, const unsigned char *browser, long long person_id)
{
	enum dberr	 e;

	if ((e = db_exec(&code_sql[STMT_CODE_BIND], NULL, "ib", person_id,
	    browser, (size_t)32)) != DB_OK)
		return e;
	return stats_member_refresh(person_id);
}

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
	if ((e = db_query(r->pool, &code_sql[STMT_CODE_CURRENT_FOR_ATTEMPT],
	    &res, "i", attempt_id)) != DB_OK)
		return db_status(e);
	if (res->nrows > 0 && db_ll(res, 0, 2) > RENEW_DAYS)
		return 0;
	randombytes_buf(nonce, sizeof(nonce));
	if ((e = db_exec(&code_sql[STMT_CODE_INSERT], NULL, "bi", nonce,
	    sizeof(nonce), attempt_id)) != DB_OK ||
	    (e = stats_member_refresh_attempt(attempt_id)) != DB_OK)
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
	xml_prop(n, "role-name", l10n_pick(r->lang, DBRES(c, i, 3),
	    DBRES(c, i, CODE_COL_ROLE_EN)));
	xml_prop(n, "region", l10n_pick(r->lang, DBRES(c, i, 5),
	    DBRES(c, i, CODE_COL_REGION_EN)));
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
	xml_prop(n, "phone", mask_phone(r->pool, secret_open_cell(r->pool, c,
	    i, 16, SC_PERSON_PHONE)));
	if (db_ll(c, i, 18) != 0)
		xml_prop(n, "holder-deleted", "1");
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
	if ((e = db_query(r->pool, &code_sql[STMT_CODE_CURRENT], &res, "sbi",
	    role, browser, sizeof(browser), r->sess.person_id)) != DB_OK)
		return db_status(e);
	if (res->nrows > 0) {
		xmlNodePtr n = xml_add(root, "current-code", NULL);

		xml_prop(n, "id", DBRES(res, 0, 0));
		xml_prop(n, "expires", DBRES(res, 0, 1));
		xml_prop(n, "days-left", DBRES(res, 0, 2));
	}
	return 0;
}

/*
 * The of codes this browser, or of the signed-in person, as <codes>: the
 * personal page's (my.c). Returns 0 or the status of a failure.
 */
int
code_list_xml(struct req *r, xmlNodePtr root)
{
	struct dbres	*res;
	unsigned char	 browser[32];
	xmlNodePtr	 list;
	enum dberr	 e;
	size_t		 i;

	if (browser_id(r, browser) == -1)
		memset(browser, 0, sizeof(browser));
	if ((e = db_query(r->pool, &code_sql[STMT_CODE_MINE], &res, "bi",
	    browser, sizeof(browser), r->sess.person_id)) != DB_OK)
		return db_status(e);
	list = xml_add(root, "codes", NULL);
	for (i = 0; i < res->nrows; i++)
		code_xml(r, list, res, i, 1);
	return 0;
}

/* The code a passed attempt issued, if any: id, expires (CODE_OF_ATTEMPT). */
enum dberr
code_of_attempt(struct req *r, long long attempt_id, struct dbres **res)
{
	return db_query(r->pool, &code_sql[STMT_CODE_OF_ATTEMPT], res, "i",
	    attempt_id);
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
	if ((e = db_query(r->pool, &code_sql[STMT_CODE_GET], &res, "i", id)) !=
	    DB_OK) {
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
static int
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
	return page_finish(r, &code_sheets[SHEET_CODE_SHOW], doc);
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
	if ((e = db_query(r->pool, &code_sql[STMT_CODE_GET], &res, "i", t.id))
	    != DB_OK) {
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
static int
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
	return page_finish(r, &code_sheets[SHEET_VERIFY], doc);
}

/* GET /v/key: the public key that checks tokens offline. */
static int
code_pubkey(struct req *r)
{
	char	 key[64], *body;

	sign_pubkey(key);
	body = pool_printf(r->pool, "%s\n", key);
	resp_header(r, "Cache-Control", "public, max-age=86400");
	return resp_send(r, "text/plain; charset=utf-8", body, strlen(body));
}

/* The badge of a token: /v/:token/badge-:size.png. */
static int
code_badge(struct req *r)
{
	struct dbres	*res;
	int		 rc;

	if ((res = code_by_token(r, r->args[0], &rc)) == NULL)
		return rc;
	return badge_send(r, res, r->args[1]);
}
