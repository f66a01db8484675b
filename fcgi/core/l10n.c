/*
 * l10n.c: the interface in another language than Chinese.
 *
 * The stylesheets are written in Chinese, the source language, and as
 * with gettext the Chinese text is a message's identity. A catalog per
 * language and stylesheet, xslt/l10n/LANG/NAME.xml, gives each message
 * of xslt/NAME.xsl in that language:
 *
 *	<catalog xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 *	  <m><zh>下一题</zh><en>Next</en></m>
 *	  <m><zh>共 <xsl:value-of select="$n"/> 题</zh>
 *	     <en><xsl:value-of select="$n"/> questions</en></m>
 *	</catalog>
 *
 * A message, in a stylesheet, is one of:
 *   - a text node that holds Chinese;
 *   - an attribute of a result element that holds Chinese (an attribute
 *     value template as it is written: placeholder="第{$n}题");
 *   - a string literal that is the whole of an XSLT select
 *     (<xsl:with-param name="label" select="'密码'"/>);
 *   - an <l:m> element (xmlns:l="urn:bluecode:l10n"), whose content,
 *     text and elements, is one message: a sentence with values or links
 *     in it, which another language words and orders otherwise. Its text
 *     need not be Chinese (<l:m>zh-CN</l:m> is the language's tag).
 * Messages are compared as XML writes them (text escaped), with runs of
 * white space made one space; a text node keeps the white space around
 * it.
 *
 * A stylesheet is compiled once per language: libxslt's loader, for the
 * page's stylesheet and everything it includes and imports, parses the
 * file and then puts each message's translation in its place, before
 * libxslt compiles it; a page costs the same in every language. In
 * Chinese the <l:m> elements are only unwrapped. A message without a
 * translation stays in Chinese; `bluecode l10n-check` lists those, and
 * the catalogs' entries no stylesheet uses.
 */
#include <sys/types.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxslt/documents.h>
#include <libxslt/xsltInternals.h>

#include "app.h"

#define L10N_NS		"urn:bluecode:l10n"
#define XSL_NS		"http://www.w3.org/1999/XSL/Transform"
#define MSG_BUCKETS	4096

const char *const lang_names[LANG__MAX] = { "zh", "en" };

struct msg {
	struct msg	*next;		/* in its bucket */
	char		*file;		/* the stylesheet's name: quiz.xsl */
	char		*id;		/* the Chinese, white space collapsed */
	xmlNodePtr	 text;		/* the <en> (of its catalog's doc) */
	int		 used;		/* l10n-check */
};

struct catalog {
	struct msg	*bucket[MSG_BUCKETS];
	xmlDocPtr	*docs;
	size_t		 ndocs;
};

/* What localising a stylesheet found missing (l10n-check). */
struct missing {
	FILE		*out;
	const char	*file;
	size_t		 n;
};

static struct catalog	 catalogs[LANG__MAX];	/* [LANG_ZH] stays empty */
static xsltDocLoaderFunc loader_default;
static enum lang	 loading = LANG_ZH;

static int	 is_cjk(const xmlChar *);
static int	 is_text(xmlNodePtr);
static int	 in_ns(xmlNodePtr, const char *);
static char	*collapse(const char *);
static char	*text_id(const xmlChar *);
static unsigned int hash_of(const char *, const char *);
static struct msg *msg_find(enum lang, const char *, const char *);
static char	*content_id(xmlNodePtr);
static int	 catalog_load(enum lang, const char *, const char *);
static void	 localize(xmlDocPtr, const char *, enum lang,
		    struct missing *);
static void	 localize_node(xmlNodePtr, const char *, enum lang,
		    struct missing *);
static xmlDocPtr loader(const xmlChar *, xmlDictPtr, int, void *,
		    xsltLoadType);

/*
 * Whether s holds Chinese: CJK punctuation and ideographs (U+2E80 to
 * U+9FFF) or full-width forms (U+FF00 to U+FFEF). In UTF-8 those are the
 * three-byte sequences led by 0xE2 0xBA.. to 0xE9, and 0xEF 0xBC.. 0xBF.
 */
static int
is_cjk(const xmlChar *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (s[0] >= 0xe3 && s[0] <= 0xe9)
			return 1;
		if (s[0] == 0xe2 && s[1] >= 0xba)
			return 1;
		if (s[0] == 0xef && s[1] >= 0xbc && s[1] <= 0xbf)
			return 1;
	}
	return 0;
}

static int
is_text(xmlNodePtr n)
{
	return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

/* Whether element n is in the namespace href. */
static int
in_ns(xmlNodePtr n, const char *href)
{
	return n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST href);
}

/* s with each run of white space one space, none at either end. */
static char *
collapse(const char *s)
{
	char	*out, *o;
	int	 space = 0;

	if ((out = o = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

/*
 * The identity of a message of text: escaped as XML writes text (so that
 * l10n-check prints it as the catalog entry it needs), collapsed.
 */
static char *
text_id(const xmlChar *s)
{
	xmlChar	*x;
	char	*id;

	if ((x = xmlEncodeSpecialChars(NULL, s)) == NULL)
		return NULL;
	id = collapse((const char *)x);
	xmlFree(x);
	return id;
}

/* FNV-1a of the file's name and the message. */
static unsigned int
hash_of(const char *file, const char *id)
{
	unsigned int	 h = 2166136261u;

	for (; *file != '\0'; file++)
		h = (h ^ (unsigned char)*file) * 16777619u;
	h = (h ^ '/') * 16777619u;
	for (; *id != '\0'; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

static struct msg *
msg_find(enum lang lang, const char *file, const char *id)
{
	struct msg	*m;

	m = catalogs[lang].bucket[hash_of(file, id) % MSG_BUCKETS];
	for (; m != NULL; m = m->next)
		if (strcmp(m->id, id) == 0 && strcmp(m->file, file) == 0)
			return m;
	return NULL;
}

/*
 * The identity of a message made of an element's content: its children
 * as XML writes them (text escaped, elements serialised), collapsed. NULL
 * when out of memory.
 */
static char *
content_id(xmlNodePtr e)
{
	xmlBufferPtr	 b;
	xmlNodePtr	 c;
	xmlChar		*x;
	char		*id;

	if ((b = xmlBufferCreate()) == NULL)
		return NULL;
	for (c = e->children; c != NULL; c = c->next) {
		if (is_text(c)) {
			if ((x = xmlEncodeSpecialChars(NULL, c->content)) ==
			    NULL) {
				xmlBufferFree(b);
				return NULL;
			}
			xmlBufferCat(b, x);
			xmlFree(x);
		}
		else if (c->type == XML_ELEMENT_NODE)
			xmlNodeDump(b, c->doc, c, 0, 0);
	}
	id = collapse((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return id;
}

/* One catalog file, for stylesheet file; -1 (logged) when it is bad. */
static int
catalog_load(enum lang lang, const char *path, const char *file)
{
	struct catalog	*c = &catalogs[lang];
	xmlDocPtr	 doc, *docs;
	xmlNodePtr	 root, e, zh, tr;
	struct msg	*m;
	unsigned int	 h;
	char		*id;

	if ((doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL) {
		log_warnx("catalog %s: not well-formed XML", path);
		return -1;
	}
	if ((docs = reallocarray(c->docs, c->ndocs + 1, sizeof(*docs))) ==
	    NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	c->docs = docs;
	c->docs[c->ndocs++] = doc;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "catalog")) {
		log_warnx("catalog %s: the root is not <catalog>", path);
		return -1;
	}
	for (e = root->children; e != NULL; e = e->next) {
		if (e->type != XML_ELEMENT_NODE)
			continue;
		zh = xmlFirstElementChild(e);
		tr = zh != NULL ? xmlNextElementSibling(zh) : NULL;
		if (!xmlStrEqual(e->name, BAD_CAST "m") || zh == NULL ||
		    tr == NULL || !xmlStrEqual(zh->name, BAD_CAST "zh") ||
		    !xmlStrEqual(tr->name, BAD_CAST lang_names[lang]) ||
		    xmlNextElementSibling(tr) != NULL) {
			log_warnx("catalog %s:%ld: not <m><zh>…</zh><%s>…"
			    "</%s></m>", path, xmlGetLineNo(e),
			    lang_names[lang], lang_names[lang]);
			return -1;
		}
		if ((id = content_id(zh)) == NULL)
			return -1;
		if (msg_find(lang, file, id) != NULL) {
			log_warnx("catalog %s:%ld: \"%s\" twice", path,
			    xmlGetLineNo(e), id);
			free(id);
			return -1;
		}
		if ((m = calloc(1, sizeof(*m))) == NULL ||
		    (m->file = strdup(file)) == NULL) {
			free(m);
			free(id);
			return -1;
		}
		m->id = id;
		m->text = tr;
		h = hash_of(file, id) % MSG_BUCKETS;
		m->next = c->bucket[h];
		c->bucket[h] = m;
	}
	return 0;
}

/*
 * Read the catalogs of every language under dir/l10n/ and have libxslt's
 * loader localise what it loads. -1 (logged) when a catalog is bad: the
 * start stops, naming it.
 */
int
l10n_init(const char *dir)
{
	char		 path[1200], file[256];
	DIR		*d;
	struct dirent	*de;
	size_t		 n;
	int		 lang, rc = 0;

	if (loader_default == NULL) {
		loader_default = xsltDocDefaultLoader;
		xsltSetLoaderFunc(loader);
	}
	for (lang = LANG_ZH + 1; lang < LANG__MAX; lang++) {
		snprintf(path, sizeof(path), "%s/l10n/%s", dir,
		    lang_names[lang]);
		if ((d = opendir(path)) == NULL)
			continue;	/* no catalog: all in Chinese */
		while (rc == 0 && (de = readdir(d)) != NULL) {
			n = strlen(de->d_name);
			if (n < 5 || strcmp(de->d_name + n - 4, ".xml") != 0 ||
			    n >= sizeof(file))
				continue;
			snprintf(file, sizeof(file), "%.*s.xsl", (int)(n - 4),
			    de->d_name);
			snprintf(path, sizeof(path), "%s/l10n/%s/%s", dir,
			    lang_names[lang], de->d_name);
			rc = catalog_load(lang, path, file);
		}
		closedir(d);
	}
	if (rc == -1)
		l10n_free();
	return rc;
}

void
l10n_free(void)
{
	struct msg	*m, *next;
	size_t		 i;
	int		 lang;

	for (lang = 0; lang < LANG__MAX; lang++) {
		for (i = 0; i < MSG_BUCKETS; i++) {
			m = catalogs[lang].bucket[i];
			for (; m != NULL; m = next) {
				next = m->next;
				free(m->file);
				free(m->id);
				free(m);
			}
			catalogs[lang].bucket[i] = NULL;
		}
		for (i = 0; i < catalogs[lang].ndocs; i++)
			xmlFreeDoc(catalogs[lang].docs[i]);
		free(catalogs[lang].docs);
		catalogs[lang].docs = NULL;
		catalogs[lang].ndocs = 0;
	}
}

/* The language of the stylesheets compiled from now on (render.c). */
void
l10n_compiling(enum lang lang)
{
	loading = lang;
}

/*
 * libxslt's loader: a stylesheet, or one it includes or imports, is read
 * as libxslt reads it and then localised; documents pass unchanged.
 */
static xmlDocPtr
loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
    xsltLoadType type)
{
	xmlDocPtr	 doc;
	const char	*file;

	doc = loader_default(uri, dict, options, ctxt, type);
	if (doc == NULL || (type != XSLT_LOAD_START &&
	    type != XSLT_LOAD_STYLESHEET))
		return doc;
	file = strrchr((const char *)uri, '/');
	localize(doc, file != NULL ? file + 1 : (const char *)uri, loading,
	    NULL);
	return doc;
}

/* A missing message, as the catalog entry to write (l10n-check). */
static void
missing_add(struct missing *mi, xmlNodePtr at, const char *id)
{
	if (mi->n++ == 0)
		fprintf(mi->out, "\n<!-- %s -->\n", mi->file);
	fprintf(mi->out, "  <m><zh>%s</zh><en></en></m>"
	    "  <!-- line %ld -->\n", id, xmlGetLineNo(at));
}

/*
 * The translation of message id (collapsed) of file, or NULL; counted as
 * used, or reported missing.
 */
static struct msg *
translation(const char *file, enum lang lang, const char *id,
    xmlNodePtr at, struct missing *mi)
{
	struct msg	*m;

	if (lang == LANG_ZH)
		return NULL;
	if ((m = msg_find(lang, file, id)) != NULL)
		m->used = 1;
	else if (mi != NULL)
		missing_add(mi, at, id);
	return m;
}

/* A text node: its white space kept on either side of the translation. */
static void
localize_text(xmlNodePtr t, const char *file, enum lang lang,
    struct missing *mi)
{
	const char	*s = (const char *)t->content, *e;
	xmlChar		*tr, *v;
	struct msg	*m;
	char		*id;

	if (!is_cjk(t->content) || (id = text_id(t->content)) == NULL)
		return;
	m = translation(file, lang, id, t, mi);
	free(id);
	if (m == NULL || (tr = xmlNodeGetContent(m->text)) == NULL)
		return;
	for (e = s + strlen(s); e > s && isspace((unsigned char)e[-1]); e--)
		;
	v = xmlStrndup(BAD_CAST s, (int)strspn(s, " \t\r\n"));
	v = xmlStrcat(v, tr);
	v = xmlStrcat(v, BAD_CAST e);
	xmlNodeSetContent(t, v);
	xmlFree(v);
	xmlFree(tr);
}

/*
 * An attribute: of a result element, a message when it holds Chinese; of
 * an XSLT element, when it is a select whose whole value is one string
 * literal. Chinese anywhere else in an expression is an error the check
 * reports.
 */
static void
localize_attr(xmlAttrPtr a, int xsl, const char *file, enum lang lang,
    struct missing *mi)
{
	xmlChar		*v, *tr;
	struct msg	*m;
	char		*id, *lit;
	size_t		 n;

	if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
		return;
	n = strlen((const char *)v);
	if (!is_cjk(v)) {
		xmlFree(v);
		return;
	}
	if (xsl && (!xmlStrEqual(a->name, BAD_CAST "select") || n < 2 ||
	    v[0] != '\'' || v[n - 1] != '\'' ||
	    memchr(v + 1, '\'', n - 2) != NULL)) {
		if (mi != NULL) {
			fprintf(mi->out, "%s:%ld: Chinese in an expression: "
			    "%s=\"%s\"\n", mi->file,
			    xmlGetLineNo(a->parent), a->name, v);
			mi->n++;
		}
		xmlFree(v);
		return;
	}
	if (xsl)
		v[n - 1] = '\0';
	id = text_id(v + (xsl ? 1 : 0));
	xmlFree(v);
	if (id == NULL)
		return;
	m = translation(file, lang, id, a->parent, mi);
	free(id);
	if (m == NULL || (tr = xmlNodeGetContent(m->text)) == NULL)
		return;
	if (xsl) {
		lit = strchr((const char *)tr, '\'') == NULL ? "'" : "\"";
		v = xmlStrncatNew(BAD_CAST lit, tr, -1);
		v = xmlStrcat(v, BAD_CAST lit);
		xmlSetProp(a->parent, a->name, v);
		xmlFree(v);
	} else
		xmlSetProp(a->parent, a->name, tr);
	xmlFree(tr);
}

/* An <l:m>: replaced by its translation, or by its own content. */
static void
localize_msg(xmlNodePtr e, const char *file, enum lang lang,
    struct missing *mi)
{
	xmlNodePtr	 c, next, copy;
	struct msg	*m = NULL;
	char		*id;

	if (lang != LANG_ZH && (id = content_id(e)) != NULL) {
		m = translation(file, lang, id, e, mi);
		free(id);
	}
	if (m != NULL) {
		copy = xmlDocCopyNodeList(e->doc, m->text->children);
		for (c = copy; c != NULL; c = next) {
			next = c->next;
			xmlAddPrevSibling(e, c);
		}
	} else {
		for (c = e->children; c != NULL; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			xmlAddPrevSibling(e, c);
		}
	}
	xmlUnlinkNode(e);
	xmlFreeNode(e);
}

static void
localize_node(xmlNodePtr n, const char *file, enum lang lang,
    struct missing *mi)
{
	xmlNodePtr	 c, next;
	xmlAttrPtr	 a;
	int		 xsl;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (is_text(c)) {
			localize_text(c, file, lang, mi);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (in_ns(c, L10N_NS)) {
			localize_msg(c, file, lang, mi);
			continue;
		}
		xsl = in_ns(c, XSL_NS);
		for (a = c->properties; a != NULL; a = a->next)
			localize_attr(a, xsl, file, lang, mi);
		localize_node(c, file, lang, mi);
	}
}

/*
 * Localise a stylesheet's document in place, then drop its declaration of
 * the l10n namespace, which nothing uses any more (libxslt would copy it
 * onto the page's elements).
 */
static void
localize(xmlDocPtr doc, const char *file, enum lang lang,
    struct missing *mi)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc);
	xmlNsPtr	*ns, dead;

	if (root == NULL)
		return;
	localize_node(root, file, lang, mi);
	for (ns = &root->nsDef; *ns != NULL; ns = &(*ns)->next)
		if (xmlStrEqual((*ns)->href, BAD_CAST L10N_NS)) {
			dead = *ns;
			*ns = dead->next;
			dead->next = NULL;
			xmlFreeNs(dead);
			break;
		}
}

/*
 * The language a browser asks for (Accept-Language): the supported one
 * with the highest weight, the first of equal ones; Chinese when none.
 */
enum lang
l10n_negotiate(const char *accept)
{
	const char	*p = accept, *tag, *semi;
	size_t		 len;
	double		 q, best_q = 0;
	enum lang	 best = LANG_ZH;
	int		 lang;

	while (p != NULL && *p != '\0') {
		p += strspn(p, " \t,");
		tag = p;
		len = strcspn(p, " \t,;");
		p += len;
		q = 1;
		if ((semi = strchr(p, ';')) != NULL &&
		    semi < p + strcspn(p, ",")) {
			p = semi + 1 + strspn(semi + 1, " \t");
			if (p[0] == 'q' && p[1] == '=')
				q = strtod(p + 2, NULL);
		}
		p += strcspn(p, ",");
		if (len == 0 || !(q > best_q) || q > 1)
			continue;
		for (lang = 0; lang < LANG__MAX; lang++)
			if (strncasecmp(tag, lang_names[lang], 2) == 0 &&
			    (len == 2 || tag[2] == '-')) {
				best = (enum lang)lang;
				best_q = q;
			}
	}
	return best;
}

/*
 * A request's language: the one the switch chose (its cookie), else the
 * browser's (Accept-Language).
 */
enum lang
l10n_choose(const struct param *cookie, const char *accept)
{
	int	 lang;

	for (lang = 0; cookie != NULL && lang < LANG__MAX; lang++)
		if (strcmp(cookie->val, lang_names[lang]) == 0)
			return (enum lang)lang;
	return l10n_negotiate(accept);
}

/*
 * bluecode l10n-check: every stylesheet of dir in every language; prints
 * the messages without a translation (as the catalog entries to write)
 * and the catalogs' entries no stylesheet uses. 0 when there are none.
 */
int
l10n_check(const char *dir)
{
	struct missing	 mi;
	struct msg	*m;
	char		 path[1200];
	DIR		*d;
	struct dirent	*de;
	xmlDocPtr	 doc;
	size_t		 i, n, bad = 0;
	int		 lang;

	if (l10n_init(dir) == -1)
		return 1;
	for (lang = LANG_ZH + 1; lang < LANG__MAX; lang++) {
		if ((d = opendir(dir)) == NULL) {
			log_warn("%s", dir);
			return 1;
		}
		while ((de = readdir(d)) != NULL) {
			n = strlen(de->d_name);
			if (n < 5 || strcmp(de->d_name + n - 4, ".xsl") != 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			if ((doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) ==
			    NULL) {
				bad++;
				continue;
			}
			mi.out = stdout;
			mi.file = de->d_name;
			mi.n = 0;
			localize(doc, de->d_name, (enum lang)lang, &mi);
			bad += mi.n;
			xmlFreeDoc(doc);
		}
		closedir(d);
		for (i = 0; i < MSG_BUCKETS; i++)
			for (m = catalogs[lang].bucket[i]; m != NULL;
			    m = m->next)
				if (!m->used) {
					printf("l10n/%s/%.*s.xml: unused: %s\n",
					    lang_names[lang],
					    (int)(strlen(m->file) - 4), m->file,
					    m->id);
					bad++;
				}
	}
	if (bad > 0)
		fprintf(stderr, "l10n-check: %zu problems\n", bad);
	l10n_free();
	return bad > 0;
}

/*
 * Reference data in a language: the name a row keeps in that language,
 * en, where there is one (not NULL, not empty), else the Chinese, zh.
 */
const char *
l10n_pick(enum lang lang, const char *zh, const char *en)
{
	return lang == LANG_EN && en != NULL && *en != '\0' ? en : zh;
}

/*
 * The same for every row of a result: in English, column zh takes the
 * value of column en where that holds a name.
 */
void
l10n_cells(enum lang lang, struct dbres *res, size_t zh, size_t en)
{
	size_t	 i;

	if (lang != LANG_EN || zh >= res->ncols || en >= res->ncols)
		return;
	for (i = 0; i < res->nrows; i++)
		if (l10n_pick(lang, NULL, DBRES(res, i, en)) != NULL) {
			DBRES(res, i, zh) = DBRES(res, i, en);
			res->len[i * res->ncols + zh] =
			    res->len[i * res->ncols + en];
		}
}
