/*
 * log.c: the error log, shared by the master and its workers.
 * log_warn appends strerror(errno), log_warnx does not (OpenBSD style);
 * fatal and fatalx are for start-up only, before any request is served.
 * log_warn_once is for a condition that lasts (a full disk): said once
 * for the whole pool, not at every request that meets it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "server.h"

static int		 log_fd = STDERR_FILENO;
static char		*log_path;
static enum loglevel	 log_level = LOG_LVL_INFO;
static const char	*log_proc = "main";

static const char *const level_names[LOG_LVL__MAX] = {
	"error",	/* LOG_LVL_ERR */
	"warn",		/* LOG_LVL_WARN */
	"info",		/* LOG_LVL_INFO */
	"debug",	/* LOG_LVL_DEBUG */
};

/* Lasting conditions outside a pool (commands, unit tests). */
static int		 own_once[LOG_ONCE_SLOTS];

static void	 vlog(enum loglevel, int, const char *, va_list);
static volatile int *once_slot(const char *);

/* Log to path (appending), or to standard error when path is NULL. */
int
log_open(const char *path)
{
	free(log_path);
	log_path = path != NULL ? strdup(path) : NULL;
	return log_reopen();
}

/* Reopen the log file by name, for log rotation (SIGUSR1). */
int
log_reopen(void)
{
	int	 fd;

	if (log_path == NULL)
		return 0;
	fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd == -1)
		return -1;
	if (log_fd != STDERR_FILENO)
		close(log_fd);
	log_fd = fd;
	return 0;
}

void
log_setlevel(enum loglevel lvl)
{
	log_level = lvl;
}

/* Name the process in every line: "master" or "worker". */
void
log_setproc(const char *name)
{
	log_proc = name;
}

/*
 * One line, written with a single write(2) so that lines of concurrent
 * processes appending to the same file do not interleave.
 */
static void
vlog(enum loglevel lvl, int with_errno, const char *fmt, va_list ap)
{
	char		 line[2048];
	struct tm	 tm;
	time_t		 t;
	size_t		 n;
	int		 saved = errno, rc;

	if (lvl > log_level)
		return;
	t = time(NULL);
	gmtime_r(&t, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ", &tm);
	rc = snprintf(line + n, sizeof(line) - n, " %s[%ld] %s: ", log_proc,
	    (long)getpid(), level_names[lvl]);
	n += rc > 0 ? (size_t)rc : 0;
	rc = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	n = rc < 0 ? n : n + (size_t)rc;
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	if (with_errno) {
		rc = snprintf(line + n, sizeof(line) - n, ": %s",
		    strerror(saved));
		n = rc < 0 ? n : n + (size_t)rc;
		if (n > sizeof(line) - 2)
			n = sizeof(line) - 2;
	}
	line[n++] = '\n';
	(void)write(log_fd, line, n);
	errno = saved;
}

void
log_warn(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog(LOG_LVL_WARN, 1, fmt, ap);
	va_end(ap);
}

void
log_warnx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog(LOG_LVL_WARN, 0, fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog(LOG_LVL_INFO, 0, fmt, ap);
	va_end(ap);
}

void
log_debug(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog(LOG_LVL_DEBUG, 0, fmt, ap);
	va_end(ap);
}

/*
 * The last errno of a lasting condition, by its name: in the scoreboard
 * that every worker of the pool shares, or this process's own.
 */
static volatile int *
once_slot(const char *key)
{
	unsigned int	 h = 5381;

	for (; *key != '\0'; key++)
		h = h * 33 + (unsigned char)*key;
	h %= LOG_ONCE_SLOTS;
	return sb != NULL ? &sb->once[h] : &own_once[h];
}

/*
 * A warning with errno about the condition named key: logged when it
 * begins, or when its errno changes, and not again until log_once_over.
 */
void
log_warn_once(const char *key, const char *fmt, ...)
{
	va_list	 ap;
	int	 err = errno != 0 ? errno : -1;

	if (__atomic_exchange_n(once_slot(key), err, __ATOMIC_SEQ_CST) == err)
		return;
	va_start(ap, fmt);
	vlog(LOG_LVL_WARN, 1, fmt, ap);
	va_end(ap);
}

/* The condition named key is over: said once, if it was logged. */
void
log_once_over(const char *key, const char *fmt, ...)
{
	va_list	 ap;

	if (*once_slot(key) == 0 ||
	    __atomic_exchange_n(once_slot(key), 0, __ATOMIC_SEQ_CST) == 0)
		return;
	va_start(ap, fmt);
	vlog(LOG_LVL_INFO, 0, fmt, ap);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog(LOG_LVL_ERR, 1, fmt, ap);
	va_end(ap);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog(LOG_LVL_ERR, 0, fmt, ap);
	va_end(ap);
	exit(1);
}
