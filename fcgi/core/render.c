/*
 * render.c: the stylesheets, in each module's sheet table.
 * A page stylesheet is compiled once per worker, on first use (the
 * master's check compiles every one first: a broken one stops the start,
 * naming the file), and applied with file and network access forbidden.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlsave.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "app.h"

static xsltSecurityPrefsPtr	 secprefs;
static char			 sheet_dir[1024];

static void	 render_errfunc(void *, const char *, ...);

/*
 * libxml2 and libxslt report errors in pieces; collect them into lines
 * for our log rather than letting them reach stderr.
 */
static void
render_errfunc(void *ctx, const char *fmt, ...)
{
	static char	 line[1024];
	static size_t	 len;
	char		 buf[512], *p, *nl;
	va_list		 ap;

	(void)ctx;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (p = buf; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL) {
			len += snprintf(line + len, sizeof(line) - len, "%s", p);
			if (len >= sizeof(line))
				len = sizeof(line) - 1;
			return;
		}
		*nl = '\0';
		snprintf(line + len, sizeof(line) - len, "%s", p);
		if (line[strspn(line, " ^")] != '\0')
			log_warnx("xslt: %s", line);
		len = 0;
		line[0] = '\0';
	}
}

/*
 * The compiled stylesheet of a page, compiled on first use: a worker
 * holds only the ones it serves. NULL (logged) when it does not compile.
 */
static xsltStylesheetPtr
sheet_get(struct sheet *s)
{
	xsltStylesheetPtr	 x;
	char			 path[1200];

	if (s->compiled != NULL)
		return s->compiled;
	snprintf(path, sizeof(path), "%s/%s", sheet_dir, s->file);
	if ((x = xsltParseStylesheetFile(BAD_CAST path)) == NULL ||
	    x->errors > 0) {
		log_warnx("stylesheet %s: cannot be compiled", path);
		if (x != NULL)
			xsltFreeStylesheet(x);
		return NULL;
	}
	s->compiled = x;
	return x;
}

/*
 * Set up rendering from the stylesheets in dir. all: compile every one
 * now (the master's check at start and on reload: a broken stylesheet
 * stops the start, naming the file); otherwise on first use.
 */
int
render_init(const char *dir, int all)
{
	const struct module *const	*m;
	size_t				 i;

	xmlSetGenericErrorFunc(NULL, render_errfunc);
	xsltSetGenericErrorFunc(NULL, render_errfunc);
	if ((secprefs = xsltNewSecurityPrefs()) == NULL)
		return -1;
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_READ_FILE,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid);
	snprintf(sheet_dir, sizeof(sheet_dir), "%s", dir);
	for (m = modules; all && *m != NULL; m++)
		for (i = 0; i < (*m)->nsheets; i++)
			if (sheet_get(&(*m)->sheets[i]) == NULL) {
				render_free();
				return -1;
			}
	return 0;
}

void
render_free(void)
{
	const struct module *const	*m;
	size_t				 i;

	fragment_free_all();

	for (m = modules; *m != NULL; m++)
		for (i = 0; i < (*m)->nsheets; i++) {
			if ((*m)->sheets[i].compiled != NULL)
				xsltFreeStylesheet((*m)->sheets[i].compiled);
			(*m)->sheets[i].compiled = NULL;
		}
	if (secprefs != NULL)
		xsltFreeSecurityPrefs(secprefs);
	secprefs = NULL;
}

/* The document itself, for ?xml=1 in development mode. */
static int
render_xml(struct req *r, xmlDocPtr doc)
{
	xmlChar	*buf = NULL;
	int	 len = 0, rc;

	xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 1);
	if (buf == NULL)
		return 500;
	rc = resp_send(r, "application/xml; charset=utf-8", buf, (size_t)len);
	xmlFree(buf);
	return rc;
}

/* Apply a stylesheet; NULL (logged) when the transformation fails. */
static xmlDocPtr
transform(struct sheet *s, xmlDocPtr doc)
{
	xsltTransformContextPtr	 ctx;
	xsltStylesheetPtr	 sheet;
	xmlDocPtr		 res;

	if ((sheet = sheet_get(s)) == NULL ||
	    (ctx = xsltNewTransformContext(sheet, doc)) == NULL)
		return NULL;
	xsltSetCtxtSecurityPrefs(secprefs, ctx);
	res = xsltApplyStylesheetUser(sheet, doc, NULL, NULL, NULL, ctx);
	if (res != NULL && ctx->state != XSLT_STATE_OK) {
		xmlFreeDoc(res);
		res = NULL;
	}
	xsltFreeTransformContext(ctx);
	if (res == NULL)
		log_warnx("stylesheet %s: transformation failed", s->file);
	return res;
}

/* Apply a stylesheet into *out (freed with xmlFree); -1 on failure. */
int
render_apply(struct sheet *s, xmlDocPtr doc, xmlChar **out, int *len)
{
	xmlDocPtr	 res;
	int		 rc;

	*out = NULL;
	*len = 0;
	if ((res = transform(s, doc)) == NULL)
		return -1;
	rc = xsltSaveResultToString(out, len, res, s->compiled);
	xmlFreeDoc(res);
	return rc == 0 && *out != NULL ? 0 : -1;
}

static int
out_write(void *ctx, const char *buf, int len)
{
	resp_write(ctx, buf, (size_t)len);
	return len;
}

static int
out_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/*
 * Apply the page's stylesheet and stream the HTML, with r->status, into
 * the response: no intermediate copy of the page. The result tree and the
 * output buffer come from the arena (arena.c), and go with it.
 */
int
render_page(struct req *r, struct sheet *s, xmlDocPtr doc)
{
	xmlOutputBufferPtr	 out;
	xmlDocPtr		 res;
	size_t			 spills;

	if (r->conf->dev && r->core[CORE_XML].valid)
		return render_xml(r, doc);
	if (sheet_get(s) == NULL)	/* compiled outside the arena: kept */
		return 500;
	spills = arena_spills();
	arena_open();
	if ((res = transform(s, doc)) == NULL) {
		arena_close();
		return 500;
	}
	resp_head(r, "text/html; charset=utf-8", -1);
	if (!r->head_only &&
	    (out = xmlOutputBufferCreateIO(out_write, out_close, r, NULL)) !=
	    NULL) {
		xsltSaveResultTo(out, res, s->compiled);
		xmlOutputBufferClose(out);
	}
	/*
	 * When all of the result is the arena's, closing it frees the tree:
	 * only the reference the result holds on the transformation's
	 * dictionary (which holds one on the stylesheet's) is given back.
	 * Walking the tree to free it, node by node, to no effect, was a
	 * twelfth of the question page.
	 */
	if (arena_spills() == spills && arena_is_open())
		xmlDictFree(res->dict);
	else
		xmlFreeDoc(res);
	arena_close();
	return r->status;
}
