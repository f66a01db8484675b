/*
 * aid.h: the aid room's interface for other rooms (the admin area):
 * an amount in yuan as the forms take it (aid.c).
 */
#ifndef AID_H
#define AID_H

int		 aid_valid_money(struct fval *);

#endif /* AID_H */
