/*
 * scope.h: what a signed-in admin's scope covers (scope.c): the whole
 * jurisdiction, one street or town, or one department's units.
 */
#ifndef SCOPE_H
#define SCOPE_H

int		 admin_district(struct req *);
long long	 admin_department(struct req *);
long long	 admin_street(struct req *);

#endif /* SCOPE_H */
