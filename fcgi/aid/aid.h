/*
 * aid.h: the aid room's interface for other rooms (the admin area):
 * an amount in yuan as the forms take it, an application's row opened
 * (aid.c).
 */
#ifndef AID_H
#define AID_H

int		 aid_valid_money(struct fval *);
int		 aid_open_row(struct pool *, struct dbres *, int, int);

#endif /* AID_H */
