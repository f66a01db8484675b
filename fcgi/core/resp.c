/*
 * resp.c: writing responses.
 * Every response gets the same security headers; headers are formatted
 * with snprintf and written with FCGX_PutStr (FCGX_FPrintF is not printf).
 */
#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

#include "app.h"

static const char security_headers[] =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: strict-origin-when-cross-origin\r\n"
    "Permissions-Policy: geolocation=(self), camera=(), microphone=()\r\n";

const char *
status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "OK";
	}
}

/* Add a response header; name and value must not hold CR or LF. */
void
resp_header(struct req *r, const char *name, const char *value)
{
	if (r->nheaders == REQ_MAXHEADERS ||
	    strpbrk(value, "\r\n") != NULL) {
		log_warnx("header %s dropped for %s", name, r->path);
		return;
	}
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = value;
	r->nheaders++;
}

/*
 * Set a cookie: HttpOnly, SameSite=Lax, Secure on https sites.
 * maxage < 0 makes a browser-session cookie, 0 deletes it.
 */
void
resp_cookie(struct req *r, const char *name, const char *value, long maxage)
{
	char	*v;

	v = pool_printf(r->pool, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s",
	    name, value, r->conf->secure_cookies ? "; Secure" : "");
	if (v != NULL && maxage >= 0)
		v = pool_printf(r->pool, "%s; Max-Age=%ld", v, maxage);
	if (v != NULL)
		resp_header(r, "Set-Cookie", v);
}

/*
 * Write the status line and headers; len < 0 leaves out Content-Length
 * (a body that is streamed). Returns r->status.
 */
int
resp_head(struct req *r, const char *ctype, ssize_t len)
{
	FCGX_Request	*fr = r->fcgx;
	char		 head[512];
	size_t		 i;
	int		 n;

	if (r->sent) {
		log_warnx("%s: response sent twice", r->path);
		return r->status;
	}
	r->sent = 1;
	if (r->status == 0)
		r->status = 200;
	n = snprintf(head, sizeof(head), "Status: %d %s\r\nContent-Type: %s\r\n",
	    r->status, status_text(r->status), ctype);
	if (len >= 0)
		n += snprintf(head + n, sizeof(head) - n,
		    "Content-Length: %zd\r\n", len);
	FCGX_PutStr(head, n, fr->out);
	FCGX_PutStr(security_headers, sizeof(security_headers) - 1, fr->out);
	for (i = 0; i < r->nheaders; i++) {
		FCGX_PutS(r->headers[i].name, fr->out);
		FCGX_PutStr(": ", 2, fr->out);
		FCGX_PutS(r->headers[i].value, fr->out);
		FCGX_PutStr("\r\n", 2, fr->out);
	}
	FCGX_PutStr("\r\n", 2, fr->out);
	return r->status;
}

/* Body bytes after resp_head; nothing for HEAD. */
void
resp_write(struct req *r, const void *buf, size_t len)
{
	FCGX_Request	*fr = r->fcgx;

	if (!r->head_only && len > 0)
		FCGX_PutStr(buf, (int)len, fr->out);
}

/*
 * Write status, headers and body. The body is left out for HEAD.
 * Returns r->status, so that handlers can return what this returns.
 */
int
resp_send(struct req *r, const char *ctype, const void *body, size_t len)
{
	if (r->sent) {
		log_warnx("%s: response sent twice", r->path);
		return r->status;
	}
	resp_head(r, ctype, (ssize_t)len);
	resp_write(r, body, len);
	return r->status;
}

/*
 * 303 See Other to a path on this site, with an optional flash code for
 * the next page (a short-lived cookie holding a message key, never text).
 * The path is appended to site_url: one that could name another host
 * ("//host", "/\\host") or break the header (CR, LF) is a bug, refused.
 */
int
resp_redirect(struct req *r, const char *path, const char *flash)
{
	char	*loc;

	if (path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
	    strpbrk(path, "\r\n") != NULL) {
		log_warnx("%s: redirect to a path not on this site refused",
		    r->path);
		return 500;
	}
	if ((loc = pool_printf(r->pool, "%s%s", r->conf->site_url, path)) ==
	    NULL)
		return 500;
	resp_header(r, "Location", loc);
	resp_header(r, "Cache-Control", "no-store");
	if (flash != NULL)
		resp_cookie(r, "bc_flash", flash, 60);
	r->status = 303;
	return resp_send(r, "text/plain; charset=utf-8", "", 0);
}
