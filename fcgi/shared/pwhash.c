/*
 * pwhash.c: password hashes with libsodium's argon2id, at its
 * "interactive" cost (about 64 MiB and a few tens of milliseconds).
 */
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "shared/pwhash.h"

/* Hash a password into out (a NUL-terminated "$argon2id$..." string). */
int
pwhash_make(char out[PWHASH_LEN], const char *pw)
{
	_Static_assert(PWHASH_LEN >= crypto_pwhash_STRBYTES,
	    "PWHASH_LEN too small");
	return crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

/* 1 when pw matches the stored hash. */
int
pwhash_check(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

/*
 * Spend the time of a real check when there is no account, so that the
 * response time does not tell which logins exist.
 */
void
pwhash_dummy(const char *pw)
{
	static char	 dummy[PWHASH_LEN];

	if (dummy[0] == '\0' && pwhash_make(dummy, "no such account") == -1)
		return;
	(void)pwhash_check(dummy, pw);
}
