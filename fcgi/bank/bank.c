/*
 * bank.c: question bank files in and out.
 * Import checks a file against sql/bank/bank.rng and then question by
 * question, reports every problem with its line, and writes nothing
 * unless the whole file is good (one transaction). Export writes the
 * same format, so an exported bank imports again. Publishing a version
 * retires the one before. The bank's vocabulary (types, categories,
 * roles, options) is checked here for the forms that edit questions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "core/app.h"
#include "bank/bank.h"

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
	  "SELECT id, ref, type, category, roles, stem, explanation, source "
	  "FROM question WHERE bank_id = ? AND retired = 0 ORDER BY id" },
	[STMT_BANK_OPTIONS] = { "BANK_OPTIONS",
	  "SELECT o.question_id, o.opt_key, o.text, o.correct "
	  "FROM question_option o JOIN question q ON q.id = o.question_id "
	  "WHERE q.bank_id = ? AND q.retired = 0 "
	  "ORDER BY o.question_id, o.opt_key" },
	[STMT_QUESTION_INSERT] = { "QUESTION_INSERT",
	  "INSERT INTO question (bank_id, ref, type, category, roles, stem, "
	  "explanation, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_OPTION_INSERT] = { "OPTION_INSERT",
	  "INSERT INTO question_option (question_id, opt_key, text, correct) "
	  "VALUES (?, ?, ?, ?)" },
};

struct errs {
	struct pool	*pool;
	const char	*name;
	char		*buf;
	size_t		 len;
	int		 n;
	enum dberr	 db;		/* a database failure, if any */
};

static void	 err_add(struct errs *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	 err_structured(void *, xmlErrorPtr);
static int	 bank_validate(xmlDocPtr, const char *, struct errs *);
static int	 bank_question(struct pool *, xmlNodePtr, struct bq *,
		    struct errs *);
static int	 bank_check(const struct bq *, struct errs *);
static int	 bank_store(const char *, const char *, struct bq *, int, int,
		    struct errs *);

/* One option index 0..5; the values together make a bit mask. */
int
bank_valid_opt(struct fval *f)
{
	if (f->sz != 1 || f->s[0] < '0' || f->s[0] > '5')
		return 0;
	f->i |= 1LL << (f->s[0] - '0');
	return 1;
}

/* A question type. */
int
bank_valid_type(struct fval *f)
{
	return strcmp(f->s, "single") == 0 || strcmp(f->s, "multi") == 0 ||
	    strcmp(f->s, "truefalse") == 0;
}

/* The categories of sql/bank/bank.rng. */
int
bank_valid_category(struct fval *f)
{
	static const char *const cats[] = { "law", "duty", "inspect", "drill",
	    "facility", "extinguisher", "hydrant", "evacuation", "alarm",
	    "electric", "ebike", "gas", "highrise", "rental", "school",
	    "workplace", "crowd", "firstaid" };
	size_t	 i;

	for (i = 0; i < sizeof(cats) / sizeof(cats[0]); i++)
		if (strcmp(f->s, cats[i]) == 0)
			return 1;
	return 0;
}

/* A role code; the values together make a bit mask (responsible = 1). */
int
bank_valid_role(struct fval *f)
{
	static const char *const roles[] = { "responsible", "employee",
	    "landlord", "student", "citizen" };
	size_t	 i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(f->s, roles[i]) == 0) {
			f->i |= 1LL << i;
			return 1;
		}
	return 0;
}

/* Add "name:line: message" to the error list (at most 50 kept). */
static void
err_add(struct errs *e, int line, const char *fmt, ...)
{
	char	 msg[512];
	char	*s;
	va_list	 ap;

	if (++e->n > 50)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	s = line > 0 ?
	    pool_printf(e->pool, "%s%s:%d: %s\n", e->buf ? e->buf : "",
	    e->name, line, msg) :
	    pool_printf(e->pool, "%s%s: %s\n", e->buf ? e->buf : "", e->name,
	    msg);
	if (s != NULL)
		e->buf = s;
}

/* libxml2's parser and RELAX NG errors, with their lines. */
static void
err_structured(void *arg, xmlErrorPtr x)
{
	char	 msg[400];
	size_t	 n;

	snprintf(msg, sizeof(msg), "%s", x->message ? x->message : "error");
	n = strlen(msg);
	while (n > 0 && !utf8_valid(msg, n))	/* cut inside a character */
		n--;
	while (n > 0 && msg[n - 1] == '\n')
		n--;
	msg[n] = '\0';
	err_add(arg, x->line, "%s", msg);
}

static int
bank_validate(xmlDocPtr doc, const char *rng, struct errs *e)
{
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGPtr		 schema = NULL;
	xmlRelaxNGValidCtxtPtr	 vc = NULL;
	int			 rc = -1;

	if ((pc = xmlRelaxNGNewParserCtxt(rng)) == NULL ||
	    (schema = xmlRelaxNGParse(pc)) == NULL) {
		err_add(e, 0, "schema %s cannot be read", rng);
		goto out;
	}
	if ((vc = xmlRelaxNGNewValidCtxt(schema)) == NULL)
		goto out;
	xmlRelaxNGSetValidStructuredErrors(vc, err_structured, e);
	rc = xmlRelaxNGValidateDoc(vc, doc) == 0 ? 0 : -1;
out:
	if (vc != NULL)
		xmlRelaxNGFreeValidCtxt(vc);
	if (schema != NULL)
		xmlRelaxNGFree(schema);
	if (pc != NULL)
		xmlRelaxNGFreeParserCtxt(pc);
	return rc;
}

static const char *
prop(struct pool *p, xmlNodePtr n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetProp(n, BAD_CAST name)) == NULL)
		return NULL;
	s = pool_strdup(p, (const char *)v);
	xmlFree(v);
	return s;
}

static const char *
text(struct pool *p, xmlNodePtr n)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlNodeGetContent(n)) == NULL)
		return NULL;
	s = pool_strdup(p, (const char *)v);
	xmlFree(v);
	return s;
}

/* Whether the comma-separated list has the role s[0..len). */
static int
role_listed(const char *list, const char *s, size_t len)
{
	const char	*c;

	for (c = list; *c != '\0'; c += strcspn(c, ","), c += *c == ',')
		if (strncmp(c, s, len) == 0 && (c[len] == ',' || c[len] == '\0'))
			return 1;
	return 0;
}

/* Read one <question> (already valid against the schema) into q. */
static int
bank_question(struct pool *p, xmlNodePtr n, struct bq *q, struct errs *e)
{
	xmlNodePtr	 c;
	const char	*roles, *k;
	size_t		 i, j;

	memset(q, 0, sizeof(*q));
	q->node = n;
	q->ref = prop(p, n, "id");
	q->type = prop(p, n, "type");
	q->category = prop(p, n, "category");
	/* "citizen student", any white space between: "citizen,student". */
	roles = prop(p, n, "roles");
	for (i = 0; roles[i] != '\0'; i += j) {
		i += strspn(roles + i, " \t\r\n");
		if ((j = strcspn(roles + i, " \t\r\n")) == 0)
			break;
		if (!role_listed(q->roles, roles + i, j) &&
		    strlen(q->roles) + j + 2 < sizeof(q->roles))
			snprintf(q->roles + strlen(q->roles),
			    sizeof(q->roles) - strlen(q->roles), "%s%.*s",
			    q->roles[0] ? "," : "", (int)j, roles + i);
	}
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "stem"))
			q->stem = text(p, c);
		else if (xmlStrEqual(c->name, BAD_CAST "explanation"))
			q->explanation = text(p, c);
		else if (xmlStrEqual(c->name, BAD_CAST "source"))
			q->source = text(p, c);
		else if (xmlStrEqual(c->name, BAD_CAST "option")) {
			if (q->nopts == BANK_MAXOPTS) {
				err_add(e, c->line, "question %s: more than "
				    "%d options", q->ref, BANK_MAXOPTS);
				return -1;
			}
			k = prop(p, c, "key");
			q->keys[q->nopts] = k[0];
			q->correct[q->nopts] = prop(p, c, "correct") != NULL;
			q->text[q->nopts++] = text(p, c);
		}
	}
	return 0;
}

/*
 * The rules the schema cannot say: option keys A, B, C… in order, and
 * the number of correct options each type needs. Returns 0 or -1, and
 * then *why says which rule.
 */
static int
bank_rule(const struct bq *q, char *why, size_t sz)
{
	int	 i, ncorrect = 0;

	for (i = 0; i < q->nopts; i++) {
		if (q->keys[i] != 'A' + i) {
			snprintf(why, sz, "option %d should have key %c",
			    i + 1, 'A' + i);
			return -1;
		}
		ncorrect += q->correct[i];
	}
	if (strcmp(q->type, "single") == 0 &&
	    (q->nopts < 3 || ncorrect != 1))
		snprintf(why, sz, "a single-choice question needs 3 to 6 "
		    "options and exactly one correct (has %d of %d)", ncorrect,
		    q->nopts);
	else if (strcmp(q->type, "multi") == 0 &&
	    (q->nopts < 3 || ncorrect < 2 || ncorrect == q->nopts))
		snprintf(why, sz, "a multiple-choice question needs at least "
		    "two correct options and one wrong one (has %d of %d)",
		    ncorrect, q->nopts);
	else if (strcmp(q->type, "truefalse") == 0 &&
	    (q->nopts != 2 || ncorrect != 1 ||
	    strcmp(q->text[0], "正确") != 0 || strcmp(q->text[1], "错误") != 0))
		snprintf(why, sz, "a true/false question has two options, "
		    "A 正确 and B 错误, one of them correct");
	else
		return 0;
	return -1;
}

int
bank_question_ok(const struct bq *q)
{
	char	 why[200];

	return bank_rule(q, why, sizeof(why));
}

static int
bank_check(const struct bq *q, struct errs *e)
{
	char	 why[200];

	if (bank_rule(q, why, sizeof(why)) == 0)
		return 0;
	err_add(e, q->node->line, "question %s: %s", q->ref, why);
	return -1;
}

/* Write the bank in one transaction; publish retires the current one. */
static int
bank_store(const char *version, const char *title, struct bq *qs, int nq,
    int publish, struct errs *e)
{
	unsigned long long	 bank_id, qid;
	enum dberr		 rc;
	int			 i, k;
	char			 key[2] = { 0, 0 };

	if ((rc = db_begin()) != DB_OK) {
		err_add(e, 0, "database unavailable");
		e->db = rc;
		return -1;
	}
	rc = db_exec(&bank_sql[STMT_BANK_INSERT], &bank_id, "is",
	    atoll(version), title);
	if (rc == DB_DUP) {
		err_add(e, 0, "bank version %s exists already", version);
		goto fail;
	}
	for (i = 0; i < nq && rc == DB_OK; i++) {
		rc = db_exec(&bank_sql[STMT_QUESTION_INSERT], &qid, "isssssss",
		    (long long)bank_id, qs[i].ref, qs[i].type, qs[i].category,
		    qs[i].roles, qs[i].stem, qs[i].explanation, qs[i].source);
		if (rc == DB_DUP) {
			err_add(e, qs[i].node->line, "question %s: the id is "
			    "used twice", qs[i].ref);
			goto fail;
		}
		for (k = 0; k < qs[i].nopts && rc == DB_OK; k++) {
			key[0] = qs[i].keys[k];
			rc = db_exec(&bank_sql[STMT_OPTION_INSERT], NULL,
			    "issi", (long long)qid, key, qs[i].text[k], (long
			    long)qs[i].correct[k]);
		}
	}
	if (rc == DB_OK && publish)
		rc = bank_publish_tx((long long)bank_id);
	if (rc == DB_ERROR) {
		/* A statement refused: something in the file, not the server. */
		err_add(e, 0, "the database refused the bank (see the log)");
		goto fail;
	}
	if (rc != DB_OK) {
		err_add(e, 0, "database error while storing");
		e->db = rc;
		goto fail;
	}
	if ((rc = db_commit()) != DB_OK) {
		err_add(e, 0, "database error at commit");
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
	struct errs	 e;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	struct bq	*qs = NULL;
	const char	*ver, *title;
	int		 nq = 0, cap = 0, rc = -1;

	memset(&e, 0, sizeof(e));
	e.pool = p;
	e.name = name;
	*errors = NULL;
	xmlSetStructuredErrorFunc(&e, err_structured);
	/*
	 * The file's own encoding (UTF-8 unless it declares another). No
	 * DOCTYPE: its entities and attribute defaults would change the
	 * text after the schema has checked it.
	 */
	doc = xmlReadMemory(buf, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (doc == NULL)
		goto out;
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		err_add(&e, 1, "a bank file may not have a DOCTYPE");
		goto out;
	}
	if (bank_validate(doc, rng, &e) == -1)
		goto out;
	root = xmlDocGetRootElement(doc);
	ver = prop(p, root, "version");
	title = prop(p, root, "title");
	*version = atoll(ver);
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (nq == cap) {
			struct bq *nqs;

			cap = cap ? cap * 2 : 256;
			if ((nqs = pool_calloc(p, cap, sizeof(*qs))) == NULL)
				goto out;
			if (nq > 0)
				memcpy(nqs, qs, nq * sizeof(*qs));
			qs = nqs;
		}
		if (bank_question(p, n, &qs[nq], &e) == 0 &&
		    bank_check(&qs[nq], &e) == 0)
			nq++;
	}
	if (e.n == 0)
		rc = bank_store(ver, title, qs, nq, publish, &e);
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL)
		xmlFreeDoc(doc);
	if (e.n > 50)
		err_add(&e, 0, "(%d problems in all; the first 50 are shown)",
		    e.n);
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
	xmlNodePtr	 root, qn, on;
	size_t		 i, k = 0;
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
		for (; k < o->nrows && db_ll(o, k, 0) == db_ll(q, i, 0); k++) {
			on = xml_add(qn, "option", DBRES(o, k, 2));
			xml_prop(on, "key", DBRES(o, k, 1));
			if (db_ll(o, k, 3))
				xml_prop(on, "correct", "yes");
		}
		xml_add(qn, "explanation", DBRES(q, i, 6));
		if (DBRES(q, i, 7) != NULL)
			xml_add(qn, "source", DBRES(q, i, 7));
	}
	return doc;
}
