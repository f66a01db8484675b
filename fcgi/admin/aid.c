/*
 * aid.c: burn-injury aid applications in the admin area. District
 * admins (the committee office) review them: the list by status, the
 * oldest waiting first, with whom it waits for; an application in full
 * with its documents and history (each such view audited); and the
 * steps of its review: start, ask for more information, approve an
 * amount, refuse, each with its notice and audit entry in one
 * transaction, and only from the status it may follow (409 otherwise).
 * Street admins see their own street's applications with the personal
 * data masked, no documents, no actions; other admins none at all.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "aid/aid.h"
#include "shared/access.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/mask.h"
#include "shared/notice.h"
#include "shared/photo.h"
#include "shared/scope.h"
#include "shared/secret.h"

#define AID_REASON_MAX	500	/* characters */

static int	 aid_list(struct req *);
static int	 aid_one(struct req *);
static int	 aid_show(struct req *);
static int	 aid_document(struct req *);
static int	 aid_review(struct req *);
static int	 aid_ask_more(struct req *);
static int	 aid_approve(struct req *);
static int	 aid_reject(struct req *);
static int	 valid_filter(struct fval *);
static int	 valid_amount(struct fval *);

static const struct route aid_admin_routes[] = {
	/* ADMIN_AID: the applications, by status */
	{ METHOD_GET, "/admin/aid", aid_list, RF_ADMIN },
	/* ADMIN_AID_ONE: one, its documents and history */
	{ METHOD_GET, "/admin/aid/:id", aid_one, RF_ADMIN },
	/* ADMIN_AID_SHOW: the personal data in full, a reason logged */
	{ METHOD_POST, "/admin/aid/:id/show", aid_show, RF_ADMIN },
	/* ADMIN_AID_DOCUMENT: a document's image */
	{ METHOD_GET, "/admin/aid/documents/:id", aid_document, RF_ADMIN },
	/* ADMIN_AID_REVIEW: submitted or resubmitted → reviewing */
	{ METHOD_POST, "/admin/aid/:id/review", aid_review, RF_ADMIN },
	/* ADMIN_AID_MORE: reviewing → more-info, with a reason */
	{ METHOD_POST, "/admin/aid/:id/more-info", aid_ask_more, RF_ADMIN },
	/* ADMIN_AID_APPROVE: reviewing → approved, with an amount */
	{ METHOD_POST, "/admin/aid/:id/approve", aid_approve, RF_ADMIN },
	/* ADMIN_AID_REJECT: reviewing → rejected, with a reason */
	{ METHOD_POST, "/admin/aid/:id/reject", aid_reject, RF_ADMIN },
};

enum aid_admin_field {
	FIELD_STATUS,
	FIELD_REASON,
	FIELD_AMOUNT,
	FIELD_WHY,
	AID_ADMIN_FIELD__MAX
};

static const struct field aid_admin_fields[AID_ADMIN_FIELD__MAX] = {
	{ "status", valid_filter, 12, 0 },		/* FIELD_STATUS */
	{ "reason", valid_line, 4 * AID_REASON_MAX, 0 }, /* FIELD_REASON */
	{ "amount", valid_amount, 13, 0 },		/* FIELD_AMOUNT */
	{ "why", access_valid_reason, 4 * ACCESS_REASON_MAX, 0 },
						/* FIELD_WHY: to show in full */
};

enum aid_admin_sheet {
	SHEET_LIST,
	SHEET_ONE,
	AID_ADMIN_SHEET__MAX
};

static struct sheet aid_admin_sheets[AID_ADMIN_SHEET__MAX] = {
	{ "admin-aid.xsl", 1, { NULL } },		/* SHEET_LIST */
	{ "admin-aid-one.xsl", 1, { NULL } },	/* SHEET_ONE */
};

enum aid_admin_stmt {
	STMT_LIST,
	STMT_COUNTS,
	STMT_ONE,
	STMT_DOCS,
	STMT_DOC,
	STMT_LOCK,
	STMT_DECIDE,
	AID_ADMIN_STMT__MAX
};

/* The scope's two parameters: 0 (every street) or the street's id. */
#define IN_SCOPE	"a.jurisdiction_id = ? AND (? = 0 OR a.region_id = ?) "

static struct stmt aid_admin_sql[AID_ADMIN_STMT__MAX] = {
	[STMT_LIST] = { "ADMIN_AID_LIST",
	  "SELECT a.id, a.ref, a.status, a.applicant_name, "
	  "a.applicant_phone_enc, r.name, a.costs, a.reimbursed, "
	  "DATE(a.created_at), DATEDIFF(NOW(), a.status_at), a.approved "
	  "FROM aid_application a JOIN region r ON r.id = a.region_id "
	  "WHERE " IN_SCOPE "AND (? = 'all' OR (? = 'open' AND a.status NOT "
	  "IN ('approved', 'rejected')) OR a.status = ?) "
	  "ORDER BY a.status_at, a.id LIMIT 500" },
	[STMT_COUNTS] = { "ADMIN_AID_COUNTS",
	  "SELECT a.status, COUNT(*) FROM aid_application a WHERE "
	  IN_SCOPE "GROUP BY a.status" },
	[STMT_ONE] = { "ADMIN_AID_ONE",
	  "SELECT a.id, a.ref, a.status, a.applicant_name, "
	  "a.applicant_phone_enc, a.applicant_idno_enc, a.relation, "
	  "a.patient_name, a.patient_idno_enc, a.incident_date, "
	  "a.incident_place, a.story, a.hospital, a.costs, a.reimbursed, "
	  "a.bank_name_enc, a.account_holder_enc, a.account_number_enc, "
	  "a.approved, a.reason, a.created_at, "
	  "a.status_at, DATEDIFF(NOW(), a.status_at), r.name, a.region_id "
	  "FROM aid_application a JOIN region r ON r.id = a.region_id "
	  "WHERE a.id = ? AND a.jurisdiction_id = ?" },
	[STMT_DOCS] = { "ADMIN_AID_DOCS",
	  "SELECT id, width, height, added_at FROM aid_document WHERE "
	  "application_id = ? ORDER BY id" },
	[STMT_DOC] = { "ADMIN_AID_DOC",
	  "SELECT d.jpeg FROM aid_document d JOIN aid_application a ON "
	  "a.id = d.application_id WHERE d.id = ? AND a.jurisdiction_id = ?" },
	[STMT_LOCK] = { "ADMIN_AID_LOCK",
	  "SELECT id, ref, status, costs - reimbursed, applicant_phone_enc, "
	  "person_id FROM aid_application WHERE id = ? AND "
	  "jurisdiction_id = ? FOR UPDATE" },
	[STMT_DECIDE] = { "ADMIN_AID_DECIDE",
	  "UPDATE aid_application SET status = ?, status_at = NOW(), "
	  "reason = ?, approved = ? WHERE id = ?" },
};

const struct module admin_aid_module = {
	.name = "admin-aid",
	.routes = aid_admin_routes,
	.nroutes = NELEM(aid_admin_routes),
	.fields = aid_admin_fields,
	.nfields = AID_ADMIN_FIELD__MAX,
	.sheets = aid_admin_sheets,
	.nsheets = AID_ADMIN_SHEET__MAX,
};

/*
 * A step of the review: its name (the path's last part, the audit's
 * action after "aid-"), the statuses it may follow, where it leads, and
 * what it needs.
 */
struct step {
	const char	*name;
	const char	*from[2];
	const char	*to;
	int		 reason;	/* a reason is required */
	int		 amount;	/* an amount is required */
};

enum step_kind {
	STEP_REVIEW,
	STEP_MORE,
	STEP_APPROVE,
	STEP_REJECT,
	STEP__MAX
};

static const struct step steps[STEP__MAX] = {
	{ "review", { "submitted", "resubmitted" }, "reviewing", 0, 0 },
	{ "more-info", { "reviewing", NULL }, "more-info", 1, 0 },
	{ "approve", { "reviewing", NULL }, "approved", 0, 1 },
	{ "reject", { "reviewing", NULL }, "rejected", 1, 0 },
};

static int
valid_filter(struct fval *f)
{
	static const char *const	 v[] = { "open", "all", "submitted",
	    "reviewing", "more-info", "resubmitted", "approved",
	    "rejected" };
	size_t				 i;

	for (i = 0; i < NELEM(v); i++)
		if (strcmp(f->s, v[i]) == 0)
			return 1;
	return 0;
}

/* Yuan with at most two decimals: f->i in fen, more than 0. */
static int
valid_amount(struct fval *f)
{
	return aid_valid_money(f) && f->i > 0;
}

/* GET /admin/aid?status=…: district and street admins (their street). */
static int
aid_list(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*st = &r->fields[FIELD_STATUS];
	const char			*filter;
	struct dbres			*res, *cnt;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, list, n;
	long long			 street;
	enum dberr			 e;
	size_t				 i;

	if ((street = admin_street(r)) == -1)
		return 403;
	filter = st->valid ? st->s : "open";
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &aid_admin_sql[STMT_LIST], &res, "iiisss",
	    j->id, street, street, filter, filter, filter)) != DB_OK ||
	    (e = db_query(r->pool, &aid_admin_sql[STMT_COUNTS], &cnt, "iii",
	    j->id, street, street)) != DB_OK)
		return db_status(e);
	if (secret_open_res(r->pool, res, 4, SC_AID_PHONE, -1) == -1)
		return 500;
	if ((doc = xml_page(r, "admin-aid")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "applications", NULL);
	xml_prop(list, "filter", filter);
	for (i = 0; i < cnt->nrows; i++)
		xml_row(xml_add(list, "count", NULL), cnt, i, "status n");
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "application", NULL);
		xml_row(n, res, i, "id ref status - - region costs reimbursed "
		    "created days approved");
		xml_prop(n, "name", mask_name(r->pool, DBRES(res, i, 3)));
		xml_prop(n, "phone", mask_phone(r->pool, DBRES(res, i, 4)));
	}
	return page_finish(r, &aid_admin_sheets[SHEET_LIST], doc);
}

/*
 * The application of the path's id as this admin may see it: NULL with
 * *rc 403 (no admin of the district or a street), 404 (none, or another
 * street's).
 */
static struct dbres *
app_get(struct req *r, long long *street, int *rc)
{
	struct dbres	*res;

	*rc = 403;
	if ((*street = admin_street(r)) == -1)
		return NULL;
	if ((res = jur_row(r, &aid_admin_sql[STMT_ONE], r->args[0], rc)) ==
	    NULL)
		return NULL;
	if (*street != 0 && db_ll(res, 0, 24) != *street) {
		*rc = 404;
		return NULL;
	}
	if (aid_open_row(r->pool, res, 4, 15) == -1) {
		*rc = 500;
		return NULL;
	}
	return res;
}

/*
 * The application: the story for the office (district) only; the
 * personal data masked unless shown, which only the office may ask for.
 */
static void
app_xml(struct req *r, xmlNodePtr n, const struct dbres *res, int office,
    int shown)
{
	struct pool	*p = r->pool;

	xml_row(n, res, 0, "id ref status - - - relation - - date place - "
	    "hospital costs reimbursed bank - - approved reason created "
	    "since days region");
	if (office) {
		xml_prop(n, "office", "1");
		xml_prop(n, "story", DBRES(res, 0, 11));
	}
	if (shown) {
		xml_prop(n, "shown", "1");
		xml_row(n, res, 0, "- - - name phone idno - patient "
		    "patient_idno - - - - - - - holder account");
		return;
	}
	xml_prop(n, "masked", "1");
	xml_prop(n, "name", mask_name(p, DBRES(res, 0, 3)));
	xml_prop(n, "phone", mask_phone(p, DBRES(res, 0, 4)));
	xml_prop(n, "idno", mask_idno(p, DBRES(res, 0, 5)));
	xml_prop(n, "patient", mask_name(p, DBRES(res, 0, 7)));
	xml_prop(n, "patient_idno", mask_idno(p, DBRES(res, 0, 8)));
	xml_prop(n, "holder", mask_name(p, DBRES(res, 0, 16)));
	xml_prop(n, "account", mask_account(p, DBRES(res, 0, 17)));
}

/* The page of one application, with why a step was refused. */
static int
one_page(struct req *r, const char *error, int status, int shown)
{
	struct dbres	*res, *docs;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	long long	 street, id;
	enum dberr	 e;
	size_t		 i;
	int		 rc;

	if ((res = app_get(r, &street, &rc)) == NULL)
		return rc;
	id = db_ll(res, 0, 0);
	if ((doc = xml_page(r, "admin-aid-one")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "application", NULL);
	app_xml(r, n, res, street == 0, street == 0 && shown);
	if (street == 0) {
		if ((e = db_query(r->pool, &aid_admin_sql[STMT_DOCS], &docs,
		    "i", id)) != DB_OK)
			return db_status(e);
		for (i = 0; i < docs->nrows; i++)
			xml_row(xml_add(n, "document", NULL), docs, i,
			    "id width height at");
		audit(r, "aid-view", pool_printf(r->pool, "aid %s",
		    DBRES(res, 0, 1)), NULL);
	}
	if ((rc = notice_list_xml(r, root, "aid", id, 1)) != 0)
		return rc;
	if (error != NULL) {
		xml_prop(xml_add(root, "error", NULL), "code", error);
		r->status = status;
	}
	resp_header(r, "Cache-Control", "no-store");
	return page_finish(r, &aid_admin_sheets[SHEET_ONE], doc);
}

static int
aid_one(struct req *r)
{
	return one_page(r, NULL, 0, 0);
}

/*
 * POST /admin/aid/:id/show: the office's page with the personal data in
 * full, once the access (who, whose, why) is in the log; without a
 * reason, the page masked, saying so.
 */
static int
aid_show(struct req *r)
{
	struct dbres	*res;
	long long	 street;
	enum dberr	 e;
	int		 rc;

	if ((res = app_get(r, &street, &rc)) == NULL)
		return rc;
	if (street != 0)
		return 403;
	if (!access_reason_ok(&r->fields[FIELD_WHY]))
		return one_page(r, "need-access-why", 400, 0);
	if ((e = access_write(r, "aid", db_ll(res, 0, 0), DBRES(res, 0, 1),
	    "personal", r->fields[FIELD_WHY].s)) != DB_OK)
		return db_status(e);
	return one_page(r, NULL, 0, 1);
}

/* GET /admin/aid/documents/:id: district admins only. */
static int
aid_document(struct req *r)
{
	struct dbres	*res;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((res = jur_row(r, &aid_admin_sql[STMT_DOC], r->args[0], &rc)) ==
	    NULL)
		return rc;
	if (secret_open_res(r->pool, res, 0, SC_AID_DOCUMENT, -1) == -1)
		return 500;
	return photo_send(r, DBRES(res, 0, 0), res->len[0]);
}

/*
 * A step in one transaction: the row locked, the status it may follow
 * checked, the change, its notice and its audit entry. 0 and *why NULL
 * when made; an HTTP status otherwise (*why: the page's error for 400).
 */
static int
step_run(struct req *r, const struct step *s, long long id, const char **why)
{
	const struct jurisdiction	*j;
	const struct fval		*f = r->fields;
	const char			*reason;
	struct dbres			*lk;
	struct notice			 n;
	long long			 amount;
	enum dberr			 e;

	*why = NULL;
	reason = s->reason ? f[FIELD_REASON].s : NULL;
	amount = s->amount ? f[FIELD_AMOUNT].i : 0;
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &aid_admin_sql[STMT_LOCK], &lk, "ii", id,
	    j->id)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	(void)secret_open_res(r->pool, lk, 4, SC_AID_PHONE, -1);
	if (lk->nrows == 0 || (strcmp(DBRES(lk, 0, 2), s->from[0]) != 0 &&
	    (s->from[1] == NULL || strcmp(DBRES(lk, 0, 2), s->from[1]) != 0))) {
		db_rollback();
		return lk->nrows == 0 ? 404 : 409;
	}
	if (s->amount && amount > db_ll(lk, 0, 3)) {
		db_rollback();
		*why = "amount-over";
		return 400;
	}
	e = db_exec(&aid_admin_sql[STMT_DECIDE], NULL, "ssni", s->to, reason,
	    amount, id);
	if (e == DB_OK) {
		n = (struct notice){ "aid", id, DBRES(lk, 0, 1),
		    db_ll(lk, 0, 5), DBRES(lk, 0, 4), s->to, reason };
		e = notice_add(r, &n);
	}
	if (e == DB_OK)
		e = audit_write(r, pool_printf(r->pool, "aid-%s", s->name),
		    pool_printf(r->pool, "aid %s", DBRES(lk, 0, 1)),
		    s->amount ? pool_printf(r->pool, "%lld.%02lld",
		    amount / 100, amount % 100) : reason);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return 0;
}

/* POST /admin/aid/:id/<step>: district admins; the application's page. */
static int
step_post(struct req *r, enum step_kind k)
{
	const struct step	*s = &steps[k];
	const struct fval	*f = r->fields;
	struct dbres		*res;
	const char		*why;
	long long		 street;
	int			 rc;

	if ((res = app_get(r, &street, &rc)) == NULL)
		return rc;
	if (street != 0)
		return 403;
	if (s->reason && (!f[FIELD_REASON].valid || strspn(f[FIELD_REASON].s,
	    " \t\r\n") == f[FIELD_REASON].sz || utf8_chars(f[FIELD_REASON].s,
	    f[FIELD_REASON].sz) > AID_REASON_MAX))
		return one_page(r, "no-reason", 400, 0);
	if (s->amount && !f[FIELD_AMOUNT].valid)
		return one_page(r, "bad-amount", 400, 0);
	if ((rc = step_run(r, s, db_ll(res, 0, 0), &why)) != 0)
		return why != NULL ? one_page(r, why, rc, 0) : rc;
	return resp_redirect(r, pool_printf(r->pool, "/admin/aid/%s",
	    DBRES(res, 0, 0)), "saved");
}

static int
aid_review(struct req *r)
{
	return step_post(r, STEP_REVIEW);
}

static int
aid_ask_more(struct req *r)
{
	return step_post(r, STEP_MORE);
}

static int
aid_approve(struct req *r)
{
	return step_post(r, STEP_APPROVE);
}

static int
aid_reject(struct req *r)
{
	return step_post(r, STEP_REJECT);
}
