/* mask.h: personal data, masked for display (mask.c). */
#ifndef MASK_H
#define MASK_H

char		*mask_phone(struct pool *, const char *);
char		*mask_name(struct pool *, const char *);
char		*mask_idno(struct pool *, const char *);
char		*mask_account(struct pool *, const char *);

#endif /* MASK_H */
