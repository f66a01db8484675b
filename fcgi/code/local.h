/*
 * local.h: what the files of the code room share, and no other room
 * sees: its statements (the badge reads codes too). Other rooms include
 * code.h.
 */
#ifndef CODE_LOCAL_H
#define CODE_LOCAL_H

/* code.c: the room's statements (the badge reads codes too). */
enum code_stmt {
	STMT_CODE_OF_ATTEMPT,
	STMT_CODE_CURRENT_FOR_ATTEMPT,
	STMT_CODE_CURRENT,
	STMT_CODE_INSERT,
	STMT_CODE_GET,
	STMT_CODE_MINE,
	STMT_CODE_OF_PERSON,
	STMT_CODE_BIND,
	STMT_CODE_REKEY,
	CODE_STMT__MAX
};

extern struct stmt code_sql[CODE_STMT__MAX];

/* code.c: the room's stylesheets (the badge's words are one). */
enum code_sheet {
	SHEET_CODE_SHOW,
	SHEET_VERIFY,
	SHEET_BADGE_LABELS,
	CODE_SHEET__MAX
};

extern struct sheet code_sheets[CODE_SHEET__MAX];

#endif /* CODE_LOCAL_H */
