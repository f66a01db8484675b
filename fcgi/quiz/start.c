/*
 * start.c: the first steps of a quiz: the roles, the location step of a
 * role (the browser's position or a manual choice), the abuse limits,
 * drawing the questions and starting the attempt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "code/code.h"
#include "quiz/quiz.h"
#include "quiz/local.h"
#include "shared/boundary.h"
#include "shared/browser.h"
#include "shared/geo.h"
#include "shared/jurisdiction.h"

/* A question drawn, in the language it is served in. */
struct drawn {
	long long	 qid;
	const char	*type;
	const char	*lang;		/* of its text: "zh", "en" */
	const char	*stem;
	const char	*explanation;
	const char	*source;
	int		 nopts;
	const char	*opt[6];
	int		 correct[6];
};

/* GET /quiz: pick a role. */
int
quiz_roles(struct req *r)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	int		 rc;

	if ((rc = quiz_page(r, "quiz-roles", &doc, &root)) != 0 ||
	    (rc = quiz_role_xml(r, root)) != 0)
		return rc;
	return page_finish(r, &quiz_sheets[SHEET_QUIZ_ROLES], doc);
}

/* The role row of a code, or NULL (with *rc set) when there is none. */
static struct dbres *
role_get(struct req *r, const char *code, int *rc)
{
	struct dbres	*res;
	enum dberr	 e;

	*rc = 0;
	if ((e = db_query(r->pool, &quiz_sql[STMT_ROLE_GET], &res, "s", code))
	    != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (res->nrows == 0) {
		*rc = 404;
		return NULL;
	}
	l10n_cells(r->lang, res, 1, 6);
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
	return page_finish(r, &quiz_sheets[SHEET_QUIZ_LOCATE], doc);
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
	if ((e = db_query(r->pool, &quiz_sql[STMT_ATTEMPT_OPEN], &res, "bi",
	    browser, (size_t)32, r->sess.person_id)) != DB_OK)
		return db_status(e);
	if (res->nrows > 0) {
		*resume = DBRES(res, 0, 0);
		return 0;
	}
	if ((e = db_query(r->pool, &quiz_sql[STMT_ATTEMPT_COUNT_BROWSER], &res,
	    "b", browser, (size_t)32)) != DB_OK)
		return db_status(e);
	if (db_ll(res, 0, 0) >= r->conf->attempts_per_browser)
		return 429;
	if ((e = db_query(r->pool, &quiz_sql[STMT_ATTEMPT_COUNT_IP], &res, "s",
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
 * order. In English (en), the questions with English come first, each
 * served in English, and only when the role has too few of them do
 * questions in Chinese make up the number. Returns the number drawn
 * (0: no bank), -1 on a database error.
 */
static int
quiz_draw(struct req *r, const char *role, int want, int en,
    struct drawn *d, long long *bank_id)
{
	struct dbres	*res;
	size_t		 i;
	int		 n = -1, order[QUIZ_MAXQ], k, e = 0;
	struct drawn	 tmp[QUIZ_MAXQ];

	if (want > QUIZ_MAXQ)
		want = QUIZ_MAXQ;
	if (db_query(r->pool, &quiz_sql[STMT_QUIZ_DRAW], &res, "sii", role,
	    (long long)en, (long long)want) != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++) {
		if (n < 0 || tmp[n].qid != db_ll(res, i, 0)) {
			if (n + 1 == QUIZ_MAXQ)
				break;
			n++;
			memset(&tmp[n], 0, sizeof(tmp[n]));
			tmp[n].qid = db_ll(res, i, 0);
			tmp[n].type = DBRES(res, i, 1);
			*bank_id = db_ll(res, i, 7);
			/* English when asked and the question has it. */
			e = en && DBRES(res, i, 8) != NULL;
			tmp[n].lang = e ? "en" : "zh";
			tmp[n].stem = DBRES(res, i, e ? 8 : 2);
			tmp[n].explanation = DBRES(res, i, e ? 9 : 3);
			tmp[n].source = DBRES(res, i, e ? 10 : 4);
		}
		if (tmp[n].nopts < 6) {
			tmp[n].opt[tmp[n].nopts] = DBRES(res, i, e &&
			    DBRES(res, i, 11) != NULL ? 11 : 5);
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
 * keeps 正确 before 错误, True before False; others are shuffled), and
 * the correct mask.
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

	n = quiz_draw(r, DBRES(ro, 0, 0), (int)db_ll(ro, 0, 3),
	    r->lang == LANG_EN, d, &bank);
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
	e = db_exec(&quiz_sql[STMT_ATTEMPT_INSERT], &aid, "sbnsisisiiis",
	    token, browser, (size_t)32, r->sess.person_id, DBRES(ro, 0, 0),
	    region, method, bank, lang_names[r->lang == LANG_EN ? LANG_EN :
	    LANG_ZH], (long long)n, db_ll(ro, 0, 5), db_ll(ro, 0, 4),
	    r->remote_addr ? r->remote_addr : "-");
	for (i = 0; i < n && e == DB_OK; i++) {
		if ((opts = snapshot(r->pool, &d[i], &mask)) == NULL) {
			e = DB_ERROR;
			break;
		}
		e = db_exec(&quiz_sql[STMT_AQ_INSERT], NULL, "iiissssiss",
		    (long long)aid, (long long)i + 1, d[i].qid, d[i].type,
		    d[i].lang, d[i].stem, opts, (long long)mask,
		    d[i].explanation, d[i].source);
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
	struct dbres			*ro;
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
		if ((rc = region_here(r, region, &e)) == -1)
			return db_status(e);
		if (rc == 0)
			return quiz_locate_page(r, r->args[0], "bad-region");
	} else
		return quiz_locate_page(r, r->args[0], r->fields[FIELD_LNG].present ?
		    "bad-position" : "missing");
	if ((rc = attempt_owner_lock(r, browser, r->sess.person_id)) != 0 ||
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

