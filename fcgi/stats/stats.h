/*
 * stats.h: the statistics room: the daily rollups of graded attempts
 * (rollup.c) and the offices' figures built on them (stats.c).
 */
#ifndef STATS_H
#define STATS_H

/* rollup.c */
enum dberr	 stats_graded(struct req *, long long);
int		 stats_rebuild_command(const struct conf *, const char *,
		    const char *);

/* members.c: what a member row keeps for the rankings. */
enum dberr	 stats_member_refresh(long long);
enum dberr	 stats_member_refresh_code(long long);
enum dberr	 stats_member_refresh_attempt(long long);
enum dberr	 stats_members_refresh_all(void);
enum dberr	 stats_member_points(long long, long long);

/* growth.c: points earned today by a person, into its street's day. */
enum dberr	 stats_points(long long, long long);

/* daily.c: a unit's learners and points, day by day. */
#define STATS_DAILY_DAYS	30
int		 stats_unit_daily_xml(struct req *, xmlNodePtr, long long,
		    int);

#endif /* STATS_H */
