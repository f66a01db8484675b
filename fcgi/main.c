/*
 * main.c: options, the configuration check (-n), the command-line tasks,
 * and the start of the pool: pid file, listening socket, master.
 */
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <mysql.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <sodium.h>

#include "core/app.h"
#include "core/server.h"
#include "admin/admin.h"
#include "bank/bank.h"
#include "course/course.h"
#include "shared/boundary.h"
#include "shared/secret.h"
#include "privacy/privacy.h"
#include "stats/stats.h"

static void	 usage(void) __attribute__((noreturn));
static int	 pidfile_lock(const char *);
static void	 socket_guard(const char *);
static int	 socket_open(const struct conf *);
static int	 serve(struct conf *);
static int	 bank_import_cmd(const struct conf *, int, char *[]);
static int	 rekey_cmd(const struct conf *, const char *);

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-n] [-f file] [serve | migrate |\n"
	    "\tadmin-add login [district | street NAME | department NAME |\n"
	    "\t    unit NAME | station NAME] |\n"
	    "\tbank-import [--publish] [--if-new] file |\n"
	    "\tbank-export version | geo-import [--outline] file |\n"
	    "\tcourse-import file | stats-rebuild [from [to]] | purge |\n"
	    "\tkeygen | seal | rekey [--add | --drop-old] |\n"
	    "\tphone-hash number |\n"
	    "\terror-page status [zh | en] | l10n-check [xslt-dir]]\n", APP_NAME);
	exit(2);
}

/*
 * Take the pid file with an exclusive lock, held for the master's life:
 * a second master on the same configuration stops here.
 */
static int
pidfile_lock(const char *path)
{
	char	 buf[32];
	int	 fd, n;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1)
		fatal("pid file %s", path);
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		n = (int)read(fd, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		fatalx("already running (pid file %s, pid %s)", path, buf);
	}
	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == -1 || write(fd, buf, (size_t)n) != n)
		fatal("pid file %s", path);
	return fd;
}

/*
 * libfcgi unlinks an existing socket path: refuse to start if another
 * process still answers on it, rather than silently take it over.
 */
static void
socket_guard(const char *path)
{
	struct sockaddr_un	 sun;
	int			 s;

	if (path[0] != '/' || strlen(path) >= sizeof(sun.sun_path))
		return;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, path, strlen(path));
	if ((s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return;
	if (connect(s, (struct sockaddr *)&sun, sizeof(sun)) == 0)
		fatalx("%s: another process is listening there", path);
	close(s);
}

static int
socket_open(const struct conf *c)
{
	struct group	*gr;
	int		 fd;

	socket_guard(c->listen);
	if ((fd = FCGX_OpenSocket(c->listen, c->backlog)) < 0)
		fatalx("listen %s: cannot open", c->listen);
	if (c->listen[0] != '/')
		return fd;
	if (c->listen_group != NULL) {
		if ((gr = getgrnam(c->listen_group)) == NULL)
			fatalx("listen_group %s: no such group",
			    c->listen_group);
		if (chown(c->listen, (uid_t)-1, gr->gr_gid) == -1)
			fatal("chown %s", c->listen);
	}
	if (chmod(c->listen, (mode_t)c->listen_mode) == -1)
		fatal("chmod %s", c->listen);
	return fd;
}

/* Run the pool; the master takes c over (a reload replaces it). */
static int
serve(struct conf *c)
{
	char	*listen, *pidfile;
	int	 fd, pidfd = -1, rc;

	if (render_init(c->xslt_dir, 1) == -1)
		return 1;
	render_free();
	/* What workers inherit (the data keys), read before forking. */
	if (master_load(c) == -1)
		fatalx("cannot start without the data keys");
	/*
	 * Start MariaDB Connector/C here, once: it starts OpenSSL, whose
	 * start-up reads through 2.5 MiB of libcrypto. Done before forking,
	 * those pages are the master's; a worker only maps what it touches
	 * later, and every worker shares the little heap it left.
	 */
	if (mysql_library_init(0, NULL, NULL) != 0)
		fatalx("MariaDB Connector/C did not start");
	/*
	 * Give the memory of that check back before forking, or every
	 * worker starts with the freed heap in its resident set.
	 */
	malloc_trim(0);
	if (c->pid_file != NULL)
		pidfd = pidfile_lock(c->pid_file);
	if (FCGX_Init() != 0)
		fatalx("FCGX_Init failed");
	fd = socket_open(c);
	listen = strdup(c->listen);
	pidfile = c->pid_file != NULL ? strdup(c->pid_file) : NULL;
	rc = master_run(c, fd, pidfd);
	if (listen[0] == '/')
		unlink(listen);
	if (pidfd != -1) {
		unlink(pidfile);
		close(pidfd);
	}
	free(listen);
	free(pidfile);
	return rc;
}

/* bank-import [--publish] [--if-new] FILE */
static int
bank_import_cmd(const struct conf *c, int argc, char *argv[])
{
	int	 i, publish = 0, if_new = 0;

	for (i = 1; i < argc - 1; i++) {
		if (strcmp(argv[i], "--publish") == 0)
			publish = 1;
		else if (strcmp(argv[i], "--if-new") == 0)
			if_new = 1;
		else
			usage();
	}
	return bank_import_file(c, argv[argc - 1], publish, if_new) == 0 ?
	    0 : 1;
}

/* rekey [--add | --drop-old] */
static int
rekey_cmd(const struct conf *c, const char *opt)
{
	enum rekey_step	 step = REKEY_ALL;

	if (opt != NULL && strcmp(opt, "--add") == 0)
		step = REKEY_ADD;
	else if (opt != NULL && strcmp(opt, "--drop-old") == 0)
		step = REKEY_DROP;
	else if (opt != NULL)
		usage();
	return secret_rekey(c, step) == 0 ? 0 : 1;
}

static enum loglevel
level_of(const char *s)
{
	if (strcmp(s, "debug") == 0)
		return LOG_LVL_DEBUG;
	if (strcmp(s, "info") == 0)
		return LOG_LVL_INFO;
	if (strcmp(s, "warn") == 0)
		return LOG_LVL_WARN;
	return LOG_LVL_ERR;
}

int
main(int argc, char *argv[])
{
	struct conf	*c;
	const char	*file = DEF_CONF_FILE;
	int		 ch, check = 0, rc;

	while ((ch = getopt(argc, argv, "+f:n")) != -1) {
		switch (ch) {
		case 'f':
			file = optarg;
			break;
		case 'n':
			check = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (sodium_init() < 0)
		fatalx("libsodium initialisation failed");
	/*
	 * libxml2's allocator first (rendering's arena), then everything
	 * libxml2 and libxslt set up once and keep, before any page.
	 */
	if (arena_init(ARENA_RESERVE, getenv("BLUECODE_ARENA_POISON") != NULL)
	    == -1)
		log_warnx("rendering arena unavailable: pages use malloc");
	xmlInitParser();
	xsltInit();
	/* Of the stylesheets alone: no configuration needed. */
	if (argc >= 1 && argc <= 2 && strcmp(argv[0], "l10n-check") == 0)
		return l10n_check(argc == 2 ? argv[1] : PKGDATADIR "/xslt");
	if ((c = conf_load(file)) == NULL)
		fatalx("%s: configuration has errors", file);
	if (check) {
		rc = render_init(c->xslt_dir, 1) == -1;
		render_free();
		if (rc == 0)
			fprintf(stderr, "%s: configuration OK\n", file);
		conf_free(c);
		return rc;
	}
	if (argc == 0 || strcmp(argv[0], "serve") == 0) {
		if (argc > 1)
			usage();
		if (log_open(c->log_file) == -1)
			fatal("log file %s", c->log_file);
		log_setlevel(level_of(c->log_level));
		rc = serve(c);
		c = NULL;
	} else if (strcmp(argv[0], "migrate") == 0 && argc == 1)
		rc = migrate_run(c, 0) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "bank-import") == 0 && argc >= 2)
		rc = bank_import_cmd(c, argc, argv);
	else if (strcmp(argv[0], "bank-export") == 0 && argc == 2)
		rc = bank_export_print(c, atoll(argv[1])) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "course-import") == 0 && argc == 2)
		rc = course_import_file(c, argv[1]) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "geo-import") == 0 && argc == 2)
		rc = boundary_import(c, argv[1], 0) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "geo-import") == 0 && argc == 3 &&
	    strcmp(argv[1], "--outline") == 0)
		rc = boundary_import(c, argv[2], 1) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "stats-rebuild") == 0 && argc <= 3)
		rc = stats_rebuild_command(c, argc > 1 ? argv[1] : NULL,
		    argc > 2 ? argv[2] : NULL) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "purge") == 0 && argc == 1)
		rc = privacy_purge(c) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "keygen") == 0 && argc == 1)
		rc = secret_keygen(c->data_key_file) == -1;
	else if (strcmp(argv[0], "phone-hash") == 0 && argc == 2)
		rc = secret_hash_print(c, argv[1]) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "seal") == 0 && argc == 1)
		rc = secret_seal_all(c) == 0 ? 0 : 1;
	else if (strcmp(argv[0], "rekey") == 0 && argc <= 2)
		rc = rekey_cmd(c, argc > 1 ? argv[1] : NULL);
	else if (strcmp(argv[0], "error-page") == 0 && argc >= 2 && argc <= 3)
		rc = error_page_print(c, atoi(argv[1]), argc == 3 ? argv[2] :
		    lang_names[LANG_ZH]);
	else if (strcmp(argv[0], "admin-add") == 0 && argc >= 2 && argc <= 4)
		rc = admin_add(c, argv[1], getenv("BLUECODE_ADMIN_PASSWORD"),
		    argc >= 3 ? argv[2] : "district", argc == 4 ? argv[3] :
		    NULL) == 0 ? 0 : 1;
	else
		usage();
	conf_free(c);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
