/*
 * test-utf8.c: strict UTF-8: overlong forms, surrogates, code points
 * above U+10FFFF, cut sequences and stray bytes are refused; text also
 * refuses NUL and control characters.
 */
#include <string.h>

#include "app.h"
#include "tap.h"

#define V(s)	utf8_valid(s, sizeof(s) - 1)
#define T(s)	utf8_text(s, sizeof(s) - 1)

int
main(void)
{
	ok(V(""), "empty is valid");
	ok(V("hello"), "ASCII is valid");
	ok(V("消防蓝码"), "Chinese is valid");
	ok(V("\xc2\x80"), "U+0080, the first two-byte form");
	ok(V("\xf0\x9f\x94\xa5"), "an emoji (four bytes)");
	ok(V("\xf4\x8f\xbf\xbf"), "U+10FFFF is the last valid one");
	ok(!V("\xc0\x80"), "overlong NUL (C0 80) is refused");
	ok(!V("\xc1\xbf"), "overlong C1 BF is refused");
	ok(!V("\xe0\x80\x80"), "overlong three-byte form is refused");
	ok(!V("\xe0\x9f\xbf"), "overlong E0 9F BF is refused");
	ok(!V("\xf0\x80\x80\x80"), "overlong four-byte form is refused");
	ok(!V("\xed\xa0\x80"), "a UTF-16 surrogate (ED A0 80) is refused");
	ok(!V("\xed\xbf\xbf"), "the last surrogate is refused");
	ok(!V("\xf4\x90\x80\x80"), "above U+10FFFF is refused");
	ok(!V("\xf5\x80\x80\x80"), "F5 lead bytes are refused");
	ok(!V("\xff"), "FF is refused");
	ok(!V("\x80"), "a stray continuation byte is refused");
	ok(!V("a\xe6\xb6"), "a cut three-byte sequence is refused");
	ok(!V("\xe6\xb6\x88\xe9"), "a cut sequence at the end is refused");
	ok(!V("\xe6\x41\x88"), "a sequence broken by ASCII is refused");
	ok(V("a\0b"), "NUL is valid UTF-8");
	ok(!T("a\0b"), "but not text");
	ok(T("line\r\nnext\tcol"), "tab, CR and LF are text");
	ok(!T("bell\a"), "a C0 control is not text");
	ok(!T("del\x7f"), "DEL is not text");
	ok(T("火警 119"), "Chinese with digits is text");
	ok(!T("\xc0\x80"), "overlong is not text either");
	return done_testing();
}
