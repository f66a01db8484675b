/*
 * test-req.c: the request parsers with good input and with malformed
 * input of every kind: escapes cut short, bad UTF-8, NUL bytes, too many
 * or too large fields, truncated multipart, missing or long boundaries,
 * bad part headers, and cookie edge cases.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "tap.h"

static struct limits	 lim = { 8, 64, 128 };

static enum perr
ue(struct pool *p, const char *s, struct params *ps)
{
	memset(ps, 0, sizeof(*ps));
	return parse_urlencoded(p, s, strlen(s), &lim, ps);
}

static enum perr
mp(struct pool *p, const char *ct, const char *body, size_t len,
    struct params *ps)
{
	memset(ps, 0, sizeof(*ps));
	return parse_multipart(p, ct, body, len, &lim, ps);
}

#define MP(p, ct, s, ps)	mp(p, ct, s, sizeof(s) - 1, ps)
#define CT	"multipart/form-data; boundary=XyZ"

static void
test_decode(void)
{
	char	 buf[64];

	is_int(url_decode(buf, "a%20b+c", 7, 1), 5, "decode: length");
	is_str(buf, "a b c", "decode: %%20 and + as space");
	url_decode(buf, "a+b", 3, 0);
	is_str(buf, "a+b", "decode: + kept outside forms");
	is_int(url_decode(buf, "%e6%B6%88", 9, 1), 3, "decode: hex either case");
	is_int(url_decode(buf, "%", 1, 1), -1, "decode: a lone %% is an error");
	is_int(url_decode(buf, "ab%4", 4, 1), -1, "decode: %%4 cut short");
	is_int(url_decode(buf, "%G1", 3, 1), -1, "decode: %%G1 is not hex");
	is_int(url_decode(buf, "%00", 3, 1), 1, "decode: %%00 decodes to NUL");
}

static void
test_urlencoded(struct pool *p)
{
	struct params		 ps;
	const struct param	*pm;
	char			 big[200];

	is_int(ue(p, "a=1&b=two+words&c=%E6%B6%88%E9%98%B2", &ps), PERR_OK,
	    "form: good");
	is_int(ps.n, 3, "form: three fields");
	is_str(params_get(&ps, "b")->val, "two words", "form: plus is space");
	is_str(params_get(&ps, "c")->val, "消防", "form: UTF-8 decoded");
	ok(params_get(&ps, "d") == NULL, "form: absent field is NULL");
	is_int(ue(p, "&&a&=x&b=", &ps), PERR_OK, "form: empty pieces");
	is_int(ps.n, 2, "form: empty names skipped");
	pm = params_get(&ps, "a");
	ok(pm != NULL && pm->valsz == 0 && pm->val[0] == '\0',
	    "form: a name without = has an empty value");
	is_int(ue(p, "a=1&a=2", &ps), PERR_OK, "form: repeated names");
	is_str(params_get(&ps, "a")->val, "1", "form: first value wins");
	is_int(ue(p, "a=%4", &ps), PERR_BAD, "form: cut escape is 400");
	is_int(ue(p, "a%=1", &ps), PERR_BAD, "form: cut escape in a name");
	is_int(ue(p, "a=%C0%80", &ps), PERR_UTF8, "form: overlong UTF-8");
	is_int(ue(p, "a=%ED%A0%80", &ps), PERR_UTF8, "form: a surrogate");
	is_int(ue(p, "a=%00", &ps), PERR_UTF8, "form: NUL as %%00");
	is_int(ue(p, "a%00b=1", &ps), PERR_UTF8, "form: NUL in a name");
	is_int(ue(p, "a=%FF", &ps), PERR_UTF8, "form: a stray byte");
	is_int(ue(p, "a=\x01", &ps), PERR_UTF8, "form: a control character");
	is_int(ue(p, "1=1&2=2&3=3&4=4&5=5&6=6&7=7&8=8", &ps), PERR_OK,
	    "form: max_fields fields");
	is_int(ue(p, "1=1&2=2&3=3&4=4&5=5&6=6&7=7&8=8&9=9", &ps), PERR_TOOBIG,
	    "form: one field too many is 413");
	memset(big, 'x', sizeof(big));
	snprintf(big, sizeof(big), "a=%.*s", 65, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	is_int(ue(p, big, &ps), PERR_TOOBIG, "form: a value over max_field");
	is_int(ue(p, "", &ps), PERR_OK, "form: empty");
	is_int(ps.n, 0, "form: no fields");
}

static void
test_multipart(struct pool *p)
{
	struct params		 ps;
	const struct param	*pm;
	static const char	 good[] =
	    "preamble\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "消防\r\n"
	    "--XyZ\r\n"
	    "content-disposition: form-data; name=b; filename=\"C:\\\\dir\\\\f.xml\"\r\n"
	    "Content-Type: text/xml\r\n\r\n"
	    "<x>\0</x>\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n\r\n"
	    "\r\n"
	    "--XyZ--\r\nepilogue";

	is_int(MP(p, CT, good, &ps), PERR_OK, "multipart: good");
	is_int(ps.n, 2, "multipart: two parts kept (the empty file skipped)");
	is_str(params_get(&ps, "a")->val, "消防", "multipart: text field");
	pm = params_get(&ps, "b");
	ok(pm != NULL && pm->valsz == 8, "multipart: file with a NUL inside");
	ok(pm != NULL && pm->val[8] == '\0', "multipart: NUL-terminated copy");
	is_str(pm ? pm->filename : NULL, "f.xml", "multipart: path stripped");
	is_str(pm ? pm->ctype : NULL, "text/xml", "multipart: content type");
	is_int(MP(p, "multipart/form-data; boundary=\"XyZ\"", good, &ps),
	    PERR_OK, "multipart: quoted boundary");
	is_int(MP(p, "multipart/form-data", good, &ps), PERR_BAD,
	    "multipart: no boundary is 400");
	is_int(MP(p, "multipart/form-data; boundary=", good, &ps), PERR_BAD,
	    "multipart: empty boundary");
	is_int(MP(p, "multipart/form-data; boundary=12345678901234567890"
	    "12345678901234567890123456789012345678901234567890123", good,
	    &ps), PERR_BAD, "multipart: boundary over 70 characters");
	is_int(MP(p, "text/plain; boundary=XyZ", good, &ps), PERR_BAD,
	    "multipart: not multipart");
	is_int(mp(p, CT, good, 120, &ps), PERR_BAD,
	    "multipart: truncated body is 400");
	is_int(mp(p, CT, good, sizeof(good) - 14, &ps), PERR_BAD,
	    "multipart: missing close delimiter is 400");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data\r\n\r\n"
	    "x\r\n--XyZ--", &ps), PERR_BAD, "multipart: a part without name");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: attachment; name=a"
	    "\r\n\r\nx\r\n--XyZ--", &ps), PERR_BAD,
	    "multipart: not form-data");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=\"a"
	    "\r\n\r\nx\r\n--XyZ--", &ps), PERR_BAD,
	    "multipart: unterminated quoted name");
	is_int(MP(p, CT, "--XyZ\r\nX: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\n"
	    "X: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\n"
	    "X: 1\r\nX: 1\r\nX: 1\r\nX: 1\r\n"
	    "Content-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--",
	    &ps), PERR_BAD, "multipart: too many header lines");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=a"
	    "\r\n\r\n\xc0\x80\r\n--XyZ--", &ps), PERR_UTF8,
	    "multipart: overlong UTF-8 in a text field");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=a"
	    "\r\n\r\na\0b\r\n--XyZ--", &ps), PERR_UTF8,
	    "multipart: NUL in a text field");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=a; "
	    "filename=\"\xff.xml\"\r\n\r\nx\r\n--XyZ--", &ps), PERR_UTF8,
	    "multipart: a file name that is not UTF-8");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=a"
	    "\r\n\r\n0123456789012345678901234567890123456789012345678901"
	    "234567890123456789\r\n--XyZ--", &ps), PERR_TOOBIG,
	    "multipart: a text field over max_field");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=a; "
	    "filename=f\r\n\r\n"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0\r\n--XyZ--", &ps), PERR_TOOBIG,
	    "multipart: a file over max_file");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=1\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=2\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=3\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=4\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=5\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=6\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=7\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=8\r\n\r\n"
	    "\r\n--XyZ\r\nContent-Disposition: form-data; name=9\r\n\r\n"
	    "\r\n--XyZ--", &ps), PERR_TOOBIG,
	    "multipart: more parts than max_fields");
	is_int(MP(p, CT, "no delimiter at all", &ps), PERR_BAD,
	    "multipart: no delimiter");
	is_int(MP(p, CT, "--XyZ--", &ps), PERR_OK,
	    "multipart: no parts, just the close delimiter");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data; name=a"
	    "\r\n", &ps), PERR_BAD, "multipart: headers cut short");
}

static void
test_cookies(struct pool *p)
{
	struct params	 ps;

	memset(&ps, 0, sizeof(ps));
	is_int(parse_cookies(p, "a=1; b=\"two\" ;c=; =x; d; e = 5", &lim, &ps),
	    PERR_OK, "cookies: parsed");
	is_str(params_get(&ps, "a")->val, "1", "cookies: a");
	is_str(params_get(&ps, "b")->val, "two", "cookies: quotes removed");
	is_str(params_get(&ps, "c")->val, "", "cookies: empty value");
	ok(params_get(&ps, "d") == NULL, "cookies: no = is skipped");
	is_str(params_get(&ps, "e") ? params_get(&ps, "e")->val : NULL, " 5",
	    "cookies: name trimmed");
	memset(&ps, 0, sizeof(ps));
	parse_cookies(p, "a=\xff; b=ok", &lim, &ps);
	ok(params_get(&ps, "a") == NULL && params_get(&ps, "b") != NULL,
	    "cookies: a non-UTF-8 cookie is skipped, the rest kept");
	memset(&ps, 0, sizeof(ps));
	is_int(parse_cookies(p, "1=1;2=2;3=3;4=4;5=5;6=6;7=7;8=8;9=9;10=10",
	    &lim, &ps), PERR_OK, "cookies: many is not an error");
	is_int(ps.n, 8, "cookies: but only max_fields are kept");
	memset(&ps, 0, sizeof(ps));
	is_int(parse_cookies(p, "", &lim, &ps), PERR_OK, "cookies: empty");
}

int
main(void)
{
	struct pool	*p = pool_new(4096);

	test_decode();
	test_urlencoded(p);
	test_multipart(p);
	test_cookies(p);
	pool_free(p);
	return done_testing();
}
