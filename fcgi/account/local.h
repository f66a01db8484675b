/*
 * local.h: what the files of the account room share, and no other room
 * sees: its fields, stylesheets and statements. Other rooms include
 * account.h.
 */
#ifndef ACCOUNT_LOCAL_H
#define ACCOUNT_LOCAL_H

/* account.c: the room's fields, stylesheets and statements. */
enum account_field {
	FIELD_PHONE,
	FIELD_PASSWORD,
	FIELD_NAME,
	FIELD_ROLE,
	FIELD_REGION,
	FIELD_CURRENT,
	ACCOUNT_FIELD__MAX
};

enum account_sheet {
	SHEET_ACCOUNT,
	SHEET_ACCOUNT_RESET,
	ACCOUNT_SHEET__MAX
};

extern struct sheet	 account_sheets[ACCOUNT_SHEET__MAX];

enum account_stmt {
	STMT_PERSON_INSERT,
	STMT_PERSON_BY_PHONE,
	STMT_PERSON_LOGIN_OK,
	STMT_PERSON_SET_NAME,
	STMT_PROFILE_GET,
	STMT_PROFILE_SET,
	STMT_ROLE_CODES,
	STMT_PASSWORD_GET,
	STMT_PASSWORD_SET,
	STMT_RESET_GET,
	STMT_RESET_USE,
	STMT_FAILED_RECENT,
	STMT_FAILED_ADD,
	STMT_FAILED_PURGE,
	ACCOUNT_STMT__MAX
};

extern struct stmt	 account_sql[ACCOUNT_STMT__MAX];

#define PASSWORD_MIN	8	/* characters of a new password */

/* account.c */
int		 account_page(struct req *, const char *);

/* profile.c */
int		 account_form_xml(struct req *, xmlNodePtr);
int		 account_profile_post(struct req *);
int		 account_password(struct req *);
int		 account_reset_get(struct req *);
int		 account_reset_post(struct req *);

#endif /* ACCOUNT_LOCAL_H */
