/*
 * test-invite.c: reading a unit's invitation file (invite_parse): a
 * byte-order mark, CRLF, a header line, blank lines, quoted fields with
 * commas and quotes, numbers written with spaces and dashes; and each
 * problem by line: columns, names, numbers, a number twice, bytes that
 * are not UTF-8 (a GBK file), a NUL byte, too many lines, no line.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "unit/unit.h"
#include "unit/local.h"
#include "tap.h"

static struct pool		*p;
static struct invite		*v;
static size_t			 n, nerrs;
static struct invite_error	 errs[INVITE_ERRORS_MAX];

static size_t
parse(const char *s, size_t len)
{
	return invite_parse(p, s, len, &v, &n, errs, &nerrs);
}

#define PARSE(s)	parse((s), sizeof(s) - 1)

int
main(void)
{
	static char	 many[(UNIT_INVITES_MAX + 2) * 24];
	size_t		 i, len = 0;

	p = pool_new(64 * 1024);
	is_int(PARSE("\xef\xbb\xbf姓名,手机号\r\n张三,13812345678\r\n\r\n"
	    "\"欧阳, \"\"娜娜\"\"\", 139 1234-5678 \r\n"), 0,
	    "a good file: no problem");
	is_int(n, 2, "two people (header and blank line skipped)");
	is_str(v[0].name, "张三", "a name");
	is_str(v[0].phone, "13812345678", "its number");
	is_int(v[0].line, 2, "its line");
	is_str(v[1].name, "欧阳, \"娜娜\"", "a quoted name with a comma and quotes");
	is_str(v[1].phone, "13912345678", "a number with spaces and dashes");
	is_int(v[1].line, 4, "counted by the file's lines");

	is_int(PARSE("张三,13812345678,x\n李四\n王五,138\n,13812345679\n"
	    "赵六,13812345678\n钱七,13812345678\n"), 5, "five problems");
	is_int(errs[0].err, INVITE_COLUMNS, "three columns");
	is_int(errs[0].line, 1, "on line 1");
	is_int(errs[1].err, INVITE_COLUMNS, "one column");
	is_int(errs[2].err, INVITE_PHONE, "a short number");
	is_str(errs[2].value, "138", "shown as written");
	is_int(errs[3].err, INVITE_NAME, "no name");
	is_int(errs[4].err, INVITE_TWICE, "a number twice");
	is_int(n, 1, "the good line is still read");
	is_int(PARSE("赵六,13812345678\n钱七,13812345678\n"), 1,
	    "a number twice");
	is_int(errs[0].err, INVITE_TWICE, "is a problem");
	is_int(errs[0].line, 2, "on its second line");

	/* 张三 in GBK. */
	is_int(PARSE("\xd5\xc5\xc8\xfd,13812345678\n"), 1, "GBK bytes");
	is_int(errs[0].err, INVITE_UTF8, "are not UTF-8");
	is_int(PARSE("张三\0,13812345678\n"), 1, "a NUL byte");
	is_int(errs[0].err, INVITE_UTF8, "is refused as not text");
	is_int(PARSE("\"张三,13812345678\n"), 1, "a quote left open");
	is_int(errs[0].err, INVITE_COLUMNS, "is a bad line");
	is_int(PARSE("一二三四五六七八九十一二三四五六七,13812345678\n"), 1,
	    "a name of 17 characters");
	is_int(errs[0].err, INVITE_NAME, "is too long");
	is_int(PARSE("\n \n"), 1, "no line");
	is_int(errs[0].err, INVITE_EMPTY, "is a problem");
	is_int(errs[0].line, 0, "of the whole file");

	for (i = 0; i < UNIT_INVITES_MAX + 1; i++)
		len += (size_t)snprintf(many + len, sizeof(many) - len,
		    "p%zu,139%08zu\n", i, i);
	is_int(parse(many, len), 1, "one line too many");
	is_int(errs[0].err, INVITE_TOO_MANY, "is a problem of the file");
	for (i = 0, len = 0; i < 30; i++)
		len += (size_t)snprintf(many + len, sizeof(many) - len,
		    "p%zu,12345\n", i);
	is_int(parse(many, len), 30, "30 problems are counted");
	is_int(nerrs, INVITE_ERRORS_MAX, "the first 20 are kept");
	is_str(invite_err_name(INVITE_ELSEWHERE), "elsewhere",
	    "problems have names for the page");
	pool_free(p);
	return done_testing();
}
