/*
 * test-log.c: a lasting condition is logged once (log_warn_once), again
 * when its cause changes, once more when it is over; across the pool's
 * processes when they share a scoreboard.
 */
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/app.h"
#include "core/server.h"
#include "tap.h"

static char	 path[] = "/tmp/bluecode-test-log-XXXXXX";

/* How many lines of the log contain a string. */
static int
lines_with(const char *what)
{
	FILE	*f;
	char	 line[2048];
	int	 n = 0;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strstr(line, what) != NULL)
			n++;
	fclose(f);
	return n;
}

static void
full(const char *key)
{
	errno = ENOSPC;
	log_warn_once(key, "%s: cannot write", key);
}

int
main(void)
{
	pid_t	 pid;
	int	 fd, st;

	if ((fd = mkstemp(path)) == -1 || log_open(path) == -1)
		return 1;
	close(fd);
	full("cache");
	full("cache");
	full("cache");
	is_int(lines_with("cache: cannot write: No space left"), 1,
	    "three failures with one cause: one line");
	errno = EROFS;
	log_warn_once("cache", "cache: cannot write");
	is_int(lines_with("cache: cannot write: Read-only"), 1,
	    "another cause: one line more");
	full("other");
	is_int(lines_with("other: cannot write"), 1,
	    "another condition is its own");
	log_once_over("cache", "cache: written again");
	log_once_over("cache", "cache: written again");
	is_int(lines_with("cache: written again"), 1, "over: said once");
	full("cache");
	is_int(lines_with("cache: cannot write: No space left"), 2,
	    "and a new failure is said again");

	/* In a pool: what one worker said, another does not say again. */
	sb = scoreboard_create(4);
	ok(sb != NULL, "a scoreboard");
	if ((pid = fork()) == 0) {
		full("pool");
		_exit(0);
	}
	waitpid(pid, &st, 0);
	full("pool");
	is_int(lines_with("pool: cannot write"), 1,
	    "two processes of a pool, one line");
	scoreboard_destroy(sb);
	sb = NULL;
	unlink(path);
	return done_testing();
}
