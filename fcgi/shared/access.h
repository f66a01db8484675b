/*
 * access.h: the access log of personal data shown unmasked to an admin
 * (access.c), and the reasons an admin gives for it.
 */
#ifndef ACCESS_H
#define ACCESS_H

#define ACCESS_REASON_MAX	200	/* characters */

int		 access_valid_reason(struct fval *);
int		 access_reason_ok(const struct fval *);
enum dberr	 access_write(struct req *, const char *, long long,
		    const char *, const char *, const char *);

#endif /* ACCESS_H */
