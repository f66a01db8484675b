/*
 * markup.c: a lesson's text as an admin types it in a plain textarea,
 * and back. The lesson vocabulary (sql/course/courses.rng) in a few line
 * marks anyone can learn from the form's help:
 *
 *	## 标题			a heading (h)
 *	- 一项			an item of a list (ul)
 *	1. 第一步		an item of a numbered list (ol); "1、" too
 *	> 提示			a tip (note)
 *	依据：《消防法》	the source of what the lesson says (source)
 *	**重点**		strong, inside any of them
 *
 * Anything else is a paragraph (p); a blank line ends one. The text is
 * built into an XML document with libxml2, so whatever an admin types
 * stays text: the lesson page's stylesheet escapes it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/app.h"
#include "course/course.h"

/* What a line of the text is. */
enum mark {
	MARK_BLANK,
	MARK_P,
	MARK_H,
	MARK_UL,
	MARK_OL,
	MARK_NOTE,
	MARK_SOURCE
};

#define SOURCE_MARK	"依据："

static const char *const block_name[] = {
	[MARK_P] = "p", [MARK_H] = "h", [MARK_UL] = "ul", [MARK_OL] = "ol",
	[MARK_NOTE] = "note", [MARK_SOURCE] = "source",
};

/*
 * The mark of the line s[0..n) and, in *skip, the length of the mark
 * itself (and the spaces after it).
 */
static enum mark
line_mark(const char *s, size_t n, size_t *skip)
{
	size_t	 i = 0, sl = strlen(SOURCE_MARK);

	*skip = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i == n)
		return MARK_BLANK;
	s += i;
	n -= i;
	*skip = i;
	if (n >= 3 && memcmp(s, "## ", 3) == 0)
		return *skip += 3, MARK_H;
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return *skip += 2, MARK_UL;
	if (n >= 2 && s[0] == '>' && s[1] == ' ')
		return *skip += 2, MARK_NOTE;
	if (n >= sl && memcmp(s, SOURCE_MARK, sl) == 0)
		return *skip += sl, MARK_SOURCE;
	for (i = 0; i < n && i < 3 && isdigit((unsigned char)s[i]); i++)
		;
	if (i > 0 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ')
		return *skip += i + 2, MARK_OL;
	if (i > 0 && n - i >= 3 && memcmp(s + i, "、", 3) == 0)
		return *skip += i + 3, MARK_OL;
	return MARK_P;
}

/* s[0..n) without the spaces at either end. */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && ((*s)[0] == ' ' || (*s)[0] == '\t'))
		(*s)++, (*n)--;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
	    (*s)[*n - 1] == '\r'))
		(*n)--;
}

/*
 * Append s[0..n) to the element el as text, with **…** as strong. An
 * unmatched "**" stays as typed.
 */
static void
add_inline(xmlNodePtr el, const char *s, size_t n)
{
	const char	*end = s + n, *open, *close;
	xmlChar		*t;

	while (s < end) {
		open = memmem(s, (size_t)(end - s), "**", 2);
		close = open != NULL ? memmem(open + 2,
		    (size_t)(end - open - 2), "**", 2) : NULL;
		if (close == NULL || close == open + 2) {
			xmlNodeAddContentLen(el, BAD_CAST s, (int)(end - s));
			return;
		}
		if (open > s)
			xmlNodeAddContentLen(el, BAD_CAST s, (int)(open - s));
		t = xmlStrndup(BAD_CAST (open + 2), (int)(close - open - 2));
		xmlNewTextChild(el, NULL, BAD_CAST "strong", t);
		xmlFree(t);
		s = close + 2;
	}
}

/* The last byte of an element's text: whether it ends in ASCII. */
static int
ends_ascii(xmlNodePtr el)
{
	xmlNodePtr	 c = el->last;
	const xmlChar	*t;
	size_t		 n;

	if (c == NULL)
		return 0;
	t = c->type == XML_TEXT_NODE ? c->content :
	    c->children != NULL ? c->children->content : NULL;
	if (t == NULL || (n = strlen((const char *)t)) == 0)
		return 0;
	return t[n - 1] < 0x80;
}

/* The document as the string <body>…</body> in the pool. */
static char *
body_string(struct pool *p, xmlDocPtr d)
{
	xmlBufferPtr	 buf;
	char		*s = NULL;

	if ((buf = xmlBufferCreate()) == NULL)
		return NULL;
	if (xmlNodeDump(buf, d, xmlDocGetRootElement(d), 0, 0) > 0)
		s = pool_strdup(p, (const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return s;
}

char *
lesson_body_from_text(struct pool *p, const char *text, size_t *bad)
{
	xmlDocPtr	 d;
	xmlNodePtr	 body, block = NULL, item;
	enum mark	 m, cur = MARK_BLANK;
	const char	*s = text, *eol, *c;
	size_t		 n, skip, line = 0, cn;
	char		*out = NULL;

	*bad = 0;
	if ((d = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return NULL;
	body = xmlNewDocNode(d, NULL, BAD_CAST "body", NULL);
	xmlDocSetRootElement(d, body);
	for (; *s != '\0'; s = *eol != '\0' ? eol + 1 : eol) {
		line++;
		eol = s + strcspn(s, "\n");
		n = (size_t)(eol - s);
		m = line_mark(s, n, &skip);
		c = s + skip;
		cn = n - skip;
		trim(&c, &cn);
		if (m == MARK_BLANK) {
			cur = MARK_BLANK;
			continue;
		}
		if (cn == 0) {			/* a mark and nothing after it */
			*bad = line;
			goto out;
		}
		/* A heading is one line; a new kind of line, a new block. */
		if (m != cur || m == MARK_H) {
			block = xmlNewChild(body, NULL,
			    BAD_CAST block_name[m], NULL);
			cur = m;
		}
		if (m == MARK_UL || m == MARK_OL) {
			item = xmlNewChild(block, NULL, BAD_CAST "li", NULL);
			add_inline(item, c, cn);
			continue;
		}
		if (block->children != NULL && ends_ascii(block) &&
		    (unsigned char)c[0] < 0x80)
			xmlNodeAddContent(block, BAD_CAST " ");
		add_inline(block, c, cn);
	}
	if (body->children == NULL) {
		*bad = line > 0 ? 1 : 0;
		goto out;
	}
	out = body_string(p, d);
	if (out == NULL)
		*bad = 0;
out:
	xmlFreeDoc(d);
	return out;
}

/* The inline content of el (text and strong) appended to buf. */
static void
text_inline(xmlBufferPtr buf, xmlNodePtr el)
{
	xmlNodePtr	 c;
	xmlChar		*t;

	for (c = el->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			xmlBufferCat(buf, c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		t = xmlNodeGetContent(c);
		xmlBufferCCat(buf, "**");
		if (t != NULL)
			xmlBufferCat(buf, t);
		xmlBufferCCat(buf, "**");
		xmlFree(t);
	}
}

char *
lesson_text_from_body(struct pool *p, const char *body)
{
	xmlDocPtr	 d;
	xmlNodePtr	 b, li;
	xmlBufferPtr	 buf;
	const char	*name;
	char		 num[16];
	char		*out = NULL;
	int		 k;

	if ((d = xmlReadMemory(body, (int)strlen(body), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) ==
	    NULL)
		return NULL;
	if ((buf = xmlBufferCreate()) == NULL) {
		xmlFreeDoc(d);
		return NULL;
	}
	for (b = xmlDocGetRootElement(d)->children; b != NULL; b = b->next) {
		if (b->type != XML_ELEMENT_NODE)
			continue;
		if (xmlBufferLength(buf) > 0)
			xmlBufferCCat(buf, "\n\n");
		name = (const char *)b->name;
		if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0) {
			for (li = b->children, k = 0; li != NULL;
			    li = li->next) {
				if (li->type != XML_ELEMENT_NODE)
					continue;
				if (k > 0)
					xmlBufferCCat(buf, "\n");
				snprintf(num, sizeof(num), "%d. ", ++k);
				xmlBufferCCat(buf, name[0] == 'u' ? "- " : num);
				text_inline(buf, li);
			}
			continue;
		}
		if (strcmp(name, "h") == 0)
			xmlBufferCCat(buf, "## ");
		else if (strcmp(name, "note") == 0)
			xmlBufferCCat(buf, "> ");
		else if (strcmp(name, "source") == 0)
			xmlBufferCCat(buf, SOURCE_MARK);
		text_inline(buf, b);
	}
	out = pool_strdup(p, (const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	xmlFreeDoc(d);
	return out;
}

size_t
lesson_text_chars(const char *body)
{
	size_t		 n = 0;
	int		 in_tag = 0;

	for (; *body != '\0'; body++) {
		if (*body == '<')
			in_tag = 1;
		else if (*body == '>')
			in_tag = 0;
		else if (!in_tag && ((unsigned char)*body & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/*
 * A lesson's text, kept as <body>…</body>, into a page: parsed without
 * network or entities, then copied; escaping stays the serializer's.
 */
int
lesson_body_xml(xmlNodePtr into, const char *body)
{
	xmlDocPtr	 d;

	if ((d = xmlReadMemory(body, (int)strlen(body), NULL, "UTF-8",
	    XML_PARSE_NONET)) == NULL)
		return -1;
	xmlAddChild(into, xmlDocCopyNode(xmlDocGetRootElement(d), into->doc,
	    1));
	xmlFreeDoc(d);
	return 0;
}
