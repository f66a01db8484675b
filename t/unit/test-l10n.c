/*
 * test-l10n.c: the interface's languages (core/l10n.c). The browser's
 * choice and the switch's; a stylesheet and the one it imports compiled
 * in English with their catalogs (text, attributes, string literals,
 * messages with values in another order, white space kept) and in
 * Chinese (messages unwrapped, no trace of the l10n namespace); what has
 * no translation stays Chinese; fragments are kept per language; and
 * l10n-check finds what is missing and what is unused.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxslt/xsltInternals.h>

#include "core/app.h"
#include "tap.h"

static void
write_file(const char *dir, const char *file, const char *text)
{
	char	 path[1200];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((f = fopen(path, "w")) == NULL || fputs(text, f) == EOF ||
	    fclose(f) == EOF)
		exit(1);
}

static const char page_xsl[] =
    "<xsl:stylesheet version=\"1.0\""
    " xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\""
    " xmlns:l=\"urn:bluecode:l10n\">\n"
    "<xsl:import href=\"part.xsl\"/>\n"
    "<xsl:output method=\"html\" encoding=\"UTF-8\"/>\n"
    "<xsl:template match=\"/t\"><p title=\"第{@n}题\">"
    "<xsl:call-template name=\"label\">"
    "<xsl:with-param name=\"s\" select=\"'密码'\"/></xsl:call-template>"
    "|<b>  下一题 </b>|"
    "<l:m>共 <xsl:value-of select=\"@n\"/> 题，请<a href=\"/q\">开始</a></l:m>"
    "|<i>未译</i>|<q>甲 &amp; 乙</q>|<xsl:call-template name=\"part\"/>"
    "</p></xsl:template>\n"
    "<xsl:template name=\"label\"><xsl:param name=\"s\"/>"
    "<u><xsl:value-of select=\"$s\"/></u></xsl:template>\n"
    "</xsl:stylesheet>\n";

static const char part_xsl[] =
    "<xsl:stylesheet version=\"1.0\""
    " xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\""
    " xmlns:l=\"urn:bluecode:l10n\">\n"
    "<xsl:template name=\"part\"><s><l:m>zh-CN</l:m></s><s>首页</s>"
    "</xsl:template>\n"
    "</xsl:stylesheet>\n";

static const char page_en[] =
    "<catalog xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
    "<m><zh>第{@n}题</zh><en>Question {@n}</en></m>\n"
    "<m><zh>密码</zh><en>Password's</en></m>\n"
    "<m><zh>下一题</zh><en>Next</en></m>\n"
    "<m><zh>甲 &amp; 乙</zh><en>A &amp; B</en></m>\n"
    "<m><zh>共 <xsl:value-of select=\"@n\"/> 题，请<a href=\"/q\">开始</a>"
    "</zh><en><a href=\"/q\">Start</a> the <xsl:value-of select=\"@n\"/>"
    " questions</en></m>\n"
    "</catalog>\n";

static const char part_en[] =
    "<catalog>\n"
    "<m><zh>zh-CN</zh><en>en</en></m>\n"
    "<m><zh>首页</zh><en>Home</en></m>\n"
    "</catalog>\n";

/* The page rendered from <t n="20"/>, as a string (static). */
static const char *
render(struct sheet *s, enum lang lang)
{
	static char	 out[4096];
	xmlDocPtr	 doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr	 t = xmlNewDocNode(doc, NULL, BAD_CAST "t", NULL);
	xmlChar		*html;
	int		 len;

	xmlNewProp(t, BAD_CAST "n", BAD_CAST "20");
	xmlDocSetRootElement(doc, t);
	render_lang(lang);
	out[0] = '\0';
	if (render_apply(s, doc, &html, &len) == 0) {
		snprintf(out, sizeof(out), "%.*s", len, html);
		out[strcspn(out, "\n")] = '\0';
		xmlFree(html);
	}
	xmlFreeDoc(doc);
	render_lang(LANG_ZH);
	return out;
}

static xmlDocPtr
frag_input(void *arg)
{
	xmlDocPtr	 doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr	 t = xmlNewDocNode(doc, NULL, BAD_CAST "t", NULL);

	(void)arg;
	xmlNewProp(t, BAD_CAST "n", BAD_CAST "3");
	xmlDocSetRootElement(doc, t);
	return doc;
}

static int
check_quietly(const char *dir)
{
	int	 out = dup(1), rc;

	fflush(stdout);
	if (freopen("/dev/null", "w", stdout) == NULL)
		exit(1);
	rc = l10n_check(dir);
	fflush(stdout);
	dup2(out, 1);
	close(out);
	return rc;
}

int
main(void)
{
	char			 dir[] = "/tmp/test-l10n-XXXXXX", sub[1200];
	struct sheet		 page = { "page.xsl", 0, { NULL } };
	struct param		 ck;
	const struct fragment	*fz, *fe;

	memset(&ck, 0, sizeof(ck));
	ck.name = "bc_lang";
	ck.val = "en";
	ok(l10n_negotiate(NULL) == LANG_ZH, "no Accept-Language: Chinese");
	ok(l10n_negotiate("en-US,en;q=0.9") == LANG_EN, "English");
	ok(l10n_negotiate("zh-CN,zh;q=0.9,en;q=0.8") == LANG_ZH,
	    "Chinese before English");
	ok(l10n_negotiate("fr-FR, en;q=0.5, zh;q=0.4") == LANG_EN,
	    "the supported one weighed highest");
	ok(l10n_negotiate("zh;q=0, EN") == LANG_EN, "q=0 is refused; any case");
	ok(l10n_negotiate("eng, enx;q=1") == LANG_ZH,
	    "a tag is English only as en or en-…");
	ok(l10n_negotiate("en;q=2, *") == LANG_ZH, "a weight over 1 is bad");
	ok(l10n_choose(&ck, "zh-CN") == LANG_EN, "the switch wins");
	ck.val = "fr";
	ok(l10n_choose(&ck, "en") == LANG_EN,
	    "a cookie of no language is ignored");

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(sub, sizeof(sub), "%s/l10n", dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/l10n/en", dir);
	mkdir(sub, 0700);
	write_file(dir, "page.xsl", page_xsl);
	write_file(dir, "part.xsl", part_xsl);
	write_file(sub, "page.xml", page_en);
	write_file(sub, "part.xml", part_en);
	ok(render_init(dir, 0) == 0, "rendering is set up with the catalogs");

	is_str(render(&page, LANG_EN),
	    "<p title=\"Question 20\"><u>Password's</u>|<b>  Next </b>|"
	    "<a href=\"/q\">Start</a> the 20 questions|<i>未译</i>|"
	    "<q>A &amp; B</q>|<s>en</s><s>Home</s></p>",
	    "English: each kind of message (escaped text too), and the "
	    "imported stylesheet's");
	is_str(render(&page, LANG_ZH),
	    "<p title=\"第20题\"><u>密码</u>|<b>  下一题 </b>|"
	    "共 20 题，请<a href=\"/q\">开始</a>|<i>未译</i>|<q>甲 &amp; 乙</q>|"
	    "<s>zh-CN</s><s>首页</s></p>",
	    "Chinese: messages unwrapped, no namespace left on the page");
	ok(page.compiled[LANG_ZH] != NULL && page.compiled[LANG_EN] != NULL &&
	    page.compiled[LANG_ZH] != page.compiled[LANG_EN],
	    "one compiled stylesheet per language");

	render_lang(LANG_ZH);
	fz = fragment_get(&page, "k", 1, frag_input, NULL);
	render_lang(LANG_EN);
	fe = fragment_get(&page, "k", 1, frag_input, NULL);
	render_lang(LANG_ZH);
	ok(fz != NULL && fe != NULL && fz != fe && fragment_count() == 2,
	    "one key, a fragment per language");
	render_free();
	xsltFreeStylesheet(page.compiled[LANG_ZH]);	/* not a module's */
	xsltFreeStylesheet(page.compiled[LANG_EN]);

	ok(check_quietly(dir) == 1, "l10n-check: 未译 has no translation");
	write_file(sub, "page.xml", "<catalog>"
	    "<m><zh>第{@n}题</zh><en>Question {@n}</en></m>"
	    "<m><zh>密码</zh><en>Password</en></m>"
	    "<m><zh>下一题</zh><en>Next</en></m>"
	    "<m><zh>未译</zh><en>Untranslated</en></m>"
	    "<m><zh>甲 &amp; 乙</zh><en>A &amp; B</en></m>"
	    "<m><zh>共 <xsl:value-of xmlns:xsl=\"http://www.w3.org/1999/XSL/"
	    "Transform\" select=\"@n\"/> 题，请<a href=\"/q\">开始</a></zh>"
	    "<en>x</en></m>"
	    "</catalog>");
	ok(check_quietly(dir) == 1,
	    "a message written otherwise than in the stylesheet is missing");
	write_file(sub, "page.xml", page_en);
	write_file(sub, "extra.xml", "<catalog><m><zh>多余</zh><en>Extra</en>"
	    "</m></catalog>");
	ok(check_quietly(dir) == 1, "an entry no stylesheet uses is reported");
	snprintf(sub, sizeof(sub), "%s/l10n/en/extra.xml", dir);
	unlink(sub);
	write_file(dir, "untr.xsl", "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	    "<xsl:template match=\"/\"><xsl:if test=\"@a = '是'\">x</xsl:if>"
	    "</xsl:template></xsl:stylesheet>");
	snprintf(sub, sizeof(sub), "%s/l10n/en", dir);
	write_file(sub, "page.xml", "<catalog xmlns:xsl=\"http://www.w3.org/"
	    "1999/XSL/Transform\">"
	    "<m><zh>第{@n}题</zh><en>Question {@n}</en></m>"
	    "<m><zh>密码</zh><en>Password</en></m>"
	    "<m><zh>下一题</zh><en>Next</en></m>"
	    "<m><zh>未译</zh><en>Untranslated</en></m>"
	    "<m><zh>甲 &amp; 乙</zh><en>A &amp; B</en></m>"
	    "<m><zh>共 <xsl:value-of select=\"@n\"/> 题，请<a href=\"/q\">开始"
	    "</a></zh><en>x</en></m></catalog>");
	ok(check_quietly(dir) == 1, "Chinese in an expression is reported");
	snprintf(sub, sizeof(sub), "%s/untr.xsl", dir);
	unlink(sub);
	ok(check_quietly(dir) == 0, "complete catalogs pass");
	write_file(dir, "l10n/en/bad.xml", "<catalog><m><zh>甲</zh></m>"
	    "</catalog>");
	ok(render_init(dir, 0) == -1, "a malformed catalog stops the start");
	render_free();

	snprintf(sub, sizeof(sub), "rm -rf '%s'", dir);
	if (system(sub) != 0)
		return 1;
	xsltCleanupGlobals();
	xmlCleanupParser();
	return done_testing();
}
