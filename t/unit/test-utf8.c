/*
 * test-utf8.c: strict UTF-8: the edges of every range pass; overlong
 * forms, surrogates, code points above U+10FFFF, cut sequences and stray
 * bytes are refused; text also refuses NUL and control characters;
 * cutting to a number of characters never splits one.
 */
#include <string.h>

#include "core/app.h"
#include "tap.h"

#define V(s)	utf8_valid(s, sizeof(s) - 1)
#define T(s)	utf8_text(s, sizeof(s) - 1)

static void
test_valid(void)
{
	ok(V(""), "empty is valid");
	ok(utf8_valid(NULL, 0), "NULL with no length is valid");
	ok(V("hello"), "ASCII is valid");
	ok(V("消防蓝码"), "Chinese is valid");
	ok(V("\x7f"), "U+007F, the last one-byte form");
	ok(V("\xc2\x80"), "U+0080, the first two-byte form");
	ok(V("\xdf\xbf"), "U+07FF, the last two-byte form");
	ok(V("\xe0\xa0\x80"), "U+0800, the first three-byte form");
	ok(V("\xed\x9f\xbf"), "U+D7FF, just below the surrogates");
	ok(V("\xee\x80\x80"), "U+E000, just above the surrogates");
	ok(V("\xef\xbf\xbf"), "U+FFFF, the last three-byte form");
	ok(V("\xf0\x90\x80\x80"), "U+10000, the first four-byte form");
	ok(V("\xf0\x9f\x94\xa5"), "an emoji (four bytes)");
	ok(V("\xf4\x8f\xbf\xbf"), "U+10FFFF is the last valid one");
}

static void
test_malformed(void)
{
	ok(!V("\xc0\x80"), "overlong NUL (C0 80) is refused");
	ok(!V("\xc1\xbf"), "overlong C1 BF is refused");
	ok(!V("\xe0\x80\x80"), "overlong E0 80 80 is refused");
	ok(!V("\xe0\x9f\xbf"), "overlong E0 9F BF is refused");
	ok(!V("\xf0\x80\x80\x80"), "overlong F0 80 80 80 is refused");
	ok(!V("\xf0\x8f\xbf\xbf"), "overlong F0 8F BF BF is refused");
	ok(!V("\xed\xa0\x80"), "a UTF-16 surrogate (ED A0 80) is refused");
	ok(!V("\xed\xbf\xbf"), "the last surrogate (ED BF BF) is refused");
	ok(!V("\xed\xa0\xbd\xed\xb4\xa5"), "a CESU-8 surrogate pair");
	ok(!V("\xf4\x90\x80\x80"), "above U+10FFFF (F4 90 80 80) is refused");
	ok(!V("\xf5\x80\x80\x80"), "F5 lead bytes are refused");
	ok(!V("\xf8\x88\x80\x80\x80"), "five-byte forms are refused");
	ok(!V("\xfe"), "FE is refused");
	ok(!V("\xff"), "FF is refused");
	ok(!V("\x80"), "a stray continuation byte is refused");
	ok(!V("\xbf"), "a stray BF is refused");
	ok(!V("a\xe6\xb6\x88\x88"), "a continuation after a sequence");
	ok(!V("\xc2"), "a lone lead byte is refused");
	ok(!V("a\xe6\xb6"), "a cut three-byte sequence is refused");
	ok(!V("\xe6\xb6\x88\xe9"), "a cut sequence at the end is refused");
	ok(!V("\xf0\x9f\x94"), "a cut four-byte sequence is refused");
	ok(!V("\xe6\x41\x88"), "a sequence broken by ASCII is refused");
	ok(!V("\xc2\xc2\x80"), "a lead byte where a continuation belongs");
	ok(!utf8_valid("\xe6\xb6\x88", 2), "the length given is honoured");
	ok(utf8_valid("\xe6\xb6\x88\xff", 3), "bytes past the length ignored");
}

static void
test_text(void)
{
	ok(V("a\0b"), "NUL is valid UTF-8");
	ok(!T("a\0b"), "but not text");
	ok(!T("\0"), "a lone NUL is not text");
	ok(T(""), "empty is text");
	ok(T("line\r\nnext\tcol"), "tab, CR and LF are text");
	ok(!T("bell\a"), "BEL is not text");
	ok(!T("\x1b[0m"), "ESC is not text");
	ok(!T("\x1f"), "US (0x1F) is not text");
	ok(T(" ~"), "space and tilde are text");
	ok(!T("del\x7f"), "DEL is not text");
	ok(T("\xc2\x80"), "C1 controls as UTF-8 pass as text");
	ok(T("火警 119"), "Chinese with digits is text");
	ok(T("消防安全，人人有责。"), "Chinese punctuation is text");
	ok(!T("\xc0\x80"), "overlong is not text either");
	ok(!T("\xed\xa0\x80"), "a surrogate is not text");
	ok(!T("ok\xe6\xb6"), "a cut sequence is not text");
	ok(!T("a\xef\xbf\xbe"), "U+FFFE is not text (XML refuses it)");
	ok(!T("\xef\xbf\xbf" "b"), "nor U+FFFF");
	ok(T("\xef\xbf\xbd"), "U+FFFD, the replacement character, is");
	ok(T("\xef\xbc\x8c"), "and so is a full-width comma (EF BC 8C)");
}

static void
test_chars(void)
{
	ok(utf8_chars("", 0) == 0, "no characters in the empty string");
	ok(utf8_chars("119", 3) == 3, "ASCII: one character a byte");
	ok(utf8_chars("消防安全责任人（管理人）", strlen("消防安全责任人（管理人）")) == 12,
	    "Chinese: three bytes, one character");
	ok(utf8_chars("a\xf0\x9f\x94\xa5" "b", 6) == 3, "a four-byte character counts once");
}

static void
test_cut(void)
{
	struct pool	*p = pool_new(1024);
	const char	*s = "消防安全责任人";

	ok(utf8_cut(p, NULL, 3) == NULL, "cut: NULL stays NULL");
	ok(utf8_cut(p, s, 7) == s, "cut: a string that fits is itself");
	ok(utf8_cut(p, s, 8) == s, "cut: also with room to spare");
	ok(strcmp(utf8_cut(p, s, 2), "消防") == 0, "cut: two characters, six bytes");
	ok(strcmp(utf8_cut(p, s, 0), "") == 0, "cut: to nothing");
	ok(strcmp(utf8_cut(p, "ab\xf0\x9f\x94\xa5" "cd", 3),
	    "ab\xf0\x9f\x94\xa5") == 0, "cut: after a four-byte character, whole");
	ok(strcmp(utf8_cut(p, "abc", 2), "ab") == 0, "cut: ASCII");
	pool_free(p);
}

int
main(void)
{
	test_valid();
	test_malformed();
	test_text();
	test_chars();
	test_cut();
	return done_testing();
}
