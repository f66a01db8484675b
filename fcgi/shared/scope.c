/*
 * scope.c: what a signed-in admin's scope covers, from the session (the
 * admin row's scope and scope_id). Every admin page asks here before it
 * reads or writes, so that an admin of one street, department, unit or
 * fire station gets a 403 or a 404 for another's, whatever URL is typed.
 */
#include <string.h>

#include "core/app.h"
#include "shared/scope.h"

/* Whether the admin's scope is the whole jurisdiction. */
int
admin_district(struct req *r)
{
	return r->sess.admin_scope != NULL &&
	    strcmp(r->sess.admin_scope, "district") == 0;
}

/* The scope's id when the admin's scope is of kind, or -1. */
static long long
scope_of(struct req *r, const char *kind)
{
	if (r->sess.admin_scope != NULL &&
	    strcmp(r->sess.admin_scope, kind) == 0 &&
	    r->sess.admin_scope_id > 0)
		return r->sess.admin_scope_id;
	return -1;
}

/*
 * The department whose units this admin looks after: 0 for a district
 * admin (every department), the scope's department for a department
 * admin; -1 for any other scope.
 */
long long
admin_department(struct req *r)
{
	return admin_district(r) ? 0 : scope_of(r, "department");
}

/*
 * The street or town this admin's figures are limited to: 0 for a
 * district admin (all of them), its own for a street admin; -1 for any
 * other scope.
 */
long long
admin_street(struct req *r)
{
	return admin_district(r) ? 0 : scope_of(r, "street");
}

/*
 * The unit this admin looks after: 0 for a district admin (every unit),
 * its own for a unit admin; -1 for any other scope (a department or
 * street admin's units are asked with admin_department, admin_street).
 */
long long
admin_unit(struct req *r)
{
	return admin_district(r) ? 0 : scope_of(r, "unit");
}

/*
 * The fire station whose visit slots this admin keeps: 0 for a district
 * admin (every station), its own for a station admin; -1 for any other
 * scope.
 */
long long
admin_station(struct req *r)
{
	return admin_district(r) ? 0 : scope_of(r, "station");
}
