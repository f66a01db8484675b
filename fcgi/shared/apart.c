/*
 * apart.c: drawing in a short-lived child of the worker. Drawing loads
 * the CJK font and the image libraries' state, some 5 MiB that a worker
 * would otherwise carry for the rest of its life for images it draws
 * rarely (a badge once, a poster now and then); the child hands the PNG
 * back through a pipe and exits, and the memory goes with it.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "core/app.h"
#include "shared/apart.h"

/* Write all of buf to fd; -1 on any error. */
static int
write_all(int fd, const unsigned char *buf, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Run draw(arg, font) in a child process and read the image it makes
 * into the request's pool. The child shares the worker's database
 * connection and FastCGI socket, so it touches neither and leaves with
 * _exit. Returns 0, or -1 (logged) when anything failed.
 */
int
draw_apart(struct req *r, draw_fn draw, const void *arg,
    unsigned char **out, size_t *outlen)
{
	unsigned char	*png, *buf = NULL, *nbuf;
	size_t		 len, cap = 0, used = 0;
	ssize_t		 n;
	pid_t		 pid;
	int		 fd[2], status, rc, full = 0;

	if (pipe2(fd, O_CLOEXEC) == -1) {
		log_warn("drawing: pipe");
		return -1;
	}
	if ((pid = fork()) == -1) {
		log_warn("drawing: fork");
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		rc = draw(arg, r->conf->font, &png, &len) == 0 &&
		    write_all(fd[1], png, len) == 0;
		_exit(rc ? 0 : 1);
	}
	close(fd[1]);
	for (;;) {
		if (used == cap) {
			cap = cap ? cap * 2 : 64 * 1024;
			if ((nbuf = pool_alloc(r->pool, cap)) == NULL) {
				full = 1;
				break;
			}
			if (used > 0)
				memcpy(nbuf, buf, used);
			buf = nbuf;
		}
		if ((n = read(fd[0], buf + used, cap - used)) > 0)
			used += (size_t)n;
		else if (n == 0 || errno != EINTR)
			break;
	}
	close(fd[0]);
	while ((rc = waitpid(pid, &status, 0)) == -1 && errno == EINTR)
		;
	if (rc == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    used == 0 || full) {
		if (rc != -1 && !WIFEXITED(status))
			log_warnx("drawing: the process died (signal %d)",
			    WTERMSIG(status));
		return -1;
	}
	*out = buf;
	*outlen = used;
	return 0;
}
