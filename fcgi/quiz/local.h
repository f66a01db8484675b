/*
 * local.h: what the files of the quiz room share, and no other room
 * sees: its fields, stylesheets and statements, the attempt, and the
 * steps' prototypes. Other rooms include quiz.h.
 */
#ifndef QUIZ_LOCAL_H
#define QUIZ_LOCAL_H

/* quiz.c: the room's fields, stylesheets and statements. */
enum quiz_field {
	FIELD_LNG,
	FIELD_LAT,
	FIELD_REGION,
	FIELD_OPT,
	FIELD_GO,
	FIELD_POS,
	FIELD_TEXT,
	QUIZ_FIELD__MAX
};

enum quiz_sheet {
	SHEET_QUIZ_ROLES,
	SHEET_QUIZ_LOCATE,
	SHEET_QUIZ_QUESTION,
	SHEET_QUIZ_RESULT,
	SHEET_QUIZ_PARTS,
	QUIZ_SHEET__MAX
};

extern struct sheet	 quiz_sheets[QUIZ_SHEET__MAX];

enum quiz_stmt {
	STMT_ROLE_LIST,
	STMT_ROLE_GET,
	STMT_ATTEMPT_OPEN,
	STMT_ATTEMPT_LOCK,
	STMT_ATTEMPT_COUNT_BROWSER,
	STMT_ATTEMPT_COUNT_IP,
	STMT_QUIZ_DRAW,
	STMT_ATTEMPT_INSERT,
	STMT_AQ_INSERT,
	STMT_ATTEMPT_BY_TOKEN,
	STMT_AQ_ANSWER,
	STMT_AQ_ANSWER_AT_ONCE,
	STMT_AQ_CORRECT,
	STMT_ATTEMPT_GRADE,
	STMT_AQ_REVIEW,
	STMT_REPORT_INSERT,
	STMT_ATTEMPT_BIND,
	STMT_ATTEMPT_REKEY,
	QUIZ_STMT__MAX
};

extern struct stmt	 quiz_sql[QUIZ_STMT__MAX];

#define OPT_SEP		'\x1f'	/* between option texts in a snapshot */

/* An attempt as its pages use it. */
struct attempt {
	struct dbres	*row;		/* ATTEMPT_BY_TOKEN, with question k */
	long long	 id;
	const char	*token;
	const char	*role;
	const char	*role_name;
	long long	 region_id;
	const char	*region_name;
	const char	*method;
	int		 total;
	int		 pass_mark;
	const char	*status;
	long long	 remaining;	/* seconds; <= 0: time is up */
	const char	*lang;		/* started in: "zh", "en" */
};

/* quiz.c */
int		 quiz_page(struct req *, const char *, xmlDocPtr *,
		    xmlNodePtr *);
int		 attempt_owner_lock(struct req *, const unsigned char *,
		    long long);
int		 attempt_load(struct req *, const char *, long long,
		    struct attempt *);
int		 attempt_from_row(struct req *, struct dbres *, const char *,
		    struct attempt *);
char		*attempt_result_url(struct req *, const struct attempt *);
xmlNodePtr	 attempt_xml(xmlNodePtr, const struct attempt *);
void		 attempt_options_xml(struct pool *, xmlNodePtr, const char *,
		    int, int, int);

/* start.c: the roles, the location step, starting an attempt. */
int		 quiz_roles(struct req *);
int		 quiz_locate(struct req *);
int		 quiz_start(struct req *);
int		 quiz_start_again(struct req *);

/* question.c: one question per page, and the answers. */
int		 quiz_question(struct req *);
int		 quiz_answer(struct req *);
int		 dev_quiz_query(struct req *);
int		 dev_quiz_page(struct req *);

/* grade.c: grading, the result and its review, reports on questions. */
int		 attempt_finish(struct req *, struct attempt *);
int		 quiz_result(struct req *);
int		 quiz_report(struct req *);

#endif /* QUIZ_LOCAL_H */
