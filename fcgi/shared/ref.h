/*
 * ref.h: the tracking numbers residents are given for what they ask for
 * (a visit booking, a hazard report, …): 8 letters and digits that
 * cannot be misread, drawn at random (ref.c).
 */
#ifndef REF_H
#define REF_H

#define REF_LEN		8

void		 ref_make(char[REF_LEN + 1]);
int		 ref_ok(const char *);

#endif /* REF_H */
