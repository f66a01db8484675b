/*
 * test-fragment.c: fragments kept per worker (fragment.c): made once by
 * their stylesheet and found again by key, escaped by the stylesheet,
 * told apart by every byte of the key and by the stylesheet, joined in
 * order into one element, valid for the whole request that got them, and
 * dropped all at once between requests when the cache is full (memory
 * stays bounded); valgrind finds nothing left behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>

#include "core/app.h"
#include "tap.h"

static int	 made;

static xmlDocPtr
input(void *arg)
{
	xmlDocPtr	 doc = xmlNewDoc(BAD_CAST "1.0");

	made++;
	xmlDocSetRootElement(doc, xmlNewDocRawNode(doc, NULL, BAD_CAST "t",
	    BAD_CAST arg));
	return doc;
}

static void
sheet_write(const char *dir, const char *file, const char *tag)
{
	char	 path[1200];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((f = fopen(path, "w")) == NULL)
		exit(1);
	fprintf(f, "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	    "<xsl:output method=\"html\" encoding=\"UTF-8\"/>"
	    "<xsl:template match=\"/t\"><%s class=\"x\">"
	    "<xsl:value-of select=\".\"/></%s></xsl:template>"
	    "</xsl:stylesheet>\n", tag, tag);
	fclose(f);
}

static const struct fragment *
get(struct sheet *s, const char *key, const char *text)
{
	return fragment_get(s, key, strlen(key), input, (void *)text);
}

int
main(void)
{
	char			 dir[] = "/tmp/test-fragment-XXXXXX", key[32];
	struct sheet		 a = { "a.xsl", 0, { NULL } }, b = { "b.xsl", 0, { NULL } };
	const struct fragment	*f1, *f2, *f[3];
	struct pool		*p = pool_new(4096);
	xmlDocPtr		 doc;
	xmlNodePtr		 n;
	xmlChar			*text;
	int			 i, before;

	if (mkdtemp(dir) == NULL)
		return 1;
	sheet_write(dir, "a.xsl", "b");
	sheet_write(dir, "b.xsl", "i");
	ok(render_init(dir, 0) == 0, "rendering is set up");

	f1 = get(&a, "k1", "<消防>&\"");
	ok(f1 != NULL && made == 1, "a fragment is made from its input");
	f2 = get(&a, "k1", "not used: the key says it is the same");
	ok(f2 == f1 && made == 1, "and found again by its key, not made again");
	f[0] = f1;
	f[1] = get(&a, "k2", "二");
	f[2] = get(&b, "k1", "三");
	ok(made == 3, "another key, or another stylesheet, is another fragment");
	ok(get(&a, "k", "x") != f1 && get(&a, "k1 ", "y") != f1,
	    "a key matches only whole");

	doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST "p", NULL));
	n = fragment_join(xmlDocGetRootElement(doc), "x-html", p, f, 3);
	text = xmlNodeGetContent(n);
	is_str((char *)text, "<b class=\"x\">&lt;消防&gt;&amp;\"</b>"
	    "<b class=\"x\">二</b><i class=\"x\">三</i>",
	    "joined in order, each escaped by its stylesheet");
	xmlFree(text);
	xmlFreeDoc(doc);

	before = (int)fragment_count();
	for (i = 0; i < 20000; i++) {
		snprintf(key, sizeof(key), "n%d", i);
		if (get(&a, key, "x") == NULL)
			break;
	}
	ok(i == 20000, "twenty thousand fragments are made in one request");
	ok(fragment_count() == (size_t)before + 20000,
	    "none is dropped during the request");
	doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST "p", NULL));
	n = fragment_join(xmlDocGetRootElement(doc), "x-html", p, &f1, 1);
	text = xmlNodeGetContent(n);
	is_str((char *)text, "<b class=\"x\">&lt;消防&gt;&amp;\"</b>",
	    "so the first one got is still whole");
	xmlFree(text);
	xmlFreeDoc(doc);
	fragment_trim();
	ok(fragment_count() == 0 && before > 0,
	    "between requests a full cache is emptied: memory stays bounded");
	get(&a, "k1", "again");
	fragment_trim();
	is_int(fragment_count(), 1, "one that is not full is kept");

	render_free();
	is_int(fragment_count(), 0, "render_free drops every fragment");
	xsltFreeStylesheet(a.compiled[LANG_ZH]);	/* not a module's: ours to free */
	xsltFreeStylesheet(b.compiled[LANG_ZH]);
	pool_free(p);
	if (chdir(dir) == 0) {
		unlink("a.xsl");
		unlink("b.xsl");
	}
	if (chdir("/") == 0)
		rmdir(dir);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return done_testing();
}
