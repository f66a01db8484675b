/*
 * parse.c: reading a question bank file without the database: the XML
 * parsed (no DOCTYPE, no network), checked against sql/bank/bank.rng,
 * then question by question against the rules the schema cannot say,
 * every problem reported with its line. bank.c stores what passes;
 * contrib/fuzz/fuzz-bank.c feeds it anything. The bank's vocabulary
 * (types, categories, roles, options) is checked here for the forms
 * that edit questions. A question's English (an <en> block) is read
 * and checked here too: all of it or none, its options those of the
 * Chinese.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "core/app.h"
#include "bank/bank.h"
#include "bank/local.h"

static void	 err_structured(void *, xmlErrorPtr);
static void	 doc_free(void *);
static int	 bank_validate(xmlDocPtr, const char *, struct bank_errs *);
static int	 bank_question(struct pool *, xmlNodePtr, struct bq *,
		    struct bank_errs *);
static int	 bank_check(const struct bq *, struct bank_errs *);
static int	 bank_texts(struct pool *, xmlNodePtr, struct bq *, int,
		    struct bank_errs *);

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
void
bank_err_add(struct bank_errs *e, int line, const char *fmt, ...)
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
	bank_err_add(arg, x->line, "%s", msg);
}

static int
bank_validate(xmlDocPtr doc, const char *rng, struct bank_errs *e)
{
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGPtr		 schema = NULL;
	xmlRelaxNGValidCtxtPtr	 vc = NULL;
	int			 rc = -1;

	if ((pc = xmlRelaxNGNewParserCtxt(rng)) == NULL ||
	    (schema = xmlRelaxNGParse(pc)) == NULL) {
		bank_err_add(e, 0, "schema %s cannot be read", rng);
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

/*
 * The texts of a question in one language, from the children of n: the
 * Chinese from <question> (with each option's correct flag, and its <en>
 * read in turn), the English from <en>. Valid against the schema.
 */
static int
bank_texts(struct pool *p, xmlNodePtr n, struct bq *q, int en,
    struct bank_errs *e)
{
	const char	**stem = en ? &q->stem_en : &q->stem;
	const char	**expl = en ? &q->explanation_en : &q->explanation;
	const char	**source = en ? &q->source_en : &q->source;
	const char	**texts = en ? q->text_en : q->text;
	char		 *keys = en ? q->keys_en : q->keys;
	int		 *nopts = en ? &q->nopts_en : &q->nopts;
	xmlNodePtr	  c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "stem"))
			*stem = text(p, c);
		else if (xmlStrEqual(c->name, BAD_CAST "explanation"))
			*expl = text(p, c);
		else if (xmlStrEqual(c->name, BAD_CAST "source"))
			*source = text(p, c);
		else if (xmlStrEqual(c->name, BAD_CAST "option")) {
			if (*nopts == BANK_MAXOPTS) {
				bank_err_add(e, c->line, "question %s: more "
				    "than %d %soptions", q->ref, BANK_MAXOPTS,
				    en ? "English " : "");
				return -1;
			}
			keys[*nopts] = prop(p, c, "key")[0];
			if (!en)
				q->correct[*nopts] = prop(p, c, "correct") !=
				    NULL;
			texts[(*nopts)++] = text(p, c);
		} else if (!en && xmlStrEqual(c->name, BAD_CAST "en")) {
			q->en_line = c->line;
			if (bank_texts(p, c, q, 1, e) == -1)
				return -1;
		}
	}
	return 0;
}

/* Read one <question> (already valid against the schema) into q. */
static int
bank_question(struct pool *p, xmlNodePtr n, struct bq *q, struct bank_errs *e)
{
	const char	*roles;
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
	return bank_texts(p, n, q, 0, e);
}

/*
 * The rules of a question's English: none of it, or all of it (a stem,
 * an explanation, the options of the Chinese with their keys in their
 * order, a source when the Chinese has one and only then); a true/false
 * question's English options are A True and B False. Returns 0 or -1,
 * and then *why says which rule.
 */
static int
bank_rule_en(const struct bq *q, char *why, size_t sz)
{
	int	 i;

	if (q->stem_en == NULL && q->explanation_en == NULL &&
	    q->source_en == NULL && q->nopts_en == 0)
		return 0;
	if (q->stem_en == NULL || q->explanation_en == NULL) {
		snprintf(why, sz, "the English needs a stem and an "
		    "explanation, or nothing in English at all");
		return -1;
	}
	for (i = 0; i < q->nopts || i < q->nopts_en; i++)
		if (i >= q->nopts_en || i >= q->nopts ||
		    q->keys_en[i] != q->keys[i] || q->text_en[i] == NULL) {
			if (i < q->nopts)
				snprintf(why, sz, "English option %d should "
				    "have key %c, as the Chinese", i + 1,
				    q->keys[i]);
			else
				snprintf(why, sz, "the English has more "
				    "options than the Chinese (%d)", q->nopts);
			return -1;
		}
	if ((q->source == NULL) != (q->source_en == NULL)) {
		snprintf(why, sz, q->source ? "the English needs the source "
		    "the Chinese has" : "the English has a source, the "
		    "Chinese none");
		return -1;
	}
	if (strcmp(q->type, "truefalse") == 0 &&
	    (strcmp(q->text_en[0], "True") != 0 ||
	    strcmp(q->text_en[1], "False") != 0)) {
		snprintf(why, sz, "a true/false question's English options "
		    "are A True and B False");
		return -1;
	}
	return 0;
}

/*
 * The rules the schema cannot say: option keys A, B, C… in order, and
 * the number of correct options each type needs; then the English's
 * (bank_rule_en). Returns 0, -1 (the Chinese) or -2 (the English), and
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
		return bank_rule_en(q, why, sz) == 0 ? 0 : -2;
	return -1;
}

/* A question by the rules: 0, -1 (the Chinese), -2 (the English). */
int
bank_question_ok(const struct bq *q)
{
	char	 why[200];

	return bank_rule(q, why, sizeof(why));
}

static int
bank_check(const struct bq *q, struct bank_errs *e)
{
	char	 why[200];
	int	 rc;

	if ((rc = bank_rule(q, why, sizeof(why))) == 0)
		return 0;
	bank_err_add(e, rc == -2 && q->en_line > 0 ? q->en_line :
	    q->node->line, "question %s: %s", q->ref, why);
	return -1;
}

static void
doc_free(void *doc)
{
	xmlFreeDoc(doc);
}

/*
 * Read and check a bank file held in memory into *f. Returns 0 when the
 * whole file is good; -1 after adding every problem found to *e.
 */
int
bank_parse(struct pool *p, const char *buf, size_t len, const char *rng,
    struct bank_file *f, struct bank_errs *e)
{
	xmlNodePtr	 root, n;
	struct bq	*nqs;
	int		 cap = 0, rc = -1;

	memset(f, 0, sizeof(*f));
	if (len > INT_MAX) {
		bank_err_add(e, 0, "the file is too large");
		return -1;
	}
	xmlSetStructuredErrorFunc(e, err_structured);
	/*
	 * The file's own encoding (UTF-8 unless it declares another). No
	 * DOCTYPE: its entities and attribute defaults would change the
	 * text after the schema has checked it.
	 */
	f->doc = xmlReadMemory(buf, (int)len, e->name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (f->doc == NULL)
		goto out;
	if (pool_cleanup(p, doc_free, f->doc) == -1) {
		xmlFreeDoc(f->doc);
		f->doc = NULL;
		goto out;
	}
	if (f->doc->intSubset != NULL || f->doc->extSubset != NULL) {
		bank_err_add(e, 1, "a bank file may not have a DOCTYPE");
		goto out;
	}
	if (bank_validate(f->doc, rng, e) == -1)
		goto out;
	root = xmlDocGetRootElement(f->doc);
	f->version = prop(p, root, "version");
	f->title = prop(p, root, "title");
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (f->nq == cap) {
			cap = cap ? cap * 2 : 256;
			if ((nqs = pool_calloc(p, cap, sizeof(*nqs))) == NULL)
				goto out;
			if (f->nq > 0)
				memcpy(nqs, f->qs, f->nq * sizeof(*nqs));
			f->qs = nqs;
		}
		if (bank_question(p, n, &f->qs[f->nq], e) == 0 &&
		    bank_check(&f->qs[f->nq], e) == 0)
			f->nq++;
	}
	rc = 0;
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	/* An empty file makes libxml2 fail without a word: say why. */
	if (rc == -1 && e->n == 0)
		bank_err_add(e, 0, f->doc == NULL ? "not an XML document" :
		    "the file cannot be read");
	return rc == 0 && e->n == 0 ? 0 : -1;
}
