/*
 * unit.h: the unit room: units (单位) people create and join, their
 * members and invitations, and what other rooms ask of it.
 */
#ifndef UNIT_H
#define UNIT_H

#define UNIT_NAME_MAX		64	/* characters, as unit.name */
#define UNIT_HEADCOUNT_MAX	1000000
#define UNIT_CODE_LEN		8	/* a join code's characters */
#define UNIT_INVITES_MAX	5000	/* lines of one invitation file */

/* unit.c: for other rooms. */
enum dberr	 unit_claim_invite(struct req *, long long, const char *);
int		 unit_of_person(struct req *, struct dbres **);

#endif /* UNIT_H */
