/*
 * notice.h: the status changes of what residents ask for, kept in one
 * table and shown on tracking pages and the person's page (notice.c).
 */
#ifndef NOTICE_H
#define NOTICE_H

/* What changed: the object, whose it is, its new status, and why. */
struct notice {
	const char	*kind;		/* hazard, training, visit, aid */
	long long	 object;	/* its row id */
	const char	*ref;		/* its tracking number */
	long long	 person;	/* the signed-in person's, or 0 */
	const char	*phone;		/* whom to tell, or NULL */
	const char	*status;	/* the new status */
	const char	*message;	/* a reason or note, or NULL */
};

enum dberr	 notice_add(struct req *, const struct notice *);
int		 notice_list_xml(struct req *, xmlNodePtr, const char *,
		    long long, int);
int		 notice_person_xml(struct req *, xmlNodePtr, long long);

#endif /* NOTICE_H */
