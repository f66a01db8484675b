/*
 * test-secret.c: values sealed and opened (shared/secret.c): a value
 * opens in its own column only, a changed byte does not open, every seal
 * differs (a fresh nonce), the stored form names its key; the keyed hash
 * is the same for the same number and differs by kind; the key file is
 * made once, mode 0600, and one that others may read is refused; a
 * second key becomes current and the first still opens older values.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/app.h"
#include "shared/secret.h"
#include "tap.h"

int
main(void)
{
	struct pool	*p = pool_new(4096);
	struct conf	 c;
	struct stat	 st;
	struct sealed	 a, b, old;
	unsigned char	 h1[SECRET_HASH_LEN], h2[SECRET_HASH_LEN];
	char		 dir[] = "/tmp/test-secret-XXXXXX", path[64];
	char		*v;
	size_t		 n;

	if (sodium_init() < 0 || mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/data.key", dir);
	memset(&c, 0, sizeof(c));
	c.file = "test.conf";
	c.data_key_file = path;
	ok(secret_init(&c) == -1, "no key file: not ready");
	is_int(secret_keygen(path), 1, "keygen makes the file");
	is_int(secret_keygen(path), 0, "and leaves it alone the second time");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "mode 0600");
	chmod(path, 0640);
	ok(secret_init(&c) == -1 && !secret_ready(),
	    "a file its group may read is refused");
	chmod(path, 0600);
	ok(secret_init(&c) == 0 && secret_ready(), "the keys load");
	is_int(secret_current(), 1, "key 1 is current");

	a = secret_seal_str(p, SC_PERSON_PHONE, "13812345678");
	b = secret_seal_str(p, SC_PERSON_PHONE, "13812345678");
	is_int((long long)a.n, 1 + 24 + 11 + 16, "id, nonce, text, tag");
	is_int(a.p[0], 1, "the stored form names key 1");
	ok(memcmp(a.p, b.p, a.n) != 0, "two seals of one value differ");
	ok(memmem(a.p, a.n, "1381234", 7) == NULL, "no digit run in clear");
	v = secret_open(p, SC_PERSON_PHONE, a.p, a.n, &n);
	is_str(v, "13812345678", "it opens");
	is_int((long long)n, 11, "its length");
	ok(secret_open(p, SC_VISIT_PHONE, a.p, a.n, NULL) == NULL,
	    "not as another column's value");
	a.p[a.n - 1] ^= 1;
	ok(secret_open(p, SC_PERSON_PHONE, a.p, a.n, NULL) == NULL,
	    "not once a byte changed");
	ok(secret_seal_str(p, SC_PERSON_PHONE, "").p == NULL,
	    "an empty value stays NULL");

	secret_hash(h1, SH_PHONE, "13812345678");
	secret_hash(h2, SH_PHONE, "13812345678");
	ok(memcmp(h1, h2, sizeof(h1)) == 0, "a number hashes alike");
	secret_hash(h2, SH_PHONE, "13812345679");
	ok(memcmp(h1, h2, sizeof(h1)) != 0, "another number does not");
	secret_hash(h2, "idno", "13812345678");
	ok(memcmp(h1, h2, sizeof(h1)) != 0, "nor another kind");

	old = secret_seal_str(p, SC_AID_ACCOUNT, "6222021234567890123");
	ok(secret_keyfile_update(path, 1) == 0 && secret_init(&c) == 0,
	    "a second key added");
	is_int(secret_current(), 2, "and current");
	is_int(secret_seal_str(p, SC_AID_ACCOUNT, "1").p[0], 2,
	    "new values are sealed under it");
	is_str(secret_open(p, SC_AID_ACCOUNT, old.p, old.n, NULL),
	    "6222021234567890123", "older values still open");
	secret_hash(h2, SH_PHONE, "13812345678");
	ok(memcmp(h1, h2, sizeof(h1)) == 0, "the hashes stay");
	ok(secret_keyfile_update(path, 0) == 0 && secret_init(&c) == 0,
	    "the older key dropped");
	ok(secret_open(p, SC_AID_ACCOUNT, old.p, old.n, NULL) == NULL,
	    "a value under it no longer opens");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "the file stays 0600");
	unlink(path);
	rmdir(dir);
	pool_free(p);
	return done_testing();
}
