/*
 * home.c: the home page of the jurisdiction: what the blue code is, who
 * takes it, and the streets and towns with their monthly targets.
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

/* <regions>: streets and towns with population and monthly target. */
static int
home_regions(struct req *r, xmlNodePtr root, long long jid)
{
	struct dbres	*res;
	xmlNodePtr	 list, n;
	long long	 pop = 0, target = 0;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, STMT_REGION_LIST, &res, "i", jid)) != DB_OK)
		return db_status(e);
	list = xml_add(root, "regions", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "region", NULL);
		xml_prop(n, "code", DBRES(res, i, 1));
		xml_prop(n, "name", DBRES(res, i, 2));
		xml_prop(n, "kind", DBRES(res, i, 3));
		xml_prop(n, "population", DBRES(res, i, 4));
		xml_prop(n, "target", DBRES(res, i, 5));
		pop += db_ll(res, i, 4);
		target += db_ll(res, i, 5);
	}
	xml_propll(list, "population", pop);
	xml_propll(list, "target", target);
	return 0;
}

int
home_get(struct req *r)
{
	const struct jurisdiction	*j;
	xmlDocPtr			 doc;
	xmlNodePtr			 root;
	enum dberr			 e;
	int				 rc;

	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((doc = xml_page(r, "home")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = home_roles(r, root)) != 0 ||
	    (rc = home_regions(r, root, j->id)) != 0)
		return rc;
	return page_finish(r, SHEET_HOME, doc);
}
