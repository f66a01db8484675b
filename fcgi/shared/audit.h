/* audit.h: the audit log of admin actions (audit.c). */
#ifndef AUDIT_H
#define AUDIT_H

enum dberr	 audit_write(struct req *, const char *, const char *,
		    const char *);
void		 audit(struct req *, const char *, const char *, const char *);

#endif /* AUDIT_H */
