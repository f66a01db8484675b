/*
 * quiz.c: the quiz room's tables (routes, fields, stylesheets, SQL), its
 * hooks, and what its pages share: loading an attempt its owner asks
 * for, the owner's lock, the parts every quiz page shows. The steps
 * themselves are start.c, question.c and grade.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "bank/bank.h"
#include "quiz/quiz.h"
#include "quiz/local.h"
#include "shared/browser.h"

static int	 valid_go(struct fval *);
static void	 quiz_error(struct req *, int, xmlNodePtr);
static enum dberr quiz_rekey(struct req *, const unsigned char *,
		    const unsigned char *);
static enum dberr quiz_bind(struct req *, const unsigned char *, long long);

static const struct route quiz_routes[] = {
	/* QUIZ_ROLES: pick a role */
	{ METHOD_GET, "/quiz", quiz_roles, 0 },
	/* QUIZ_RESULT: score and review (before QUIZ_QUESTION) */
	{ METHOD_GET, "/quiz/a/:token/result", quiz_result, 0 },
	/* QUIZ_REPORT: report a question (before QUIZ_ANSWER) */
	{ METHOD_POST, "/quiz/a/:token/report", quiz_report, 0 },
	/* QUIZ_QUESTION: question k of an attempt */
	{ METHOD_GET, "/quiz/a/:token/:k", quiz_question, 0 },
	/* QUIZ_ANSWER: answer question k, move on or submit */
	{ METHOD_POST, "/quiz/a/:token/:k", quiz_answer, 0 },
	/* QUIZ_LOCATE: the location step of a role */
	{ METHOD_GET, "/quiz/:role", quiz_locate, 0 },
	/* QUIZ_START: place the person and start an attempt */
	{ METHOD_POST, "/quiz/:role/start", quiz_start, 0 },
	{ METHOD_GET, "/quiz/:role/start", quiz_start_again, 0 },
	/* DEV_QUIZ_QUERY, DEV_QUIZ_PAGE: the halves of a question page */
	{ METHOD_GET, "/dev/quiz/:token/:k/query", dev_quiz_query, 0 },
	{ METHOD_GET, "/dev/quiz/:token/:k/page", dev_quiz_page, 0 },
};

static const struct field quiz_fields[QUIZ_FIELD__MAX] = {
	{ "lng", valid_coord, 32, 0 },		/* FIELD_LNG */
	{ "lat", valid_coord, 32, 0 },		/* FIELD_LAT */
	{ "region", valid_id, 10, 0 },		/* FIELD_REGION */
	{ "o", bank_valid_opt, 1, 1 },		/* FIELD_OPT: a bit mask */
	{ "go", valid_go, 8, 0 },		/* FIELD_GO */
	{ "pos", valid_id, 3, 0 },		/* FIELD_POS */
	{ "text", valid_line, 1500, 0 },	/* FIELD_TEXT */
};

struct sheet quiz_sheets[QUIZ_SHEET__MAX] = {
	{ "quiz-roles.xsl", 0, { NULL } },		/* SHEET_QUIZ_ROLES */
	{ "quiz-locate.xsl", 1, { NULL } },		/* SHEET_QUIZ_LOCATE */
	{ "quiz-question.xsl", 1, { NULL } },	/* SHEET_QUIZ_QUESTION */
	{ "quiz-result.xsl", 1, { NULL } },		/* SHEET_QUIZ_RESULT */
	{ "quiz-parts.xsl", 0, { NULL } },		/* SHEET_QUIZ_PARTS: fragments */
};

struct stmt quiz_sql[QUIZ_STMT__MAX] = {
	[STMT_ROLE_LIST] = { "ROLE_LIST",
	  "SELECT code, name, validity_months, audience, name_en, "
	  "audience_en FROM role ORDER BY sort, code" },
	[STMT_ROLE_GET] = { "ROLE_GET",
	  "SELECT code, name, validity_months, questions, time_limit_min, "
	  "pass_mark, name_en FROM role WHERE code = ?" },
	[STMT_ATTEMPT_OPEN] = { "ATTEMPT_OPEN",
	  "SELECT a.token, ro.name, "
	  "TIMESTAMPDIFF(SECOND, NOW(), a.deadline_at), ro.name_en "
	  "FROM attempt a JOIN role ro ON ro.code = a.role "
	  "WHERE (a.browser = ? OR (a.person_id IS NOT NULL AND "
	  "a.person_id = ?)) AND a.status = 'open' AND a.deadline_at > NOW() "
	  "ORDER BY a.id DESC LIMIT 1" },
	[STMT_ATTEMPT_LOCK] = { "ATTEMPT_LOCK",
	  "SELECT status FROM attempt WHERE id = ? FOR UPDATE" },
	[STMT_ATTEMPT_COUNT_BROWSER] = { "ATTEMPT_COUNT_BROWSER",
	  "SELECT COUNT(*) FROM attempt WHERE browser = ? "
	  "AND started_at > NOW() - INTERVAL 1 HOUR" },
	[STMT_ATTEMPT_COUNT_IP] = { "ATTEMPT_COUNT_IP",
	  "SELECT COUNT(*) FROM attempt WHERE ip = ? "
	  "AND started_at > NOW() - INTERVAL 1 HOUR" },
	/*
	 * The role's questions at random; an English attempt (the second
	 * parameter 1) takes those with English first, then the others.
	 */
	[STMT_QUIZ_DRAW] = { "QUIZ_DRAW",
	  "SELECT q.id, q.type, q.stem, q.explanation, q.source, o.text, "
	  "o.correct, q.bank_id, q.stem_en, q.explanation_en, q.source_en, "
	  "o.text_en FROM (SELECT q2.id FROM question q2 "
	  "JOIN bank b ON b.id = q2.bank_id WHERE b.status = 'published' "
	  "AND q2.retired = 0 AND FIND_IN_SET(?, q2.roles) "
	  "ORDER BY ? AND q2.stem_en IS NOT NULL DESC, RAND() "
	  "LIMIT ?) pick JOIN question q ON q.id = pick.id "
	  "JOIN question_option o ON o.question_id = q.id "
	  "ORDER BY q.id, o.opt_key" },
	[STMT_ATTEMPT_INSERT] = { "ATTEMPT_INSERT",
	  "INSERT INTO attempt (token, browser, person_id, role, region_id, "
	  "method, bank_id, lang, total, pass_mark, started_at, deadline_at, "
	  "ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), "
	  "NOW() + INTERVAL ? MINUTE, ?)" },
	[STMT_AQ_INSERT] = { "AQ_INSERT",
	  "INSERT INTO attempt_question (attempt_id, pos, question_id, type, "
	  "lang, stem, options, correct_mask, explanation, source) "
	  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_ATTEMPT_BY_TOKEN] = { "ATTEMPT_BY_TOKEN",
	  "SELECT a.id, a.browser, a.role, ro.name, a.region_id, g.name, "
	  "a.method, a.total, a.pass_mark, a.status, a.correct, a.score, "
	  "TIMESTAMPDIFF(SECOND, NOW(), a.deadline_at), a.person_id, "
	  "q.type, q.stem, q.options, q.answer_mask, a.answered, q.lang, "
	  "a.lang, ro.name_en, g.name_en "
	  "FROM attempt a JOIN role ro ON ro.code = a.role "
	  "JOIN region g ON g.id = a.region_id "
	  "LEFT JOIN attempt_question q ON q.attempt_id = a.id AND q.pos = ? "
	  "WHERE a.token = ?" },
	[STMT_AQ_ANSWER] = { "AQ_ANSWER",
	  "UPDATE attempt a JOIN attempt_question q ON q.attempt_id = a.id "
	  "AND q.pos = ? SET q.answer_mask = ?, a.answered = IF(? IS NULL, "
	  "a.answered & ~(1 << (q.pos - 1)), a.answered | (1 << (q.pos - 1))) "
	  "WHERE a.id = ? AND a.status = 'open' AND a.deadline_at > NOW()",
	  .flags = STMT_IDEMPOTENT },
	/*
	 * The common answer in one statement: the attempt's owner, open and
	 * in time, an answer its question allows (options in range, one for
	 * a single choice), and the question to go to in range. No row: the
	 * request takes the whole way (question.c).
	 */
	[STMT_AQ_ANSWER_AT_ONCE] = { "AQ_ANSWER_AT_ONCE",
	  "UPDATE attempt a JOIN attempt_question q ON q.attempt_id = a.id "
	  "AND q.pos = ? SET q.answer_mask = ?, a.answered = IF(? IS NULL, "
	  "a.answered & ~(1 << (q.pos - 1)), a.answered | (1 << (q.pos - 1))) "
	  "WHERE a.token = ? AND (a.browser = ? OR a.person_id = ?) "
	  "AND a.status = 'open' AND a.deadline_at > NOW() "
	  "AND ? < 2 << (LENGTH(q.options) - "
	  "LENGTH(REPLACE(q.options, CHAR(31), ''))) "
	  "AND (q.type = 'multi' OR ? & (? - 1) = 0) AND ? BETWEEN 1 AND a.total",
	  .flags = STMT_IDEMPOTENT },
	[STMT_AQ_CORRECT] = { "AQ_CORRECT",
	  "SELECT COUNT(*) FROM attempt_question WHERE attempt_id = ? "
	  "AND answer_mask = correct_mask" },
	[STMT_ATTEMPT_GRADE] = { "ATTEMPT_GRADE",
	  "UPDATE attempt SET correct = ?, score = ?, status = ?, "
	  "submitted_at = NOW() WHERE id = ? AND status = 'open'" },
	[STMT_AQ_REVIEW] = { "AQ_REVIEW",
	  "SELECT q.pos, q.type, q.stem, q.options, q.correct_mask, "
	  "q.answer_mask, q.explanation, q.source, rp.id, q.lang "
	  "FROM attempt_question q LEFT JOIN question_report rp "
	  "ON rp.attempt_id = q.attempt_id AND rp.question_id = q.question_id "
	  "WHERE q.attempt_id = ? ORDER BY q.pos" },
	[STMT_REPORT_INSERT] = { "REPORT_INSERT",
	  "INSERT INTO question_report (question_id, attempt_id, text) "
	  "SELECT question_id, attempt_id, ? FROM attempt_question "
	  "WHERE attempt_id = ? AND pos = ?" },
	[STMT_ATTEMPT_BIND] = { "ATTEMPT_BIND",
	  "UPDATE attempt SET person_id = ? WHERE browser = ? "
	  "AND person_id IS NULL" },
	[STMT_ATTEMPT_REKEY] = { "ATTEMPT_REKEY",
	  "UPDATE attempt SET browser = ? WHERE browser = ? "
	  "AND person_id IS NULL" },
};

const struct module quiz_module = {
	.name = "quiz",
	.routes = quiz_routes,
	.nroutes = NELEM(quiz_routes),
	.fields = quiz_fields,
	.nfields = QUIZ_FIELD__MAX,
	.sheets = quiz_sheets,
	.nsheets = QUIZ_SHEET__MAX,
	.error = quiz_error,
	.rekey = quiz_rekey,
	.bind = quiz_bind,
};

/* Where to go on a question page: prev, next, submit or a number. */
static int
valid_go(struct fval *f)
{
	return strcmp(f->s, "prev") == 0 || strcmp(f->s, "next") == 0 ||
	    strcmp(f->s, "submit") == 0 || valid_id(f);
}

/*
 * An error page of the quiz: a quiz's page not found for this browser
 * says how its owner would open it; the hourly limits say the wait is
 * up to an hour.
 */
static void
quiz_error(struct req *r, int status, xmlNodePtr err)
{
	if (r->path == NULL)
		return;
	if (status == 404 && strncmp(r->path, "/quiz/a/", 8) == 0)
		xml_prop(err, "personal", "yes");
	if (status == 429 && strncmp(r->path, "/quiz/", 6) == 0)
		xml_prop(err, "quiz", "yes");
}

/* The attempts made without an account follow the browser's new token. */
static enum dberr
quiz_rekey(struct req *r, const unsigned char *from, const unsigned char *to)
{
	return db_exec(&quiz_sql[STMT_ATTEMPT_REKEY], NULL, "bb", to,
	    (size_t)32, from, (size_t)32);
}

/* The attempts this browser made become the signed-in person's. */
static enum dberr
quiz_bind(struct req *r, const unsigned char *browser, long long person_id)
{
	return db_exec(&quiz_sql[STMT_ATTEMPT_BIND], NULL, "ib", person_id,
	    browser, (size_t)32);
}

/*
 * Serialise the work on one owner's attempts and codes (starting an
 * attempt, grading it, issuing a code) across workers and hosts: the
 * person's when the attempt is an account's, else the browser's. Held to
 * the end of the request. Returns 0 or a status.
 */
int
attempt_owner_lock(struct req *r, const unsigned char *browser,
    long long person_id)
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
int
quiz_page(struct req *r, const char *name, xmlDocPtr *doc, xmlNodePtr *root)
{
	if ((*doc = xml_page(r, name)) == NULL)
		return 500;
	*root = xmlDocGetRootElement(*doc);
	return 0;
}

/* <roles>: each role with its validity in months. */
int
quiz_role_xml(struct req *r, xmlNodePtr root)
{
	struct dbres	*res;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &quiz_sql[STMT_ROLE_LIST], &res, "")) !=
	    DB_OK)
		return db_status(e);
	l10n_cells(r->lang, res, 1, 4);
	l10n_cells(r->lang, res, 3, 5);
	list = xml_add(root, "roles", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "role", NULL);
		xml_row(n, res, i, "code name months audience");
	}
	return 0;
}

/*
 * <open-attempt>: a quiz of this browser or person still running, so
 * that it can be found again (the personal page's). 0 or a status.
 */
int
quiz_open_xml(struct req *r, xmlNodePtr root)
{
	struct dbres	*open;
	unsigned char	 browser[32];
	xmlNodePtr	 n;
	enum dberr	 e;

	if (browser_id(r, browser) == -1)
		memset(browser, 0, sizeof(browser));
	if ((e = db_query(r->pool, &quiz_sql[STMT_ATTEMPT_OPEN], &open, "bi",
	    browser, sizeof(browser), r->sess.person_id)) != DB_OK)
		return db_status(e);
	if (open->nrows > 0) {
		n = xml_add(root, "open-attempt", NULL);
		xml_prop(n, "token", DBRES(open, 0, 0));
		xml_prop(n, "role-name", l10n_pick(r->lang, DBRES(open, 0, 1),
		    DBRES(open, 0, 3)));
		xml_propll(n, "minutes", (db_ll(open, 0, 2) + 59) / 60);
	}
	return 0;
}

/*
 * The attempt of a token, with its question k (0: none), if this browser
 * (or its signed-in person) owns it; 404 otherwise: an attempt's URL says
 * nothing to anyone else. One query serves a whole question page.
 */
int
attempt_load(struct req *r, const char *token, long long k,
    struct attempt *a)
{
	struct dbres	*res;
	enum dberr	 e;

	memset(a, 0, sizeof(*a));
	if (strlen(token) != 22)
		return 404;
	if ((e = db_query(r->pool, &quiz_sql[STMT_ATTEMPT_BY_TOKEN], &res, "is",
	    k, token)) != DB_OK)
		return db_status(e);
	return attempt_from_row(r, res, token, a);
}

/*
 * The attempt in an ATTEMPT_BY_TOKEN row, if this browser (or its
 * signed-in person) owns it; 404 otherwise.
 */
int
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
	a->role_name = l10n_pick(r->lang, DBRES(res, 0, 3),
	    DBRES(res, 0, 21));
	a->region_id = db_ll(res, 0, 4);
	a->region_name = l10n_pick(r->lang, DBRES(res, 0, 5),
	    DBRES(res, 0, 22));
	a->method = DBRES(res, 0, 6);
	a->total = (int)db_ll(res, 0, 7);
	a->pass_mark = (int)db_ll(res, 0, 8);
	a->status = DBRES(res, 0, 9);
	a->remaining = db_ll(res, 0, 12);
	a->lang = DBRES(res, 0, 20);
	return 0;
}

char *
attempt_result_url(struct req *r, const struct attempt *a)
{
	return pool_printf(r->pool, "/quiz/a/%s/result", a->token);
}

/* <attempt> with what every quiz page shows. */
xmlNodePtr
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
	xml_prop(n, "lang", a->lang);
	xml_propll(n, "remaining", a->remaining > 0 ? a->remaining : 0);
	return n;
}

/* The options of a snapshot as <option i="0" ...>text</option>. */
void
attempt_options_xml(struct pool *p, xmlNodePtr q, const char *opts, int answer,
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

