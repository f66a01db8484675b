/*
 * scope.h: what a signed-in admin's scope covers (scope.c): the whole
 * jurisdiction, one street or town, one department's units, one unit or
 * one fire station.
 */
#ifndef SCOPE_H
#define SCOPE_H

int		 admin_district(struct req *);
long long	 admin_department(struct req *);
long long	 admin_street(struct req *);
long long	 admin_unit(struct req *);
long long	 admin_station(struct req *);

#endif /* SCOPE_H */
