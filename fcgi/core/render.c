/*
 * render.c: the stylesheets, in each module's sheet table.
 * A page stylesheet is compiled once per worker and language, on first
 * use (the master's check compiles every one first: a broken one stops
 * the start, naming the file), and applied with file and network access
 * forbidden. The language is the request's (render_lang); l10n.c puts
 * its messages in while libxslt reads the files.
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
static enum lang		 cur_lang = LANG_ZH;

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
 * The compiled stylesheet of a page in a language, compiled on first
 * use: a worker holds only the ones it serves. NULL (logged) when it
 * does not compile.
 */
static xsltStylesheetPtr
sheet_compile(struct sheet *s, enum lang lang)
{
	xsltStylesheetPtr	 x;
	char			 path[1200];

	if (s->compiled[lang] != NULL)
		return s->compiled[lang];
	snprintf(path, sizeof(path), "%s/%s", sheet_dir, s->file);
	l10n_compiling(lang);
	x = xsltParseStylesheetFile(BAD_CAST path);
	l10n_compiling(LANG_ZH);
	if (x == NULL || x->errors > 0) {
		log_warnx("stylesheet %s (%s): cannot be compiled", path,
		    lang_names[lang]);
		if (x != NULL)
			xsltFreeStylesheet(x);
		return NULL;
	}
	s->compiled[lang] = x;
	return x;
}

static xsltStylesheetPtr
sheet_get(struct sheet *s)
{
	return sheet_compile(s, cur_lang);
}

/* The language of the pages rendered from now on: the request's. */
void
render_lang(enum lang lang)
{
	cur_lang = lang;
}

/*
 * The compiled stylesheet that renders s now (fragment.c keys on it):
 * NULL when it does not compile.
 */
void *
render_sheet(struct sheet *s)
{
	return sheet_get(s);
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
	int				 lang;

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
	if (l10n_init(dir) == -1) {
		render_free();
		return -1;
	}
	for (m = modules; all && *m != NULL; m++)
		for (i = 0; i < (*m)->nsheets; i++)
			for (lang = 0; lang < LANG__MAX; lang++)
				if (sheet_compile(&(*m)->sheets[i], lang) ==
				    NULL) {
					render_free();
					return -1;
				}
	return 0;
}

void
render_free(void)
{
	const struct module *const	*m;
	xsltStylesheetPtr		 x;
	size_t				 i;
	int				 lang;

	fragment_free_all();

	for (m = modules; *m != NULL; m++)
		for (i = 0; i < (*m)->nsheets; i++)
			for (lang = 0; lang < LANG__MAX; lang++) {
				x = (*m)->sheets[i].compiled[lang];
				if (x != NULL)
					xsltFreeStylesheet(x);
				(*m)->sheets[i].compiled[lang] = NULL;
			}
	l10n_free();
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
	rc = xsltSaveResultToString(out, len, res, sheet_get(s));
	xmlFreeDoc(res);
	return rc == 0 && *out != NULL ? 0 : -1;
}

/*
 * The labels an image draws, in the request's language: s is a text
 * stylesheet whose output is one label a line, its name, a tab, its
 * text. out[i] (in the pool) gets the text of names[i]. Returns 0, or
 * -1 (logged) when the stylesheet fails or leaves a name out.
 */
int
render_labels(struct req *r, struct sheet *s, xmlDocPtr doc,
    const char *const *names, size_t n, const char **out)
{
	xmlChar		*buf;
	const char	*p, *tab, *end;
	size_t		 i;
	int		 len;

	for (i = 0; i < n; i++)
		out[i] = NULL;
	if (render_apply(s, doc, &buf, &len) == -1)
		return -1;
	for (p = (const char *)buf; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			continue;
		for (i = 0; i < n; i++)
			if (strlen(names[i]) == (size_t)(tab - p) &&
			    strncmp(names[i], p, (size_t)(tab - p)) == 0)
				out[i] = pool_strndup(r->pool, tab + 1,
				    (size_t)(end - tab - 1));
	}
	xmlFree(buf);
	for (i = 0; i < n; i++)
		if (out[i] == NULL) {
			log_warnx("stylesheet %s: no label %s", s->file,
			    names[i]);
			return -1;
		}
	return 0;
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
		xsltSaveResultTo(out, res, sheet_get(s));
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
