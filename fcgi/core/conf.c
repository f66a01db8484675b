/*
 * conf.c: the configuration file.
 * "key = value" lines, '#' comments; every key, its type and default are
 * in one table, and every error names the file and line.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "app.h"

enum ctype {
	CT_STR,
	CT_INT,
	CT_LONG,
	CT_SIZE,	/* bytes, with an optional k or m suffix */
	CT_BOOL,
	CT_MODE		/* octal */
};

struct ckey {
	const char	*name;
	enum ctype	 type;
	size_t		 off;
	long		 min;
	long		 max;
};

#define O(f)	offsetof(struct conf, f)

static const struct ckey ckeys[] = {
	{ "listen", CT_STR, O(listen), 0, 0 },
	{ "listen_group", CT_STR, O(listen_group), 0, 0 },
	{ "listen_mode", CT_MODE, O(listen_mode), 0, 0777 },
	{ "backlog", CT_INT, O(backlog), 1, 65535 },
	{ "workers", CT_INT, O(workers), 1, 256 },
	{ "max_requests", CT_LONG, O(max_requests), 0, LONG_MAX },
	{ "request_timeout", CT_INT, O(request_timeout), 0, 3600 },
	{ "slowlog_ms", CT_LONG, O(slowlog_ms), 0, 3600000 },
	{ "stop_timeout", CT_INT, O(stop_timeout), 0, 3600 },
	{ "pid_file", CT_STR, O(pid_file), 0, 0 },
	{ "log_file", CT_STR, O(log_file), 0, 0 },
	{ "log_level", CT_STR, O(log_level), 0, 0 },
	{ "db_socket", CT_STR, O(db_socket), 0, 0 },
	{ "db_host", CT_STR, O(db_host), 0, 0 },
	{ "db_port", CT_INT, O(db_port), 0, 65535 },
	{ "db_name", CT_STR, O(db_name), 0, 0 },
	{ "db_user", CT_STR, O(db_user), 0, 0 },
	{ "db_password", CT_STR, O(db_password), 0, 0 },
	{ "db_timeout", CT_INT, O(db_timeout), 1, 60 },
	{ "site_url", CT_STR, O(site_url), 0, 0 },
	{ "jurisdiction", CT_STR, O(jurisdiction), 0, 0 },
	{ "secret_key_file", CT_STR, O(secret_key_file), 0, 0 },
	{ "data_key_file", CT_STR, O(data_key_file), 0, 0 },
	{ "xslt_dir", CT_STR, O(xslt_dir), 0, 0 },
	{ "sql_dir", CT_STR, O(sql_dir), 0, 0 },
	{ "dev", CT_BOOL, O(dev), 0, 1 },
	{ "max_body", CT_SIZE, O(max_body), 1024, 1L << 30 },
	{ "max_fields", CT_LONG, O(max_fields), 1, 100000 },
	{ "max_field", CT_SIZE, O(max_field), 64, 1L << 26 },
	{ "max_file", CT_SIZE, O(max_file), 1024, 1L << 30 },
	{ "session_hours", CT_INT, O(session_hours), 1, 24 * 365 },
	{ "refdata_ttl", CT_INT, O(refdata_ttl), 0, 86400 },
	{ "attempts_per_browser", CT_LONG, O(attempts_per_browser), 1, 100000 },
	{ "attempts_per_ip", CT_LONG, O(attempts_per_ip), 1, 10000000 },
	{ "font", CT_STR, O(font), 0, 0 },
	{ "cache_dir", CT_STR, O(cache_dir), 0, 0 },
	{ "media_dir", CT_STR, O(media_dir), 0, 0 },
	{ "max_upload", CT_SIZE, O(max_upload), 1024, 1L << 32 },
	{ "keep_attempts_days", CT_INT, O(keep_attempts), 1, 36500 },
	{ "keep_hazard_contacts_days", CT_INT, O(keep_hazard_contacts), 1,
	  36500 },
	{ "keep_bookings_days", CT_INT, O(keep_bookings), 1, 36500 },
	{ "keep_aid_documents_days", CT_INT, O(keep_aid_documents), 1, 36500 },
	{ "keep_notices_days", CT_INT, O(keep_notices), 1, 36500 },
	{ "keep_logs_days", CT_INT, O(keep_logs), 180, 36500 },
};

static int	 conf_set(struct conf *, const struct ckey *, const char *,
		    const char *, int);
static int	 conf_line(struct conf *, char *, const char *, int);
static int	 conf_secret(struct conf *);
static void	 conf_defaults(struct conf *);

static void
conf_defaults(struct conf *c)
{
	c->listen = strdup(DEF_LISTEN);
	c->listen_mode = DEF_LISTEN_MODE;
	c->backlog = DEF_BACKLOG;
	c->workers = DEF_WORKERS;
	c->max_requests = DEF_MAX_REQUESTS;
	c->request_timeout = DEF_REQUEST_TIMEOUT;
	c->slowlog_ms = DEF_SLOWLOG_MS;
	c->stop_timeout = DEF_STOP_TIMEOUT;
	c->log_level = strdup("info");
	c->db_name = strdup("bluecode");
	c->db_user = strdup("bluecode");
	c->db_timeout = DEF_DB_TIMEOUT;
	c->site_url = strdup("http://127.0.0.1:8080");
	c->jurisdiction = strdup("330109");
	c->xslt_dir = strdup(PKGDATADIR "/xslt");
	c->sql_dir = strdup(PKGDATADIR "/sql");
	c->max_body = DEF_MAX_BODY;
	c->max_fields = DEF_MAX_FIELDS;
	c->max_field = DEF_MAX_FIELD;
	c->max_file = DEF_MAX_FILE;
	c->max_upload = DEF_MAX_UPLOAD;
	c->session_hours = DEF_SESSION_HOURS;
	c->refdata_ttl = DEF_REFDATA_TTL;
	c->attempts_per_browser = DEF_ATTEMPTS_BROWSER;
	c->attempts_per_ip = DEF_ATTEMPTS_IP;
	c->font = strdup(DEF_FONT);
	c->data_key_file = strdup(DEF_DATA_KEY_FILE);
	c->keep_attempts = DEF_KEEP_ATTEMPTS;
	c->keep_hazard_contacts = DEF_KEEP_CONTACTS;
	c->keep_bookings = DEF_KEEP_BOOKINGS;
	c->keep_aid_documents = DEF_KEEP_AID_DOCUMENTS;
	c->keep_notices = DEF_KEEP_NOTICES;
	c->keep_logs = DEF_KEEP_LOGS;
}

static int
conf_set(struct conf *c, const struct ckey *k, const char *val,
    const char *file, int line)
{
	char	*end, **sp;
	long	 n;

	if (k->type == CT_STR) {
		sp = (char **)((char *)c + k->off);
		free(*sp);
		*sp = *val == '\0' ? NULL : strdup(val);
		return 0;
	}
	if (k->type == CT_BOOL) {
		if (strcmp(val, "yes") == 0 || strcmp(val, "on") == 0 ||
		    strcmp(val, "1") == 0)
			n = 1;
		else if (strcmp(val, "no") == 0 || strcmp(val, "off") == 0 ||
		    strcmp(val, "0") == 0)
			n = 0;
		else {
			log_warnx("%s:%d: %s: expected yes or no", file, line,
			    k->name);
			return -1;
		}
		*(int *)((char *)c + k->off) = (int)n;
		return 0;
	}
	errno = 0;
	n = strtol(val, &end, k->type == CT_MODE ? 8 : 10);
	if (k->type == CT_SIZE && end != val && n >= 0) {
		if (*end == 'k' || *end == 'K')
			n = n > LONG_MAX / 1024 ? LONG_MAX : n * 1024, end++;
		else if (*end == 'm' || *end == 'M')
			n = n > LONG_MAX / 1048576 ? LONG_MAX : n * 1048576,
			    end++;
		else if (*end == 'g' || *end == 'G')
			n = n > LONG_MAX / 1073741824 ? LONG_MAX :
			    n * 1073741824, end++;
	}
	if (errno != 0 || end == val || *end != '\0' || n < k->min ||
	    n > k->max) {
		log_warnx("%s:%d: %s: \"%s\" is not a number from %ld to %ld",
		    file, line, k->name, val, k->min, k->max);
		return -1;
	}
	if (k->type == CT_LONG || k->type == CT_SIZE)
		*(long *)((char *)c + k->off) = n;
	else
		*(int *)((char *)c + k->off) = (int)n;
	return 0;
}

/* One line of the file; 0 when fine, -1 after logging the error. */
static int
conf_line(struct conf *c, char *s, const char *file, int line)
{
	char	*eq, *key, *val, *e;
	size_t	 i;

	/* A comment starts a line or follows a space: "ab#cd" is a value. */
	for (e = s; (e = strchr(e, '#')) != NULL; e++)
		if (e == s || isspace((unsigned char)e[-1])) {
			*e = '\0';
			break;
		}
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return 0;
	if ((eq = strchr(s, '=')) == NULL) {
		log_warnx("%s:%d: expected \"key = value\"", file, line);
		return -1;
	}
	key = s;
	for (e = eq; e > key && isspace((unsigned char)e[-1]); e--)
		;
	*e = '\0';
	val = eq + 1;
	while (isspace((unsigned char)*val))
		val++;
	for (e = val + strlen(val); e > val && isspace((unsigned char)e[-1]);
	    e--)
		;
	*e = '\0';
	for (i = 0; i < sizeof(ckeys) / sizeof(ckeys[0]); i++)
		if (strcmp(ckeys[i].name, key) == 0)
			return conf_set(c, &ckeys[i], val, file, line);
	log_warnx("%s:%d: unknown key \"%s\"", file, line, key);
	return -1;
}

/*
 * The secret key file holds at least 32 random bytes; the key used is
 * their BLAKE2b hash, so any length and format of file works.
 */
static int
conf_secret(struct conf *c)
{
	unsigned char	 buf[4096];
	ssize_t		 n;
	int		 fd;

	if (c->secret_key_file == NULL) {
		log_warnx("%s: secret_key_file is not set", c->file);
		return -1;
	}
	if ((fd = open(c->secret_key_file, O_RDONLY | O_CLOEXEC)) == -1) {
		log_warn("%s: secret_key_file %s", c->file, c->secret_key_file);
		return -1;
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 32) {
		log_warnx("%s: secret_key_file %s: fewer than 32 bytes",
		    c->file, c->secret_key_file);
		return -1;
	}
	crypto_generichash(c->secret, sizeof(c->secret), buf, (size_t)n,
	    NULL, 0);
	sodium_memzero(buf, sizeof(buf));
	return 0;
}

struct conf *
conf_load(const char *file)
{
	struct conf	*c;
	FILE		*fp;
	char		*buf = NULL;
	size_t		 bufsz = 0;
	int		 line = 0, bad = 0;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->file = strdup(file);
	conf_defaults(c);
	if ((fp = fopen(file, "r")) == NULL) {
		log_warn("%s", file);
		conf_free(c);
		return NULL;
	}
	while (getline(&buf, &bufsz, fp) != -1)
		if (conf_line(c, buf, file, ++line) == -1)
			bad = 1;
	free(buf);
	fclose(fp);
	if (bad || conf_check(c) == -1 || conf_secret(c) == -1) {
		conf_free(c);
		return NULL;
	}
	c->secure_cookies = strncmp(c->site_url, "https://", 8) == 0;
	return c;
}

/* Rules across keys; each failure is logged. */
int
conf_check(const struct conf *c)
{
	int	 rc = 0;

	if (c->listen == NULL) {
		log_warnx("%s: listen is not set", c->file);
		rc = -1;
	}
	if (c->site_url == NULL || (strncmp(c->site_url, "http://", 7) != 0 &&
	    strncmp(c->site_url, "https://", 8) != 0)) {
		log_warnx("%s: site_url must start with http:// or https://",
		    c->file);
		rc = -1;
	}
	if (c->jurisdiction == NULL || c->xslt_dir == NULL ||
	    c->sql_dir == NULL || c->db_name == NULL) {
		log_warnx("%s: jurisdiction, xslt_dir, sql_dir and db_name "
		    "must be set", c->file);
		rc = -1;
	}
	if (c->font == NULL) {
		log_warnx("%s: font must be set", c->file);
		rc = -1;
	}
	if (c->log_level == NULL || (strcmp(c->log_level, "error") != 0 &&
	    strcmp(c->log_level, "warn") != 0 &&
	    strcmp(c->log_level, "info") != 0 &&
	    strcmp(c->log_level, "debug") != 0)) {
		log_warnx("%s: log_level must be error, warn, info or debug",
		    c->file);
		rc = -1;
	}
	return rc;
}

void
conf_free(struct conf *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < sizeof(ckeys) / sizeof(ckeys[0]); i++)
		if (ckeys[i].type == CT_STR)
			free(*(char **)((char *)c + ckeys[i].off));
	free(c->file);
	sodium_memzero(c->secret, sizeof(c->secret));
	free(c);
}
