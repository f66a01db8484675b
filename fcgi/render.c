/*
 * render.c: the stylesheets.
 * Each page stylesheet is parsed once when a worker starts (a broken one
 * stops the start, naming the file) and applied with file and network
 * access forbidden.
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

struct sheetdef {
	const char	*file;
	int		 form;	/* the page has a form: it needs a CSRF token */
};

static const struct sheetdef sheetdefs[SHEET__MAX] = {
	{ "error.xsl", 0 },		/* SHEET_ERROR */
	{ "home.xsl", 0 },		/* SHEET_HOME */
	{ "admin-login.xsl", 1 },	/* SHEET_ADMIN_LOGIN */
	{ "admin-home.xsl", 1 },	/* SHEET_ADMIN_HOME */
	{ "quiz-roles.xsl", 0 },	/* SHEET_QUIZ_ROLES */
	{ "quiz-locate.xsl", 1 },	/* SHEET_QUIZ_LOCATE */
	{ "quiz-question.xsl", 1 },	/* SHEET_QUIZ_QUESTION */
	{ "quiz-result.xsl", 1 },	/* SHEET_QUIZ_RESULT */
	{ "code-mine.xsl", 0 },		/* SHEET_CODE_MINE */
	{ "code-show.xsl", 0 },		/* SHEET_CODE_SHOW */
	{ "verify.xsl", 0 },		/* SHEET_VERIFY */
	{ "account.xsl", 1 },		/* SHEET_ACCOUNT */
	{ "admin-codes.xsl", 1 },	/* SHEET_ADMIN_CODES */
	{ "admin-banks.xsl", 1 },	/* SHEET_ADMIN_BANKS */
	{ "admin-questions.xsl", 1 },	/* SHEET_ADMIN_QUESTIONS */
	{ "admin-question.xsl", 1 },	/* SHEET_ADMIN_QUESTION */
	{ "admin-reports.xsl", 1 },	/* SHEET_ADMIN_REPORTS */
	{ "admin-roles.xsl", 1 },	/* SHEET_ADMIN_ROLES */
	{ "admin-regions.xsl", 1 },	/* SHEET_ADMIN_REGIONS */
};

static xsltStylesheetPtr	 sheets[SHEET__MAX];
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
sheet_get(enum sheet s)
{
	char	 path[1200];

	if (sheets[s] != NULL)
		return sheets[s];
	snprintf(path, sizeof(path), "%s/%s", sheet_dir, sheetdefs[s].file);
	if ((sheets[s] = xsltParseStylesheetFile(BAD_CAST path)) == NULL ||
	    sheets[s]->errors > 0) {
		log_warnx("stylesheet %s: cannot be compiled", path);
		if (sheets[s] != NULL)
			xsltFreeStylesheet(sheets[s]);
		sheets[s] = NULL;
	}
	return sheets[s];
}

/*
 * Set up rendering from the stylesheets in dir. all: compile every one
 * now (the master's check at start and on reload: a broken stylesheet
 * stops the start, naming the file); otherwise on first use.
 */
int
render_init(const char *dir, int all)
{
	size_t	 i;

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
	for (i = 0; all && i < SHEET__MAX; i++)
		if (sheet_get((enum sheet)i) == NULL) {
			render_free();
			return -1;
		}
	return 0;
}

void
render_free(void)
{
	size_t	 i;

	for (i = 0; i < SHEET__MAX; i++) {
		if (sheets[i] != NULL)
			xsltFreeStylesheet(sheets[i]);
		sheets[i] = NULL;
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
transform(enum sheet s, xmlDocPtr doc)
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
		log_warnx("stylesheet %s: transformation failed",
		    sheetdefs[s].file);
	return res;
}

/* Apply a stylesheet into *out (freed with xmlFree); -1 on failure. */
int
render_apply(enum sheet s, xmlDocPtr doc, xmlChar **out, int *len)
{
	xmlDocPtr	 res;
	int		 rc;

	*out = NULL;
	*len = 0;
	if ((res = transform(s, doc)) == NULL)
		return -1;
	rc = xsltSaveResultToString(out, len, res, sheets[s]);
	xmlFreeDoc(res);
	return rc == 0 && *out != NULL ? 0 : -1;
}

int
render_has_form(enum sheet s)
{
	return sheetdefs[s].form;
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
 * the response: no intermediate copy of the page.
 */
int
render_page(struct req *r, enum sheet s, xmlDocPtr doc)
{
	xmlOutputBufferPtr	 out;
	xmlDocPtr		 res;

	if (r->conf->dev && r->fields[FIELD_XML].valid)
		return render_xml(r, doc);
	if ((res = transform(s, doc)) == NULL)
		return 500;
	resp_head(r, "text/html; charset=utf-8", -1);
	if (!r->head_only &&
	    (out = xmlOutputBufferCreateIO(out_write, out_close, r, NULL)) !=
	    NULL) {
		xsltSaveResultTo(out, res, sheets[s]);
		xmlOutputBufferClose(out);
	}
	xmlFreeDoc(res);
	return r->status;
}
