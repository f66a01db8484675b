/*
 * page.c: what every page carries (site, jurisdiction, session, flash)
 * and the error page.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"

static struct jurisdiction	 jur;

static void	 page_common(struct req *, enum sheet, xmlDocPtr);
static void	 jur_xml(xmlNodePtr);

/*
 * The jurisdiction this site serves, read once and kept for refdata_ttl
 * seconds. NULL, with *e set, when it cannot be read.
 */
const struct jurisdiction *
jur_get(struct req *r, enum dberr *e)
{
	struct dbres	*res;
	long long	 now = now_ms();

	*e = DB_OK;
	if (jur.id != 0 && now - jur.loaded_ms < r->conf->refdata_ttl * 1000LL)
		return &jur;
	if ((*e = db_query(r->pool, STMT_JURISDICTION_BY_CODE, &res, "s",
	    r->conf->jurisdiction)) != DB_OK)
		return NULL;
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

/*
 * Reference data as XML, kept per worker for refdata_ttl seconds: build()
 * fills a fresh tree from the database when the kept one is too old, and
 * a copy of its children goes into the page. Returns 0 or the status of
 * a database failure.
 */
int
refcache_copy(struct req *r, struct refcache *c, xmlNodePtr into,
    int (*build)(struct req *, xmlNodePtr))
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	long long	 now = now_ms();
	int		 rc;

	if (c->doc == NULL ||
	    now - c->loaded_ms >= r->conf->refdata_ttl * 1000LL) {
		if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
			return 500;
		root = xmlNewDocNode(doc, NULL, BAD_CAST "cache", NULL);
		xmlDocSetRootElement(doc, root);
		if ((rc = build(r, root)) != 0) {
			xmlFreeDoc(doc);
			return rc;
		}
		if (c->doc != NULL)
			xmlFreeDoc(c->doc);
		c->doc = doc;
		c->loaded_ms = now;
	}
	root = xmlDocGetRootElement(c->doc);
	for (n = root->children; n != NULL; n = n->next)
		xmlAddChild(into, xmlDocCopyNode(n, into->doc, 1));
	return 0;
}

void
refcache_free(struct refcache *c)
{
	if (c->doc != NULL)
		xmlFreeDoc(c->doc);
	c->doc = NULL;
}

/*
 * The rendered HTML of a page that is the same for every visitor who is
 * not signed in (the home page), kept per worker for refdata_ttl seconds.
 * Such a page carries no form, cookie or flash message.
 */
static int
htmlcache_usable(struct req *r)
{
	return r->sess.admin_id == 0 && r->sess.person_id == 0 &&
	    !r->fields[FIELD_XML].valid &&
	    params_get(&r->cookies, "bc_flash") == NULL;
}

/* Send the kept page if it is fresh and fits this request. */
int
htmlcache_send(struct req *r, struct htmlcache *c)
{
	if (c->html == NULL || !htmlcache_usable(r) ||
	    now_ms() - c->made_ms >= r->conf->refdata_ttl * 1000LL)
		return 0;
	r->status = 200;
	resp_header(r, "Cache-Control", "no-cache, private");
	resp_send(r, "text/html; charset=utf-8", c->html, c->len);
	return 1;
}

/* page_finish, keeping the HTML when the request allows it. */
int
page_finish_cached(struct req *r, enum sheet s, xmlDocPtr doc,
    struct htmlcache *c)
{
	xmlChar	*buf;
	int	 len;

	if (!htmlcache_usable(r) || r->conf->refdata_ttl == 0)
		return page_finish(r, s, doc);
	page_common(r, s, doc);
	if (render_apply(s, doc, &buf, &len) == -1)
		return 500;
	htmlcache_free(c);
	c->html = (char *)buf;
	c->len = (size_t)len;
	c->made_ms = now_ms();
	r->status = 200;
	resp_header(r, "Cache-Control", "no-cache, private");
	return resp_send(r, "text/html; charset=utf-8", c->html, c->len);
}

void
htmlcache_free(struct htmlcache *c)
{
	xmlFree(c->html);
	c->html = NULL;
	c->len = 0;
}

/* The jurisdiction's name, or "" when it cannot be read. */
const char *
jur_name(struct req *r)
{
	const struct jurisdiction	*j;
	enum dberr			 e;

	return (j = jur_get(r, &e)) != NULL ? j->name : "";
}

static int
flash_wellformed(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && n <= 32 &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* <jurisdiction>: what the brand bar and the footer name. */
static void
jur_xml(xmlNodePtr root)
{
	xmlNodePtr	 n;

	n = xml_add(root, "jurisdiction", NULL);
	xml_prop(n, "code", jur.code);
	xml_prop(n, "name", jur.name);
	xml_prop(n, "full-name", jur.full_name);
	xml_prop(n, "committee", jur.committee);
}

/* <site>, <jurisdiction>, <session> and <flash>. */
static void
page_common(struct req *r, enum sheet s, xmlDocPtr doc)
{
	const struct param	*fl;
	xmlNodePtr		 root, n, sn;
	enum dberr		 e;

	/*
	 * Every page names the jurisdiction (brand bar, footer). A worker
	 * reads it when it starts; one that started while the database was
	 * down reads it here once it has a connection again.
	 */
	if (jur.id == 0 && db_connected())
		(void)jur_get(r, &e);
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "site", NULL);
	xml_prop(n, "url", r->conf->site_url);
	if (r->conf->dev)
		xml_prop(n, "dev", "yes");
	if (jur.id != 0)
		jur_xml(root);
	/* Only pages with a form need a token (and so maybe a cookie). */
	if (render_has_form(s) || r->sess.admin_id != 0 ||
	    r->sess.person_id != 0)
		session_ensure_token(r);
	sn = xml_add(root, "session", NULL);
	if (r->sess.csrf[0] != '\0')
		xml_prop(sn, "csrf", r->sess.csrf);
	if (r->sess.admin_id != 0) {
		n = xml_add(sn, "admin", NULL);
		xml_propll(n, "id", r->sess.admin_id);
		xml_prop(n, "login", r->sess.admin_login);
		xml_prop(n, "name", r->sess.admin_name);
		xml_prop(n, "scope", r->sess.admin_scope);
	}
	if (r->sess.person_id != 0) {
		n = xml_add(sn, "person", NULL);
		xml_prop(n, "phone", mask_phone(r->pool, r->sess.person_phone));
		xml_prop(n, "name", r->sess.person_name);
	}
	fl = params_get(&r->cookies, "bc_flash");
	if (fl != NULL && flash_wellformed(fl->val)) {
		n = xml_add(root, "flash", NULL);
		xml_prop(n, "code", fl->val);
		resp_cookie(r, "bc_flash", "", 0);
	}
}

/* The common parts, then the stylesheet. */
int
page_finish(struct req *r, enum sheet s, xmlDocPtr doc)
{
	page_common(r, s, doc);
	if (r->status == 0)
		r->status = 200;
	/* An admin's pages are not kept: Back after signing out on a shared
	 * office computer must not show them. */
	resp_header(r, "Cache-Control", r->sess.admin_id != 0 ? "no-store" :
	    "no-cache, private");
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
		/* A person's own page (a code, a quiz) found for nobody here. */
		if (status == 404 && r->path != NULL &&
		    (strncmp(r->path, "/my/", 4) == 0 ||
		    strncmp(r->path, "/quiz/a/", 8) == 0))
			xml_prop(n, "personal", "yes");
		/* The quiz's hourly limits: the wait is up to an hour. */
		if (status == 429 && r->path != NULL &&
		    strncmp(r->path, "/quiz/", 6) == 0)
			xml_prop(n, "quiz", "yes");
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
	struct req	 r;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	xmlChar		*buf;
	enum dberr	 e;
	int		 len, rc = 1;

	if (status < 400 || status > 599 || render_init(c->xslt_dir, 0) == -1)
		return 1;
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(doc, root);
	xml_prop(root, "name", "error");
	xml_prop(root, "lang", "zh-CN");
	n = xml_add(root, "site", NULL);
	xml_prop(n, "url", c->site_url);
	/* The jurisdiction's name, as on every page, if the database says. */
	memset(&r, 0, sizeof(r));
	r.conf = c;
	db_configure(c);
	if ((r.pool = pool_new(4096)) != NULL && jur_get(&r, &e) != NULL)
		jur_xml(root);
	db_close();
	if (r.pool != NULL)
		pool_free(r.pool);
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
