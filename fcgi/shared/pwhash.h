/* pwhash.h: slow password hashes, libsodium's argon2id (pwhash.c). */
#ifndef PWHASH_H
#define PWHASH_H

#define PWHASH_LEN	128

int		 pwhash_make(char out[PWHASH_LEN], const char *);
int		 pwhash_check(const char *, const char *);
void		 pwhash_dummy(const char *);

#endif /* PWHASH_H */
