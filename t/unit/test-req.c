/*
 * test-req.c: the request parsers with good input and with malformed
 * input of every kind: escapes cut short or not hex, bad UTF-8, NUL
 * bytes, too many or too large fields, truncated multipart, missing or
 * long boundaries, bad part headers, and cookie edge cases.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "tap.h"

#define CT	"multipart/form-data; boundary=XyZ"
#define CD	"Content-Disposition: form-data; "
#define MP(p, ct, s, ps)	mp(p, ct, s, sizeof(s) - 1, ps)
#define UEN(p, s, ps)		uen(p, s, sizeof(s) - 1, ps)

static const struct limits lim = { 8, 64, 128, 0 };
static const struct limits deflim = { DEF_MAX_FIELDS, DEF_MAX_FIELD,
    DEF_MAX_FILE, 0 };

static enum perr	 uen(struct pool *, const char *, size_t,
			    struct params *);
static enum perr	 ue(struct pool *, const char *, struct params *);
static enum perr	 mp(struct pool *, const char *, const char *, size_t,
			    struct params *);
static enum perr	 ck(struct pool *, const char *, struct params *);
static char		*repeat(struct pool *, const char *, size_t);
static char		*mpbody(struct pool *, const char *, const char *,
			    size_t, size_t *);
static const char	*val(const struct params *, const char *);

static enum perr
uen(struct pool *p, const char *s, size_t len, struct params *ps)
{
	memset(ps, 0, sizeof(*ps));
	return parse_urlencoded(p, s, len, &lim, ps);
}

static enum perr
ue(struct pool *p, const char *s, struct params *ps)
{
	return uen(p, s, strlen(s), ps);
}

static enum perr
mp(struct pool *p, const char *ct, const char *body, size_t len,
    struct params *ps)
{
	memset(ps, 0, sizeof(*ps));
	return parse_multipart(p, ct, body, len, &lim, ps);
}

static enum perr
ck(struct pool *p, const char *s, struct params *ps)
{
	memset(ps, 0, sizeof(*ps));
	return parse_cookies(p, s, &lim, ps);
}

/* The string unit n times over, in the pool. */
static char *
repeat(struct pool *p, const char *unit, size_t n)
{
	size_t	 len = strlen(unit), i;
	char	*s;

	if ((s = pool_alloc(p, len * n + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		memcpy(s + i * len, unit, len);
	s[len * n] = '\0';
	return s;
}

/*
 * A multipart body (boundary XyZ) of one part: headers hdrs (without the
 * final CRLF) and content data[0..len). Its length goes in *bodylen.
 */
static char *
mpbody(struct pool *p, const char *hdrs, const char *data, size_t len,
    size_t *bodylen)
{
	static const char	 tail[] = "\r\n--XyZ--\r\n";
	char			*b;
	size_t			 hl;

	hl = strlen(hdrs) + 11;
	if ((b = pool_alloc(p, hl + len + sizeof(tail))) == NULL)
		return NULL;
	snprintf(b, hl + 1, "--XyZ\r\n%s\r\n\r\n", hdrs);
	memcpy(b + hl, data, len);
	memcpy(b + hl + len, tail, sizeof(tail));
	*bodylen = hl + len + sizeof(tail) - 1;
	return b;
}

/* The value of the first parameter name, or NULL. */
static const char *
val(const struct params *ps, const char *name)
{
	const struct param	*pm;

	return (pm = params_get(ps, name)) == NULL ? NULL : pm->val;
}

static void
test_decode(void)
{
	char	 buf[64];

	is_int(url_decode(buf, "a%20b+c", 7, 1), 5, "decode: length");
	is_str(buf, "a b c", "decode: %%20 and + as space");
	is_int(url_decode(buf, "a+b", 3, 0), 3, "decode: + outside forms");
	is_str(buf, "a+b", "decode: + kept outside forms");
	url_decode(buf, "%2B", 3, 1);
	is_str(buf, "+", "decode: %%2B is a plus even in forms");
	is_int(url_decode(buf, "%e6%B6%88", 9, 1), 3,
	    "decode: hex in either case");
	is_str(buf, "消", "decode: the bytes of a Chinese character");
	is_int(url_decode(buf, "", 0, 1), 0, "decode: empty");
	is_str(buf, "", "decode: empty is NUL-terminated");
	is_int(url_decode(buf, "abcdef", 3, 1), 3, "decode: length honoured");
	is_str(buf, "abc", "decode: stops at the length");
	is_int(url_decode(buf, "%", 1, 1), -1, "decode: a lone %% is an error");
	is_int(url_decode(buf, "%4", 2, 1), -1, "decode: %%4 cut short");
	is_int(url_decode(buf, "ab%4", 4, 1), -1, "decode: %%4 cut at the end");
	is_int(url_decode(buf, "%41%4", 5, 1), -1,
	    "decode: cut after a good one");
	is_int(url_decode(buf, "%41", 2, 1), -1, "decode: cut by the length");
	is_int(url_decode(buf, "%G1", 3, 1), -1, "decode: %%G1 is not hex");
	is_int(url_decode(buf, "%1G", 3, 1), -1, "decode: %%1G is not hex");
	is_int(url_decode(buf, "%%41", 4, 1), -1,
	    "decode: %%%% is not an escape");
	is_int(url_decode(buf, "% 1", 3, 1), -1, "decode: a space is not hex");
	is_int(url_decode(buf, "a%00b", 5, 1), 3, "decode: %%00 decodes");
	ok(buf[1] == '\0' && buf[2] == 'b' && buf[3] == '\0',
	    "decode: %%00 is a NUL inside, and the result NUL-terminated");
}

static void
test_urlencoded(struct pool *p)
{
	struct params		 ps;
	const struct param	*pm;

	is_int(ue(p, "a=1&b=two+words&c=%E6%B6%88%E9%98%B2", &ps), PERR_OK,
	    "form: good");
	is_int(ps.n, 3, "form: three fields");
	is_str(val(&ps, "a"), "1", "form: a plain value");
	is_str(val(&ps, "b"), "two words", "form: plus is space");
	is_str(val(&ps, "c"), "消防", "form: UTF-8 decoded");
	is_int(params_get(&ps, "c")->valsz, 6, "form: valsz in bytes");
	ok(params_get(&ps, "c")->filename == NULL &&
	    params_get(&ps, "c")->ctype == NULL, "form: no file name or type");
	ok(params_get(&ps, "d") == NULL, "form: an absent field is NULL");
	is_int(ue(p, "q=蓝码+查询&first+name=张三", &ps), PERR_OK,
	    "form: raw Chinese passes");
	is_str(val(&ps, "q"), "蓝码 查询", "form: raw Chinese kept");
	is_str(val(&ps, "first name"), "张三", "form: plus in a name");
	is_int(ue(p, "&&a&=x&b=&&", &ps), PERR_OK, "form: empty pieces");
	is_int(ps.n, 2, "form: empty pieces and names skipped");
	pm = params_get(&ps, "a");
	ok(pm != NULL && pm->valsz == 0 && pm->val[0] == '\0',
	    "form: a name without = has an empty value");
	is_str(val(&ps, "b"), "", "form: name= has an empty value");
	is_int(ue(p, "a=b=c", &ps), PERR_OK, "form: = inside a value");
	is_str(val(&ps, "a"), "b=c", "form: the first = splits");
	is_int(ue(p, "a=1&a=2", &ps), PERR_OK, "form: repeated names");
	is_int(ps.n, 2, "form: both kept");
	is_str(val(&ps, "a"), "1", "form: params_get gives the first");
	is_int(uen(p, "a=1&b=2", 3, &ps), PERR_OK, "form: length honoured");
	is_int(ps.n, 1, "form: nothing read past the length");
	is_int(ue(p, "", &ps), PERR_OK, "form: empty");
	is_int(ps.n, 0, "form: no fields");
	is_int(uen(p, NULL, 0, &ps), PERR_OK, "form: NULL with no length");
}

static void
test_urlencoded_bad(struct pool *p)
{
	struct params	 ps;

	is_int(ue(p, "a=%", &ps), PERR_BAD, "form: a lone %% is 400");
	is_int(ue(p, "a=%4", &ps), PERR_BAD, "form: %%4 cut short");
	is_int(ue(p, "a=%4&b=1", &ps), PERR_BAD, "form: cut before &");
	is_int(ue(p, "a=%G1", &ps), PERR_BAD, "form: %%G1 is not hex");
	is_int(ue(p, "a%=1", &ps), PERR_BAD, "form: cut escape in a name");
	is_int(ue(p, "a%zz", &ps), PERR_BAD, "form: bad hex without =");
	is_int(ue(p, "a=%C0%80", &ps), PERR_UTF8, "form: overlong C0 80");
	is_int(ue(p, "a=%E0%80%80", &ps), PERR_UTF8, "form: overlong E0 80 80");
	is_int(ue(p, "a=%F0%80%80%80", &ps), PERR_UTF8,
	    "form: overlong F0 80 80 80");
	is_int(ue(p, "a=%ED%A0%80", &ps), PERR_UTF8, "form: a surrogate");
	is_int(ue(p, "a=%F4%90%80%80", &ps), PERR_UTF8,
	    "form: above U+10FFFF");
	is_int(ue(p, "a=%80", &ps), PERR_UTF8, "form: a stray continuation");
	is_int(ue(p, "a=%E6%B6", &ps), PERR_UTF8, "form: a cut sequence");
	is_int(ue(p, "a=%FF", &ps), PERR_UTF8, "form: FF");
	is_int(ue(p, "a=\xff", &ps), PERR_UTF8, "form: a raw FF");
	is_int(ue(p, "%C0%80=1", &ps), PERR_UTF8, "form: overlong in a name");
	is_int(ue(p, "a=%00", &ps), PERR_UTF8, "form: NUL as %%00 in a value");
	is_int(ue(p, "a%00b=1", &ps), PERR_UTF8, "form: NUL as %%00 in a name");
	is_int(UEN(p, "a=x\0y", &ps), PERR_UTF8, "form: a raw NUL in a value");
	is_int(UEN(p, "a\0b=1", &ps), PERR_UTF8, "form: a raw NUL in a name");
	is_int(ue(p, "a=\x01", &ps), PERR_UTF8, "form: a control character");
	is_int(ue(p, "a=%1B", &ps), PERR_UTF8, "form: ESC as an escape");
	is_int(ue(p, "a=%7F", &ps), PERR_UTF8, "form: DEL");
	is_int(ue(p, "a=x%09y%0D%0Az", &ps), PERR_OK, "form: tab, CR, LF pass");
	is_str(val(&ps, "a"), "x\ty\r\nz", "form: and are kept");
}

static void
test_urlencoded_limits(struct pool *p)
{
	struct params	 ps;
	char		*s;

	is_int(ue(p, "1=1&2=2&3=3&4=4&5=5&6=6&7=7&8=8", &ps), PERR_OK,
	    "form: max_fields fields");
	is_int(ps.n, 8, "form: all kept");
	is_int(ue(p, "1=1&2=2&3=3&4=4&5=5&6=6&7=7&8=8&9=9", &ps), PERR_TOOBIG,
	    "form: one field too many is 413");
	is_int(ue(p, "1&2&3&4&5&6&7&8&9", &ps), PERR_TOOBIG,
	    "form: names without values count");
	is_int(ue(p, "&&&&&&&&&&&&1&2&3&=4&=5&=6&=7&=8&=9", &ps), PERR_OK,
	    "form: skipped pieces do not count");
	memset(&ps, 0, sizeof(ps));
	s = repeat(p, "a=1&", 100000);
	is_int(parse_urlencoded(p, s, strlen(s), &deflim, &ps), PERR_TOOBIG,
	    "form: 100000 fields with the default limits");
	is_int(ps.n, DEF_MAX_FIELDS, "form: stopped at max_fields");
	memset(&ps, 0, sizeof(ps));
	ue(p, "x=1&y=2", &ps);
	is_int(parse_urlencoded(p, "z=3", 3, &lim, &ps), PERR_OK,
	    "form: appends to out");
	ok(ps.n == 3 && strcmp(ps.v[0].name, "x") == 0 &&
	    strcmp(ps.v[2].name, "z") == 0, "form: after what was there");
	s = pool_printf(p, "a=%s", repeat(p, "x", 64));
	is_int(ue(p, s, &ps), PERR_OK, "form: a value of max_field bytes");
	is_int(ps.v[0].valsz, 64, "form: all of it");
	s = pool_printf(p, "a=%s", repeat(p, "x", 65));
	is_int(ue(p, s, &ps), PERR_TOOBIG, "form: a value over max_field");
	s = pool_printf(p, "a=%s", repeat(p, "%41", 64));
	is_int(ue(p, s, &ps), PERR_OK, "form: the limit is on decoded bytes");
	s = pool_printf(p, "a=%s", repeat(p, "%E6%B6%88", 22));
	is_int(ue(p, s, &ps), PERR_TOOBIG, "form: bytes, not characters");
	s = pool_printf(p, "%s=1", repeat(p, "n", 256));
	is_int(ue(p, s, &ps), PERR_OK, "form: a name of 256 bytes");
	s = pool_printf(p, "%s=1", repeat(p, "n", 257));
	is_int(ue(p, s, &ps), PERR_TOOBIG, "form: a name over 256 bytes");
}

static void
test_multipart(struct pool *p)
{
	struct params		 ps;
	const struct param	*pm;
	static const char	 good[] =
	    "preamble\r\n"
	    "--XyZ\r\n"
	    CD "name=\"a\"\r\n\r\n"
	    "消防\r\nline two\r\n"
	    "--XyZ\r\n"
	    "content-disposition: form-data; name=b; "
	    "filename=\"C:\\dir\\f.xml\"\r\n"
	    "Content-Type: text/xml\r\n\r\n"
	    "<x>\0\xff</x>\r\n"
	    "--XyZ  \r\n"
	    CD "name=\"empty\"; filename=\"\"\r\n\r\n"
	    "\r\n"
	    "--XyZ\r\n"
	    "X-Unknown: \x01\xff\r\n"
	    "CONTENT-DISPOSITION: Form-Data; NAME=\"c\"; "
	    "FileName=\"a/b/c.bin\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--XyZ--\r\nepilogue\r\n--XyZ\r\nwhatever";

	is_int(MP(p, CT, good, &ps), PERR_OK, "multipart: good");
	is_int(ps.n, 3, "multipart: three parts kept, the empty file skipped");
	is_str(val(&ps, "a"), "消防\r\nline two", "multipart: a text field");
	ok(params_get(&ps, "a")->filename == NULL,
	    "multipart: a text field has no file name");
	pm = params_get(&ps, "b");
	ok(pm != NULL && pm->valsz == 9, "multipart: raw file bytes");
	ok(pm != NULL && memcmp(pm->val, "<x>\0\xff</x>", 10) == 0,
	    "multipart: NUL and FF kept, and NUL-terminated");
	is_str(pm ? pm->filename : NULL, "f.xml",
	    "multipart: a Windows path is stripped");
	is_str(pm ? pm->ctype : NULL, "text/xml", "multipart: content type");
	ok(params_get(&ps, "empty") == NULL, "multipart: empty file skipped");
	pm = params_get(&ps, "c");
	is_str(pm ? pm->filename : NULL, "c.bin",
	    "multipart: a Unix path is stripped, names case-insensitive");
	is_str(pm ? pm->ctype : NULL, "application/octet-stream",
	    "multipart: the default content type");
	ok(pm != NULL && pm->valsz == 0 && pm->val[0] == '\0',
	    "multipart: an empty file with a name is kept");
	is_int(MP(p, "multipart/form-data; boundary=\"XyZ\"", good, &ps),
	    PERR_OK, "multipart: quoted boundary");
	is_int(MP(p, "Multipart/Form-Data;BOUNDARY=XyZ; charset=utf-8", good,
	    &ps), PERR_OK, "multipart: case and other parameters");
	is_int(MP(p, "multipart/form-data; boundary=\"a b:c\"",
	    "--a b:c\r\n" CD "name=x\r\n\r\n1\r\n--a b:c--", &ps), PERR_OK,
	    "multipart: a quoted boundary with a space");
	is_str(val(&ps, "x"), "1", "multipart: read with that boundary");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=\"x\"\r\n\r\n火警 119\r\n"
	    "--XyZ--", &ps), PERR_OK, "multipart: no preamble, no epilogue");
	is_str(val(&ps, "x"), "火警 119", "multipart: Chinese text passes");
	is_int(MP(p, CT, "--XyZ--", &ps), PERR_OK,
	    "multipart: just the close delimiter");
	is_int(ps.n, 0, "multipart: no parts");
	is_int(MP(p, CT, "--XyZ\r\n" CD "filename=\"x; name=evil\"; "
	    "name=\"real\"\r\n\r\nv\r\n--XyZ--", &ps), PERR_OK,
	    "multipart: ';' inside a quoted parameter");
	ok(val(&ps, "real") != NULL && val(&ps, "evil") == NULL,
	    "multipart: does not start a parameter");
	is_str(params_get(&ps, "real") ? params_get(&ps, "real")->filename :
	    NULL, "x; name=evil", "multipart: the file name keeps it");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=f; filename=\"..\\..\\x\"\r\n"
	    "\r\nv\r\n--XyZ--", &ps), PERR_OK, "multipart: a relative path");
	is_str(ps.n ? ps.v[0].filename : NULL, "x", "multipart: no .. left");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=f; filename=\"\"\r\n\r\nv\r\n"
	    "--XyZ--", &ps), PERR_OK, "multipart: no file name, content");
	is_str(ps.n ? ps.v[0].filename : NULL, "",
	    "multipart: is a file with an empty name");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\nx--XyZ\r\n-XyZ\r\n--Xy"
	    "\r\n--XyZ--", &ps), PERR_OK,
	    "multipart: near-delimiters in content");
	is_str(val(&ps, "a"), "x--XyZ\r\n-XyZ\r\n--Xy",
	    "multipart: are content");
}

static void
test_multipart_bad(struct pool *p)
{
	struct params	 ps;
	static const char good[] =
	    "--XyZ\r\n" CD "name=\"a\"\r\n\r\nvalue\r\n"
	    "--XyZ\r\n" CD "name=b; filename=f.txt\r\n\r\nfile\r\n--XyZ--";
	const char	*b70, *b71, *body;
	size_t		 i, nbad = 0;

	for (i = 0; i < sizeof(good) - 1; i++)
		if (mp(p, CT, good, i, &ps) == PERR_BAD)
			nbad++;
	is_int(nbad, sizeof(good) - 1,
	    "multipart: every truncation of a body is 400");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\nx\r\n--XyZ\r\n", &ps),
	    PERR_BAD, "multipart: missing close delimiter");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\nx\r\n", &ps), PERR_BAD,
	    "multipart: no delimiter after a part");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\nx\r\n--XyZ-", &ps),
	    PERR_BAD, "multipart: half a close delimiter");
	is_int(MP(p, CT, "no delimiter at all", &ps), PERR_BAD,
	    "multipart: no delimiter");
	is_int(MP(p, CT, "", &ps), PERR_BAD, "multipart: empty body");
	is_int(MP(p, CT, "junk--XyZ--", &ps), PERR_BAD,
	    "multipart: a delimiter not at a line start");
	is_int(MP(p, CT, "--XyZ garbage\r\n" CD "name=a\r\n\r\nx\r\n--XyZ--",
	    &ps), PERR_BAD, "multipart: garbage after a delimiter");
	is_int(MP(p, "multipart/form-data", good, &ps), PERR_BAD,
	    "multipart: no boundary is 400");
	is_int(MP(p, "multipart/form-data; charset=utf-8", good, &ps),
	    PERR_BAD, "multipart: other parameters, no boundary");
	is_int(mp(p, NULL, good, sizeof(good) - 1, &ps), PERR_BAD,
	    "multipart: no content type");
	is_int(MP(p, "multipart/form-data; boundary=", good, &ps), PERR_BAD,
	    "multipart: empty boundary");
	is_int(MP(p, "multipart/form-data; boundary=\"\"", good, &ps),
	    PERR_BAD, "multipart: empty quoted boundary");
	is_int(MP(p, "multipart/form-data; boundary=\"XyZ", good, &ps),
	    PERR_BAD, "multipart: unterminated quoted boundary");
	b70 = repeat(p, "b", 70);
	body = pool_printf(p, "--%s\r\n" CD "name=a\r\n\r\nx\r\n--%s--", b70,
	    b70);
	is_int(mp(p, pool_printf(p, "multipart/form-data; boundary=%s", b70),
	    body, strlen(body), &ps), PERR_OK,
	    "multipart: a boundary of 70 characters");
	b71 = repeat(p, "b", 71);
	body = pool_printf(p, "--%s\r\n" CD "name=a\r\n\r\nx\r\n--%s--", b71,
	    b71);
	is_int(mp(p, pool_printf(p, "multipart/form-data; boundary=%s", b71),
	    body, strlen(body), &ps), PERR_BAD,
	    "multipart: a boundary over 70 characters is 400");
	is_int(MP(p, "text/plain; boundary=XyZ", good, &ps), PERR_BAD,
	    "multipart: not multipart");
	is_int(MP(p, "multipart/form-dataX; boundary=XyZ", good, &ps),
	    PERR_BAD, "multipart: another type with the same prefix");
	is_int(MP(p, "multipart/mixed; boundary=XyZ", good, &ps), PERR_BAD,
	    "multipart: mixed is not form-data");
	is_int(MP(p, CT, "--XyZ\r\n\r\nx\r\n--XyZ--", &ps), PERR_BAD,
	    "multipart: a part without headers");
	is_int(MP(p, CT, "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n"
	    "--XyZ--", &ps), PERR_BAD,
	    "multipart: a part without Content-Disposition");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: form-data\r\n\r\n"
	    "x\r\n--XyZ--", &ps), PERR_BAD, "multipart: a part without name");
	is_int(MP(p, CT, "--XyZ\r\n" CD "filename=\"f\"\r\n\r\nx\r\n--XyZ--",
	    &ps), PERR_BAD, "multipart: a file part without name");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=\"\"\r\n\r\nx\r\n--XyZ--", &ps),
	    PERR_BAD, "multipart: an empty name");
	is_int(MP(p, CT, "--XyZ\r\n" CD "names=a\r\n\r\nx\r\n--XyZ--", &ps),
	    PERR_BAD, "multipart: names= is not name=");
	is_int(MP(p, CT, "--XyZ\r\nContent-Disposition: attachment; name=a"
	    "\r\n\r\nx\r\n--XyZ--", &ps), PERR_BAD,
	    "multipart: not form-data");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=\"a\r\n\r\nx\r\n--XyZ--", &ps),
	    PERR_BAD, "multipart: unterminated quoted name");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n", &ps), PERR_BAD,
	    "multipart: headers cut short");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\n\nx\r\n--XyZ--", &ps),
	    PERR_BAD, "multipart: bare LF line ends");
}

static void
test_multipart_headers(struct pool *p)
{
	struct params	 ps;
	const char	*h;
	size_t		 len;
	char		*b;

	h = pool_printf(p, "%s" CD "name=a", repeat(p, "X-A: 1\r\n", 15));
	b = mpbody(p, h, "x", 1, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_OK, "multipart: 16 header lines");
	h = pool_printf(p, "%s" CD "name=a", repeat(p, "X-A: 1\r\n", 16));
	b = mpbody(p, h, "x", 1, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_BAD,
	    "multipart: 17 header lines is 400");
	h = pool_printf(p, CD "name=a\r\nX-Long: %s", repeat(p, "v", 1016));
	b = mpbody(p, h, "x", 1, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_OK,
	    "multipart: a header line of 1024 bytes");
	h = pool_printf(p, CD "name=a\r\nX-Long: %s", repeat(p, "v", 1017));
	b = mpbody(p, h, "x", 1, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_BAD,
	    "multipart: a header line of 1025 bytes is 400");
	h = pool_printf(p, CD "name=a\r\nX-Long: %s", repeat(p, "v", 100000));
	b = mpbody(p, h, "x", 1, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_BAD,
	    "multipart: a header line of 100000 bytes is 400");
	b = mpbody(p, CD "name=a\r\nContent-Type: text/plain; charset=gbk",
	    "ok", 2, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_OK,
	    "multipart: a text part may give a content type");
	ok(ps.n == 1 && ps.v[0].ctype == NULL,
	    "multipart: it is not kept for text");
}

static void
test_multipart_content(struct pool *p)
{
	struct params	 ps;
	size_t		 len;
	char		*b;

	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\n\xc0\x80\r\n--XyZ--",
	    &ps), PERR_UTF8, "multipart: overlong UTF-8 in a text field");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\n\xed\xa0\x80\r\n"
	    "--XyZ--", &ps), PERR_UTF8, "multipart: a surrogate in text");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\na\0b\r\n--XyZ--", &ps),
	    PERR_UTF8, "multipart: NUL in a text field");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a\r\n\r\na\x1b\r\n--XyZ--",
	    &ps), PERR_UTF8, "multipart: a control character in text");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=\"a\0b\"\r\n\r\nx\r\n--XyZ--",
	    &ps), PERR_UTF8, "multipart: NUL in a name");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=\"\xe0\x80\x80\"\r\n\r\nx\r\n"
	    "--XyZ--", &ps), PERR_UTF8, "multipart: overlong in a name");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a; filename=\"\xff.xml\"\r\n"
	    "\r\nx\r\n--XyZ--", &ps), PERR_UTF8,
	    "multipart: a file name that is not UTF-8");
	is_int(MP(p, CT, "--XyZ\r\n" CD "name=a; filename=\"a\0b\"\r\n"
	    "\r\nx\r\n--XyZ--", &ps), PERR_UTF8,
	    "multipart: NUL in a file name");
	b = mpbody(p, CD "name=a", repeat(p, "x", 64), 64, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_OK,
	    "multipart: a text field of max_field bytes");
	b = mpbody(p, CD "name=a", repeat(p, "x", 65), 65, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_TOOBIG,
	    "multipart: a text field over max_field");
	b = mpbody(p, CD "name=a; filename=f", repeat(p, "\xff", 128), 128,
	    &len);
	is_int(mp(p, CT, b, len, &ps), PERR_OK,
	    "multipart: a binary file of max_file bytes");
	is_int(ps.n ? ps.v[0].valsz : 0, 128, "multipart: all of it");
	b = mpbody(p, CD "name=a; filename=f", repeat(p, "x", 129), 129, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_TOOBIG,
	    "multipart: a file over max_file");
	b = mpbody(p, pool_printf(p, CD "name=%s", repeat(p, "n", 256)), "x",
	    1, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_OK,
	    "multipart: a name of 256 bytes");
	b = mpbody(p, pool_printf(p, CD "name=%s", repeat(p, "n", 257)), "x",
	    1, &len);
	is_int(mp(p, CT, b, len, &ps), PERR_TOOBIG,
	    "multipart: a name over 256 bytes");
}

static void
test_multipart_count(struct pool *p)
{
	struct params	 ps;
	const char	*unit = "--XyZ\r\n" CD "name=n\r\n\r\nv\r\n";
	const char	*empty =
	    "--XyZ\r\n" CD "name=f; filename=\"\"\r\n\r\n\r\n";
	char		*b;

	b = pool_printf(p, "%s--XyZ--", repeat(p, unit, 8));
	is_int(mp(p, CT, b, strlen(b), &ps), PERR_OK,
	    "multipart: max_fields parts");
	is_int(ps.n, 8, "multipart: all kept");
	b = pool_printf(p, "%s--XyZ--", repeat(p, unit, 9));
	is_int(mp(p, CT, b, strlen(b), &ps), PERR_TOOBIG,
	    "multipart: more parts than max_fields");
	b = pool_printf(p, "%s%s--XyZ--", repeat(p, empty, 20),
	    repeat(p, unit, 8));
	is_int(mp(p, CT, b, strlen(b), &ps), PERR_OK,
	    "multipart: skipped empty files do not count");
	b = pool_printf(p, "%s--XyZ--", repeat(p, unit, 10000));
	memset(&ps, 0, sizeof(ps));
	is_int(parse_multipart(p, CT, b, strlen(b), &deflim, &ps),
	    PERR_TOOBIG, "multipart: 10000 parts with the default limits");
	is_int(ps.n, DEF_MAX_FIELDS, "multipart: stopped at max_fields");
	/* Half a delimiter on every line: memmem keeps this linear. */
	b = pool_printf(p, "--XyZ\r\n" CD "name=f; filename=f\r\n\r\n%s"
	    "\r\n--XyZ--", repeat(p, "\r\n--Xy", 200000));
	memset(&ps, 0, sizeof(ps));
	is_int(parse_multipart(p, CT, b, strlen(b), &deflim, &ps), PERR_OK,
	    "multipart: a megabyte of near-delimiters");
	is_int(ps.n ? ps.v[0].valsz : 0, 200000 * 6, "multipart: all content");
}

static void
test_cookies(struct pool *p)
{
	struct params	 ps;

	is_int(ck(p, "a=1; b=\"two\" ;c=; =x; d; e = 5 ;;", &ps), PERR_OK,
	    "cookies: parsed");
	is_int(ps.n, 4, "cookies: four kept");
	is_str(val(&ps, "a"), "1", "cookies: a plain value");
	is_str(val(&ps, "b"), "two", "cookies: quotes removed");
	is_str(val(&ps, "c"), "", "cookies: an empty value");
	ok(params_get(&ps, "d") == NULL, "cookies: no = is skipped");
	ok(params_get(&ps, "") == NULL, "cookies: an empty name is skipped");
	is_str(val(&ps, "e"), "5", "cookies: spaces around = trimmed");
	is_int(params_get(&ps, "e") ? params_get(&ps, "e")->valsz : 0, 1,
	    "cookies: valsz after trimming");
	is_int(ck(p, "q=\" a b \"; r=\"; s=\"\"; t=\"x", &ps), PERR_OK,
	    "cookies: quoting edge cases");
	is_str(val(&ps, "q"), " a b ", "cookies: spaces inside quotes kept");
	is_str(val(&ps, "r"), "\"", "cookies: a lone quote is kept");
	is_str(val(&ps, "s"), "", "cookies: empty quotes");
	is_str(val(&ps, "t"), "\"x", "cookies: an unmatched quote is kept");
	is_int(ck(p, "a=b=c; x=%41; sid=蓝码", &ps), PERR_OK,
	    "cookies: = and %% in values");
	is_str(val(&ps, "a"), "b=c", "cookies: the first = splits");
	is_str(val(&ps, "x"), "%41", "cookies: no percent-decoding");
	is_str(val(&ps, "sid"), "蓝码", "cookies: UTF-8 text passes");
	is_int(ck(p, "a=\xff; b=ok; \xc0\x80=1; c=\x01; d=\xed\xa0\x80", &ps),
	    PERR_OK, "cookies: bad bytes are not an error");
	ok(ps.n == 1 && val(&ps, "b") != NULL,
	    "cookies: non-text cookies skipped, the rest kept");
	is_int(ck(p, "a=1; a=2", &ps), PERR_OK, "cookies: repeated");
	is_str(val(&ps, "a"), "1", "cookies: the first wins");
	is_int(ck(p, "1=1;2=2;3=3;4=4;5=5;6=6;7=7;8=8;9=9;10=10", &ps),
	    PERR_OK, "cookies: many is not an error");
	is_int(ps.n, 8, "cookies: but only max_fields are kept");
	is_str(val(&ps, "8"), "8", "cookies: the first ones");
	is_int(ck(p, "", &ps), PERR_OK, "cookies: empty header");
	is_int(ps.n, 0, "cookies: none");
	is_int(ck(p, " ; ;\t; ", &ps), PERR_OK, "cookies: only separators");
	is_int(ps.n, 0, "cookies: still none");
	is_int(ck(p, NULL, &ps), PERR_OK, "cookies: no header");
	is_int(ck(p, "novalue", &ps), PERR_OK, "cookies: a lone name");
	is_int(ps.n, 0, "cookies: is skipped");
}

static void
test_get(struct pool *p)
{
	struct params	 ps;

	memset(&ps, 0, sizeof(ps));
	ok(params_get(&ps, "a") == NULL, "get: nothing in an empty set");
	ue(p, "ab=1&a=2&a=3", &ps);
	is_str(val(&ps, "a"), "2", "get: exact names, the first of them");
	ok(params_get(&ps, "A") == NULL, "get: names are case-sensitive");
}

/* A body kept in a file (an upload route): file parts stay in place. */
static void
test_multipart_in_place(struct pool *p)
{
	static const struct limits	 big = { 8, 64, 1 << 20, 1 };
	struct params			 ps;
	const struct param		*pm, *tx;
	static const char		 body[] =
	    "--XyZ\r\n" CD "name=\"t\"\r\n\r\n标题\r\n"
	    "--XyZ\r\n" CD "name=\"video\"; filename=\"v.webm\"\r\n\r\n"
	    "\x1a\x45\xdf\xa3 and more\r\n--XyZ--\r\n";

	memset(&ps, 0, sizeof(ps));
	is_int(parse_multipart(p, CT, body, sizeof(body) - 1, &big, &ps),
	    PERR_OK, "in place: parsed");
	pm = params_get(&ps, "video");
	tx = params_get(&ps, "t");
	ok(pm != NULL && pm->val > body && pm->val < body + sizeof(body) &&
	    pm->valsz == 13 && memcmp(pm->val, "\x1a\x45\xdf\xa3", 4) == 0,
	    "in place: a file part points into the body, not a copy");
	ok(tx != NULL && (tx->val < body || tx->val >= body + sizeof(body)) &&
	    strcmp(tx->val, "标题") == 0,
	    "in place: a text field is still a NUL-terminated copy");
	memset(&ps, 0, sizeof(ps));
	is_int(parse_multipart(p, CT, body, sizeof(body) - 1, &lim, &ps),
	    PERR_OK, "copied: parsed");
	pm = params_get(&ps, "video");
	ok(pm != NULL && (pm->val < body || pm->val >= body + sizeof(body)),
	    "copied: without in_place a file part is a copy");
}

int
main(void)
{
	struct pool	*p;

	if ((p = pool_new(4096)) == NULL)
		return 1;
	test_decode();
	test_urlencoded(p);
	test_urlencoded_bad(p);
	test_urlencoded_limits(p);
	test_multipart(p);
	test_multipart_bad(p);
	test_multipart_headers(p);
	test_multipart_content(p);
	test_multipart_count(p);
	test_multipart_in_place(p);
	test_cookies(p);
	test_get(p);
	pool_free(p);
	return done_testing();
}
