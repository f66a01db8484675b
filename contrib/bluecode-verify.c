/*
 * bluecode-verify: check a scanned blue code offline, with no network:
 * the Ed25519 signature in its token against the site's public key (as
 * published at SITE/v/key), then print what the code says.
 *
 *	bluecode-verify -k PUBLIC_KEY URL_OR_TOKEN
 *
 * Exit status 0: the signature holds and the code has not expired (it
 * was issued by the site; whether it was revoked only the site can
 * tell); 3: the signature holds but the code expired (by the date in
 * China, UTC+8, as the site counts it); 1: forged, altered or malformed;
 * 2: usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#define PAYLOAD		26
#define TOKEN_LEN	120
#define CHINA_UTC_OFFSET (8 * 3600)	/* the site's dates are in UTC+8 */

static const char *const roles[][2] = {
	{ "?", "?" },
	{ "responsible", "消防安全责任人（管理人）" },
	{ "employee", "企业员工" },
	{ "landlord", "出租屋房东" },
	{ "student", "学生" },
	{ "citizen", "普通市民" },
};

static unsigned long
be(const unsigned char *p, int n)
{
	unsigned long	 v = 0;

	while (n-- > 0)
		v = v << 8 | *p++;
	return v;
}

static void
usage(void)
{
	fprintf(stderr, "usage: bluecode-verify -k public-key url-or-token\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	unsigned char	 pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char	 tok[PAYLOAD + crypto_sign_BYTES];
	const char	*key = NULL, *arg, *t;
	char		 date[16];
	size_t		 len;
	time_t		 when;
	long long	 today;
	struct tm	 tm;
	int		 ch, ri;

	while ((ch = getopt(argc, argv, "k:")) != -1) {
		if (ch != 'k')
			usage();
		key = optarg;
	}
	if (key == NULL || optind != argc - 1)
		usage();
	arg = argv[optind];
	if (sodium_init() < 0)
		return 2;
	if (sodium_base642bin(pk, sizeof(pk), key, strlen(key), " \n", &len,
	    NULL, sodium_base64_VARIANT_ORIGINAL) != 0 || len != sizeof(pk)) {
		fprintf(stderr, "bluecode-verify: not a public key: %s\n", key);
		return 2;
	}
	t = (t = strstr(arg, "/v/")) != NULL ? t + 3 : arg;
	if (strlen(t) < TOKEN_LEN || (t[TOKEN_LEN] != '\0' &&
	    t[TOKEN_LEN] != '/' && t[TOKEN_LEN] != '?') ||
	    sodium_base642bin(tok, sizeof(tok), t, TOKEN_LEN, NULL, &len, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != sizeof(tok) || tok[0] != 1) {
		printf("NOT A BLUE CODE: the token is malformed\n");
		return 1;
	}
	if (crypto_sign_verify_detached(tok + PAYLOAD, tok, PAYLOAD, pk) != 0) {
		printf("NOT A BLUE CODE: the signature does not hold "
		    "(forged or altered)\n");
		return 1;
	}
	ri = tok[5] < sizeof(roles) / sizeof(roles[0]) ? tok[5] : 0;
	when = (time_t)be(tok + 8, 2) * 86400;
	gmtime_r(&when, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	printf("signature: valid\ncode: %lu\nrole: %s (%s)\nregion: %lu\n"
	    "valid until: %s\n", be(tok + 1, 4), roles[ri][0], roles[ri][1],
	    be(tok + 6, 2), date);
	/* The last valid day is the expiry date itself, in China's time. */
	today = ((long long)time(NULL) + CHINA_UTC_OFFSET) / 86400;
	if ((long long)be(tok + 8, 2) < today) {
		printf("EXPIRED on %s\n", date);
		return 3;
	}
	return 0;
}
