/*
 * members.c: each unit member's points and the last day of their valid
 * codes, kept on the unit_member row itself, so that ranking 300 units
 * reads their members' rows and nothing else (it once looked up every
 * member's codes and points: 580 ms for 120,000 members). Kept by the
 * rooms that change them, in their own transactions: a member joining
 * (refreshed then), points earned, a code issued, bound to an account
 * or revoked; recomputed for everyone by stats-rebuild.
 */
#include <stdio.h>

#include "core/app.h"
#include "stats/stats.h"

/* What a member's row says, from the person's points and codes. */
#define MEMBER_SET							\
	"UPDATE unit_member m SET m.points = COALESCE((SELECT t.total "	\
	"FROM points_total t WHERE t.person_id = m.person_id), 0), "	\
	"m.code_until = (SELECT MAX(c.expires_on) FROM code c WHERE "	\
	"c.person_id = m.person_id AND c.revoked_at IS NULL) "

enum members_stmt {
	STMT_REFRESH,
	STMT_REFRESH_CODE,
	STMT_REFRESH_ATTEMPT,
	STMT_REFRESH_ALL,
	STMT_POINTS,
	MEMBERS_STMT__MAX
};

static struct stmt members_sql[MEMBERS_STMT__MAX] = {
	[STMT_REFRESH] = { "STATS_MEMBER_REFRESH",
	  MEMBER_SET "WHERE m.person_id = ?" },
	[STMT_REFRESH_CODE] = { "STATS_MEMBER_REFRESH_CODE",
	  MEMBER_SET "WHERE m.person_id = (SELECT person_id FROM code "
	  "WHERE id = ?)" },
	[STMT_REFRESH_ATTEMPT] = { "STATS_MEMBER_REFRESH_ATTEMPT",
	  MEMBER_SET "WHERE m.person_id = (SELECT person_id FROM attempt "
	  "WHERE id = ?)" },
	[STMT_REFRESH_ALL] = { "STATS_MEMBER_REFRESH_ALL", MEMBER_SET },
	[STMT_POINTS] = { "STATS_MEMBER_POINTS",
	  "UPDATE unit_member SET points = points + ? WHERE person_id = ?" },
};

/* The person's member row (if any) made current. */
enum dberr
stats_member_refresh(long long person)
{
	return db_exec(&members_sql[STMT_REFRESH], NULL, "i", person);
}

/* The member row of a code's holder, after the code changed. */
enum dberr
stats_member_refresh_code(long long code)
{
	return db_exec(&members_sql[STMT_REFRESH_CODE], NULL, "i", code);
}

/* The member row of an attempt's person, after it issued a code. */
enum dberr
stats_member_refresh_attempt(long long attempt)
{
	return db_exec(&members_sql[STMT_REFRESH_ATTEMPT], NULL, "i",
	    attempt);
}

/* Every member row made current (stats-rebuild). */
enum dberr
stats_members_refresh_all(void)
{
	return db_exec(&members_sql[STMT_REFRESH_ALL], NULL, "");
}

/* Points a person earned, on their member row (if any). */
enum dberr
stats_member_points(long long person, long long points)
{
	return db_exec(&members_sql[STMT_POINTS], NULL, "ii", points, person);
}
