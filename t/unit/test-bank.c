/*
 * test-bank.c: a question's English in a bank file (bank/parse.c): an
 * <en> block read with the question, and each way it can be wrong
 * refused with its line: options missing, extra or out of order, a
 * source the Chinese lacks or the Chinese's source missing, true/false
 * options other than True and False, a text missing, blank, too long
 * or in the wrong place.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "core/app.h"
#include "bank/bank.h"
#include "bank/local.h"
#include "tap.h"

static struct pool	*p;
static struct bank_file	 f;
static struct bank_errs	 e;

#define HEAD	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
		"<bank version=\"7\" title=\"测试\">\n"
#define SINGLE	"<question id=\"T1\" type=\"single\" category=\"alarm\" " \
		"roles=\"citizen\">\n" \
		"<stem>报警电话是（  ）。</stem>\n" \
		"<option key=\"A\">110</option>\n" \
		"<option key=\"B\" correct=\"yes\">119</option>\n" \
		"<option key=\"C\">120</option>\n" \
		"<explanation>119 是火警电话。</explanation>\n"
#define SOURCE	"<source>《中华人民共和国消防法》第四十四条</source>\n"
#define TF	"<question id=\"T2\" type=\"truefalse\" category=\"alarm\" " \
		"roles=\"citizen\">\n" \
		"<stem>报火警免费。</stem>\n" \
		"<option key=\"A\" correct=\"yes\">正确</option>\n" \
		"<option key=\"B\">错误</option>\n" \
		"<explanation>免费。</explanation>\n"
#define TAIL	"</question>\n</bank>\n"

/* Parse a file; 0 when it is good. e.buf holds the problems. */
static int
parse(const char *s)
{
	memset(&e, 0, sizeof(e));
	e.pool = p;
	e.name = "t.xml";
	return bank_parse(p, s, strlen(s), BANK_RNG, &f, &e);
}

/* Whether the problems name this line and say this. */
static int
says(int line, const char *what)
{
	char	 at[32];

	snprintf(at, sizeof(at), "t.xml:%d:", line);
	return e.buf != NULL && strstr(e.buf, at) != NULL &&
	    strstr(e.buf, what) != NULL;
}

int
main(void)
{
	char	 big[2000];

	p = pool_new(64 * 1024);
	xmlInitParser();

	ok(parse(HEAD SINGLE SOURCE TAIL) == 0 && f.nq == 1 &&
	    f.qs[0].stem_en == NULL && f.qs[0].nopts_en == 0,
	    "a question without English has none");

	ok(parse(HEAD SINGLE SOURCE "<en><stem>The number is ( ).</stem>"
	    "<option key=\"A\">110</option><option key=\"B\">119</option>"
	    "<option key=\"C\">120</option><explanation>119 is the fire "
	    "number.</explanation><source>Fire Protection Law, Article 44"
	    "</source></en>\n" TAIL) == 0 && f.nq == 1,
	    "a question with its English is good");
	is_str(f.qs[0].stem_en, "The number is ( ).", "its English stem");
	is_int(f.qs[0].nopts_en, 3, "three English options");
	is_str(f.qs[0].text_en[1], "119", "option B in English");
	ok(f.qs[0].keys_en[2] == 'C', "with its key");
	is_str(f.qs[0].explanation_en, "119 is the fire number.",
	    "the explanation");
	is_str(f.qs[0].source_en, "Fire Protection Law, Article 44",
	    "the source");
	is_str(f.qs[0].text[1], "119", "the Chinese stays as it was");
	ok(f.qs[0].correct[1] && !f.qs[0].correct[0], "and its answer");

	ok(parse(HEAD SINGLE "<en><stem>S</stem><option key=\"A\">a</option>"
	    "<option key=\"B\">b</option><option key=\"C\">c</option>"
	    "<explanation>E</explanation></en>\n" TAIL) == 0 &&
	    f.qs[0].source_en == NULL, "no source in either is good");

	ok(parse(HEAD TF "<en><stem>It is free.</stem><option key=\"A\">"
	    "True</option><option key=\"B\">False</option><explanation>It "
	    "is.</explanation></en>\n" TAIL) == 0,
	    "a true/false question's English: True and False");

	/* Each rule, with the line of <en> (line 10 here). */
	ok(parse(HEAD SINGLE SOURCE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<explanation>E</explanation><source>X</source></en>\n" TAIL)
	    == -1 && says(10, "question T1: English option 3 should have "
	    "key C"), "an English option missing: refused, with the line");
	ok(parse(HEAD SINGLE SOURCE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"C\">c</option>"
	    "<option key=\"B\">b</option>"
	    "<explanation>E</explanation><source>X</source></en>\n" TAIL)
	    == -1 && says(10, "English option 2 should have key B"),
	    "English options out of order");
	ok(parse(HEAD SINGLE SOURCE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><option key=\"D\">d</option>"
	    "<explanation>E</explanation><source>X</source></en>\n" TAIL)
	    == -1 && says(10, "more options than the Chinese (3)"),
	    "an English option the Chinese does not have");
	ok(parse(HEAD SINGLE SOURCE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option>"
	    "<explanation>E</explanation></en>\n" TAIL) == -1 &&
	    says(10, "needs the source the Chinese has"),
	    "the Chinese's source missing in English");
	ok(parse(HEAD SINGLE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><explanation>E</explanation>"
	    "<source>X</source></en>\n" TAIL) == -1 &&
	    says(9, "has a source, the Chinese none"),
	    "an English source without a Chinese one");
	ok(parse(HEAD TF "<en><stem>It is free.</stem><option key=\"A\">"
	    "Yes</option><option key=\"B\">No</option><explanation>It "
	    "is.</explanation></en>\n" TAIL) == -1 &&
	    says(8, "English options are A True and B False"),
	    "true/false options other than True and False");
	ok(parse(HEAD TF "<en><stem>It is free.</stem><option key=\"A\">"
	    "True</option><explanation>It is.</explanation></en>\n" TAIL)
	    == -1 && says(8, "English option 2 should have key B"),
	    "a true/false question's English with one option");

	/* What the schema says, each with its line too. */
	ok(parse(HEAD SINGLE SOURCE "<en><stem>S</stem>\n"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option>\n<source>X</source></en>\n" TAIL)
	    == -1 && e.buf != NULL && strstr(e.buf, "t.xml:") != NULL,
	    "no English explanation: refused by the schema");
	ok(parse(HEAD SINGLE SOURCE "<en><stem>  </stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><explanation>E</explanation>"
	    "<source>X</source></en>\n" TAIL) == -1 && says(10, ""),
	    "a blank English stem");
	memset(big, 'x', 601);
	big[601] = '\0';
	ok(parse(pool_printf(p, "%s%s%s<en><stem>%s</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><explanation>E</explanation>"
	    "<source>X</source></en>\n%s", HEAD, SINGLE, SOURCE, big, TAIL))
	    == -1 && says(10, ""), "an English stem of 601 characters");
	big[600] = '\0';
	ok(parse(pool_printf(p, "%s%s%s<en><stem>%s</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><explanation>E</explanation>"
	    "<source>X</source></en>\n%s", HEAD, SINGLE, SOURCE, big, TAIL))
	    == 0, "one of 600 is good");
	ok(parse(HEAD SINGLE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><explanation>E</explanation>"
	    "</en>\n" SOURCE TAIL) == -1, "<en> before the Chinese source");
	ok(parse(HEAD SINGLE SOURCE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\" correct=\"yes\">"
	    "b</option><option key=\"C\">c</option><explanation>E"
	    "</explanation><source>X</source></en>\n" TAIL) == -1,
	    "an English option may not say it is correct");
	ok(parse(HEAD SINGLE SOURCE "<en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><explanation>E</explanation>"
	    "<source>X</source></en><en><stem>S</stem>"
	    "<option key=\"A\">a</option><option key=\"B\">b</option>"
	    "<option key=\"C\">c</option><explanation>E</explanation>"
	    "<source>X</source></en>\n" TAIL) == -1, "two <en> blocks");

	/* The form's rules are the file's (bank_question_ok). */
	ok(parse(HEAD SINGLE SOURCE TAIL) == 0, "a question to edit");
	f.qs[0].explanation_en = "Only an explanation.";
	is_int(bank_question_ok(&f.qs[0]), -2,
	    "an English explanation alone: the English is wrong");
	f.qs[0].explanation_en = NULL;
	is_int(bank_question_ok(&f.qs[0]), 0, "no English at all is good");

	pool_free(p);
	return done_testing();
}
