/*
 * adminbank.c: the question bank in the admin area. The published version
 * is never edited: an admin opens a draft (a copy of it), lists, searches,
 * adds, edits and retires questions there, then publishes the draft as
 * the new version. Bank files are imported (upload) and exported here
 * too, and people's reports on questions are listed. District scope.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app.h"

static const char *const role_codes[] = {
	"responsible", "employee", "landlord", "student", "citizen"
};

/* The draft's id, or 0 when there is none. */
static long long
draft_id(struct req *r, enum dberr *e)
{
	struct dbres	*res;

	if ((*e = db_query(r->pool, STMT_BANK_DRAFT, &res, "")) != DB_OK)
		return 0;
	return res->nrows ? db_ll(res, 0, 0) : 0;
}

/* <banks>: every version with its status and number of questions. */
static int
banks_xml(struct req *r, xmlNodePtr root)
{
	struct dbres	*res;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, STMT_BANK_LIST, &res, "")) != DB_OK)
		return db_status(e);
	list = xml_add(root, "banks", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "bank", NULL);
		xml_row(n, res, i, "id version title status published questions");
	}
	return 0;
}

/* GET /admin/banks; errors: what an import found wrong, if anything. */
/*
 * The bank versions page; errors: the problems of an uploaded file (400),
 * or refused: why an action on the versions was not done (409).
 */
static int
admin_banks_show(struct req *r, const char *errors, const char *refused)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((doc = xml_page(r, "admin-banks")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = banks_xml(r, root)) != 0)
		return rc;
	if (errors != NULL) {
		r->status = 400;
		xml_add(root, "import-errors", errors);
	}
	if (refused != NULL) {
		r->status = 409;
		xml_add(root, "refused", refused);
	}
	return page_finish(r, SHEET_ADMIN_BANKS, doc);
}

static int
admin_banks_page(struct req *r, const char *errors)
{
	return admin_banks_show(r, errors, NULL);
}

int
admin_banks(struct req *r)
{
	return admin_banks_page(r, NULL);
}

/* POST /admin/banks/import: a bank file uploaded (multipart, "file"). */
int
admin_bank_import(struct req *r)
{
	const struct param	*f;
	char			*errors, rng[1024];
	long long		 version = 0;
	enum dberr		 e;
	int			 rc;

	if (!admin_district(r))
		return 403;
	/* One draft at a time: a second would hide the first. */
	if (draft_id(r, &e) != 0)
		return admin_banks_show(r, NULL, "已有一个草稿版本正在编辑：请先"
		    "发布它，再导入新的题库文件。");
	if (e != DB_OK)
		return db_status(e);
	f = params_get(&r->bparams, "file");
	if (f == NULL || f->filename == NULL || f->valsz == 0)
		return admin_banks_page(r, "没有收到文件。");
	snprintf(rng, sizeof(rng), "%s/bank/bank.rng", r->conf->sql_dir);
	rc = bank_import(r->pool, f->val, f->valsz, f->filename[0] ?
	    f->filename : "upload.xml", rng, 0, &errors, &version);
	if (rc == -1)
		return admin_banks_page(r, errors ? errors : "导入失败。");
	if (rc != 0)
		return rc;	/* the database failed */
	audit(r, "bank-import", pool_printf(r->pool, "bank %lld", version),
	    f->filename);
	return resp_redirect(r, "/admin/banks", "imported");
}

/* GET /admin/banks/:version/export: the bank file of a version. */
int
admin_bank_export(struct req *r)
{
	xmlDocPtr	 doc;
	xmlChar		*buf = NULL;
	char		*cd;
	long long	 v;
	enum dberr	 e;
	int		 len = 0, rc;

	if (!admin_district(r))
		return 403;
	if ((v = path_id(r->args[0])) == 0)
		return 404;
	if ((doc = bank_export(r->pool, v, &e)) == NULL)
		return e != DB_OK ? db_status(e) : 404;
	xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (buf == NULL)
		return 500;
	cd = pool_printf(r->pool, "attachment; filename=\"bank-v%lld.xml\"", v);
	resp_header(r, "Content-Disposition", cd);
	rc = resp_send(r, "application/xml; charset=utf-8", buf, (size_t)len);
	xmlFree(buf);
	return rc;
}

/*
 * POST /admin/banks/draft: open a draft, a copy of the published version
 * (questions and options), in one transaction.
 */
int
admin_bank_draft(struct req *r)
{
	unsigned long long	 id;
	enum dberr		 e;

	if (!admin_district(r))
		return 403;
	if (draft_id(r, &e) != 0 || e != DB_OK)
		return e != DB_OK ? db_status(e) : 409;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(STMT_BANK_DRAFT_NEW, &id, "")) != DB_OK ||
	    (e = db_exec(STMT_BANK_COPY_QUESTIONS, NULL, "i", (long long)id)) !=
	    DB_OK ||
	    (e = db_exec(STMT_BANK_COPY_OPTIONS, NULL, "i", (long long)id)) !=
	    DB_OK ||
	    (e = audit_write(r, "bank-draft", "draft", NULL)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/questions", "draft-opened");
}

/* POST /admin/banks/publish: the draft becomes the published version. */
int
admin_bank_publish(struct req *r)
{
	struct dbres	*short_of;
	long long	 id;
	const char	*why;
	size_t		 i;
	enum dberr	 e;

	if (!admin_district(r))
		return 403;
	if ((id = draft_id(r, &e)) == 0)
		return e != DB_OK ? db_status(e) : 409;
	/* Every role must find in it as many questions as it draws. */
	if ((e = db_query(r->pool, STMT_BANK_SHORT, &short_of, "i", id)) !=
	    DB_OK)
		return db_status(e);
	if (short_of->nrows > 0) {
		why = "不能发布：草稿中适用于下列角色的题目少于每次答题的题数——";
		for (i = 0; i < short_of->nrows; i++)
			why = pool_printf(r->pool, "%s%s%s（%s 道，需要 %s 道）",
			    why, i ? "、" : "", DBRES(short_of, i, 0),
			    DBRES(short_of, i, 2), DBRES(short_of, i, 1));
		return admin_banks_show(r, NULL, pool_printf(r->pool, "%s。请补充"
		    "题目，或在“角色与答题设置”中减少题数。", why));
	}
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = bank_publish_tx(id)) != DB_OK ||
	    (e = audit_write(r, "bank-publish", pool_printf(r->pool,
	    "bank %lld", id), NULL)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/banks", "published");
}

/*
 * GET /admin/questions?q=…: the questions of the draft (or, without one,
 * of the published version), searched by text, with report counts.
 */
int
admin_questions(struct req *r)
{
	const struct fval	*q = &r->fields[FIELD_Q];
	struct dbres		*res;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, list, n;
	enum dberr		 e;
	size_t			 i;
	char			*like;
	int			 rc;

	if (!admin_district(r))
		return 403;
	like = pool_printf(r->pool, "%%%s%%", q->valid ? q->s : "");
	if ((e = db_query(r->pool, STMT_QUESTION_SEARCH, &res, "ss", like,
	    like)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-questions")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = banks_xml(r, root)) != 0)
		return rc;
	list = xml_add(root, "questions", NULL);
	if (q->valid)
		xml_prop(list, "q", q->s);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "question", DBRES(res, i, 4));
		xml_row(n, res, i, "id ref type roles - retired bank-status reports");
	}
	return page_finish(r, SHEET_ADMIN_QUESTIONS, doc);
}

/*
 * The question as the form sent it, for the page that says what is wrong
 * with it: nothing typed is lost.
 */
static void
form_question_xml(struct req *r, xmlNodePtr n)
{
	const struct fval	*f = r->fields;
	xmlNodePtr		 on;
	char			 roles[80] = "", key[2] = { 0, 0 };
	size_t			 i, k = 0;

	if (f[FIELD_TYPE].valid)
		xml_prop(n, "type", f[FIELD_TYPE].s);
	if (f[FIELD_CATEGORY].valid)
		xml_prop(n, "category", f[FIELD_CATEGORY].s);
	for (i = 0; i < 5; i++)
		if (f[FIELD_ROLES].valid && (f[FIELD_ROLES].i & (1LL << i)))
			k += snprintf(roles + k, sizeof(roles) - k, "%s%s",
			    k ? "," : "", role_codes[i]);
	xml_prop(n, "roles", roles);
	if (f[FIELD_STEM].valid)
		xml_add(n, "stem", f[FIELD_STEM].s);
	if (f[FIELD_EXPLANATION].valid)
		xml_add(n, "explanation", f[FIELD_EXPLANATION].s);
	if (f[FIELD_SOURCE].valid && f[FIELD_SOURCE].sz > 0)
		xml_add(n, "source", f[FIELD_SOURCE].s);
	for (i = 0; i < 6; i++) {	/* by position, the empty ones too */
		key[0] = (char)('A' + i);
		on = xml_add(n, "option", f[FIELD_OPT0 + i].valid ?
		    f[FIELD_OPT0 + i].s : "");
		xml_prop(on, "key", key);
		if (f[FIELD_OPT].valid && ((f[FIELD_OPT].i >> i) & 1))
			xml_prop(on, "correct", "yes");
	}
}

/*
 * The edit page of a question (or of a new one when id is 0); with an
 * error, what the form sent stands in for what is stored.
 */
static int
question_page(struct req *r, long long id, const char *error)
{
	struct dbres	*q, *o;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, on;
	enum dberr	 e;
	size_t		 i;

	if ((doc = xml_page(r, "admin-question")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "question", NULL);
	if (error != NULL) {
		xml_prop(n, "error", error);
		r->status = 400;
	}
	if (id == 0) {
		if (error != NULL)
			form_question_xml(r, n);
		return page_finish(r, SHEET_ADMIN_QUESTION, doc);
	}
	if ((e = db_query(r->pool, STMT_QUESTION_GET, &q, "i", id)) != DB_OK ||
	    (e = db_query(r->pool, STMT_QUESTION_OPTIONS, &o, "i", id)) !=
	    DB_OK)
		return db_status(e);
	if (q->nrows == 0)
		return 404;
	xml_prop(n, "id", DBRES(q, 0, 0));
	xml_prop(n, "ref", DBRES(q, 0, 1));
	xml_prop(n, "retired", DBRES(q, 0, 8));
	xml_prop(n, "bank-status", DBRES(q, 0, 9));
	xml_prop(n, "version", DBRES(q, 0, 10));
	if (error != NULL)
		form_question_xml(r, n);
	else {
		xml_prop(n, "type", DBRES(q, 0, 2));
		xml_prop(n, "category", DBRES(q, 0, 3));
		xml_prop(n, "roles", DBRES(q, 0, 4));
		xml_add(n, "stem", DBRES(q, 0, 5));
		xml_add(n, "explanation", DBRES(q, 0, 6));
		if (DBRES(q, 0, 7) != NULL)
			xml_add(n, "source", DBRES(q, 0, 7));
		for (i = 0; i < o->nrows; i++) {
			on = xml_add(n, "option", DBRES(o, i, 1));
			xml_prop(on, "key", DBRES(o, i, 0));
			if (db_ll(o, i, 2))
				xml_prop(on, "correct", "yes");
		}
	}
	if ((e = db_query(r->pool, STMT_REPORT_OF_QUESTION, &o, "i", id)) !=
	    DB_OK)
		return db_status(e);
	for (i = 0; i < o->nrows; i++) {
		on = xml_add(n, "report", DBRES(o, i, 1));
		xml_prop(on, "at", DBRES(o, i, 0));
	}
	return page_finish(r, SHEET_ADMIN_QUESTION, doc);
}

/* GET /admin/questions/:id ("new" for a new one). */
int
admin_question(struct req *r)
{
	if (!admin_district(r))
		return 403;
	if (strcmp(r->args[0], "new") == 0)
		return question_page(r, 0, NULL);
	if (path_id(r->args[0]) == 0)
		return 404;
	return question_page(r, path_id(r->args[0]), NULL);
}

/*
 * The form's question as a struct bq, checked by the same rules as a
 * bank file. NULL with *why set when it is not a good question.
 */
static int
question_from_form(struct req *r, struct bq *q, const char **why)
{
	const struct fval	*f = r->fields;
	size_t			 i, k;

	memset(q, 0, sizeof(*q));
	if (!f[FIELD_TYPE].valid || !f[FIELD_CATEGORY].valid ||
	    !f[FIELD_STEM].valid || !f[FIELD_EXPLANATION].valid ||
	    !f[FIELD_ROLES].valid || (f[FIELD_SOURCE].present &&
	    f[FIELD_SOURCE].sz > 0 && !f[FIELD_SOURCE].valid)) {
		*why = "missing";
		return -1;
	}
	/* 600 characters, as the bank format and the columns (the fields
	 * themselves allow 600 characters of up to four bytes); and not
	 * only white space, which a bank file may not have either. */
	for (i = FIELD_STEM; i <= FIELD_OPT5; i++) {
		if (f[i].valid && utf8_chars(f[i].s, f[i].sz) > 600) {
			*why = "too-long";
			return -1;
		}
		if (f[i].valid && f[i].sz > 0 &&
		    strspn(f[i].s, " \t\r\n") == f[i].sz &&
		    (i == FIELD_STEM || i == FIELD_EXPLANATION)) {
			*why = "missing";
			return -1;
		}
	}
	q->type = f[FIELD_TYPE].s;
	q->category = f[FIELD_CATEGORY].s;
	q->stem = f[FIELD_STEM].s;
	q->explanation = f[FIELD_EXPLANATION].s;
	q->source = f[FIELD_SOURCE].sz > 0 ? f[FIELD_SOURCE].s : NULL;
	for (i = 0, k = 0; i < 5; i++)
		if (f[FIELD_ROLES].i & (1LL << i))
			k += snprintf(q->roles + k, sizeof(q->roles) - k, "%s%s",
			    k ? "," : "", role_codes[i]);
	for (i = 0; i < 6; i++) {
		const struct fval *t = &f[FIELD_OPT0 + i];

		if (!t->valid || strspn(t->s, " \t\r\n") == t->sz)
			break;		/* options end at the first blank one */
		q->keys[q->nopts] = (char)('A' + i);
		q->text[q->nopts] = t->s;
		q->correct[q->nopts++] = (f[FIELD_OPT].i >> i) & 1;
	}
	if (bank_question_ok(q) == -1) {
		*why = "rules";
		return -1;
	}
	return 0;
}

/*
 * POST /admin/questions/:id: save a question of the draft ("new" adds
 * one): the question and its options in one transaction.
 */
int
admin_question_save(struct req *r)
{
	struct bq		 q;
	unsigned long long	 nid;
	long long		 id = 0, bank;
	const char		*why;
	enum dberr		 e;
	int			 k;
	char			 key[2] = { 0, 0 }, *ref;

	if (!admin_district(r))
		return 403;
	if (strcmp(r->args[0], "new") != 0 && (id = path_id(r->args[0])) == 0)
		return 404;
	if ((bank = draft_id(r, &e)) == 0)
		return e != DB_OK ? db_status(e) : 409;
	if (question_from_form(r, &q, &why) == -1)
		return question_page(r, id, why);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if (id == 0) {
		ref = pool_printf(r->pool, "Q%08x", randombytes_random());
		e = db_exec(STMT_QUESTION_INSERT, &nid, "isssssss", bank, ref,
		    q.type, q.category, q.roles, q.stem, q.explanation,
		    q.source);
		id = (long long)nid;
	} else {
		e = db_exec(STMT_QUESTION_UPDATE, NULL, "ssssssii", q.type,
		    q.category, q.roles, q.stem, q.explanation, q.source, id,
		    bank);
		if (e == DB_OK && db_affected() == 0) {
			db_rollback();
			return 409;	/* not a question of the draft */
		}
		if (e == DB_OK)
			e = db_exec(STMT_OPTIONS_DELETE, NULL, "i", id);
	}
	for (k = 0; k < q.nopts && e == DB_OK; k++) {
		key[0] = q.keys[k];
		e = db_exec(STMT_OPTION_INSERT, NULL, "issi", id, key, q.text[k],
		    (long long)q.correct[k]);
	}
	if (e == DB_OK)
		e = audit_write(r, "question-save", pool_printf(r->pool,
		    "question %lld", id), q.stem);
	if (e != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/questions/%lld",
	    id), "saved");
}

/*
 * POST /admin/questions/:id/retire: take a question out of the draft;
 * the change and its audit entry are one transaction. 404 for no such
 * question, 409 for one that is not in the draft or is retired already.
 */
int
admin_question_retire(struct req *r)
{
	struct dbres	*q;
	long long	 bank, id;
	enum dberr	 e;

	if (!admin_district(r))
		return 403;
	if ((id = path_id(r->args[0])) == 0)
		return 404;
	if ((e = db_query(r->pool, STMT_QUESTION_GET, &q, "i", id)) != DB_OK)
		return db_status(e);
	if (q->nrows == 0)
		return 404;
	if ((bank = draft_id(r, &e)) == 0)
		return e != DB_OK ? db_status(e) : 409;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(STMT_QUESTION_RETIRE, NULL, "ii", id, bank)) !=
	    DB_OK || db_affected() == 0 ||
	    (e = audit_write(r, "question-retire", pool_printf(r->pool,
	    "question %lld", id), DBRES(q, 0, 1))) != DB_OK) {
		db_rollback();
		return e == DB_OK ? 409 : db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/questions", "retired");
}

/* GET /admin/reports: what people reported, newest first. */
int
admin_reports(struct req *r)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	if (!admin_district(r))
		return 403;
	if ((e = db_query(r->pool, STMT_REPORT_LIST, &res, "")) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-reports")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "reports", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "report", DBRES(res, i, 1));
		xml_row(n, res, i, "at - question ref version stem");
	}
	return page_finish(r, SHEET_ADMIN_REPORTS, doc);
}
