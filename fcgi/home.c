/*
 * home.c: the home page of the jurisdiction: what the blue code is, who
 * takes it and for how long, and how to get one.
 */
#include "app.h"

/* <roles>: each role with its validity in months. */
static int
home_roles(struct req *r, xmlNodePtr root)
{
	struct dbres	*res;
	xmlNodePtr	 list, n;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, STMT_ROLE_LIST, &res, "")) != DB_OK)
		return db_status(e);
	list = xml_add(root, "roles", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "role", NULL);
		xml_prop(n, "code", DBRES(res, i, 0));
		xml_prop(n, "name", DBRES(res, i, 1));
		xml_prop(n, "months", DBRES(res, i, 2));
		xml_prop(n, "audience", DBRES(res, i, 3));
	}
	return 0;
}

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
	    home_roles)) != 0)
		return rc;
	return page_finish_cached(r, SHEET_HOME, doc, &home_html);
}

void
home_free(void)
{
	refcache_free(&home_cache);
	htmlcache_free(&home_html);
}
