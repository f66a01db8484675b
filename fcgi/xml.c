/*
 * xml.c: building page documents.
 * Text and attribute values go in through xmlNewTextChild and xmlNewProp,
 * which store them as text: escaping is left to the serializer.
 */
#include <stdarg.h>
#include <stdio.h>

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
