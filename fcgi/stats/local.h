/* local.h: what the statistics room's files share. */
#ifndef STATS_LOCAL_H
#define STATS_LOCAL_H

/* units.c */
int		 stats_valid_sort(struct fval *);
int		 stats_units_xml(struct req *, xmlNodePtr, const char *,
		    const char *, const char *, long long, long long);

#endif /* STATS_LOCAL_H */
