/*
 * question.c: one question per page, the server-side clock, keeping the
 * answers and moving between questions; and, in development mode, the
 * two halves of a question page for the benchmark.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "shared/browser.h"
#include "quiz/quiz.h"
#include "quiz/local.h"

static int	 question_page(struct req *, const struct attempt *, long long);
static int	 answer_at_once(struct req *);

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
		return resp_redirect(r, attempt_result_url(r, &a), "time-up");
	}
	if (strcmp(a.status, "open") != 0)
		return resp_redirect(r, attempt_result_url(r, &a), NULL);
	return question_page(r, &a, k);
}

/*
 * The input of one fragment of the question page (quiz-parts.xsl): the
 * question's legend, one of its options, or one cell of the answer card.
 * Its key names every field, the text last.
 */
struct part {
	const char	*kind;		/* legend, option, cell */
	long long	 pos;		/* an option's place, a cell's number */
	const char	*type;		/* the question's type */
	int		 on;		/* an option chosen, a cell answered */
	int		 current;	/* the cell of this question */
	int		 en;		/* the text is English */
	const char	*text;		/* the stem, an option's text */
};

static xmlDocPtr
part_doc(void *arg)
{
	const struct part	*p = arg;
	xmlDocPtr		 doc;
	xmlNodePtr		 n;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return NULL;
	n = xmlNewDocRawNode(doc, NULL, BAD_CAST p->kind, BAD_CAST p->text);
	xmlDocSetRootElement(doc, n);
	xml_propll(n, "pos", p->pos);
	xml_prop(n, "type", p->type);
	if (p->on)
		xml_prop(n, "on", "yes");
	if (p->current)
		xml_prop(n, "current", "yes");
	if (p->text != NULL)
		xml_prop(n, "lang", p->en ? "en" : "zh");
	return doc;
}

/*
 * Its key, bytes: the kind's letter, the place, the flags (on, current,
 * the text's language), the type and the text (the type's length first,
 * so that the two cannot run into each other). Written by hand: printf
 * made a fifth of the page's cost.
 */
static const struct fragment *
part_get(struct req *r, const struct part *p)
{
	size_t		 tl = p->type ? strlen(p->type) : 0;
	size_t		 xl = p->text ? strlen(p->text) : 0;
	char		*key;

	if ((key = pool_alloc(r->pool, 4 + tl + xl)) == NULL)
		return NULL;
	key[0] = p->kind[0];
	key[1] = (char)p->pos;
	key[2] = (char)(p->on | p->current << 1 | p->en << 2);
	key[3] = (char)tl;
	if (tl > 0)
		memcpy(key + 4, p->type, tl);
	if (xl > 0)
		memcpy(key + 4 + tl, p->text, xl);
	return fragment_get(&quiz_sheets[SHEET_QUIZ_PARTS], key, 4 + tl + xl,
	    part_doc, (void *)p);
}

/*
 * The page of question k of an open attempt, loaded with that question.
 * Its legend, options and answer card are fragments (core/fragment.c):
 * what they show repeats across requests and attempts, so each worker
 * renders each once.
 */
static int
question_page(struct req *r, const struct attempt *a, long long k)
{
	const struct fragment	*f[QUIZ_MAXQ];
	struct dbres		*q = a->row;
	struct part		 p = { 0 };
	xmlDocPtr		 doc;
	xmlNodePtr		 root, n;
	unsigned long long	 answered;
	const char		*type = DBRES(q, 0, 14), *s, *e;
	long long		 chosen;
	int			 rc, i, nanswered = 0, en;

	if ((rc = quiz_page(r, "quiz-question", &doc, &root)) != 0)
		return rc;
	attempt_xml(root, a);
	n = xml_add(root, "question", NULL);
	xml_propll(n, "pos", k);
	xml_prop(n, "type", type);
	en = DBRES(q, 0, 19) != NULL && strcmp(DBRES(q, 0, 19), "en") == 0;
	xml_prop(n, "lang", en ? "en" : "zh");
	p = (struct part){ "legend", 0, type, 0, 0, en, DBRES(q, 0, 15) };
	if ((f[0] = part_get(r, &p)) == NULL)
		return 500;
	fragment_join(n, "legend-html", r->pool, f, 1);
	chosen = DBRES(q, 0, 17) ? db_ll(q, 0, 17) : 0;
	for (s = DBRES(q, 0, 16), i = 0; s != NULL && i < 6; i++) {
		e = strchr(s, OPT_SEP);
		p = (struct part){ "option", i, type, (chosen >> i) & 1, 0, en,
		    pool_strndup(r->pool, s, e ? (size_t)(e - s) : strlen(s)) };
		if ((f[i] = part_get(r, &p)) == NULL)
			return 500;
		s = e ? e + 1 : NULL;
	}
	fragment_join(n, "options-html", r->pool, f, (size_t)i);
	n = xml_add(root, "nav", NULL);
	answered = strtoull(DBRES(q, 0, 18), NULL, 10);
	for (i = 0; i < a->total; i++) {
		p = (struct part){ "cell", i + 1, NULL,
		    (answered >> i) & 1, i + 1 == k, 0, NULL };
		nanswered += p.on;
		if ((f[i] = part_get(r, &p)) == NULL)
			return 500;
	}
	xml_propll(n, "answered", nanswered);
	fragment_join(n, "cells-html", r->pool, f, (size_t)a->total);
	return page_finish(r, &quiz_sheets[SHEET_QUIZ_QUESTION], doc);
}

/*
 * Most answers keep the answer and move on: one statement does that and
 * checks all the rest, and the redirect follows (the answer POST's query
 * made half of its database's work). Returns the redirect's status, or 0
 * when the request must take the whole way (quiz_answer): a submit, a
 * question to go to out of range, an attempt not this browser's, over,
 * or out of time, an answer the question does not allow, a malformed URL.
 */
static int
answer_at_once(struct req *r)
{
	const struct fval	*go = &r->fields[FIELD_GO];
	const struct fval	*opt = &r->fields[FIELD_OPT];
	unsigned char		 browser[32];
	long long		 k, to, mask = opt->present ? opt->i : 0;
	enum dberr		 e;

	if ((k = question_k(r->args[1])) == 0 || strlen(r->args[0]) != 22 ||
	    strcmp(go->s, "submit") == 0 || browser_id(r, browser) == -1)
		return 0;
	to = strcmp(go->s, "prev") == 0 ? k - 1 : strcmp(go->s, "next") == 0 ?
	    k + 1 : go->i;
	if ((e = db_exec(&quiz_sql[STMT_AQ_ANSWER_AT_ONCE], NULL, "innsbniiii",
	    k, mask, mask, r->args[0], browser, sizeof(browser),
	    r->sess.person_id, mask, mask, mask, to)) != DB_OK)
		return db_status(e);
	if (db_affected() == 0)
		return 0;
	return resp_redirect(r, pool_printf(r->pool, "/quiz/a/%s/%lld",
	    r->args[0], to), NULL);
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

	if (!go->valid || (opt->present && !opt->valid))
		return 400;
	if ((rc = answer_at_once(r)) != 0)
		return rc;
	if ((rc = attempt_at(r, &a, &k)) != 0)
		return rc;
	if (strcmp(a.status, "open") != 0)
		return resp_redirect(r, attempt_result_url(r, &a), NULL);
	if (a.remaining <= 0) {
		if ((rc = attempt_finish(r, &a)) != 0)
			return rc;
		return resp_redirect(r, attempt_result_url(r, &a), "time-up");
	}
	q = a.row;
	nopts = 1;
	for (const char *s = DBRES(q, 0, 16); (s = strchr(s, OPT_SEP)); s++)
		nopts++;
	mask = opt->present ? opt->i : 0;
	if (mask >= (1LL << nopts) || (strcmp(DBRES(q, 0, 14), "multi") != 0 &&
	    mask != 0 && (mask & (mask - 1)) != 0))
		return 400;
	if ((e = db_exec(&quiz_sql[STMT_AQ_ANSWER], NULL, "inni", k, mask, mask,
	    a.id)) != DB_OK)
		return db_status(e);
	if (db_affected() == 0)		/* graded, or out of time, meanwhile */
		return resp_redirect(r, attempt_result_url(r, &a), NULL);
	if (strcmp(go->s, "submit") == 0) {
		if ((rc = attempt_finish(r, &a)) != 0)
			return rc;
		return resp_redirect(r, attempt_result_url(r, &a), NULL);
	}
	to = strcmp(go->s, "prev") == 0 ? k - 1 : strcmp(go->s, "next") == 0 ?
	    k + 1 : go->i;
	if (to < 1 || to > a.total)
		to = k;
	return resp_redirect(r, pool_printf(r->pool, "/quiz/a/%s/%lld",
	    a.token, to), NULL);
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
