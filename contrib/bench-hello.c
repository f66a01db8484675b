/*
 * bench-hello.c: the bare libfcgi responder contrib/bench compares against: the
 * ceiling for any FastCGI application on the machine. It opens a socket,
 * forks N children and answers every request with a fixed text.
 *
 *	bench-hello SOCKET CHILDREN
 */
#include <sys/prctl.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <fcgiapp.h>

static const char reply[] =
    "Status: 200 OK\r\nContent-Type: text/plain\r\n"
    "Content-Length: 6\r\n\r\nHello\n";

static void
child(int fd)
{
	FCGX_Request	 r;

	signal(SIGTERM, SIG_DFL);
	/* Go when the parent goes (the benchmark stops only the parent). */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() == 1)
		_exit(0);
	FCGX_InitRequest(&r, fd, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutStr(reply, sizeof(reply) - 1, r.out);
		FCGX_Finish_r(&r);
	}
	_exit(0);
}

int
main(int argc, char *argv[])
{
	int	 fd, i, n;

	if (argc != 3 || (n = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: hello socket children\n");
		return 2;
	}
	if (FCGX_Init() != 0 || (fd = FCGX_OpenSocket(argv[1], 1024)) < 0)
		return 1;
	for (i = 0; i < n; i++)
		if (fork() == 0)
			child(fd);
	signal(SIGTERM, SIG_DFL);
	while (wait(NULL) > 0)
		;
	return 0;
}
