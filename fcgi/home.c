/*
 * home.c: the home page of the jurisdiction: what the blue code is, who
 * takes it and for how long, and how to get one.
 */
#include "app.h"

static struct refcache	 home_cache;
static struct htmlcache	 home_html;

int
home_get(struct req *r)
{
	const struct jurisdiction	*j;
	xmlDocPtr			 doc;
	enum dberr			 e;
	int				 rc;

	if (htmlcache_send(r, &home_html))
		return r->status;
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((doc = xml_page(r, "home")) == NULL)
		return 500;
	if ((rc = refcache_copy(r, &home_cache, xmlDocGetRootElement(doc),
	    role_xml)) != 0)
		return rc;
	return page_finish_cached(r, SHEET_HOME, doc, &home_html);
}

void
home_free(void)
{
	refcache_free(&home_cache);
	htmlcache_free(&home_html);
}
