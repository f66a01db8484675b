/*
 * test-markup.c: a lesson's text typed with line marks, as the lesson
 * vocabulary (lesson_body_from_text) and back (lesson_text_from_body):
 * each mark, paragraphs joined across lines (with a space between Latin
 * words only), **strong** and an unmatched "**", markup typed as text
 * staying text, a mark with nothing after it named by its line, empty
 * text; the round trip; the characters of a body.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/app.h"
#include "course/course.h"
#include "tap.h"

static struct pool	*p;
static size_t		 line;

static const char *
body(const char *text)
{
	return lesson_body_from_text(p, text, &line);
}

int
main(void)
{
	const char	*b, *t;

	p = pool_new(16 * 1024);
	is_str(body("第一行\n第二行"), "<body><p>第一行第二行</p></body>",
	    "Chinese lines of a paragraph join without a space");
	is_str(body("one\ntwo"), "<body><p>one two</p></body>",
	    "Latin words join with one");
	is_str(body("## 标题\n正文"), "<body><h>标题</h><p>正文</p></body>",
	    "a heading is one line; the next line starts a paragraph");
	is_str(body("- 甲\n* 乙\n\n1. 一\n2、二"),
	    "<body><ul><li>甲</li><li>乙</li></ul>"
	    "<ol><li>一</li><li>二</li></ol></body>",
	    "lists, with - or *, 1. or 2、");
	is_str(body("> 提示一\n> 提示二\n依据：GB 50016"),
	    "<body><note>提示一提示二</note>"
	    "<source>GB 50016</source></body>",
	    "a note over two lines, then a source");
	is_str(body("  段落  \r\n\r\n\r\n下一段"),
	    "<body><p>段落</p><p>下一段</p></body>",
	    "spaces and CRs trimmed, blank lines end a paragraph");
	is_str(body("要**立即**报警，**不要"),
	    "<body><p>要<strong>立即</strong>报警，**不要</p></body>",
	    "strong, and an unmatched ** stays as typed");
	is_str(body("a****b"), "<body><p>a****b</p></body>",
	    "an empty strong stays as typed");
	is_str(body("<script>&amp;</script>"),
	    "<body><p>&lt;script&gt;&amp;amp;&lt;/script&gt;</p></body>",
	    "markup typed is text");
	is_str(body("12345. 不是编号"), "<body><p>12345. 不是编号</p></body>",
	    "a long number is not a list mark");
	ok(body("正文\n\n## \n") == NULL && line == 3,
	    "a heading mark alone: refused, its line named");
	ok(body("- 甲\n-  ") == NULL && line == 2, "an empty item: refused");
	ok(body("") == NULL && line == 0, "no text: refused, no line");
	ok(body("\n  \n") == NULL && line == 1, "only blank lines: refused");

	b = body("## 标题\n\n要**立即**报警。\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n"
	    "> 提示\n\n依据：《消防法》");
	t = lesson_text_from_body(p, b);
	is_str(t, "## 标题\n\n要**立即**报警。\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n"
	    "> 提示\n\n依据：《消防法》", "the text comes back with its marks");
	is_str(body(t), b, "and makes the same body again");
	is_str(lesson_text_from_body(p, "<body/>"), "", "an empty body");
	ok(lesson_text_from_body(p, "<body><p>") == NULL,
	    "a body that is not XML: NULL");
	is_int((long long)lesson_text_chars("<body><p>消防 a&lt;</p></body>"),
	    8, "the characters of a body's text (an entity as written)");
	pool_free(p);
	xmlCleanupParser();
	return done_testing();
}
