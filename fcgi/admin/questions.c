/*
 * questions.c: the questions of the bank's draft in the admin area:
 * list and search, add, edit and retire them, and the reports people
 * made on questions. District scope. A question's English is edited
 * with it, all of it or none (the bank file's rules, bank/parse.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "admin/admin.h"
#include "bank/bank.h"
#include "shared/audit.h"
#include "shared/scope.h"

static int	 admin_questions(struct req *);
static int	 admin_question(struct req *);
static int	 admin_question_save(struct req *);
static int	 admin_question_retire(struct req *);
static int	 admin_reports(struct req *);

static const struct route questions_routes[] = {
	/* ADMIN_QUESTIONS: list and search */
	{ METHOD_GET, "/admin/questions", admin_questions, RF_ADMIN },
	/* ADMIN_QUESTION: one question ("new" for a new one) */
	{ METHOD_GET, "/admin/questions/:id", admin_question, RF_ADMIN },
	/* ADMIN_QUESTION_SAVE */
	{ METHOD_POST, "/admin/questions/:id", admin_question_save, RF_ADMIN },
	/* ADMIN_QUESTION_RETIRE */
	{ METHOD_POST, "/admin/questions/:id/retire", admin_question_retire,
	  RF_ADMIN },
	/* ADMIN_REPORTS: what people reported about questions */
	{ METHOD_GET, "/admin/reports", admin_reports, RF_ADMIN },
};

/*
 * FIELD_STEM to FIELD_OPT5_EN are the question's texts, in this order:
 * the Chinese, then the English.
 */
enum questions_field {
	FIELD_Q,
	FIELD_TYPE,
	FIELD_CATEGORY,
	FIELD_ROLES,
	FIELD_OPT,
	FIELD_STEM,
	FIELD_EXPLANATION,
	FIELD_SOURCE,
	FIELD_OPT0,
	FIELD_OPT1,
	FIELD_OPT2,
	FIELD_OPT3,
	FIELD_OPT4,
	FIELD_OPT5,
	FIELD_STEM_EN,
	FIELD_EXPLANATION_EN,
	FIELD_SOURCE_EN,
	FIELD_OPT0_EN,
	FIELD_OPT1_EN,
	FIELD_OPT2_EN,
	FIELD_OPT3_EN,
	FIELD_OPT4_EN,
	FIELD_OPT5_EN,
	QUESTIONS_FIELD__MAX
};

static const struct field questions_fields[QUESTIONS_FIELD__MAX] = {
	{ "q", valid_line, 100, 0 },		/* FIELD_Q: a search */
	{ "type", bank_valid_type, 10, 0 },	/* FIELD_TYPE */
	{ "category", bank_valid_category, 16, 0 },	/* FIELD_CATEGORY */
	{ "roles", bank_valid_role, 16, 1 },	/* FIELD_ROLES: a bit mask */
	{ "o", bank_valid_opt, 1, 1 },		/* FIELD_OPT: a bit mask */
	{ "stem", valid_line, 2400, 0 },	/* FIELD_STEM */
	{ "explanation", valid_line, 2400, 0 },	/* FIELD_EXPLANATION */
	{ "source", valid_line, 2400, 0 },	/* FIELD_SOURCE */
	{ "opt0", valid_line, 2400, 0 },	/* FIELD_OPT0 */
	{ "opt1", valid_line, 2400, 0 },	/* FIELD_OPT1 */
	{ "opt2", valid_line, 2400, 0 },	/* FIELD_OPT2 */
	{ "opt3", valid_line, 2400, 0 },	/* FIELD_OPT3 */
	{ "opt4", valid_line, 2400, 0 },	/* FIELD_OPT4 */
	{ "opt5", valid_line, 2400, 0 },	/* FIELD_OPT5 */
	{ "stem_en", valid_line, 2400, 0 },	/* FIELD_STEM_EN */
	{ "explanation_en", valid_line, 2400, 0 }, /* FIELD_EXPLANATION_EN */
	{ "source_en", valid_line, 2400, 0 },	/* FIELD_SOURCE_EN */
	{ "opt0_en", valid_line, 2400, 0 },	/* FIELD_OPT0_EN */
	{ "opt1_en", valid_line, 2400, 0 },	/* FIELD_OPT1_EN */
	{ "opt2_en", valid_line, 2400, 0 },	/* FIELD_OPT2_EN */
	{ "opt3_en", valid_line, 2400, 0 },	/* FIELD_OPT3_EN */
	{ "opt4_en", valid_line, 2400, 0 },	/* FIELD_OPT4_EN */
	{ "opt5_en", valid_line, 2400, 0 },	/* FIELD_OPT5_EN */
};

enum questions_sheet {
	SHEET_ADMIN_QUESTIONS,
	SHEET_ADMIN_QUESTION,
	SHEET_ADMIN_REPORTS,
	QUESTIONS_SHEET__MAX
};

static struct sheet questions_sheets[QUESTIONS_SHEET__MAX] = {
	{ "admin-questions.xsl", 1, { NULL } },	/* SHEET_ADMIN_QUESTIONS */
	{ "admin-question.xsl", 1, { NULL } },	/* SHEET_ADMIN_QUESTION */
	{ "admin-reports.xsl", 1, { NULL } },	/* SHEET_ADMIN_REPORTS */
};

enum questions_stmt {
	STMT_QUESTION_SEARCH,
	STMT_QUESTION_GET,
	STMT_QUESTION_OPTIONS,
	STMT_REPORT_OF_QUESTION,
	STMT_QUESTION_UPDATE,
	STMT_OPTIONS_DELETE,
	STMT_QUESTION_RETIRE,
	STMT_REPORT_LIST,
	QUESTIONS_STMT__MAX
};

static struct stmt questions_sql[QUESTIONS_STMT__MAX] = {
	[STMT_QUESTION_SEARCH] = { "QUESTION_SEARCH",
	  "SELECT q.id, q.ref, q.type, q.roles, q.stem, q.retired, b.status, "
	  "(SELECT COUNT(*) FROM question_report rp JOIN question q3 "
	  "ON q3.id = rp.question_id WHERE q3.ref = q.ref), "
	  "q.stem_en IS NOT NULL "
	  "FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.id = "
	  "COALESCE((SELECT id FROM bank WHERE status = 'draft' "
	  "ORDER BY version DESC LIMIT 1), "
	  "(SELECT id FROM bank WHERE status = 'published')) "
	  "AND (q.stem LIKE ? OR q.ref LIKE ? OR q.stem_en LIKE ?) "
	  "ORDER BY q.retired, q.id "
	  "LIMIT 500" },
	[STMT_QUESTION_GET] = { "QUESTION_GET",
	  "SELECT q.id, q.ref, q.type, q.category, q.roles, q.stem, "
	  "q.explanation, q.source, q.retired, b.status, b.version, "
	  "q.stem_en, q.explanation_en, q.source_en "
	  "FROM question q JOIN bank b ON b.id = q.bank_id WHERE q.id = ?" },
	[STMT_QUESTION_OPTIONS] = { "QUESTION_OPTIONS",
	  "SELECT opt_key, text, correct, text_en FROM question_option "
	  "WHERE question_id = ? ORDER BY opt_key" },
	[STMT_REPORT_OF_QUESTION] = { "REPORT_OF_QUESTION",
	  "SELECT rp.created_at, rp.text FROM question_report rp "
	  "JOIN question q3 ON q3.id = rp.question_id "
	  "JOIN question q ON q.ref = q3.ref WHERE q.id = ? "
	  "ORDER BY rp.id DESC LIMIT 100" },
	[STMT_QUESTION_UPDATE] = { "QUESTION_UPDATE",
	  "UPDATE question SET type = ?, category = ?, roles = ?, stem = ?, "
	  "explanation = ?, source = ?, stem_en = ?, explanation_en = ?, "
	  "source_en = ? WHERE id = ? AND bank_id = ?" },
	[STMT_OPTIONS_DELETE] = { "OPTIONS_DELETE",
	  "DELETE FROM question_option WHERE question_id = ?" },
	[STMT_QUESTION_RETIRE] = { "QUESTION_RETIRE",
	  "UPDATE question SET retired = 1 WHERE id = ? AND bank_id = ? "
	  "AND retired = 0" },
	[STMT_REPORT_LIST] = { "REPORT_LIST",
	  "SELECT rp.created_at, rp.text, q.id, q.ref, b.version, q.stem "
	  "FROM question_report rp JOIN question q ON q.id = rp.question_id "
	  "JOIN bank b ON b.id = q.bank_id ORDER BY rp.id DESC LIMIT 200" },
};

const struct module admin_questions_module = {
	.name = "admin-questions",
	.routes = questions_routes,
	.nroutes = NELEM(questions_routes),
	.fields = questions_fields,
	.nfields = QUESTIONS_FIELD__MAX,
	.sheets = questions_sheets,
	.nsheets = QUESTIONS_SHEET__MAX,
};

static const char *const role_codes[] = {
	"responsible", "employee", "landlord", "student", "citizen"
};

/*
 * GET /admin/questions?q=…: the questions of the draft (or, without one,
 * of the published version), searched by text, with report counts.
 */
static int
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
	if ((e = db_query(r->pool, &questions_sql[STMT_QUESTION_SEARCH], &res,
	    "sss", like, like, like)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-questions")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = admin_banks_xml(r, root)) != 0)
		return rc;
	list = xml_add(root, "questions", NULL);
	if (q->valid)
		xml_prop(list, "q", q->s);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "question", DBRES(res, i, 4));
		xml_row(n, res, i,
		    "id ref type roles - retired bank-status reports");
		if (db_ll(res, i, 8))
			xml_prop(n, "en", "yes");
	}
	return page_finish(r, &questions_sheets[SHEET_ADMIN_QUESTIONS], doc);
}

/*
 * The question as the form sent it, for the page that says what is wrong
 * with it: nothing typed is lost.
 */
static void
form_question_xml(struct req *r, xmlNodePtr n)
{
	const struct fval	*f = r->fields;
	xmlNodePtr		 on, en;
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
	en = xml_add(n, "en", NULL);
	if (f[FIELD_STEM_EN].valid)
		xml_add(en, "stem", f[FIELD_STEM_EN].s);
	if (f[FIELD_EXPLANATION_EN].valid)
		xml_add(en, "explanation", f[FIELD_EXPLANATION_EN].s);
	if (f[FIELD_SOURCE_EN].valid && f[FIELD_SOURCE_EN].sz > 0)
		xml_add(en, "source", f[FIELD_SOURCE_EN].s);
	for (i = 0; i < 6; i++) {
		key[0] = (char)('A' + i);
		on = xml_add(en, "option", f[FIELD_OPT0_EN + i].valid ?
		    f[FIELD_OPT0_EN + i].s : "");
		xml_prop(on, "key", key);
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
	xmlNodePtr	 root, n, on, en = NULL;
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
		return page_finish(r, &questions_sheets[SHEET_ADMIN_QUESTION],
		    doc);
	}
	if ((e = db_query(r->pool, &questions_sql[STMT_QUESTION_GET], &q, "i",
	    id)) != DB_OK || (e = db_query(r->pool,
	    &questions_sql[STMT_QUESTION_OPTIONS], &o, "i", id)) != DB_OK)
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
		/* Its English, when it has it: the same options. */
		if (DBRES(q, 0, 11) != NULL) {
			en = xml_add(n, "en", NULL);
			xml_add(en, "stem", DBRES(q, 0, 11));
			xml_add(en, "explanation", DBRES(q, 0, 12));
			if (DBRES(q, 0, 13) != NULL)
				xml_add(en, "source", DBRES(q, 0, 13));
		}
		for (i = 0; en != NULL && i < o->nrows; i++) {
			on = xml_add(en, "option", DBRES(o, i, 3) ?
			    DBRES(o, i, 3) : "");
			xml_prop(on, "key", DBRES(o, i, 0));
		}
	}
	if ((e = db_query(r->pool, &questions_sql[STMT_REPORT_OF_QUESTION], &o,
	    "i", id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < o->nrows; i++) {
		on = xml_add(n, "report", DBRES(o, i, 1));
		xml_prop(on, "at", DBRES(o, i, 0));
	}
	return page_finish(r, &questions_sheets[SHEET_ADMIN_QUESTION], doc);
}

/* GET /admin/questions/:id ("new" for a new one). */
static int
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

/* An English field's text; NULL when it is absent or blank. */
static const char *
text_en(const struct fval *f)
{
	if (!f->valid || strspn(f->s, " \t\r\n") == f->sz)
		return NULL;
	return f->s;
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
	for (i = FIELD_STEM; i <= FIELD_OPT5_EN; i++) {
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
	/* The English: what is typed, blank fields as none (the rules say
	 * all or nothing, the options those of the Chinese). */
	q->stem_en = text_en(&f[FIELD_STEM_EN]);
	q->explanation_en = text_en(&f[FIELD_EXPLANATION_EN]);
	q->source_en = text_en(&f[FIELD_SOURCE_EN]);
	for (i = 0; i < 6; i++) {
		q->keys_en[i] = (char)('A' + i);
		if ((q->text_en[i] = text_en(&f[FIELD_OPT0_EN + i])) != NULL)
			q->nopts_en = (int)i + 1;
	}
	switch (bank_question_ok(q)) {
	case 0:
		return 0;
	case -2:
		*why = "rules-en";
		return -1;
	default:
		*why = "rules";
		return -1;
	}
}

/*
 * POST /admin/questions/:id: save a question of the draft ("new" adds
 * one): the question and its options in one transaction.
 */
static int
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
	if ((bank = admin_draft_id(r, &e)) == 0)
		return e != DB_OK ? db_status(e) : 409;
	if (question_from_form(r, &q, &why) == -1)
		return question_page(r, id, why);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if (id == 0) {
		ref = pool_printf(r->pool, "Q%08x", randombytes_random());
		e = db_exec(&bank_sql[STMT_QUESTION_INSERT], &nid,
		    "issssssssss", bank, ref, q.type, q.category, q.roles,
		    q.stem, q.explanation, q.source, q.stem_en,
		    q.explanation_en, q.source_en);
		id = (long long)nid;
	} else {
		e = db_exec(&questions_sql[STMT_QUESTION_UPDATE], NULL,
		    "sssssssssii", q.type, q.category, q.roles, q.stem,
		    q.explanation, q.source, q.stem_en, q.explanation_en,
		    q.source_en, id, bank);
		if (e == DB_OK && db_affected() == 0) {
			db_rollback();
			return 409;	/* not a question of the draft */
		}
		if (e == DB_OK)
			e = db_exec(&questions_sql[STMT_OPTIONS_DELETE], NULL,
			    "i", id);
	}
	for (k = 0; k < q.nopts && e == DB_OK; k++) {
		key[0] = q.keys[k];
		e = db_exec(&bank_sql[STMT_OPTION_INSERT], NULL, "issis", id,
		    key, q.text[k], (long long)q.correct[k], q.stem_en ?
		    q.text_en[k] : NULL);
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
static int
admin_question_retire(struct req *r)
{
	struct dbres	*q;
	long long	 bank, id;
	enum dberr	 e;

	if (!admin_district(r))
		return 403;
	if ((id = path_id(r->args[0])) == 0)
		return 404;
	if ((e = db_query(r->pool, &questions_sql[STMT_QUESTION_GET], &q, "i",
	    id)) != DB_OK)
		return db_status(e);
	if (q->nrows == 0)
		return 404;
	if ((bank = admin_draft_id(r, &e)) == 0)
		return e != DB_OK ? db_status(e) : 409;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&questions_sql[STMT_QUESTION_RETIRE], NULL, "ii", id,
	    bank)) != DB_OK || db_affected() == 0 || (e = audit_write(r,
	    "question-retire", pool_printf(r->pool, "question %lld", id),
	    DBRES(q, 0, 1))) != DB_OK) {
		db_rollback();
		return e == DB_OK ? 409 : db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/questions", "retired");
}

/* GET /admin/reports: what people reported, newest first. */
static int
admin_reports(struct req *r)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	if (!admin_district(r))
		return 403;
	if ((e = db_query(r->pool, &questions_sql[STMT_REPORT_LIST], &res, ""))
	    != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-reports")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "reports", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "report", DBRES(res, i, 1));
		xml_row(n, res, i, "at - question ref version stem");
	}
	return page_finish(r, &questions_sheets[SHEET_ADMIN_REPORTS], doc);
}
