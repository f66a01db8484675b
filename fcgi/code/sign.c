/*
 * sign.c: the signed verification token of a blue code.
 * Token = base64url(payload || Ed25519 signature of payload), where the
 * payload is version (1 byte) | code id (4) | role (1) | region id (2) |
 * expiry in days since 1970-01-01 (2) | random nonce (16), integers
 * big-endian. The nonce makes a token unguessable (128 bits); the
 * signature lets anyone check a printout offline with the public key
 * (contrib/bluecode-verify.c). The key pair is derived from the site's
 * secret key, so every host of a site signs alike.
 */
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "code/code.h"

#define TOK_VERSION	1

static const char *const roles[] = {
	NULL, "responsible", "employee", "landlord", "student", "citizen"
};

static unsigned char	 pk[crypto_sign_PUBLICKEYBYTES];
static unsigned char	 sk[crypto_sign_SECRETKEYBYTES];
static int		 ready;

/* Derive the signing key pair from the site secret. */
void
sign_init(const unsigned char secret[32])
{
	unsigned char	 seed[crypto_sign_SEEDBYTES];

	crypto_generichash(seed, sizeof(seed),
	    (const unsigned char *)"bluecode code signing v1", 24, secret, 32);
	crypto_sign_seed_keypair(pk, sk, seed);
	sodium_memzero(seed, sizeof(seed));
	ready = 1;
}

/* The public key, base64 (standard alphabet), for /v/key. */
void
sign_pubkey(char out[64])
{
	sodium_bin2base64(out, 64, pk, sizeof(pk),
	    sodium_base64_VARIANT_ORIGINAL);
}

int
role_index(const char *role)
{
	size_t	 i;

	for (i = 1; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i], role) == 0)
			return (int)i;
	return 0;
}

static void
put_be(unsigned char *p, unsigned long long v, int n)
{
	while (n-- > 0) {
		p[n] = (unsigned char)(v & 0xff);
		v >>= 8;
	}
}

static unsigned long long
get_be(const unsigned char *p, int n)
{
	unsigned long long	 v = 0;
	int			 i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/* Make the token of a code; NULL for an unknown role or out of memory. */
char *
code_token(struct pool *p, const struct codetok *c)
{
	unsigned char	 buf[TOK_PAYLOAD + crypto_sign_BYTES];
	char		*out;
	int		 ri;

	if (!ready || (ri = role_index(c->role)) == 0)
		return NULL;
	buf[0] = TOK_VERSION;
	put_be(buf + 1, (unsigned long long)c->id, 4);
	buf[5] = (unsigned char)ri;
	put_be(buf + 6, (unsigned long long)c->region_id, 2);
	put_be(buf + 8, (unsigned long long)c->expires_days, 2);
	memcpy(buf + 10, c->nonce, 16);
	crypto_sign_detached(buf + TOK_PAYLOAD, NULL, buf, TOK_PAYLOAD, sk);
	if ((out = pool_alloc(p, CODE_TOKEN_LEN + 1)) == NULL)
		return NULL;
	sodium_bin2base64(out, CODE_TOKEN_LEN + 1, buf, sizeof(buf),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

/*
 * Check a token's form and signature and read it. -1 for anything
 * forged, altered, cut short or malformed.
 */
int
code_token_parse(const char *tok, struct codetok *c)
{
	unsigned char	 buf[TOK_PAYLOAD + crypto_sign_BYTES];
	size_t		 len;
	int		 ri;

	memset(c, 0, sizeof(*c));
	if (!ready || strlen(tok) != CODE_TOKEN_LEN ||
	    sodium_base642bin(buf, sizeof(buf), tok, CODE_TOKEN_LEN, NULL, &len,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != sizeof(buf) || buf[0] != TOK_VERSION)
		return -1;
	if (crypto_sign_verify_detached(buf + TOK_PAYLOAD, buf, TOK_PAYLOAD,
	    pk) != 0)
		return -1;
	ri = buf[5];
	if (ri < 1 || ri >= (int)(sizeof(roles) / sizeof(roles[0])))
		return -1;
	c->id = (long long)get_be(buf + 1, 4);
	c->role = roles[ri];
	c->region_id = (long long)get_be(buf + 6, 2);
	c->expires_days = (long long)get_be(buf + 8, 2);
	memcpy(c->nonce, buf + 10, 16);
	return 0;
}
