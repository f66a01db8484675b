/*
 * practice.c: practice exams (练习考试): as many questions as one likes
 * from the published bank, by role and category, one at a time, each
 * answered with immediate feedback: right or wrong, the right answer,
 * the explanation and its source. Practice never issues a code. A
 * signed-in person earns points for a right answer, each question once
 * a day, up to the rule's daily cap. In English the questions with
 * English are drawn first and shown in English; one without is shown in
 * Chinese.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/app.h"
#include "bank/bank.h"
#include "points/points.h"
#include "quiz/quiz.h"

static int	 practice_get(struct req *);
static int	 practice_question(struct req *);
static int	 practice_answer(struct req *);

static const struct route practice_routes[] = {
	/* PRACTICE: choose a role and a category */
	{ METHOD_GET, "/practice", practice_get, 0 },
	/* PRACTICE_QUESTION: a question drawn at random */
	{ METHOD_GET, "/practice/q", practice_question, 0 },
	/* PRACTICE_ANSWER: the answer, and the feedback */
	{ METHOD_POST, "/practice/q", practice_answer, 0 },
};

enum practice_field {
	FIELD_ROLE,
	FIELD_CATEGORY,
	FIELD_QUESTION,
	FIELD_OPT,
	PRACTICE_FIELD__MAX
};

static const struct field practice_fields[PRACTICE_FIELD__MAX] = {
	{ "role", valid_login, 16, 0 },		/* FIELD_ROLE */
	{ "category", bank_valid_category, 16, 0 },	/* FIELD_CATEGORY */
	{ "q", valid_id, 10, 0 },		/* FIELD_QUESTION */
	{ "o", bank_valid_opt, 1, 1 },		/* FIELD_OPT: a bit mask */
};

static struct sheet practice_sheet = { "practice.xsl", 1, { NULL } };

enum practice_stmt {
	STMT_PRACTICE_ROLE,
	STMT_PRACTICE_CATEGORIES,
	STMT_PRACTICE_DRAW,
	STMT_PRACTICE_QUESTION,
	PRACTICE_STMT__MAX
};

#define PUBLISHED \
	"FROM question q JOIN bank b ON b.id = q.bank_id " \
	"WHERE b.status = 'published' AND q.retired = 0 "

static struct stmt practice_sql[PRACTICE_STMT__MAX] = {
	[STMT_PRACTICE_ROLE] = { "PRACTICE_ROLE",
	  "SELECT code, name, name_en FROM role WHERE code = ?" },
	[STMT_PRACTICE_CATEGORIES] = { "PRACTICE_CATEGORIES",
	  "SELECT q.category, COUNT(*) " PUBLISHED
	  "AND FIND_IN_SET(?, q.roles) GROUP BY q.category "
	  "ORDER BY q.category" },
	[STMT_PRACTICE_DRAW] = { "PRACTICE_DRAW",
	  "SELECT q.id " PUBLISHED "AND FIND_IN_SET(?, q.roles) "
	  "AND (? = '' OR q.category = ?) AND q.id <> ? "
	  "ORDER BY ? AND q.stem_en IS NOT NULL DESC, RAND() LIMIT 1" },
	[STMT_PRACTICE_QUESTION] = { "PRACTICE_QUESTION",
	  "SELECT q.id, q.type, q.category, q.stem, q.explanation, q.source, "
	  "o.text, o.correct, q.stem_en, q.explanation_en, q.source_en, "
	  "o.text_en FROM question q JOIN bank b ON b.id = q.bank_id "
	  "JOIN question_option o ON o.question_id = q.id "
	  "WHERE b.status = 'published' AND q.retired = 0 AND q.id = ? "
	  "AND FIND_IN_SET(?, q.roles) ORDER BY o.opt_key" },
};

const struct module practice_module = {
	.name = "practice",
	.routes = practice_routes,
	.nroutes = NELEM(practice_routes),
	.fields = practice_fields,
	.nfields = PRACTICE_FIELD__MAX,
	.sheets = &practice_sheet,
	.nsheets = 1,
};

/* The columns of STMT_PRACTICE_QUESTION. */
enum question_col {
	QC_ID, QC_TYPE, QC_CATEGORY, QC_STEM, QC_EXPLANATION, QC_SOURCE,
	QC_TEXT, QC_CORRECT, QC_STEM_EN, QC_EXPLANATION_EN, QC_SOURCE_EN,
	QC_TEXT_EN
};

/*
 * A new page with <practice role="…" category="…"> for the role asked
 * (its name too); NULL with *rc 404 for a role that does not exist.
 */
static xmlNodePtr
practice_page(struct req *r, xmlDocPtr *doc, int *rc)
{
	const struct fval	*role = &r->fields[FIELD_ROLE];
	const struct fval	*cat = &r->fields[FIELD_CATEGORY];
	struct dbres		*res;
	xmlNodePtr		 n;
	enum dberr		 e;

	*rc = 0;
	if ((*doc = xml_page(r, "practice")) == NULL) {
		*rc = 500;
		return NULL;
	}
	n = xml_add(xmlDocGetRootElement(*doc), "practice", NULL);
	if (!role->present)
		return n;
	if (!role->valid || (e = db_query(r->pool,
	    &practice_sql[STMT_PRACTICE_ROLE], &res, "s", role->s)) != DB_OK ||
	    res->nrows == 0) {
		*rc = role->valid && e != DB_OK ? db_status(e) : 404;
		return NULL;
	}
	l10n_cells(r->lang, res, 1, 2);
	xml_row(n, res, 0, "role role-name");
	if (cat->valid)
		xml_prop(n, "category", cat->s);
	return n;
}

/* GET /practice: the roles, then a role's categories with their counts. */
static int
practice_get(struct req *r)
{
	const struct fval	*role = &r->fields[FIELD_ROLE];
	struct dbres		*res;
	xmlDocPtr		 doc;
	xmlNodePtr		 n, list;
	enum dberr		 e;
	size_t			 i;
	int			 rc;

	if ((n = practice_page(r, &doc, &rc)) == NULL)
		return rc;
	if (!role->present)
		rc = quiz_role_xml(r, xmlDocGetRootElement(doc));
	else {
		if ((e = db_query(r->pool,
		    &practice_sql[STMT_PRACTICE_CATEGORIES], &res, "s",
		    role->s)) != DB_OK)
			return db_status(e);
		list = xml_add(n, "categories", NULL);
		for (i = 0; i < res->nrows; i++)
			xml_row(xml_add(list, "category", NULL), res, i,
			    "code questions");
	}
	return rc != 0 ? rc : page_finish(r, &practice_sheet, doc);
}

/*
 * <question> of row set res (one row an option); with the answer
 * (answered: the bits chosen), the right options and the explanation.
 * In English (en) its English text when it has it; lang says which.
 */
static xmlNodePtr
question_xml(xmlNodePtr parent, const struct dbres *res, int en,
    int answered, long long chosen)
{
	xmlNodePtr	 q, o;
	size_t		 i;
	int		 d;

	/* The columns' distance to the English ones, when it is shown. */
	en = en && DBRES(res, 0, QC_STEM_EN) != NULL;
	d = en ? QC_STEM_EN - QC_STEM : 0;
	q = xml_add(parent, "question", NULL);
	xml_row(q, res, 0, "id type category");
	xml_prop(q, "lang", en ? "en" : "zh");
	xml_add(q, "stem", DBRES(res, 0, QC_STEM + d));
	for (i = 0; i < res->nrows && i < BANK_MAXOPTS; i++) {
		o = xml_add(q, "option", DBRES(res, i, en &&
		    DBRES(res, i, QC_TEXT_EN) != NULL ? QC_TEXT_EN : QC_TEXT));
		xml_propll(o, "i", (long long)i);
		if (!answered)
			continue;
		if (chosen & (1LL << i))
			xml_prop(o, "chosen", "yes");
		if (db_ll(res, i, QC_CORRECT))
			xml_prop(o, "correct", "yes");
	}
	if (answered) {
		xml_add(q, "explanation", DBRES(res, 0, QC_EXPLANATION + d));
		if (DBRES(res, 0, QC_SOURCE + d) != NULL)
			xml_add(q, "source", DBRES(res, 0, QC_SOURCE + d));
	}
	return q;
}

/* GET /practice/q?role=…[&category=…]: a question drawn at random. */
static int
practice_question(struct req *r)
{
	const struct fval	*cat = &r->fields[FIELD_CATEGORY];
	struct dbres		*pick, *res;
	xmlDocPtr		 doc;
	xmlNodePtr		 n;
	const char		*c;
	enum dberr		 e;
	int			 rc;

	if (!r->fields[FIELD_ROLE].present)
		return resp_redirect(r, "/practice", NULL);
	if ((n = practice_page(r, &doc, &rc)) == NULL)
		return rc;
	if (cat->present && !cat->valid)
		return 404;
	c = cat->valid ? cat->s : "";
	if ((e = db_query(r->pool, &practice_sql[STMT_PRACTICE_DRAW], &pick,
	    "sssii", r->fields[FIELD_ROLE].s, c, c,
	    r->fields[FIELD_QUESTION].valid ? r->fields[FIELD_QUESTION].i :
	    0LL, (long long)(r->lang == LANG_EN))) != DB_OK)
		return db_status(e);
	if (pick->nrows == 0) {
		xml_add(n, "none", NULL);
		return page_finish(r, &practice_sheet, doc);
	}
	if ((e = db_query(r->pool, &practice_sql[STMT_PRACTICE_QUESTION], &res,
	    "is", db_ll(pick, 0, 0), r->fields[FIELD_ROLE].s)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0)
		return 500;
	question_xml(n, res, r->lang == LANG_EN, 0, 0);
	return page_finish(r, &practice_sheet, doc);
}

/* "q123 2026-12-03": a question once a day, by the day in China. */
static const char *
practice_ref(struct req *r, long long qid)
{
	time_t		 t = time(NULL) + 8 * 3600;
	struct tm	 tm;
	char		 day[16];

	gmtime_r(&t, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	return pool_printf(r->pool, "q%lld %s", qid, day);
}

/*
 * POST /practice/q: the answer to question q. The feedback page says
 * whether it was right and shows the right options, the explanation and
 * the source; a signed-in person's right answer earns points.
 */
static int
practice_answer(struct req *r)
{
	const struct fval	*q = &r->fields[FIELD_QUESTION];
	const struct fval	*opt = &r->fields[FIELD_OPT];
	struct dbres		*res;
	xmlDocPtr		 doc;
	xmlNodePtr		 n, fb;
	long long		 right = 0, chosen;
	enum dberr		 e;
	size_t			 i;
	int			 rc, granted = 0;

	if (!r->fields[FIELD_ROLE].present || !q->valid ||
	    (opt->present && !opt->valid))
		return 400;
	if ((n = practice_page(r, &doc, &rc)) == NULL)
		return rc;
	if ((e = db_query(r->pool, &practice_sql[STMT_PRACTICE_QUESTION], &res,
	    "is", q->i, r->fields[FIELD_ROLE].s)) != DB_OK)
		return db_status(e);
	if (res->nrows == 0)
		return 404;		/* retired, or not the role's */
	for (i = 0; i < res->nrows && i < BANK_MAXOPTS; i++)
		if (db_ll(res, i, QC_CORRECT))
			right |= 1LL << i;
	chosen = opt->present ? opt->i : 0;
	fb = xml_add(n, "feedback", NULL);
	xml_prop(fb, "result", !opt->present ? "none" : chosen == right ?
	    "right" : "wrong");
	if (chosen == right && r->sess.person_id != 0) {
		if ((e = db_begin()) != DB_OK)
			return db_status(e);
		if ((e = points_earn(r, r->sess.person_id, "practice",
		    practice_ref(r, q->i), 1, &granted)) != DB_OK) {
			db_rollback();
			return db_status(e);
		}
		if ((e = db_commit()) != DB_OK)
			return db_status(e);
		xml_propll(fb, "points", granted);
	}
	question_xml(n, res, r->lang == LANG_EN, 1, chosen);
	return page_finish(r, &practice_sheet, doc);
}
