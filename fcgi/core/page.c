/*
 * page.c: what every page carries (site, session, flash, and what the
 * modules' page hooks add), pages kept per worker, and the error page.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"

static void	 page_common(struct req *, struct sheet *, xmlDocPtr);

/*
 * Reference data as XML, kept per worker and language (names have an
 * English of their own) for refdata_ttl seconds: build() fills a fresh
 * tree from the database when the kept one is too old, and a copy of its
 * children goes into the page. Returns 0 or the status of
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
	enum lang	 l = r->lang;

	if (c->doc[l] == NULL ||
	    now - c->loaded_ms[l] >= r->conf->refdata_ttl * 1000LL) {
		if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
			return 500;
		root = xmlNewDocNode(doc, NULL, BAD_CAST "cache", NULL);
		xmlDocSetRootElement(doc, root);
		if ((rc = build(r, root)) != 0) {
			xmlFreeDoc(doc);
			return rc;
		}
		if (c->doc[l] != NULL)
			xmlFreeDoc(c->doc[l]);
		c->doc[l] = doc;
		c->loaded_ms[l] = now;
	}
	root = xmlDocGetRootElement(c->doc[l]);
	for (n = root->children; n != NULL; n = n->next)
		xmlAddChild(into, xmlDocCopyNode(n, into->doc, 1));
	return 0;
}

void
refcache_free(struct refcache *c)
{
	size_t	 i;

	for (i = 0; i < NELEM(c->doc); i++) {
		if (c->doc[i] != NULL)
			xmlFreeDoc(c->doc[i]);
		c->doc[i] = NULL;
	}
}

/*
 * The rendered HTML of a page that is the same for every visitor who is
 * not signed in (the home page), kept per worker for refdata_ttl seconds.
 * Such a page carries no form, cookie or flash message, and is the
 * standard display (the bc_mode cookie of shared/display.c changes it).
 */
static int
htmlcache_usable(struct req *r)
{
	return r->sess.admin_id == 0 && r->sess.person_id == 0 &&
	    !r->core[CORE_XML].valid &&
	    params_get(&r->cookies, "bc_flash") == NULL &&
	    params_get(&r->cookies, "bc_mode") == NULL;
}

/* Send the kept page if it is fresh and fits this request. */
int
htmlcache_send(struct req *r, struct htmlcache *hc)
{
	const struct htmlpage	*c = &hc->lang[r->lang];

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
page_finish_cached(struct req *r, struct sheet *s, xmlDocPtr doc,
    struct htmlcache *hc)
{
	struct htmlpage		*c = &hc->lang[r->lang];
	xmlChar			*buf;
	int			 len;

	if (!htmlcache_usable(r) || r->conf->refdata_ttl == 0)
		return page_finish(r, s, doc);
	page_common(r, s, doc);
	if (render_apply(s, doc, &buf, &len) == -1)
		return 500;
	xmlFree(c->html);
	c->html = (char *)buf;
	c->len = (size_t)len;
	c->made_ms = now_ms();
	r->status = 200;
	resp_header(r, "Cache-Control", "no-cache, private");
	return resp_send(r, "text/html; charset=utf-8", c->html, c->len);
}

void
htmlcache_free(struct htmlcache *hc)
{
	size_t	 i;

	for (i = 0; i < NELEM(hc->lang); i++) {
		xmlFree(hc->lang[i].html);
		hc->lang[i].html = NULL;
		hc->lang[i].len = 0;
	}
}

static int
flash_wellformed(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && n <= 32 &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/*
 * The brand bar and the footer (frame.xsl) as fragments: they depend on
 * what the page hooks add to the page (from..to) and on which elements
 * they add to <session> (who is signed in: <person>, <admin>), the same
 * for most requests of a worker. The fragment's input holds exactly that
 * (the session's elements without their attributes, so that one person's
 * name does not make a fragment of its own), and the key names all of it.
 */
#define FRAME_KEYMAX	1024

struct frame_in {
	xmlNodePtr	 from, to;	/* what the page hooks added */
	xmlNodePtr	 session;
	const char	*part;		/* "bar", "foot" */
};

static xmlDocPtr
frame_doc(void *arg)
{
	const struct frame_in	*in = arg;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, n, sn;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return NULL;
	root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(doc, root);
	xml_prop(root, "frame", in->part);
	for (n = in->from; n != NULL; n = n == in->to ? NULL : n->next)
		xmlAddChild(root, xmlDocCopyNode(n, doc, 1));
	sn = xml_add(root, "session", NULL);
	for (n = in->session->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			xml_add(sn, (const char *)n->name, NULL);
	return doc;
}

/* Append s and a separator to key; -1 when it would not fit. */
static int
frame_key_add(char *key, size_t *len, const xmlChar *s, char sep)
{
	size_t	 n = s ? strlen((const char *)s) : 0;

	if (*len + n + 1 > FRAME_KEYMAX)
		return -1;
	if (n > 0)
		memcpy(key + *len, s, n);
	*len += n;
	key[(*len)++] = sep;
	return 0;
}

/* A node and everything below it, as frame_doc copies it, into the key. */
static int
frame_key(char *key, size_t *len, xmlNodePtr n)
{
	xmlAttrPtr	 a;
	xmlNodePtr	 c;

	if (n->type == XML_TEXT_NODE)
		return frame_key_add(key, len, n->content, '\x1c');
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (frame_key_add(key, len, n->name, '\x1e') == -1)
		return -1;
	for (a = n->properties; a != NULL; a = a->next)
		if (frame_key_add(key, len, a->name, '=') == -1 ||
		    frame_key_add(key, len, a->children ?
		    a->children->content : NULL, '\x1f') == -1)
			return -1;
	for (c = n->children; c != NULL; c = c->next)
		if (frame_key(key, len, c) == -1)
			return -1;
	return frame_key_add(key, len, NULL, '\x1d');
}

/*
 * <frame> with the bar and the footer made, unless an admin is signed in
 * (the sign-out form carries the token) or the key would be too long:
 * then layout.xsl makes them as before.
 */
static void
frame_fragments(struct req *r, xmlNodePtr root, struct frame_in *in)
{
	const struct fragment	*f[2];
	xmlNodePtr		 n;
	char			 key[FRAME_KEYMAX];
	size_t			 len = 1;

	if (r->sess.admin_id != 0)
		return;
	for (n = in->from; n != NULL; n = n == in->to ? NULL : n->next)
		if (frame_key(key, &len, n) == -1)
			return;
	for (n = in->session->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    frame_key_add(key, &len, n->name, '\x1b') == -1)
			return;
	key[0] = 'b';
	in->part = "bar";
	if ((f[0] = fragment_get(&core_sheets[SHEET_FRAME], key, len,
	    frame_doc, in)) == NULL)
		return;
	key[0] = 'f';
	in->part = "foot";
	if ((f[1] = fragment_get(&core_sheets[SHEET_FRAME], key, len,
	    frame_doc, in)) == NULL)
		return;
	n = xml_add(root, "frame", NULL);
	fragment_join(n, "bar-html", r->pool, &f[0], 1);
	fragment_join(n, "foot-html", r->pool, &f[1], 1);
}

/*
 * <site>, what the modules' page hooks add (the jurisdiction, who is
 * signed in), <session>, the frame's fragments and <flash>.
 */
static void
page_common(struct req *r, struct sheet *s, xmlDocPtr doc)
{
	const struct module *const	*m;
	const struct param		*fl;
	xmlNodePtr			 root, n, sn, last;
	struct frame_in			 frame;

	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "site", NULL);
	xml_prop(n, "url", r->conf->site_url);
	if (r->conf->dev)
		xml_prop(n, "dev", "yes");
	/* Only pages with a form need a token (and so maybe a cookie). */
	if ((s != NULL && s->form) || r->sess.admin_id != 0 ||
	    r->sess.person_id != 0)
		session_ensure_token(r);
	/* Linked after the hooks, so that it follows what they add. */
	sn = xmlNewDocNode(doc, NULL, BAD_CAST "session", NULL);
	if (r->sess.csrf[0] != '\0')
		xml_prop(sn, "csrf", r->sess.csrf);
	last = root->last;
	for (m = modules; *m != NULL; m++)
		if ((*m)->page != NULL)
			(*m)->page(r, root, sn);
	frame.from = last != NULL ? last->next : root->children;
	frame.to = root->last;
	if (frame.to == last)
		frame.from = frame.to = NULL;	/* the hooks added nothing */
	frame.session = sn;
	xmlAddChild(root, sn);
	frame_fragments(r, root, &frame);
	fl = params_get(&r->cookies, "bc_flash");
	if (fl != NULL && flash_wellformed(fl->val)) {
		n = xml_add(root, "flash", NULL);
		xml_prop(n, "code", fl->val);
		resp_cookie(r, "bc_flash", "", 0);
	}
}

/* The common parts, then the stylesheet. */
int
page_finish(struct req *r, struct sheet *s, xmlDocPtr doc)
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
 * A document turned into a download by a text stylesheet, sent as ctype
 * and the download filename; never kept by a browser.
 */
int
page_download(struct req *r, struct sheet *s, xmlDocPtr doc,
    const char *ctype, const char *filename)
{
	xmlChar	*text;
	int	 len;

	if (render_apply(s, doc, &text, &len) == -1)
		return 500;
	if (pool_cleanup(r->pool, xmlFree, text) == -1) {
		xmlFree(text);
		return 500;
	}
	resp_header(r, "Content-Disposition", pool_printf(r->pool,
	    "attachment; filename=\"%s\"", filename));
	resp_header(r, "Cache-Control", "no-store");
	return resp_send(r, ctype, text, (size_t)len);
}

/* CSV (UTF-8 with a BOM for Excel: the stylesheet writes it). */
int
page_csv(struct req *r, struct sheet *s, xmlDocPtr doc, const char *filename)
{
	return page_download(r, s, doc, "text/csv; charset=utf-8", filename);
}


/*
 * An error page in the site's layout; a plain-text fallback if even the
 * stylesheet fails. Modules may say more about it (their error hooks).
 */
int
render_error(struct req *r, int status)
{
	static const char		 fallback[] = "Error\n";
	const struct module *const	*m;
	xmlDocPtr			 doc;
	xmlNodePtr			 n;

	r->status = status;
	if ((doc = xml_page(r, "error")) != NULL) {
		n = xml_add(xmlDocGetRootElement(doc), "error", NULL);
		xml_propll(n, "status", status);
		for (m = modules; *m != NULL; m++)
			if ((*m)->error != NULL)
				(*m)->error(r, status, n);
		if (status == 503)
			resp_header(r, "Retry-After", "30");
		page_finish(r, &core_sheets[SHEET_ERROR], doc);
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
 * Print the error page of a status in a language ("zh", "en") to standard
 * output, for nginx to serve when it answers itself (413, 429, the
 * application unreachable). It carries what every page carries for nobody
 * signed in: the jurisdiction too, if the database answers.
 */
int
error_page_print(const struct conf *c, int status, const char *lang)
{
	struct req	 r;
	xmlDocPtr	 doc;
	xmlNodePtr	 n;
	xmlChar		*buf;
	int		 len, rc = 1;

	memset(&r, 0, sizeof(r));
	while (r.lang < LANG__MAX && strcmp(lang_names[r.lang], lang) != 0)
		r.lang++;
	if (status < 400 || status > 599 || r.lang == LANG__MAX ||
	    render_init(c->xslt_dir, 0) == -1)
		return 1;
	render_lang(r.lang);
	r.conf = c;
	if ((r.pool = pool_new(4096)) == NULL)
		return 1;
	db_configure(c);
	(void)db_connect();
	if ((doc = xml_page(&r, "error")) != NULL) {
		n = xml_add(xmlDocGetRootElement(doc), "error", NULL);
		xml_propll(n, "status", status);
		page_common(&r, &core_sheets[SHEET_ERROR], doc);
		if (render_apply(&core_sheets[SHEET_ERROR], doc, &buf, &len) == 0) {
			rc = fwrite(buf, 1, (size_t)len, stdout) ==
			    (size_t)len ? 0 : 1;
			xmlFree(buf);
		}
	}
	db_close();
	pool_free(r.pool);
	render_free();
	return rc;
}
