/*
 * page.c: what every page carries (site, jurisdiction, session, flash)
 * and the error page.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"

#define JUR_TTL_MS	(5 * 60 * 1000)

static struct jurisdiction	 jur;

/*
 * The jurisdiction this site serves, read once and kept for five minutes
 * (it changes about never). NULL, with *e set, when the database is away.
 */
const struct jurisdiction *
jur_get(struct req *r, enum dberr *e)
{
	struct dbres	*res;
	long long	 now = now_ms();

	*e = DB_OK;
	if (jur.id != 0 && now - jur.loaded_ms < JUR_TTL_MS)
		return &jur;
	if ((*e = db_query(r->pool, STMT_JURISDICTION_BY_CODE, &res, "s",
	    r->conf->jurisdiction)) != DB_OK)
		return jur.id != 0 ? &jur : NULL;
	if (res->nrows == 0) {
		log_warnx("jurisdiction %s is not in the database",
		    r->conf->jurisdiction);
		*e = DB_ERROR;
		return NULL;
	}
	jur.id = db_ll(res, 0, 0);
	snprintf(jur.code, sizeof(jur.code), "%s", DBRES(res, 0, 1));
	snprintf(jur.name, sizeof(jur.name), "%s", DBRES(res, 0, 2));
	snprintf(jur.full_name, sizeof(jur.full_name), "%s", DBRES(res, 0, 3));
	snprintf(jur.committee, sizeof(jur.committee), "%s",
	    DBRES(res, 0, 4) ? DBRES(res, 0, 4) : "");
	snprintf(jur.crs, sizeof(jur.crs), "%s", DBRES(res, 0, 5));
	jur.loaded_ms = now;
	return &jur;
}

static int
flash_wellformed(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && n <= 32 &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* <site>, <jurisdiction>, <session> and <flash>, then the stylesheet. */
int
page_finish(struct req *r, enum sheet s, xmlDocPtr doc)
{
	const struct param	*fl;
	xmlNodePtr		 root, n;

	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "site", NULL);
	xml_prop(n, "url", r->conf->site_url);
	if (r->conf->dev)
		xml_prop(n, "dev", "yes");
	if (jur.id != 0) {
		n = xml_add(root, "jurisdiction", NULL);
		xml_prop(n, "code", jur.code);
		xml_prop(n, "name", jur.name);
		xml_prop(n, "full-name", jur.full_name);
		xml_prop(n, "committee", jur.committee);
	}
	session_ensure_token(r);
	n = xml_add(root, "session", NULL);
	xml_prop(n, "csrf", r->sess.csrf);
	if (r->sess.admin_id != 0) {
		xml_add(n, "admin", NULL);
		n = n->last;
		xml_propll(n, "id", r->sess.admin_id);
		xml_prop(n, "login", r->sess.admin_login);
		xml_prop(n, "name", r->sess.admin_name);
		xml_prop(n, "scope", r->sess.admin_scope);
	}
	fl = params_get(&r->cookies, "bc_flash");
	if (fl != NULL && flash_wellformed(fl->val)) {
		n = xml_add(root, "flash", NULL);
		xml_prop(n, "code", fl->val);
		resp_cookie(r, "bc_flash", "", 0);
	}
	if (r->status == 0)
		r->status = 200;
	resp_header(r, "Cache-Control", "no-cache, private");
	return render_page(r, s, doc);
}

/*
 * An error page in the site's layout; a plain-text fallback if even the
 * stylesheet fails.
 */
int
render_error(struct req *r, int status)
{
	static const char	 fallback[] = "Error\n";
	xmlDocPtr		 doc;
	xmlNodePtr		 n;

	r->status = status;
	if ((doc = xml_page(r, "error")) != NULL) {
		n = xml_add(xmlDocGetRootElement(doc), "error", NULL);
		xml_propll(n, "status", status);
		if (status == 503)
			resp_header(r, "Retry-After", "30");
		page_finish(r, SHEET_ERROR, doc);
		if (r->sent)
			return status;
	}
	r->status = status;
	if (!r->sent)
		resp_send(r, "text/plain; charset=utf-8", fallback,
		    sizeof(fallback) - 1);
	return status;
}

/*
 * Print the error page of a status to standard output, for nginx to serve
 * when it answers itself (413, 429, the application unreachable). It
 * needs no database, so it carries no jurisdiction.
 */
int
error_page_print(const struct conf *c, int status)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	xmlChar		*buf;
	int		 len, rc = 1;

	if (status < 400 || status > 599 || render_init(c->xslt_dir) == -1)
		return 1;
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(doc, root);
	xml_prop(root, "name", "error");
	xml_prop(root, "lang", "zh-CN");
	n = xml_add(root, "site", NULL);
	xml_prop(n, "url", c->site_url);
	xml_add(root, "session", NULL);
	n = xml_add(root, "error", NULL);
	xml_propll(n, "status", status);
	if (render_apply(SHEET_ERROR, doc, &buf, &len) == 0) {
		rc = fwrite(buf, 1, (size_t)len, stdout) == (size_t)len ? 0 : 1;
		xmlFree(buf);
	}
	xmlFreeDoc(doc);
	render_free();
	return rc;
}
