/*
 * xml.c: building page documents.
 * Text and attribute values go in through xmlNewTextChild and xmlNewProp,
 * which store them as text: escaping is left to the serializer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app.h"

static void
doc_free(void *arg)
{
	xmlFreeDoc(arg);
}

/*
 * A new page document, <page name="..." lang="zh-CN">, owned by the
 * request's pool.
 */
xmlDocPtr
xml_page(struct req *r, const char *name)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return NULL;
	if (pool_cleanup(r->pool, doc_free, doc) == -1) {
		xmlFreeDoc(doc);
		return NULL;
	}
	root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(doc, root);
	xml_prop(root, "name", name);
	xml_prop(root, "lang", "zh-CN");
	return doc;
}

/* A child element holding text (NULL: an empty element). */
xmlNodePtr
xml_add(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name,
	    (const xmlChar *)text);
}

xmlNodePtr
xml_addf(xmlNodePtr parent, const char *name, const char *fmt, ...)
{
	char	 buf[1024];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return xml_add(parent, name, buf);
}

void
xml_prop(xmlNodePtr node, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

void
xml_propf(xmlNodePtr node, const char *name, const char *fmt, ...)
{
	char	 buf[1024];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	xml_prop(node, name, buf);
}

void
xml_propll(xmlNodePtr node, const char *name, long long v)
{
	xml_propf(node, name, "%lld", v);
}

/*
 * Row i of a result as attributes: names lists them for the columns in
 * order, separated by spaces; "-" leaves a column out. A NULL cell is no
 * attribute.
 */
void
xml_row(xmlNodePtr node, const struct dbres *res, size_t i,
    const char *names)
{
	char	 name[64];
	size_t	 col, len;

	for (col = 0; *names != '\0' && col < res->ncols; col++) {
		len = strcspn(names, " ");
		if (len > 0 && len < sizeof(name) &&
		    !(len == 1 && names[0] == '-')) {
			memcpy(name, names, len);
			name[len] = '\0';
			xml_prop(node, name, DBRES(res, i, col));
		}
		names += len;
		names += strspn(names, " ");
	}
}
