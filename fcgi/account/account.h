/*
 * account.h: the account room: accounts, profiles, passwords; and the
 * profile as other rooms show it.
 */
#ifndef ACCOUNT_H
#define ACCOUNT_H

/* profile.c: for other rooms. */
int		 account_profile_xml(struct req *, xmlNodePtr);

#endif /* ACCOUNT_H */
