/*
 * test-xml.c: a result row as attributes (xml_row): names by column,
 * "-" to leave one out, NULL cells left out, no more names than columns.
 */
#include <string.h>

#include "core/app.h"
#include "tap.h"

static const char *
attr(xmlNodePtr n, const char *name)
{
	static char	 buf[64];
	xmlChar		*v = xmlGetProp(n, BAD_CAST name);

	if (v == NULL)
		return NULL;
	snprintf(buf, sizeof(buf), "%s", (char *)v);
	xmlFree(v);
	return buf;
}

int
main(void)
{
	char		*cells[] = { "7", "隐藏", NULL, "城厢街道" };
	size_t		 lens[] = { 1, 6, 0, 12 };
	struct dbres	 res = { 1, 4, cells, lens };
	xmlDocPtr	 doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr	 n = xmlNewDocNode(doc, NULL, BAD_CAST "row", NULL);

	xmlDocSetRootElement(doc, n);
	xml_row(n, &res, 0, "id - population name extra");
	ok(attr(n, "id") != NULL && strcmp(attr(n, "id"), "7") == 0,
	    "column 0 is id");
	ok(attr(n, "-") == NULL, "a column named - is left out");
	ok(attr(n, "population") == NULL, "a NULL cell is no attribute");
	ok(attr(n, "name") != NULL && strcmp(attr(n, "name"), "城厢街道") == 0,
	    "column 3 is name, with its text whole");
	ok(attr(n, "extra") == NULL, "a name past the last column is ignored");
	xmlFreeDoc(doc);
	return done_testing();
}
