/*
 * track.c: an aid application's tracking page. It asks for the
 * applicant's mobile number; with the right one it shows the status,
 * the history, the reason when more information is asked for or the
 * application is refused, the approved amount, and the personal data
 * masked. When more information is asked for, the applicant adds
 * documents and a note here, and the application is resubmitted. Wrong
 * numbers are counted: after AID_GUESSES_MAX of them within an hour the
 * number is not even compared.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "aid/aid.h"
#include "aid/local.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/notice.h"
#include "shared/photo.h"
#include "shared/ref.h"
#include "shared/secret.h"

/* The page that asks for the number, with why when error is given. */
static int
ask_page(struct req *r, const char *error, int status)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;

	if ((doc = xml_page(r, "aid-track")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	xml_prop(xml_add(root, "ask", NULL), "ref", r->args[0]);
	if (error != NULL) {
		xml_prop(xml_add(root, "error", NULL), "code", error);
		r->status = status;
	}
	return page_finish(r, &aid_sheets[SHEET_TRACK], doc);
}

/* GET /aid/r/:ref: nothing but the question, whether it exists or not. */
int
aid_track_ask(struct req *r)
{
	if (!ref_ok(r->args[0]))
		return 404;
	return ask_page(r, NULL, 0);
}

/*
 * The application of the path's tracking number when the number given
 * is its applicant's: its row (STMT_BY_REF), or NULL with *rc set to an
 * HTTP status, the page already made for 403 (none such, or another
 * number, counted) and 429 (too many wrong numbers this hour).
 */
static struct dbres *
app_open(struct req *r, int *rc)
{
	const struct jurisdiction	*j;
	const struct fval		*ph = &r->fields[FIELD_PHONE];
	struct dbres			*res, *g;
	enum dberr			 e;
	long long			 id;

	*rc = 404;
	if (!ref_ok(r->args[0]))
		return NULL;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &aid_sql[STMT_BY_REF], &res, "si",
	    r->args[0], j->id)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (res->nrows == 0) {
		*rc = ask_page(r, "wrong-phone", 403);
		return NULL;
	}
	l10n_cells(r->lang, res, 20, 24);
	id = db_ll(res, 0, 0);
	if ((e = db_query(r->pool, &aid_sql[STMT_GUESSES], &g, "i", id)) !=
	    DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (db_ll(g, 0, 0) >= AID_GUESSES_MAX) {
		*rc = ask_page(r, "too-many", 429);
		return NULL;
	}
	if (!ph->valid || !secret_hash_eq(res, 0, 23, SH_PHONE, ph->s)) {
		if ((e = db_exec(&aid_sql[STMT_GUESS_ADD], NULL, "i", id)) !=
		    DB_OK)
			*rc = db_status(e);
		else
			*rc = ask_page(r, "wrong-phone", 403);
		return NULL;
	}
	if (aid_open_row(r->pool, res, 4, 14) == -1) {
		*rc = 500;
		return NULL;
	}
	return res;
}

/*
 * The application as its applicant sees it: personal data masked;
 * done, what was just done, or why, why a form was refused.
 */
static int
status_page(struct req *r, const struct dbres *res, const char *done,
    const struct aid_refusal *why, int status)
{
	struct pool	*p = r->pool;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	int		 rc;

	if ((doc = xml_page(r, "aid-track")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "application", NULL);
	xml_row(n, res, 0, "- ref status - - - relation - - date place "
	    "hospital costs reimbursed bank - - approved reason created "
	    "region - docs");
	xml_prop(n, "name", mask_name(p, DBRES(res, 0, 3)));
	xml_prop(n, "phone", mask_phone(p, DBRES(res, 0, 4)));
	xml_prop(n, "idno", mask_idno(p, DBRES(res, 0, 5)));
	xml_prop(n, "patient", mask_name(p, DBRES(res, 0, 7)));
	xml_prop(n, "patient_idno", mask_idno(p, DBRES(res, 0, 8)));
	xml_prop(n, "holder", mask_name(p, DBRES(res, 0, 15)));
	xml_prop(n, "account", mask_account(p, DBRES(res, 0, 16)));
	if (done != NULL)
		xml_prop(xml_add(root, "done", NULL), "code", done);
	if (why != NULL) {
		aid_refusal_xml(root, why);
		r->status = status;
	}
	if ((rc = notice_list_xml(r, root, "aid", db_ll(res, 0, 0), 0)) != 0)
		return rc;
	resp_header(r, "Cache-Control", "no-store");
	return page_finish(r, &aid_sheets[SHEET_TRACK], doc);
}

/* POST /aid/r/:ref: phone=…; the application, or 403/429. */
int
aid_track(struct req *r)
{
	struct dbres	*res;
	int		 rc;

	if ((res = app_open(r, &rc)) == NULL)
		return rc;
	return status_page(r, res, NULL, NULL, 0);
}

/* Documents and the note, the status back to the office: one transaction. */
static enum dberr
resubmit(struct req *r, const struct dbres *res, const struct photo *ph,
    size_t nph, const char *note, int *stale)
{
	struct dbres	*lk;
	struct notice	 n;
	long long	 id = db_ll(res, 0, 0);
	enum dberr	 e;

	*stale = 0;
	if ((e = db_begin()) != DB_OK)
		return e;
	if ((e = db_query(r->pool, &aid_sql[STMT_LOCK], &lk, "i", id)) ==
	    DB_OK && (lk->nrows == 0 || strcmp(DBRES(lk, 0, 0), "more-info"))) {
		*stale = 1;
		db_rollback();
		return DB_OK;
	}
	if (e == DB_OK)
		e = aid_docs_store(r->pool, id, ph, nph);
	if (e == DB_OK)
		e = db_exec(&aid_sql[STMT_RESUBMIT], NULL, "i", id);
	if (e == DB_OK) {
		n = (struct notice){ "aid", id, DBRES(res, 0, 1),
		    db_ll(res, 0, 21), DBRES(res, 0, 4), "resubmitted", note };
		e = notice_add(r, &n);
	}
	return db_end(e);
}

/*
 * POST /aid/r/:ref/more: phone, note, doc…: only while more information
 * is asked for (409 otherwise); every document taken, or none.
 */
int
aid_more(struct req *r)
{
	const struct fval	*note = &r->fields[FIELD_NOTE];
	struct aid_refusal	 why;
	struct dbres		*res;
	struct photo		*ph;
	size_t			 nph;
	enum dberr		 e;
	int			 rc, stale;

	if ((res = app_open(r, &rc)) == NULL)
		return rc;
	if (strcmp(DBRES(res, 0, 2), "more-info") != 0)
		return 409;
	memset(&why, 0, sizeof(why));
	if (note->present && note->sz > 0 &&
	    !aid_line_ok(note, AID_NOTE_MAX, 1)) {
		why.code = "bad-note";
		return status_page(r, res, NULL, &why, 400);
	}
	if (aid_docs_take(r, AID_DOCS_MAX, &ph, &nph, &why) == -1)
		return status_page(r, res, NULL, &why,
		    strcmp(why.code, "photo-error") == 0 ? 500 : 400);
	if ((size_t)db_ll(res, 0, 22) + nph > AID_DOCS_TOTAL) {
		why.code = "too-many-docs";
		return status_page(r, res, NULL, &why, 400);
	}
	if ((e = resubmit(r, res, ph, nph, note->valid && note->sz > 0 ?
	    note->s : NULL, &stale)) != DB_OK)
		return db_status(e);
	if (stale)
		return 409;
	if ((res = app_open(r, &rc)) == NULL)
		return rc;
	return status_page(r, res, "resubmitted", NULL, 0);
}
