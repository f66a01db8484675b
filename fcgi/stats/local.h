/* local.h: what the statistics room's files share. */
#ifndef STATS_LOCAL_H
#define STATS_LOCAL_H

/* stats.c */
int		 stats_targets_xml(struct req *, xmlNodePtr, long long,
		    const char *, const char *);
int		 stats_awareness_xml(struct req *, xmlNodePtr, const char *,
		    const char *, long long);

/* growth.c */
int		 stats_growth_xml(struct req *, xmlNodePtr, const char *,
		    const char *);

/* questions.c */
int		 stats_missed_xml(struct req *, xmlNodePtr, const char *,
		    const char *, long long);
int		 stats_item_xml(struct req *, xmlNodePtr, long long, long long);

/* units.c */
int		 stats_valid_sort(struct fval *);
int		 stats_units_xml(struct req *, xmlNodePtr, const char *,
		    const char *, const char *, long long, long long,
		    const char *);

#endif /* STATS_LOCAL_H */
