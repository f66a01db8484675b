/*
 * local.h: what the files of the unit room share, and no other room
 * sees: its stylesheets and statements, the person's unit, and the
 * prototypes of its pages. Other rooms include unit.h.
 */
#ifndef UNIT_LOCAL_H
#define UNIT_LOCAL_H

/* unit.c: the room's stylesheets and statements. */
enum unit_sheet {
	SHEET_UNIT,
	SHEET_UNIT_JOIN,
	SHEET_UNIT_INVITES,
	SHEET_UNIT_MEMBERS_CSV,
	SHEET_POSTER_LABELS,
	UNIT_SHEET__MAX
};

extern struct sheet	 unit_sheets[UNIT_SHEET__MAX];

enum unit_stmt {
	STMT_UNIT_OF_PERSON,
	STMT_UNIT_NAME_TAKEN,
	STMT_UNIT_INSERT,
	STMT_UNIT_BY_CODE,
	STMT_UNIT_FORM_DEPARTMENTS,
	STMT_MEMBER_INSERT,
	STMT_MEMBER_DELETE,
	STMT_MEMBER_APPROVE,
	STMT_MEMBER_MAKE_ADMIN,
	STMT_MEMBER_LIST,
	STMT_MEMBER_OF_PHONE,
	STMT_INVITE_LIST,
	STMT_INVITE_OF_PHONE,
	STMT_INVITE_INSERT,
	STMT_INVITE_DELETE,
	UNIT_STMT__MAX
};

extern struct stmt	 unit_sql[UNIT_STMT__MAX];

/*
 * The unit of the signed-in person at this site, as STMT_UNIT_OF_PERSON
 * reads it: the columns of u->row.
 */
enum unit_col {
	UC_ID, UC_NAME, UC_IS_KEY, UC_STATUS, UC_HEADCOUNT, UC_JOIN_CODE,
	UC_DEPARTMENT, UC_REGION, UC_IS_ADMIN, UC_MEMBER_STATUS,
	UC_CREATED, UC_REGION_EN
};

struct unit {
	struct dbres	*row;		/* NULL: the person is in no unit */
	long long	 id;
	int		 is_admin;	/* an active admin of the unit */
	int		 active;	/* the unit is approved */
};

/* unit.c */
int		 unit_mine(struct req *, struct unit *);
enum dberr	 unit_member_insert(long long, long long, int, const char *);
int		 unit_admin_of(struct req *, struct unit *);

/* members.c: what a unit admin does with members. */
int		 unit_members_xml(struct req *, xmlNodePtr,
		    const struct unit *);
int		 unit_member_approve(struct req *);
int		 unit_member_remove(struct req *);
int		 unit_member_admin(struct req *);
int		 unit_members_csv(struct req *);

/* invite.c: invitations by phone from a CSV file. */
struct invite {
	int		 line;
	const char	*name;
	const char	*phone;
};

enum invite_err {
	INVITE_OK,
	INVITE_COLUMNS,		/* not two columns */
	INVITE_NAME,		/* a name of 1 to 16 characters */
	INVITE_PHONE,		/* a mainland mobile number */
	INVITE_TWICE,		/* the same number on an earlier line */
	INVITE_UTF8,		/* not UTF-8 (Excel's ANSI: GBK) */
	INVITE_EMPTY,		/* no line at all */
	INVITE_TOO_MANY,	/* over UNIT_INVITES_MAX lines */
	INVITE_MEMBER,		/* a member of this unit already */
	INVITE_ELSEWHERE,	/* in, or invited to, another unit */
	INVITE__MAX
};

struct invite_error {
	int		 line;		/* 0: the file as a whole */
	enum invite_err	 err;
	const char	*value;		/* what stood there */
};

#define INVITE_ERRORS_MAX	20	/* reported; the count says the rest */

size_t		 invite_parse(struct pool *, const char *, size_t,
		    struct invite **, size_t *, struct invite_error *,
		    size_t *);
const char	*invite_err_name(enum invite_err);
int		 unit_invites_post(struct req *);

/* poster.c: the join poster, a printable PNG. */
int		 unit_poster(struct req *);

#endif /* UNIT_LOCAL_H */
