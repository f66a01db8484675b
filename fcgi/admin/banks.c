/*
 * banks.c: the question bank's versions in the admin area. The published
 * version is never edited: an admin opens a draft (a copy of it), edits
 * its questions (questions.c), then publishes the draft as the new
 * version. Bank files are imported (upload) and exported here too.
 * District scope.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "admin/admin.h"
#include "bank/bank.h"
#include "shared/audit.h"
#include "shared/scope.h"

static int	 admin_banks(struct req *);
static int	 admin_bank_import(struct req *);
static int	 admin_bank_export(struct req *);
static int	 admin_bank_draft(struct req *);
static int	 admin_bank_publish(struct req *);

static const struct route banks_routes[] = {
	/* ADMIN_BANKS: versions, import, export */
	{ METHOD_GET, "/admin/banks", admin_banks, RF_ADMIN },
	/* ADMIN_BANK_IMPORT: upload a bank file */
	{ METHOD_POST, "/admin/banks/import", admin_bank_import, RF_ADMIN },
	/* ADMIN_BANK_DRAFT: open a draft from the published version */
	{ METHOD_POST, "/admin/banks/draft", admin_bank_draft, RF_ADMIN },
	/* ADMIN_BANK_PUBLISH: publish the draft */
	{ METHOD_POST, "/admin/banks/publish", admin_bank_publish, RF_ADMIN },
	/* ADMIN_BANK_EXPORT: a version as a bank file */
	{ METHOD_GET, "/admin/banks/:version/export", admin_bank_export,
	  RF_ADMIN },
};

static struct sheet banks_sheet = { "admin-banks.xsl", 1, { NULL } };

enum banks_stmt {
	STMT_BANK_DRAFT,
	STMT_BANK_LIST,
	STMT_BANK_DRAFT_NEW,
	STMT_BANK_COPY_QUESTIONS,
	STMT_BANK_COPY_OPTIONS,
	STMT_BANK_SHORT,
	BANKS_STMT__MAX
};

static struct stmt banks_sql[BANKS_STMT__MAX] = {
	[STMT_BANK_DRAFT] = { "BANK_DRAFT",
	  "SELECT id FROM bank WHERE status = 'draft' "
	  "ORDER BY version DESC LIMIT 1" },
	[STMT_BANK_LIST] = { "BANK_LIST",
	  "SELECT b.id, b.version, b.title, b.status, b.published_at, "
	  "(SELECT COUNT(*) FROM question q WHERE q.bank_id = b.id "
	  "AND q.retired = 0) FROM bank b ORDER BY b.version DESC" },
	[STMT_BANK_DRAFT_NEW] = { "BANK_DRAFT_NEW",
	  "INSERT INTO bank (version, title) SELECT COALESCE(MAX(version), 0) "
	  "+ 1, COALESCE(MAX(CASE WHEN status = 'published' THEN title END), "
	  "'题库') FROM bank" },
	[STMT_BANK_COPY_QUESTIONS] = { "BANK_COPY_QUESTIONS",
	  "INSERT INTO question (bank_id, ref, type, category, roles, stem, "
	  "explanation, source, stem_en, explanation_en, source_en) "
	  "SELECT ?, ref, type, category, roles, stem, explanation, source, "
	  "stem_en, explanation_en, source_en FROM question "
	  "WHERE retired = 0 AND bank_id = "
	  "(SELECT id FROM bank WHERE status = 'published')" },
	[STMT_BANK_COPY_OPTIONS] = { "BANK_COPY_OPTIONS",
	  "INSERT INTO question_option (question_id, opt_key, text, correct, "
	  "text_en) SELECT nq.id, o.opt_key, o.text, o.correct, o.text_en "
	  "FROM question_option o "
	  "JOIN question oq ON oq.id = o.question_id "
	  "JOIN question nq ON nq.ref = oq.ref AND nq.bank_id = ? "
	  "WHERE oq.bank_id = (SELECT id FROM bank WHERE status = 'published') "
	  "AND oq.retired = 0" },
	[STMT_BANK_SHORT] = { "BANK_SHORT",
	  "SELECT r.name, r.questions, COUNT(q.id) FROM role r "
	  "LEFT JOIN question q ON q.bank_id = ? AND q.retired = 0 "
	  "AND FIND_IN_SET(r.code, q.roles) GROUP BY r.code, r.name, "
	  "r.questions, r.sort HAVING COUNT(q.id) < r.questions "
	  "ORDER BY r.sort" },
};

const struct module admin_banks_module = {
	.name = "admin-banks",
	.routes = banks_routes,
	.nroutes = NELEM(banks_routes),
	.sheets = &banks_sheet,
	.nsheets = 1,
};

/* The draft's id, or 0 when there is none. */
long long
admin_draft_id(struct req *r, enum dberr *e)
{
	struct dbres	*res;

	if ((*e = db_query(r->pool, &banks_sql[STMT_BANK_DRAFT], &res, "")) !=
	    DB_OK)
		return 0;
	return res->nrows ? db_ll(res, 0, 0) : 0;
}

/* <banks>: every version with its status and number of questions. */
int
admin_banks_xml(struct req *r, xmlNodePtr root)
{
	struct dbres	*res;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &banks_sql[STMT_BANK_LIST], &res, "")) !=
	    DB_OK)
		return db_status(e);
	list = xml_add(root, "banks", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "bank", NULL);
		xml_row(n, res, i, "id version title status published questions");
	}
	return 0;
}

/*
 * The bank versions page, or it with why an action was not done: what an
 * uploaded file has wrong (400: errors, the importer's lines, or code
 * no-file, failed), or a refusal (409: code draft-open, or short with
 * short_of, the roles the draft has too few questions for: name, needed,
 * has). The stylesheet words each code.
 */
static int
admin_banks_show(struct req *r, const char *errors, const char *code,
    const struct dbres *short_of)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	size_t		 i;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((doc = xml_page(r, "admin-banks")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = admin_banks_xml(r, root)) != 0)
		return rc;
	if (errors != NULL || (code != NULL && short_of == NULL &&
	    strcmp(code, "draft-open") != 0)) {
		r->status = 400;
		n = xml_add(root, "import-errors", errors);
		if (errors == NULL)
			xml_prop(n, "code", code);
	} else if (code != NULL) {
		r->status = 409;
		xml_prop(n = xml_add(root, "refused", NULL), "code", code);
		for (i = 0; short_of != NULL && i < short_of->nrows; i++)
			xml_row(xml_add(n, "role", NULL), short_of, i,
			    "name needed has");
	}
	return page_finish(r, &banks_sheet, doc);
}

static int
admin_banks(struct req *r)
{
	return admin_banks_show(r, NULL, NULL, NULL);
}

/* POST /admin/banks/import: a bank file uploaded (multipart, "file"). */
static int
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
	if (admin_draft_id(r, &e) != 0)
		return admin_banks_show(r, NULL, "draft-open", NULL);
	if (e != DB_OK)
		return db_status(e);
	f = params_get(&r->bparams, "file");
	if (f == NULL || f->filename == NULL || f->valsz == 0)
		return admin_banks_show(r, NULL, "no-file", NULL);
	snprintf(rng, sizeof(rng), "%s/bank/bank.rng", r->conf->sql_dir);
	rc = bank_import(r->pool, f->val, f->valsz, f->filename[0] ?
	    f->filename : "upload.xml", rng, 0, &errors, &version);
	if (rc == -1)
		return admin_banks_show(r, errors, "failed", NULL);
	if (rc != 0)
		return rc;	/* the database failed */
	audit(r, "bank-import", pool_printf(r->pool, "bank %lld", version),
	    f->filename);
	return resp_redirect(r, "/admin/banks", "imported");
}

/* GET /admin/banks/:version/export: the bank file of a version. */
static int
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
static int
admin_bank_draft(struct req *r)
{
	unsigned long long	 id;
	enum dberr		 e;

	if (!admin_district(r))
		return 403;
	if (admin_draft_id(r, &e) != 0 || e != DB_OK)
		return e != DB_OK ? db_status(e) : 409;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_exec(&banks_sql[STMT_BANK_DRAFT_NEW], &id, "")) != DB_OK ||
	    (e = db_exec(&banks_sql[STMT_BANK_COPY_QUESTIONS], NULL, "i", (long
	    long)id)) != DB_OK || (e =
	    db_exec(&banks_sql[STMT_BANK_COPY_OPTIONS], NULL, "i", (long
	    long)id)) != DB_OK || (e = audit_write(r, "bank-draft", "draft",
	    NULL)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/questions", "draft-opened");
}

/* POST /admin/banks/publish: the draft becomes the published version. */
static int
admin_bank_publish(struct req *r)
{
	struct dbres	*short_of;
	long long	 id;
	enum dberr	 e;

	if (!admin_district(r))
		return 403;
	if ((id = admin_draft_id(r, &e)) == 0)
		return e != DB_OK ? db_status(e) : 409;
	/* Every role must find in it as many questions as it draws. */
	if ((e = db_query(r->pool, &banks_sql[STMT_BANK_SHORT], &short_of, "i",
	    id)) != DB_OK)
		return db_status(e);
	if (short_of->nrows > 0)
		return admin_banks_show(r, NULL, "short", short_of);
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
