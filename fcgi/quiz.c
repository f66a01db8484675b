/*
 * quiz.c: taking the quiz: the role page, the location step, drawing the
 * questions, one question per page, the server-side clock, grading, the
 * review of missed questions and "report this question".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app.h"
#include "geo.h"

#define OPT_SEP		'\x1f'	/* between option texts in a snapshot */
#define REPORT_MAX	500	/* characters, as question_report.text */

struct drawn {
	long long	 qid;
	const char	*type;
	const char	*stem;
	const char	*explanation;
	const char	*source;
	int		 nopts;
	const char	*opt[6];
	int		 correct[6];
};

struct attempt {
	struct dbres	*row;		/* ATTEMPT_BY_TOKEN, with question k */
	long long	 id;
	const char	*token;
	const char	*role;
	const char	*role_name;
	long long	 region_id;
	const char	*region_name;
	const char	*method;
	int		 total;
	int		 pass_mark;
	const char	*status;
	long long	 remaining;	/* seconds; <= 0: time is up */
};

static int	 quiz_page(struct req *, const char *, xmlDocPtr *,
		    xmlNodePtr *);
static int	 attempt_from_row(struct req *, struct dbres *, const char *,
		    struct attempt *);
static int	 question_page(struct req *, const struct attempt *, long long);

/* SHA-256 of the browser's token: who owns an attempt or a code. */
int
browser_id(struct req *r, unsigned char out[32])
{
	if (r->sess.token[0] == '\0')
		return -1;
	token_hash(out, r->sess.token);
	return 0;
}

/*
 * Serialise the work on one owner's attempts and codes (starting an
 * attempt, grading it, issuing a code) across workers and hosts: the
 * person's when the attempt is an account's, else the browser's. Held to
 * the end of the request. Returns 0 or a status.
 */
static int
owner_lock(struct req *r, const unsigned char *browser, long long person_id)
{
	char		 b64[sodium_base64_ENCODED_LEN(32,
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
	const char	*name;
	enum dberr	 e;

	if (person_id != 0)
		name = pool_printf(r->pool, "bluecode:p:%lld", person_id);
	else {
		sodium_bin2base64(b64, sizeof(b64), browser, 32,
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		name = pool_printf(r->pool, "bluecode:b:%s", b64);
	}
	if (name == NULL)
		return 500;
	return (e = db_lock(r->pool, name)) == DB_OK ? 0 : db_status(e);
}

/* A new page document and its root. */
static int
quiz_page(struct req *r, const char *name, xmlDocPtr *doc, xmlNodePtr *root)
{
	if ((*doc = xml_page(r, name)) == NULL)
		return 500;
	*root = xmlDocGetRootElement(*doc);
	return 0;
}

/* GET /quiz: pick a role. */
int
quiz_roles(struct req *r)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	int		 rc;

	if ((rc = quiz_page(r, "quiz-roles", &doc, &root)) != 0 ||
	    (rc = role_xml(r, root)) != 0)
		return rc;
	return page_finish(r, SHEET_QUIZ_ROLES, doc);
}

/* The role row of a code, or NULL (with *rc set) when there is none. */
static struct dbres *
role_get(struct req *r, const char *code, int *rc)
{
	struct dbres	*res;
	enum dberr	 e;

	*rc = 0;
	if ((e = db_query(r->pool, STMT_ROLE_GET, &res, "s", code)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (res->nrows == 0) {
		*rc = 404;
		return NULL;
	}
	return res;
}

/*
 * The location step of a role: the page that asks the browser for its
 * position (static/js/locate.js) and offers the manual choice. error is
 * NULL or why the last try did not place the person.
 */
static int
quiz_locate_page(struct req *r, const char *role, const char *error)
{
	struct dbres	*ro;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	int		 rc;

	if ((ro = role_get(r, role, &rc)) == NULL)
		return rc;
	if ((rc = quiz_page(r, "quiz-locate", &doc, &root)) != 0 ||
	    (rc = region_xml(r, root)) != 0 ||
	    (rc = code_current_xml(r, root, role)) != 0)
		return rc;
	n = xml_add(root, "role", NULL);
	xml_row(n, ro, 0, "code name months questions minutes pass-mark");
	if (error != NULL) {
		n = xml_add(root, "locate-error", NULL);
		xml_prop(n, "code", error);
	}
	return page_finish(r, SHEET_QUIZ_LOCATE, doc);
}

/* GET /quiz/:role */
int
quiz_locate(struct req *r)
{
	return quiz_locate_page(r, r->args[0], NULL);
}

/*
 * Abuse limits before a new attempt: one open attempt per browser (it is
 * resumed), a few new attempts an hour per browser, and a per-address
 * ceiling generous enough for a school behind one NAT address.
 * Returns 0 to go on, or a status (with *resume set to go back to an
 * open attempt).
 */
static int
quiz_limits(struct req *r, const unsigned char *browser, char **resume)
{
	struct dbres	*res;
	enum dberr	 e;

	*resume = NULL;
	if ((e = db_query(r->pool, STMT_ATTEMPT_OPEN, &res, "bi", browser,
	    (size_t)32, r->sess.person_id)) != DB_OK)
		return db_status(e);
	if (res->nrows > 0) {
		*resume = DBRES(res, 0, 0);
		return 0;
	}
	if ((e = db_query(r->pool, STMT_ATTEMPT_COUNT_BROWSER, &res, "b",
	    browser, (size_t)32)) != DB_OK)
		return db_status(e);
	if (db_ll(res, 0, 0) >= r->conf->attempts_per_browser)
		return 429;
	if ((e = db_query(r->pool, STMT_ATTEMPT_COUNT_IP, &res, "s",
	    r->remote_addr ? r->remote_addr : "-")) != DB_OK)
		return db_status(e);
	if (db_ll(res, 0, 0) >= r->conf->attempts_per_ip)
		return 429;
	return 0;
}

/* Fisher–Yates with libsodium's uniform random numbers. */
static void
shuffle(int *v, int n)
{
	int	 i, j, t;

	for (i = n - 1; i > 0; i--) {
		j = (int)randombytes_uniform((uint32_t)i + 1);
		t = v[i], v[i] = v[j], v[j] = t;
	}
}

/*
 * Draw the questions for a role from the published bank, in random
 * order. Returns the number drawn (0: no bank), -1 on a database error.
 */
static int
quiz_draw(struct req *r, const char *role, int want, struct drawn *d,
    long long *bank_id)
{
	struct dbres	*res;
	size_t		 i;
	int		 n = -1, order[QUIZ_MAXQ], k;
	struct drawn	 tmp[QUIZ_MAXQ];

	if (want > QUIZ_MAXQ)
		want = QUIZ_MAXQ;
	if (db_query(r->pool, STMT_QUIZ_DRAW, &res, "si", role,
	    (long long)want) != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++) {
		if (n < 0 || tmp[n].qid != db_ll(res, i, 0)) {
			if (n + 1 == QUIZ_MAXQ)
				break;
			n++;
			memset(&tmp[n], 0, sizeof(tmp[n]));
			tmp[n].qid = db_ll(res, i, 0);
			tmp[n].type = DBRES(res, i, 1);
			tmp[n].stem = DBRES(res, i, 2);
			tmp[n].explanation = DBRES(res, i, 3);
			tmp[n].source = DBRES(res, i, 4);
			*bank_id = db_ll(res, i, 7);
		}
		if (tmp[n].nopts < 6) {
			tmp[n].opt[tmp[n].nopts] = DBRES(res, i, 5);
			tmp[n].correct[tmp[n].nopts++] = db_ll(res, i, 6) != 0;
		}
	}
	n++;
	for (k = 0; k < n; k++)
		order[k] = k;
	shuffle(order, n);
	for (k = 0; k < n; k++)
		d[k] = tmp[order[k]];
	return n;
}

/*
 * One question's snapshot: the options in the order shown (true/false
 * keeps 正确 before 错误; others are shuffled), and the correct mask.
 */
static char *
snapshot(struct pool *p, const struct drawn *q, int *mask)
{
	char	*s = pool_strdup(p, "");
	int	 order[6], i;

	for (i = 0; i < q->nopts; i++)
		order[i] = i;
	if (strcmp(q->type, "truefalse") != 0)
		shuffle(order, q->nopts);
	*mask = 0;
	for (i = 0; i < q->nopts && s != NULL; i++) {
		s = pool_printf(p, "%s%s%c", s, q->opt[order[i]],
		    i + 1 < q->nopts ? OPT_SEP : '\0');
		if (q->correct[order[i]])
			*mask |= 1 << i;
	}
	return s;
}

/* Write the attempt and its questions in one transaction. */
static int
quiz_create(struct req *r, struct dbres *ro, const unsigned char *browser,
    long long region, const char *method, char token[23])
{
	struct drawn		 d[QUIZ_MAXQ];
	unsigned char		 raw[16];
	unsigned long long	 aid;
	long long		 bank = 0;
	char			*opts;
	int			 n, i, mask;
	enum dberr		 e;

	n = quiz_draw(r, DBRES(ro, 0, 0), (int)db_ll(ro, 0, 3), d, &bank);
	if (n < 0)
		return 503;
	if (n == 0) {
		log_warnx("quiz: no published questions for role %s",
		    DBRES(ro, 0, 0));
		return 503;
	}
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, 23, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(STMT_ATTEMPT_INSERT, &aid, "sbnsisiiiis", token, browser,
	    (size_t)32, r->sess.person_id, DBRES(ro, 0, 0), region, method,
	    bank, (long long)n, db_ll(ro, 0, 5), db_ll(ro, 0, 4),
	    r->remote_addr ? r->remote_addr : "-");
	for (i = 0; i < n && e == DB_OK; i++) {
		if ((opts = snapshot(r->pool, &d[i], &mask)) == NULL) {
			e = DB_ERROR;
			break;
		}
		e = db_exec(STMT_AQ_INSERT, NULL, "iiisssiss", (long long)aid,
		    (long long)i + 1, d[i].qid, d[i].type, d[i].stem, opts,
		    (long long)mask, d[i].explanation, d[i].source);
	}
	if (e != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	return db_commit() == DB_OK ? 0 : 503;
}

/* POST /quiz/:role/start: place the person, then start an attempt. */
int
quiz_start(struct req *r)
{
	const struct jurisdiction	*j;
	struct dbres			*ro, *res;
	unsigned char			 browser[32];
	char				 token[23], *resume;
	long long			 region = 0;
	const char			*method;
	enum dberr			 e;
	int				 rc;

	if ((ro = role_get(r, r->args[0], &rc)) == NULL)
		return rc;
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if (browser_id(r, browser) == -1)
		return 403;
	if (r->fields[FIELD_LNG].valid && r->fields[FIELD_LAT].valid &&
	    geo_valid_wgs84(r->fields[FIELD_LNG].i / 1e7,
	    r->fields[FIELD_LAT].i / 1e7)) {
		method = "gps";
		if ((rc = boundary_locate(r, j, r->fields[FIELD_LNG].i / 1e7,
		    r->fields[FIELD_LAT].i / 1e7, &region)) != 0)
			return rc;
		if (region == 0)
			return quiz_locate_page(r, r->args[0], "outside");
	} else if (r->fields[FIELD_REGION].valid) {
		method = "manual";
		region = r->fields[FIELD_REGION].i;
		if ((e = db_query(r->pool, STMT_REGION_IN_JURISDICTION, &res,
		    "ii", region, j->id)) != DB_OK)
			return db_status(e);
		if (res->nrows == 0)
			return quiz_locate_page(r, r->args[0], "bad-region");
	} else
		return quiz_locate_page(r, r->args[0], r->fields[FIELD_LNG].present ?
		    "bad-position" : "missing");
	if ((rc = owner_lock(r, browser, r->sess.person_id)) != 0 ||
	    (rc = quiz_limits(r, browser, &resume)) != 0)
		return rc;
	if (resume != NULL)
		return resp_redirect(r, pool_printf(r->pool, "/quiz/a/%s/1",
		    resume), "resumed");
	if ((rc = quiz_create(r, ro, browser, region, method, token)) != 0)
		return rc;
	return resp_redirect(r, pool_printf(r->pool, "/quiz/a/%s/1", token),
	    NULL);
}

/*
 * GET /quiz/:role/start: the address of the page that said "outside the
 * district", reloaded or bookmarked: back to the role's location step.
 */
int
quiz_start_again(struct req *r)
{
	if (strspn(r->args[0], "abcdefghijklmnopqrstuvwxyz") !=
	    strlen(r->args[0]))
		return 404;
	return resp_redirect(r, pool_printf(r->pool, "/quiz/%s", r->args[0]),
	    NULL);
}

/*
 * The attempt of a token, with its question k (0: none), if this browser
 * (or its signed-in person) owns it; 404 otherwise: an attempt's URL says
 * nothing to anyone else. One query serves a whole question page.
 */
static int
attempt_load(struct req *r, const char *token, long long k,
    struct attempt *a)
{
	struct dbres	*res;
	enum dberr	 e;

	memset(a, 0, sizeof(*a));
	if (strlen(token) != 22)
		return 404;
	if ((e = db_query(r->pool, STMT_ATTEMPT_BY_TOKEN, &res, "is", k,
	    token)) != DB_OK)
		return db_status(e);
	return attempt_from_row(r, res, token, a);
}

/*
 * The attempt in an ATTEMPT_BY_TOKEN row, if this browser (or its
 * signed-in person) owns it; 404 otherwise.
 */
static int
attempt_from_row(struct req *r, struct dbres *res, const char *token,
    struct attempt *a)
{
	unsigned char	 browser[32];

	if (res->nrows == 0 || browser_id(r, browser) == -1 ||
	    ((res->len[1] != 32 ||
	    sodium_memcmp(DBRES(res, 0, 1), browser, 32) != 0) &&
	    (r->sess.person_id == 0 || db_ll(res, 0, 13) != r->sess.person_id)))
		return 404;
	a->row = res;
	a->id = db_ll(res, 0, 0);
	a->token = token;
	a->role = DBRES(res, 0, 2);
	a->role_name = DBRES(res, 0, 3);
	a->region_id = db_ll(res, 0, 4);
	a->region_name = DBRES(res, 0, 5);
	a->method = DBRES(res, 0, 6);
	a->total = (int)db_ll(res, 0, 7);
	a->pass_mark = (int)db_ll(res, 0, 8);
	a->status = DBRES(res, 0, 9);
	a->remaining = db_ll(res, 0, 12);
	return 0;
}

/*
 * Grade an open attempt as it stands (submitted, or out of time) and,
 * on a pass, issue the code: one transaction, under the owner's lock (so
 * two attempts of one owner graded at once issue one code) and with the
 * attempt's row locked before its answers are counted (an answer cannot
 * slip in after the count). If another request graded it first, a->status
 * says how that went.
 */
static int
attempt_finish(struct req *r, struct attempt *a)
{
	struct dbres	*res;
	long long	 correct, score;
	enum dberr	 e;
	int		 passed, rc;

	if (a->row->len[1] != 32)
		return 500;
	if ((rc = owner_lock(r, (const unsigned char *)DBRES(a->row, 0, 1),
	    DBRES(a->row, 0, 13) ? db_ll(a->row, 0, 13) : 0)) != 0)
		return rc;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, STMT_ATTEMPT_LOCK, &res, "i", a->id)) !=
	    DB_OK)
		goto fail;
	if (res->nrows == 0 || strcmp(DBRES(res, 0, 0), "open") != 0) {
		db_rollback();
		a->status = res->nrows ? DBRES(res, 0, 0) : "failed";
		return 0;
	}
	if ((e = db_query(r->pool, STMT_AQ_CORRECT, &res, "i", a->id)) !=
	    DB_OK)
		goto fail;
	correct = db_ll(res, 0, 0);
	score = a->total > 0 ? correct * 100 / a->total : 0;
	passed = score >= a->pass_mark;
	if ((e = db_exec(STMT_ATTEMPT_GRADE, NULL, "iisi", correct, score,
	    passed ? "passed" : "failed", a->id)) != DB_OK)
		goto fail;
	if (passed && (rc = code_issue(r, a->id)) != 0) {
		db_rollback();
		return rc;
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	a->status = passed ? "passed" : "failed";
	return 0;
fail:
	db_rollback();
	return db_status(e);
}

static char *
result_url(struct req *r, const struct attempt *a)
{
	return pool_printf(r->pool, "/quiz/a/%s/result", a->token);
}

/* <attempt> with what every quiz page shows. */
static xmlNodePtr
attempt_xml(xmlNodePtr root, const struct attempt *a)
{
	xmlNodePtr	 n;

	n = xml_add(root, "attempt", NULL);
	xml_prop(n, "token", a->token);
	xml_propll(n, "total", a->total);
	xml_propll(n, "pass-mark", a->pass_mark);
	xml_prop(n, "role", a->role);
	xml_prop(n, "role-name", a->role_name);
	xml_prop(n, "region", a->region_name);
	xml_prop(n, "method", a->method);
	xml_prop(n, "status", a->status);
	xml_propll(n, "remaining", a->remaining > 0 ? a->remaining : 0);
	return n;
}

/* The options of a snapshot as <option i="0" ...>text</option>. */
static void
options_xml(struct pool *p, xmlNodePtr q, const char *opts, int answer,
    int correct, int show_correct)
{
	xmlNodePtr	 n;
	const char	*s, *e;
	int		 i;

	for (s = opts, i = 0; s != NULL && i < 6; i++) {
		e = strchr(s, OPT_SEP);
		n = xml_add(q, "option", pool_strndup(p, s,
		    e ? (size_t)(e - s) : strlen(s)));
		xml_propll(n, "i", i);
		if (answer >= 0 && (answer & (1 << i)))
			xml_prop(n, "chosen", "yes");
		if (show_correct && (correct & (1 << i)))
			xml_prop(n, "correct", "yes");
		s = e ? e + 1 : NULL;
	}
}

/* The k of a question URL, 0 when it is not a number in range. */
static long long
question_k(const char *s)
{
	char		*end;
	long long	 k;

	k = strtoll(s, &end, 10);
	return *end == '\0' && s[0] >= '1' && s[0] <= '9' && k <= QUIZ_MAXQ ?
	    k : 0;
}

/* The attempt of a question URL /quiz/a/:token/:k, with question k. */
static int
attempt_at(struct req *r, struct attempt *a, long long *k)
{
	int	 rc;

	if ((*k = question_k(r->args[1])) == 0)
		return 404;
	if ((rc = attempt_load(r, r->args[0], *k, a)) != 0)
		return rc;
	return *k > a->total ? 404 : 0;
}

/* GET /quiz/a/:token/:k */
int
quiz_question(struct req *r)
{
	struct attempt	 a;
	long long	 k;
	int		 rc;

	if ((rc = attempt_at(r, &a, &k)) != 0)
		return rc;
	if (strcmp(a.status, "open") == 0 && a.remaining <= 0) {
		if ((rc = attempt_finish(r, &a)) != 0)
			return rc;
		return resp_redirect(r, result_url(r, &a), "time-up");
	}
	if (strcmp(a.status, "open") != 0)
		return resp_redirect(r, result_url(r, &a), NULL);
	return question_page(r, &a, k);
}

/* The page of question k of an open attempt, loaded with that question. */
static int
question_page(struct req *r, const struct attempt *a, long long k)
{
	struct dbres	*q = a->row;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, list;
	unsigned long long answered;
	int		 rc, i;

	if ((rc = quiz_page(r, "quiz-question", &doc, &root)) != 0)
		return rc;
	attempt_xml(root, a);
	n = xml_add(root, "question", NULL);
	xml_propll(n, "pos", k);
	xml_prop(n, "type", DBRES(q, 0, 14));
	xml_add(n, "stem", DBRES(q, 0, 15));
	options_xml(r->pool, n, DBRES(q, 0, 16), DBRES(q, 0, 17) ?
	    (int)db_ll(q, 0, 17) : -1, 0, 0);
	list = xml_add(root, "nav", NULL);
	answered = strtoull(DBRES(q, 0, 18), NULL, 10);
	for (i = 0; i < a->total; i++) {
		n = xml_add(list, "q", NULL);
		xml_propll(n, "pos", i + 1);
		if (answered & (1ULL << i))
			xml_prop(n, "answered", "yes");
	}
	return page_finish(r, SHEET_QUIZ_QUESTION, doc);
}

/*
 * POST /quiz/a/:token/:k: keep the answer (an empty one clears it), then
 * go to the previous, next or a chosen question, or submit.
 */
int
quiz_answer(struct req *r)
{
	struct attempt	 a;
	struct dbres	*q;
	const struct fval *go = &r->fields[FIELD_GO], *opt = &r->fields[FIELD_OPT];
	long long	 k, to, mask;
	enum dberr	 e;
	int		 rc, nopts;

	if ((rc = attempt_at(r, &a, &k)) != 0)
		return rc;
	if (!go->valid || (opt->present && !opt->valid))
		return 400;
	if (strcmp(a.status, "open") != 0)
		return resp_redirect(r, result_url(r, &a), NULL);
	if (a.remaining <= 0) {
		if ((rc = attempt_finish(r, &a)) != 0)
			return rc;
		return resp_redirect(r, result_url(r, &a), "time-up");
	}
	q = a.row;
	nopts = 1;
	for (const char *s = DBRES(q, 0, 16); (s = strchr(s, OPT_SEP)); s++)
		nopts++;
	mask = opt->present ? opt->i : 0;
	if (mask >= (1LL << nopts) || (strcmp(DBRES(q, 0, 14), "multi") != 0 &&
	    mask != 0 && (mask & (mask - 1)) != 0))
		return 400;
	if ((e = db_exec(STMT_AQ_ANSWER, NULL, "inni", k, mask, mask, a.id)) !=
	    DB_OK)
		return db_status(e);
	if (db_affected() == 0)		/* graded, or out of time, meanwhile */
		return resp_redirect(r, result_url(r, &a), NULL);
	if (strcmp(go->s, "submit") == 0) {
		if ((rc = attempt_finish(r, &a)) != 0)
			return rc;
		return resp_redirect(r, result_url(r, &a), NULL);
	}
	to = strcmp(go->s, "prev") == 0 ? k - 1 : strcmp(go->s, "next") == 0 ?
	    k + 1 : go->i;
	if (to < 1 || to > a.total)
		to = k;
	return resp_redirect(r, pool_printf(r->pool, "/quiz/a/%s/%lld",
	    a.token, to), NULL);
}

/* GET /quiz/a/:token/result: the score and the review. */
int
quiz_result(struct req *r)
{
	struct attempt	 a;
	struct dbres	*res, *code;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, q;
	enum dberr	 e;
	size_t		 i;
	int		 rc, ans;

	if ((rc = attempt_load(r, r->args[0], 0, &a)) != 0)
		return rc;
	if (strcmp(a.status, "open") == 0) {
		if (a.remaining > 0)
			return resp_redirect(r, pool_printf(r->pool,
			    "/quiz/a/%s/1", a.token), NULL);
		if ((rc = attempt_finish(r, &a)) != 0)
			return rc;
		return resp_redirect(r, result_url(r, &a), "time-up");
	}
	if ((e = db_query(r->pool, STMT_ATTEMPT_BY_TOKEN, &res, "is", 0LL,
	    a.token)) != DB_OK ||
	    (e = db_query(r->pool, STMT_CODE_OF_ATTEMPT, &code, "i", a.id)) !=
	    DB_OK)
		return db_status(e);
	if ((rc = quiz_page(r, "quiz-result", &doc, &root)) != 0)
		return rc;
	n = attempt_xml(root, &a);
	xml_prop(n, "correct", DBRES(res, 0, 10));
	xml_prop(n, "score", DBRES(res, 0, 11));
	if (code->nrows > 0) {
		n = xml_add(root, "code", NULL);
		xml_prop(n, "id", DBRES(code, 0, 0));
		xml_prop(n, "expires", DBRES(code, 0, 1));
	} else if (strcmp(a.status, "passed") == 0 &&
	    (rc = code_current_xml(r, root, a.role)) != 0)
		return rc;
	if ((e = db_query(r->pool, STMT_AQ_REVIEW, &res, "i", a.id)) != DB_OK)
		return db_status(e);
	n = xml_add(root, "review", NULL);
	for (i = 0; i < res->nrows; i++) {
		ans = DBRES(res, i, 5) ? (int)db_ll(res, i, 5) : -1;
		if (ans == db_ll(res, i, 4))
			continue;
		q = xml_add(n, "question", NULL);
		xml_prop(q, "pos", DBRES(res, i, 0));
		xml_prop(q, "type", DBRES(res, i, 1));
		if (DBRES(res, i, 8) != NULL)
			xml_prop(q, "reported", "yes");
		xml_add(q, "stem", DBRES(res, i, 2));
		options_xml(r->pool, q, DBRES(res, i, 3), ans,
		    (int)db_ll(res, i, 4), 1);
		xml_add(q, "explanation", DBRES(res, i, 6));
		if (DBRES(res, i, 7) != NULL)
			xml_add(q, "source", DBRES(res, i, 7));
	}
	return page_finish(r, SHEET_QUIZ_RESULT, doc);
}

/* POST /quiz/a/:token/report: what is wrong with a question. */
int
quiz_report(struct req *r)
{
	struct attempt	 a;
	enum dberr	 e;
	int		 rc;

	if ((rc = attempt_load(r, r->args[0], 0, &a)) != 0)
		return rc;
	if (strcmp(a.status, "open") == 0)
		return 403;
	if (!r->fields[FIELD_POS].valid || !r->fields[FIELD_TEXT].valid ||
	    utf8_chars(r->fields[FIELD_TEXT].s, r->fields[FIELD_TEXT].sz) >
	    REPORT_MAX)
		return 400;
	if (r->fields[FIELD_POS].i < 1 || r->fields[FIELD_POS].i > a.total)
		return 404;
	e = db_exec(STMT_REPORT_INSERT, NULL, "sii", r->fields[FIELD_TEXT].s,
	    a.id, r->fields[FIELD_POS].i);
	if (e == DB_DUP)
		return resp_redirect(r, result_url(r, &a), "reported-before");
	if (e != DB_OK)
		return db_status(e);
	return resp_redirect(r, result_url(r, &a), "reported");
}

/*
 * Development mode only: the two halves of a question page, so that
 * contrib/bench can show what each costs. GET /dev/quiz/:token/:k/query
 * runs the page's query and answers one line of text, without a page;
 * GET /dev/quiz/:token/:k/page builds and renders the page from a copy of
 * the attempt this worker read the first time, without a query (as if
 * attempts were kept in memory). 404 outside development mode.
 */
int
dev_quiz_query(struct req *r)
{
	struct attempt	 a;
	long long	 k;
	const char	*s;
	int		 rc;

	if (!r->conf->dev)
		return 404;
	if ((rc = attempt_at(r, &a, &k)) != 0)
		return rc;
	s = pool_printf(r->pool, "attempt %lld question %lld %s\n", a.id, k,
	    DBRES(a.row, 0, 14));
	return resp_send(r, "text/plain; charset=utf-8", s, strlen(s));
}

int
dev_quiz_page(struct req *r)
{
	static struct {
		struct pool	*pool;
		char		 token[23];
		long long	 k;
		struct dbres	*row;
	}		 kept;
	struct attempt	 a;
	long long	 k;
	int		 rc;

	if (!r->conf->dev)
		return 404;
	if ((k = question_k(r->args[1])) == 0)
		return 404;
	if (kept.row == NULL || kept.k != k ||
	    strcmp(kept.token, r->args[0]) != 0) {
		if ((rc = attempt_at(r, &a, &k)) != 0)
			return rc;
		if (strcmp(a.status, "open") != 0)
			return 409;
		if (kept.pool == NULL && (kept.pool = pool_new(8192)) == NULL)
			return 500;
		pool_reset(kept.pool);
		kept.row = NULL;
		if ((kept.row = db_res_copy(kept.pool, a.row)) == NULL)
			return 500;
		snprintf(kept.token, sizeof(kept.token), "%s", r->args[0]);
		kept.k = k;
	}
	if ((rc = attempt_from_row(r, kept.row, kept.token, &a)) != 0)
		return rc;
	return question_page(r, &a, k);
}
