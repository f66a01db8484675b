/*
 * secret.c: personal data sealed at rest. Values are encrypted with
 * XChaCha20-Poly1305 (libsodium's IETF AEAD) under the current data
 * key, a random nonce each, and the column's name ("table.column") as
 * additional data, so a value moved to another column does not open.
 * Stored: the key's id (one byte), the nonce, the ciphertext and its
 * tag. Where only equality is needed (signing in by phone, a UNIQUE key,
 * a typed number matched), a keyed BLAKE2b hash under a separate index
 * key stands beside the sealed value.
 *
 * The key file (data_key_file, mode 0600, made by `bluecode keygen`) is
 * text: "index HEX" and "key ID HEX" lines, the last key the current
 * one. The master reads it before forking and again on each reload
 * (the module's load hook), so a reload's new workers inherit a new key;
 * a worker reads it once more when it meets a key id it does not know
 * (a rotation begun since its master read it).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/app.h"
#include "shared/secret.h"

#define KEY_LEN		crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define NONCE_LEN	crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN		crypto_aead_xchacha20poly1305_ietf_ABYTES
#define FILE_MAX	(SECRET_KEY_MAX * 80 + 1024)

struct keyring {
	int		 loaded;
	int		 current;	/* id of the key new values use */
	unsigned char	 index[KEY_LEN];
	unsigned char	 key[SECRET_KEY_MAX + 1][KEY_LEN];
	unsigned char	 have[SECRET_KEY_MAX + 1];
};

static struct keyring	 ring;
static char		*ring_path;

static int	 keyfile_read(const char *, struct keyring *);
static int	 keyfile_parse(char *, const char *, struct keyring *);
static int	 hex_key(const char *, unsigned char[KEY_LEN]);
static const unsigned char *key_of(int);

const struct module secret_module = {
	.name = "secret",
	.load = secret_init,
};

static int
hex_key(const char *s, unsigned char out[KEY_LEN])
{
	size_t	 n;

	return sodium_hex2bin(out, KEY_LEN, s, strlen(s), NULL, &n,
	    NULL) == 0 && n == KEY_LEN ? 0 : -1;
}

static int
keyfile_parse(char *text, const char *path, struct keyring *k)
{
	char	*line, *save = NULL, word[8], hex[2 * KEY_LEN + 2];
	int	 lineno = 0, id, got_index = 0;

	memset(k, 0, sizeof(*k));
	/* Blank lines are passed over: lineno counts the others. */
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (sscanf(line, "index %66s", hex) == 1 &&
		    hex_key(hex, k->index) == 0) {
			got_index = 1;
			continue;
		}
		if (sscanf(line, "%7s %d %66s", word, &id, hex) == 3 &&
		    strcmp(word, "key") == 0 && id >= 1 &&
		    id <= SECRET_KEY_MAX && !k->have[id] &&
		    hex_key(hex, k->key[id]) == 0) {
			k->have[id] = 1;
			k->current = id;
			continue;
		}
		log_warnx("data_key_file %s: line %d: not \"index HEX\" or "
		    "\"key ID HEX\" (a new id each)", path, lineno);
		sodium_memzero(hex, sizeof(hex));
		return -1;
	}
	sodium_memzero(hex, sizeof(hex));
	if (!got_index || k->current == 0) {
		log_warnx("data_key_file %s: needs an index key and a data "
		    "key", path);
		return -1;
	}
	k->loaded = 1;
	return 0;
}

/* Read and check the key file: a regular file nobody else may read. */
static int
keyfile_read(const char *path, struct keyring *k)
{
	struct stat	 st;
	char		*buf;
	ssize_t		 n;
	int		 fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		log_warn("data_key_file %s (bluecode keygen makes one)", path);
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (st.st_mode & 077) != 0) {
		log_warnx("data_key_file %s: mode %03o: it must be a file "
		    "only its owner can read (chmod 600)", path,
		    (unsigned)(st.st_mode & 0777));
		close(fd);
		return -1;
	}
	if ((buf = sodium_malloc(FILE_MAX + 1)) == NULL) {
		close(fd);
		return -1;
	}
	n = read(fd, buf, FILE_MAX);
	close(fd);
	if (n < 0 || n == FILE_MAX) {
		log_warnx("data_key_file %s: cannot be read whole", path);
		sodium_free(buf);
		return -1;
	}
	buf[n] = '\0';
	rc = keyfile_parse(buf, path, k);
	sodium_free(buf);
	return rc;
}

/* Load the key file the configuration names; -1 with a message. */
int
secret_init(const struct conf *c)
{
	struct keyring	*k;
	int		 rc;

	if (c->data_key_file == NULL) {
		log_warnx("%s: data_key_file is not set", c->file);
		return -1;
	}
	if ((k = sodium_malloc(sizeof(*k))) == NULL)
		return -1;
	if ((rc = keyfile_read(c->data_key_file, k)) == 0) {
		memcpy(&ring, k, sizeof(ring));
		if (ring_path == NULL || strcmp(ring_path, c->data_key_file))
			ring_path = strdup(c->data_key_file);
	}
	sodium_memzero(k, sizeof(*k));
	sodium_free(k);
	return rc;
}

int
secret_ready(void)
{
	return ring.loaded;
}

int
secret_current(void)
{
	return ring.current;
}

/* Make a key file with an index key and key 1, unless it exists. */
int
secret_keygen(const char *path)
{
	unsigned char	 idx[KEY_LEN], key[KEY_LEN];
	char		 hi[2 * KEY_LEN + 1], hk[2 * KEY_LEN + 1];
	FILE		*fp;
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		if (errno == EEXIST)
			return 0;
		log_warn("data_key_file %s", path);
		return -1;
	}
	randombytes_buf(idx, sizeof(idx));
	crypto_aead_xchacha20poly1305_ietf_keygen(key);
	sodium_bin2hex(hi, sizeof(hi), idx, sizeof(idx));
	sodium_bin2hex(hk, sizeof(hk), key, sizeof(key));
	if ((fp = fdopen(fd, "w")) == NULL ||
	    fprintf(fp, "# Blue Code data keys: back this file up apart "
	    "from the database.\nindex %s\nkey 1 %s\n", hi, hk) < 0 ||
	    fflush(fp) != 0 || fsync(fd) != 0 || fclose(fp) != 0) {
		log_warn("data_key_file %s", path);
		unlink(path);
		return -1;
	}
	sodium_memzero(idx, sizeof(idx));
	sodium_memzero(key, sizeof(key));
	sodium_memzero(hk, sizeof(hk));
	return 1;
}

static const unsigned char *
key_of(int id)
{
	struct conf	 c;

	if (id < 1 || id > SECRET_KEY_MAX)
		return NULL;
	if (!ring.have[id] && ring_path != NULL) {
		/* A rotation under way: a new key since this process read. */
		memset(&c, 0, sizeof(c));
		c.file = ring_path;
		c.data_key_file = ring_path;
		(void)secret_init(&c);
	}
	return ring.have[id] ? ring.key[id] : NULL;
}

/* Seal n bytes for column col; {NULL, 0} when not ready (logged). */
struct sealed
secret_seal(struct pool *p, const char *col, const void *v, size_t n)
{
	struct sealed	 s = { NULL, 0 };
	unsigned char	*out;

	if (v == NULL)
		return s;
	if (!ring.loaded) {
		log_warnx("%s: no data key loaded", col);
		return s;
	}
	if ((out = pool_alloc(p, 1 + NONCE_LEN + n + TAG_LEN)) == NULL)
		return s;
	out[0] = (unsigned char)ring.current;
	randombytes_buf(out + 1, NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + 1 + NONCE_LEN, NULL,
	    v, n, (const unsigned char *)col, strlen(col), NULL, out + 1,
	    ring.key[ring.current]);
	s.p = out;
	s.n = 1 + NONCE_LEN + n + TAG_LEN;
	return s;
}

/* A string sealed; NULL and "" stay SQL NULL. */
struct sealed
secret_seal_str(struct pool *p, const char *col, const char *v)
{
	struct sealed	 none = { NULL, 0 };

	if (v == NULL || *v == '\0')
		return none;
	return secret_seal(p, col, v, strlen(v));
}

/*
 * Open a sealed value of column col into the pool, NUL-terminated (its
 * length in *len if len is not NULL); NULL if it does not open.
 */
void *
secret_open(struct pool *p, const char *col, const void *v, size_t n,
    size_t *len)
{
	const unsigned char	*in = v, *key;
	unsigned char		*out;
	unsigned long long	 outlen;

	if (v == NULL || n < 1 + NONCE_LEN + TAG_LEN)
		return NULL;
	if ((key = key_of(in[0])) == NULL) {
		log_warnx("%s: sealed under key %d, not in the key file", col,
		    in[0]);
		return NULL;
	}
	if ((out = pool_alloc(p, n - 1 - NONCE_LEN - TAG_LEN + 1)) == NULL)
		return NULL;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(out, &outlen, NULL,
	    in + 1 + NONCE_LEN, n - 1 - NONCE_LEN, (const unsigned char *)col,
	    strlen(col), in + 1, key) != 0) {
		log_warnx("%s: a sealed value does not open", col);
		return NULL;
	}
	out[outlen] = '\0';
	if (len != NULL)
		*len = (size_t)outlen;
	return out;
}

/*
 * Open cells of a result in place: pairs of (int column, const char
 * *name), ended by -1. A cell that does not open becomes NULL; -1 then.
 */
int
secret_open_res(struct pool *p, struct dbres *res, ...)
{
	va_list		 ap;
	const char	*col;
	size_t		 i, len, at;
	int		 c, rc = 0;

	va_start(ap, res);
	while ((c = va_arg(ap, int)) != -1) {
		col = va_arg(ap, const char *);
		for (i = 0; i < res->nrows; i++) {
			at = i * res->ncols + (size_t)c;
			if (res->cell[at] == NULL)
				continue;
			len = 0;
			res->cell[at] = secret_open(p, col, res->cell[at],
			    res->len[at], &len);
			res->len[at] = len;
			if (res->cell[at] == NULL)
				rc = -1;
		}
	}
	va_end(ap);
	return rc;
}

/* The keyed hash of a value of a kind (SH_*). */
void
secret_hash(unsigned char out[SECRET_HASH_LEN], const char *kind,
    const char *v)
{
	crypto_generichash_state	 st;

	crypto_generichash_init(&st, ring.index, sizeof(ring.index),
	    SECRET_HASH_LEN);
	crypto_generichash_update(&st, (const unsigned char *)kind,
	    strlen(kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)v, strlen(v));
	crypto_generichash_final(&st, out, SECRET_HASH_LEN);
}

/* The same, to bind ('b'); NULL and "" give SQL NULL. */
struct sealed
secret_hash_of(struct pool *p, const char *kind, const char *v)
{
	struct sealed	 s = { NULL, 0 };

	if (v == NULL || *v == '\0' || !ring.loaded ||
	    (s.p = pool_alloc(p, SECRET_HASH_LEN)) == NULL)
		return s;
	secret_hash(s.p, kind, v);
	s.n = SECRET_HASH_LEN;
	return s;
}

/* 1 when the hash in a result's cell is that of v. */
int
secret_hash_eq(const struct dbres *res, size_t row, size_t col,
    const char *kind, const char *v)
{
	unsigned char	 h[SECRET_HASH_LEN];
	size_t		 at = row * res->ncols + col;

	if (res->cell[at] == NULL || res->len[at] != SECRET_HASH_LEN ||
	    v == NULL)
		return 0;
	secret_hash(h, kind, v);
	return sodium_memcmp(h, res->cell[at], SECRET_HASH_LEN) == 0;
}

/* The signed-in person's mobile number, opened; NULL if none. */
char *
secret_person_phone(struct req *r)
{
	if (r->sess.person_phone == NULL)
		return NULL;
	return secret_open(r->pool, SC_PERSON_PHONE, r->sess.person_phone,
	    r->sess.person_phone_sz, NULL);
}

/*
 * Write the key file again from the keys loaded: with a new current key
 * (add), or with the current key alone. Written beside it and renamed,
 * so a reader sees the old file or the new one, never half of one.
 */
int
secret_keyfile_update(const char *path, int add)
{
	char		 hex[2 * KEY_LEN + 1], *tmp;
	FILE		*fp = NULL;
	int		 fd, id, next = 0, rc = -1;

	if (!ring.loaded)
		return -1;
	for (id = 1; id <= SECRET_KEY_MAX; id++)
		if (ring.have[id])
			next = id + 1;
	if (add && next > SECRET_KEY_MAX) {
		log_warnx("data_key_file %s: no key id left", path);
		return -1;
	}
	if (add) {
		crypto_aead_xchacha20poly1305_ietf_keygen(ring.key[next]);
		ring.have[next] = 1;
		ring.current = next;
	}
	if (asprintf(&tmp, "%s.new", path) == -1)
		return -1;
	(void)unlink(tmp);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1 || (fp = fdopen(fd, "w")) == NULL)
		goto done;
	sodium_bin2hex(hex, sizeof(hex), ring.index, KEY_LEN);
	fprintf(fp, "# Blue Code data keys: back this file up apart from "
	    "the database.\nindex %s\n", hex);
	for (id = 1; id <= SECRET_KEY_MAX; id++) {
		if (!ring.have[id] || (!add && id != ring.current))
			continue;
		sodium_bin2hex(hex, sizeof(hex), ring.key[id], KEY_LEN);
		fprintf(fp, "key %d %s\n", id, hex);
	}
	if (fflush(fp) == 0 && fsync(fd) == 0 && rename(tmp, path) == 0)
		rc = 0;
done:
	if (rc == -1)
		log_warn("data_key_file %s", path);
	if (fp != NULL)
		fclose(fp);
	else if (fd != -1)
		close(fd);
	(void)unlink(tmp);
	free(tmp);
	sodium_memzero(hex, sizeof(hex));
	return rc;
}

/* One cell of a result opened, without changing the result; or NULL. */
char *
secret_open_cell(struct pool *p, const struct dbres *res, size_t row,
    size_t col, const char *name)
{
	size_t	 at = row * res->ncols + col;

	return secret_open(p, name, res->cell[at], res->len[at], NULL);
}

/*
 * bluecode phone-hash NUMBER: the keyed hash of a mobile number in hex,
 * to find its rows in SQL (WHERE phone_hash = UNHEX('…')).
 */
int
secret_hash_print(const struct conf *c, const char *phone)
{
	unsigned char	 h[SECRET_HASH_LEN];
	char		 hex[2 * SECRET_HASH_LEN + 1];

	if (secret_init(c) == -1)
		return -1;
	secret_hash(h, SH_PHONE, phone);
	printf("%s\n", sodium_bin2hex(hex, sizeof(hex), h, sizeof(h)));
	return 0;
}
