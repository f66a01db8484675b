/*
 * browser.c: the browser's identity. A browser that has no account owns
 * its attempts and codes by the token in its cookie; the database keeps
 * only the token's SHA-256.
 */
#include "core/app.h"
#include "shared/browser.h"

/* SHA-256 of the browser's token: who owns an attempt or a code. */
int
browser_id(struct req *r, unsigned char out[32])
{
	if (r->sess.token[0] == '\0')
		return -1;
	token_hash(out, r->sess.token);
	return 0;
}
