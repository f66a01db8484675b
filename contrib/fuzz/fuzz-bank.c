/*
 * fuzz-bank.c: a libFuzzer target for the question bank importer's
 * reading and checking (fcgi/bank/parse.c), everything before the
 * database writes, with the real schema sql/bank/bank.rng. Whatever the
 * input, a file is either refused with at least one problem listed, or
 * accepted with questions that keep the rules bank.c relies on when it
 * stores them: every field present, option keys A, B, C... in order, at
 * most BANK_MAXOPTS options, the roles a comma-separated list; and an
 * English, when there is one, complete: the same options, a source iff
 * the Chinese has one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "core/app.h"
#include "bank/bank.h"
#include "bank/local.h"

#ifndef BANK_RNG
#error "BANK_RNG must name sql/bank/bank.rng"
#endif

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	 LLVMFuzzerInitialize(int *, char ***);

static void	 check(const struct bank_file *);

static void
quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	return 0;
}

static void
check(const struct bank_file *f)
{
	const struct bq	*q;
	int		 i, k;

	if (f->version == NULL || f->title == NULL || f->nq < 0)
		abort();
	for (i = 0; i < f->nq; i++) {
		q = &f->qs[i];
		if (q->ref == NULL || q->type == NULL || q->category == NULL ||
		    q->stem == NULL || q->explanation == NULL ||
		    q->node == NULL || q->nopts < 2 ||
		    q->nopts > BANK_MAXOPTS || bank_question_ok(q) != 0 ||
		    memchr(q->roles, '\0', sizeof(q->roles)) == NULL ||
		    q->roles[0] == ',' || strstr(q->roles, ",,") != NULL)
			abort();
		for (k = 0; k < q->nopts; k++)
			if (q->keys[k] != 'A' + k || q->text[k] == NULL)
				abort();
		if (q->stem_en == NULL) {
			if (q->explanation_en != NULL || q->nopts_en != 0 ||
			    q->source_en != NULL)
				abort();
			continue;
		}
		if (q->explanation_en == NULL || q->nopts_en != q->nopts ||
		    (q->source == NULL) != (q->source_en == NULL))
			abort();
		for (k = 0; k < q->nopts; k++)
			if (q->keys_en[k] != q->keys[k] ||
			    q->text_en[k] == NULL)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool		*p;
	struct bank_errs	 e;
	struct bank_file	 f;

	if ((p = pool_new(16 * 1024)) == NULL)
		abort();
	memset(&e, 0, sizeof(e));
	e.pool = p;
	e.name = "fuzz.xml";
	if (bank_parse(p, (const char *)data, size, BANK_RNG, &f, &e) == 0)
		check(&f);
	else if (e.n == 0 || e.buf == NULL || !utf8_valid(e.buf,
	    strlen(e.buf)))
		abort();
	pool_free(p);
	return 0;
}
