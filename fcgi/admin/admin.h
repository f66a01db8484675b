/*
 * admin.h: the admin room, one module per area: the entry (admin.c), codes
 * (codes.c), bank versions (banks.c), questions and reports
 * (questions.c), roles and streets (settings.c); what they share.
 */
#ifndef ADMIN_H
#define ADMIN_H

/* admin.c */
int		 admin_add(const struct conf *, const char *, const char *,
		    const char *, const char *);

int		 admin_valid_dir(struct fval *);
enum dberr	 admin_move(struct req *, struct stmt *, struct stmt *,
		    long long, long long, int);
const char	*admin_roles_text(struct pool *, long long);

/* banks.c */
long long	 admin_draft_id(struct req *, enum dberr *);
int		 admin_banks_xml(struct req *, xmlNodePtr);

#endif /* ADMIN_H */
