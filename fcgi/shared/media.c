/*
 * media.c: uploaded videos, looked at by Debian's ffprobe and ffmpeg
 * rather than by a parser of our own: what container and codec a file
 * really holds (whatever its name says), how long it runs, and a still
 * of it for the player's poster. Each program runs in a child with no
 * descriptor of the worker's, its signals unblocked, limits on CPU time
 * and memory, and a deadline after which it is killed: a hostile file
 * costs a few seconds of one child, never the worker.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/app.h"
#include "shared/media.h"

#define RUN_SECONDS	20		/* a program's deadline */
#define RUN_MEMORY	(1024L << 20)	/* its address space */
#define PROBE_OUT	4096		/* bytes of ffprobe's report kept */

/* In the child: a clean process for argv, its output to out. */
static void
child(char *const argv[], int out)
{
	struct rlimit	 cpu = { RUN_SECONDS, RUN_SECONDS };
	struct rlimit	 mem = { RUN_MEMORY, RUN_MEMORY };
	sigset_t	 none;
	int		 null;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	if ((null = open("/dev/null", O_RDWR)) == -1 ||
	    dup2(null, STDIN_FILENO) == -1 ||
	    dup2(out != -1 ? out : null, STDOUT_FILENO) == -1 ||
	    dup2(null, STDERR_FILENO) == -1)
		_exit(127);
	close_range(3, ~0U, 0);
	setrlimit(RLIMIT_CPU, &cpu);
	setrlimit(RLIMIT_AS, &mem);
	execvp(argv[0], argv);
	_exit(127);
}

/*
 * Run argv, keeping up to outsz - 1 bytes of its standard output in out
 * (NUL-terminated) when out is given. Its exit status, or -1 when it
 * could not run, was killed or overran its deadline (logged).
 */
static int
run(char *const argv[], char *out, size_t outsz)
{
	struct pollfd	 pfd;
	long long	 deadline = now_ms() + RUN_SECONDS * 1000LL;
	size_t		 used = 0;
	ssize_t		 n;
	pid_t		 pid;
	int		 fd[2] = { -1, -1 }, status, left;
	char		 sink[512];

	if (out != NULL && pipe2(fd, O_CLOEXEC) == -1) {
		log_warn("media: pipe");
		return -1;
	}
	if ((pid = fork()) == -1) {
		log_warn("media: fork");
		if (out != NULL) {
			close(fd[0]);
			close(fd[1]);
		}
		return -1;
	}
	if (pid == 0)
		child(argv, fd[1]);
	if (out != NULL) {
		close(fd[1]);
		pfd.fd = fd[0];
		pfd.events = POLLIN;
		for (;;) {
			if ((left = (int)(deadline - now_ms())) <= 0)
				break;
			if (poll(&pfd, 1, left) == -1 && errno != EINTR)
				break;
			if (pfd.revents == 0)
				continue;
			if (used + 1 < outsz)
				n = read(fd[0], out + used, outsz - 1 - used);
			else
				n = read(fd[0], sink, sizeof(sink));
			if (n == -1 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			if (used + 1 < outsz)
				used += (size_t)n;
		}
		close(fd[0]);
		out[used] = '\0';
	}
	/* Wait out the rest of the deadline, then kill. */
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ms() >= deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			log_warnx("media: %s overran %d s: killed", argv[0],
			    RUN_SECONDS);
			return -1;
		}
		usleep(10000);
	}
	if (!WIFEXITED(status)) {
		log_warnx("media: %s died of signal %d", argv[0],
		    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		return -1;
	}
	return WEXITSTATUS(status);
}

/* The value of "key=" in ffprobe's report, the first one from s on. */
static const char *
report_value(const char *s, const char *key, char *buf, size_t bufsz)
{
	size_t	 kl = strlen(key), n;

	for (; s != NULL && *s != '\0'; s = strchr(s, '\n'), s = s ? s + 1 :
	    NULL) {
		if (strncmp(s, key, kl) != 0 || s[kl] != '=')
			continue;
		s += kl + 1;
		n = strcspn(s, "\n");
		if (n >= bufsz)
			n = bufsz - 1;
		memcpy(buf, s, n);
		buf[n] = '\0';
		return buf;
	}
	return NULL;
}

/* Whether codec is one of the space-separated names in list. */
static int
one_of(const char *codec, const char *list)
{
	size_t	 n = strlen(codec);
	const char *p;

	for (p = list; (p = strstr(p, codec)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
	return 0;
}

enum media_why
media_probe(const char *path, struct media_info *mi)
{
	char	 out[PROBE_OUT], v[64];
	char	*argv[] = { "ffprobe", "-v", "error", "-show_entries",
		    "stream=codec_type,codec_name,width,height:"
		    "format=format_name,duration",
		    "-of", "default=noprint_wrappers=1", (char *)path, NULL };
	const char *s, *video;
	char	*end;
	int	 rc;

	memset(mi, 0, sizeof(*mi));
	if ((rc = run(argv, out, sizeof(out))) == -1)
		return MEDIA_PROBE;
	if (rc != 0)
		return MEDIA_NOT_VIDEO;
	/* The first video stream: its codec and size. */
	for (s = out, video = NULL; (s = strstr(s, "codec_type=video")) !=
	    NULL; s++) {
		video = s;
		break;
	}
	if (video == NULL)
		return MEDIA_NOT_VIDEO;
	/* codec_name comes before codec_type within a stream's lines. */
	for (s = video; s > out && strncmp(s, "codec_name=", 11) != 0; s--)
		;
	if (report_value(s, "codec_name", mi->codec, sizeof(mi->codec)) ==
	    NULL)
		return MEDIA_NOT_VIDEO;
	if (report_value(video, "width", v, sizeof(v)) != NULL)
		mi->width = atoi(v);
	if (report_value(video, "height", v, sizeof(v)) != NULL)
		mi->height = atoi(v);
	if (report_value(out, "format_name", v, sizeof(v)) == NULL)
		return MEDIA_NOT_VIDEO;
	if (strcmp(v, "matroska,webm") == 0 &&
	    one_of(mi->codec, "vp8 vp9 av1"))
		mi->container = "webm";
	else if (strncmp(v, "mov,mp4,", 8) == 0 &&
	    one_of(mi->codec, "h264 av1"))
		mi->container = "mp4";
	else if (strcmp(v, "matroska,webm") == 0 ||
	    strncmp(v, "mov,mp4,", 8) == 0)
		return MEDIA_CODEC;
	else
		return MEDIA_NOT_VIDEO;
	if (mi->width <= 0 || mi->height <= 0 || mi->width > 4096 ||
	    mi->height > 4096)
		return MEDIA_NOT_VIDEO;
	if (report_value(out, "duration", v, sizeof(v)) == NULL)
		return MEDIA_LENGTH;
	errno = 0;
	mi->seconds = strtod(v, &end);
	if (errno != 0 || end == v || !(mi->seconds >= MEDIA_MIN_SECONDS) ||
	    mi->seconds > MEDIA_MAX_SECONDS)
		return MEDIA_LENGTH;
	return MEDIA_OK;
}

enum media_why
media_poster(const char *video, double seconds, const char *jpeg)
{
	char	 at[32];
	char	*argv[] = { "ffmpeg", "-v", "error", "-nostdin", "-y", "-ss",
		    at, "-i", (char *)video, "-frames:v", "1", "-vf",
		    "scale='min(640,iw)':-2", "-q:v", "4", "-f", "image2",
		    (char *)jpeg, NULL };

	snprintf(at, sizeof(at), "%.2f", seconds > 2 ? 1.0 : seconds / 2);
	switch (run(argv, NULL, 0)) {
	case 0:
		return access(jpeg, R_OK) == 0 ? MEDIA_OK : MEDIA_NOT_VIDEO;
	case -1:
		return MEDIA_PROBE;
	default:
		return MEDIA_NOT_VIDEO;
	}
}
