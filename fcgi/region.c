/*
 * region.c: reference data as XML: the streets and towns (镇街) of the
 * jurisdiction, with their resident population and monthly target (1% of
 * it, rounded as in the committee's table; both absent while the
 * population is not entered), and the roles.
 */
#include "app.h"

/* <regions>: streets and towns with population and monthly target. */
int
region_xml(struct req *r, xmlNodePtr root)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlNodePtr			 list, n;
	long long			 pop = 0, target = 0, unknown = 0;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((e = db_query(r->pool, STMT_REGION_LIST, &res, "i", j->id)) !=
	    DB_OK)
		return db_status(e);
	list = xml_add(root, "regions", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "region", NULL);
		xml_row(n, res, i, "id code name kind population target");
		if (DBRES(res, i, 4) == NULL) {
			unknown++;
			continue;
		}
		pop += db_ll(res, i, 4);
		target += db_ll(res, i, 5);
	}
	xml_propll(list, "population", pop);
	xml_propll(list, "target", target);
	if (unknown > 0)
		xml_propll(list, "unknown", unknown);
	return 0;
}

/* <roles>: each role with its validity in months. */
int
role_xml(struct req *r, xmlNodePtr root)
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
		xml_row(n, res, i, "code name months audience");
	}
	return 0;
}
