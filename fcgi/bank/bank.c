/*
 * bank.c: question bank files in and out.
 * Import stores a file parse.c has read and checked, and writes nothing
 * unless the whole file is good (one transaction). Export writes the
 * same format, so an exported bank imports again. Publishing a version
 * retires the one before. A question's English goes with it, in and
 * out (its <en> block).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/app.h"
#include "bank/bank.h"
#include "bank/local.h"

struct stmt bank_sql[BANK_STMT__MAX] = {
	[STMT_BANK_INSERT] = { "BANK_INSERT",
	  "INSERT INTO bank (version, title) VALUES (?, ?)" },
	[STMT_BANK_BY_VERSION] = { "BANK_BY_VERSION",
	  "SELECT id, status, title FROM bank WHERE version = ?" },
	[STMT_BANK_RETIRE_PUBLISHED] = { "BANK_RETIRE_PUBLISHED",
	  "UPDATE bank SET status = 'retired' WHERE status = 'published'" },
	[STMT_BANK_PUBLISH] = { "BANK_PUBLISH",
	  "UPDATE bank SET status = 'published', published_at = NOW() "
	  "WHERE id = ?" },
	[STMT_BANK_QUESTIONS] = { "BANK_QUESTIONS",
	  "SELECT id, ref, type, category, roles, stem, explanation, source, "
	  "stem_en, explanation_en, source_en "
	  "FROM question WHERE bank_id = ? AND retired = 0 ORDER BY id" },
	[STMT_BANK_OPTIONS] = { "BANK_OPTIONS",
	  "SELECT o.question_id, o.opt_key, o.text, o.correct, o.text_en "
	  "FROM question_option o JOIN question q ON q.id = o.question_id "
	  "WHERE q.bank_id = ? AND q.retired = 0 "
	  "ORDER BY o.question_id, o.opt_key" },
	[STMT_QUESTION_INSERT] = { "QUESTION_INSERT",
	  "INSERT INTO question (bank_id, ref, type, category, roles, stem, "
	  "explanation, source, stem_en, explanation_en, source_en) "
	  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_OPTION_INSERT] = { "OPTION_INSERT",
	  "INSERT INTO question_option (question_id, opt_key, text, correct, "
	  "text_en) VALUES (?, ?, ?, ?, ?)" },
};

static int	 bank_store(const char *, const char *, struct bq *, int, int,
		    struct bank_errs *);

/* Write the bank in one transaction; publish retires the current one. */
static int
bank_store(const char *version, const char *title, struct bq *qs, int nq,
    int publish, struct bank_errs *e)
{
	unsigned long long	 bank_id, qid;
	enum dberr		 rc;
	int			 i, k;
	char			 key[2] = { 0, 0 };

	if ((rc = db_begin()) != DB_OK) {
		bank_err_add(e, 0, "database unavailable");
		e->db = rc;
		return -1;
	}
	rc = db_exec(&bank_sql[STMT_BANK_INSERT], &bank_id, "is",
	    atoll(version), title);
	if (rc == DB_DUP) {
		bank_err_add(e, 0, "bank version %s exists already", version);
		goto fail;
	}
	for (i = 0; i < nq && rc == DB_OK; i++) {
		rc = db_exec(&bank_sql[STMT_QUESTION_INSERT], &qid,
		    "issssssssss", (long long)bank_id, qs[i].ref, qs[i].type,
		    qs[i].category, qs[i].roles, qs[i].stem,
		    qs[i].explanation, qs[i].source, qs[i].stem_en,
		    qs[i].explanation_en, qs[i].source_en);
		if (rc == DB_DUP) {
			bank_err_add(e, qs[i].node->line, "question %s: the "
			    "id is used twice", qs[i].ref);
			goto fail;
		}
		for (k = 0; k < qs[i].nopts && rc == DB_OK; k++) {
			key[0] = qs[i].keys[k];
			rc = db_exec(&bank_sql[STMT_OPTION_INSERT], NULL,
			    "issis", (long long)qid, key, qs[i].text[k], (long
			    long)qs[i].correct[k], qs[i].stem_en ?
			    qs[i].text_en[k] : NULL);
		}
	}
	if (rc == DB_OK && publish)
		rc = bank_publish_tx((long long)bank_id);
	if (rc == DB_ERROR) {
		/* A statement refused: something in the file, not the server. */
		bank_err_add(e, 0, "the database refused the bank (see the "
		    "log)");
		goto fail;
	}
	if (rc != DB_OK) {
		bank_err_add(e, 0, "database error while storing");
		e->db = rc;
		goto fail;
	}
	if ((rc = db_commit()) != DB_OK) {
		bank_err_add(e, 0, "database error at commit");
		e->db = rc;
		return -1;
	}
	return 0;
fail:
	db_rollback();
	return -1;
}

/* Inside a transaction: make a bank the published one. */
enum dberr
bank_publish_tx(long long bank_id)
{
	enum dberr	 rc;

	if ((rc = db_exec(&bank_sql[STMT_BANK_RETIRE_PUBLISHED], NULL, "")) !=
	    DB_OK)
		return rc;
	return db_exec(&bank_sql[STMT_BANK_PUBLISH], NULL, "i", bank_id);
}

/*
 * Import a bank file held in memory. Returns 0; -1 when the file has
 * problems; or the HTTP status of a database failure (500, 503). On
 * failure *errors lists every problem found, one per line, each with the
 * file name and line, and nothing has been written. *version receives
 * the bank's version.
 */
int
bank_import(struct pool *p, const char *buf, size_t len, const char *name,
    const char *rng, int publish, char **errors, long long *version)
{
	struct bank_errs	 e;
	struct bank_file	 f;
	int			 rc;

	memset(&e, 0, sizeof(e));
	e.pool = p;
	e.name = name;
	rc = bank_parse(p, buf, len, rng, &f, &e);
	if (f.version != NULL)
		*version = atoll(f.version);
	if (rc == 0)
		rc = bank_store(f.version, f.title, f.qs, f.nq, publish, &e);
	if (e.n > 50)
		bank_err_add(&e, 0, "(%d problems in all; the first 50 are "
		    "shown)", e.n);
	*errors = e.buf;
	if (e.db != DB_OK)
		return db_status(e.db);
	return rc == 0 && e.n == 0 ? 0 : -1;
}

/*
 * The bank of a version as a document in the import format; NULL when
 * there is no such version (*e is DB_OK) or the database failed (*e
 * says how). The caller frees it.
 */
xmlDocPtr
bank_export(struct pool *p, long long version, enum dberr *e)
{
	struct dbres	*b, *q, *o;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, qn, on, en;
	size_t		 i, k = 0, k0;
	char		*roles, *c;

	if ((*e = db_query(p, &bank_sql[STMT_BANK_BY_VERSION], &b, "i",
	    version)) != DB_OK || b->nrows == 0 || (*e = db_query(p,
	    &bank_sql[STMT_BANK_QUESTIONS], &q, "i", db_ll(b, 0, 0))) != DB_OK
	    || (*e = db_query(p, &bank_sql[STMT_BANK_OPTIONS], &o, "i", db_ll(b,
	    0, 0))) != DB_OK)
		return NULL;
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "bank", NULL);
	xmlDocSetRootElement(doc, root);
	xml_propll(root, "version", version);
	xml_prop(root, "title", DBRES(b, 0, 2));
	for (i = 0; i < q->nrows; i++) {
		qn = xml_add(root, "question", NULL);
		xml_prop(qn, "id", DBRES(q, i, 1));
		xml_prop(qn, "type", DBRES(q, i, 2));
		xml_prop(qn, "category", DBRES(q, i, 3));
		roles = pool_strdup(p, DBRES(q, i, 4));
		for (c = roles; c != NULL && *c != '\0'; c++)
			if (*c == ',')
				*c = ' ';
		xml_prop(qn, "roles", roles);
		xml_add(qn, "stem", DBRES(q, i, 5));
		k0 = k;
		for (; k < o->nrows && db_ll(o, k, 0) == db_ll(q, i, 0); k++) {
			on = xml_add(qn, "option", DBRES(o, k, 2));
			xml_prop(on, "key", DBRES(o, k, 1));
			if (db_ll(o, k, 3))
				xml_prop(on, "correct", "yes");
		}
		xml_add(qn, "explanation", DBRES(q, i, 6));
		if (DBRES(q, i, 7) != NULL)
			xml_add(qn, "source", DBRES(q, i, 7));
		if (DBRES(q, i, 8) == NULL)
			continue;
		/* Its English: the stem, the same options, the rest. */
		en = xml_add(qn, "en", NULL);
		xml_add(en, "stem", DBRES(q, i, 8));
		for (; k0 < k; k0++) {
			on = xml_add(en, "option", DBRES(o, k0, 4) ?
			    DBRES(o, k0, 4) : "");
			xml_prop(on, "key", DBRES(o, k0, 1));
		}
		xml_add(en, "explanation", DBRES(q, i, 9));
		if (DBRES(q, i, 10) != NULL)
			xml_add(en, "source", DBRES(q, i, 10));
	}
	return doc;
}
