/* privacy.h: the retention purge, for the command line (purge.c). */
#ifndef PRIVACY_H
#define PRIVACY_H

int		 privacy_purge(const struct conf *);

#endif /* PRIVACY_H */
