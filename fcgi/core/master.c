/*
 * master.c: supervision of the worker pool.
 * A small state machine (running, finishing, terminating) driven by
 * signals: handlers only set flags, the loop does the work between
 * sigsuspend calls. The master never touches a request.
 */
#include <sys/prctl.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "server.h"

#define SB_SLOTS	512	/* two generations of the largest pool */
#define BACKOFF_MIN	100	/* ms */
#define BACKOFF_MAX	10000	/* ms */
#define CRASH_WINDOW	5	/* s: a worker dying sooner crashed */
#define TICK_MS		500

enum mstate {
	M_RUNNING,
	M_FINISHING,	/* SIGTERM/SIGQUIT: workers finish, then exit */
	M_TERMINATING	/* SIGINT: workers are told to exit now */
};

static volatile sig_atomic_t	 sig_chld, sig_hup, sig_term, sig_int,
				 sig_usr1, sig_alrm;

static struct conf	*conf;
static int		 listen_fd;
static int		 pid_fd = -1;	/* the locked pid file, the master's */
static pid_t		 master_pid;
static enum mstate	 state = M_RUNNING;
static int		 generation = 1;
static long long	 backoff_ms;
static long long	 spawn_at;
static long long	 deadline;

struct scoreboard	*sb;

static void	 on_signal(int);
static void	 reap(void);
static void	 spawn_missing(void);
static void	 reload(void);
static void	 signal_gen(int, int);
static void	 signal_old(int);
static int	 live_workers(int);
static void	 check_timeouts(void);
static void	 arm_timer(void);

static void
on_signal(int sig)
{
	switch (sig) {
	case SIGCHLD: sig_chld = 1; break;
	case SIGHUP: sig_hup = 1; break;
	case SIGTERM: case SIGQUIT: sig_term = 1; break;
	case SIGINT: sig_int = 1; break;
	case SIGUSR1: sig_usr1 = 1; break;
	case SIGALRM: sig_alrm = 1; break;
	}
}

/* Count live workers of a generation (any generation: -1). */
static int
live_workers(int gen)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < sb->nslots; i++)
		if (sb->slots[i].state != SLOT_FREE &&
		    (gen == -1 || sb->slots[i].generation == gen))
			n++;
	return n;
}

/* Send a signal to every worker of a generation (-1: all). */
static void
signal_gen(int gen, int sig)
{
	struct slot	*s;
	size_t		 i;

	for (i = 0; i < sb->nslots; i++) {
		s = &sb->slots[i];
		if (s->state != SLOT_FREE && s->pid > 0 &&
		    (gen == -1 || s->generation == gen))
			kill(s->pid, sig);
	}
}

/* Ask every worker not of the current generation to finish and exit. */
static void
signal_old(int current)
{
	struct slot	*s;
	size_t		 i;

	for (i = 0; i < sb->nslots; i++) {
		s = &sb->slots[i];
		if (s->state != SLOT_FREE && s->pid > 0 &&
		    s->generation != current)
			kill(s->pid, SIGQUIT);
	}
}

static struct slot *
slot_of(pid_t pid)
{
	size_t	 i;

	for (i = 0; i < sb->nslots; i++)
		if (sb->slots[i].state != SLOT_FREE && sb->slots[i].pid == pid)
			return &sb->slots[i];
	return NULL;
}

/*
 * Collect every dead child, say why it died, and decide the back-off for
 * its replacement: a worker of the current generation that dies soon
 * after starting doubles the delay before the next spawn.
 */
static void
reap(void)
{
	struct slot	*s;
	pid_t		 pid;
	time_t		 lived;
	int		 st, crashed;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		if ((s = slot_of(pid)) == NULL)
			continue;
		lived = time(NULL) - s->started;
		crashed = WIFSIGNALED(st) ? WTERMSIG(st) != SIGQUIT :
		    WEXITSTATUS(st) != 0;
		if (WIFSIGNALED(st))
			log_warnx("worker %ld (generation %d) killed by "
			    "signal %d after %lds, %lu requests", (long)pid,
			    s->generation, WTERMSIG(st), (long)lived,
			    s->requests);
		else
			log_info("worker %ld (generation %d) exited with "
			    "status %d after %lds, %lu requests", (long)pid,
			    s->generation, WEXITSTATUS(st), (long)lived,
			    s->requests);
		if (state == M_RUNNING && s->generation == generation) {
			if (crashed && lived < CRASH_WINDOW) {
				backoff_ms = backoff_ms == 0 ? BACKOFF_MIN :
				    backoff_ms * 2;
				if (backoff_ms > BACKOFF_MAX)
					backoff_ms = BACKOFF_MAX;
				log_warnx("respawn in %lld ms", backoff_ms);
			} else
				backoff_ms = 0;
			spawn_at = now_ms() + backoff_ms;
			if (crashed)
				sb->respawns++;
		}
		s->pid = 0;
		s->state = SLOT_FREE;
	}
}

static void
spawn_one(void)
{
	struct slot	*s;
	pid_t		 pid;

	if ((s = scoreboard_claim(sb, 0, generation)) == NULL) {
		log_warnx("scoreboard full: no worker started");
		return;
	}
	if ((pid = fork()) == -1) {
		log_warn("fork");
		s->state = SLOT_FREE;
		spawn_at = now_ms() + 1000;
		return;
	}
	if (pid == 0) {
		/*
		 * A worker whose master is gone (killed, crashed) finishes
		 * its request and leaves, and never holds the pid file's
		 * lock: a new master can start. Signals stay blocked until
		 * the worker has its handlers.
		 */
		if (prctl(PR_SET_PDEATHSIG, SIGQUIT) == -1 ||
		    getppid() != master_pid)
			_exit(1);
		if (pid_fd != -1)
			close(pid_fd);
		signal(SIGCHLD, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGALRM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		s->pid = getpid();
		worker_main(conf, listen_fd, s);
	}
	s->pid = pid;
}

static void
spawn_missing(void)
{
	int	 n;

	if (state != M_RUNNING || now_ms() < spawn_at)
		return;
	for (n = live_workers(generation); n < conf->workers; n++) {
		spawn_one();
		/* After a crash, bring workers back one at a time. */
		if (backoff_ms > 0) {
			spawn_at = now_ms() + backoff_ms;
			break;
		}
	}
}

/*
 * The modules' load hooks, in the master: what its workers inherit.
 * -1 when one of them could not (it said why).
 */
int
master_load(const struct conf *c)
{
	const struct module *const	*m;

	for (m = modules; *m != NULL; m++)
		if ((*m)->load != NULL && (*m)->load(c) == -1)
			return -1;
	return 0;
}

/*
 * SIGHUP: read the configuration and stylesheets again, and the modules'
 * data (the keys); if all are good, start a new generation of workers
 * and then ask the old one to finish its requests and exit. A bad
 * configuration keeps the old one.
 */
/*
 * Settings fixed when the master started (the socket, its owner, the pid
 * file, the log): a reload keeps them, and says so if the file changed.
 */
static void
keep_str(const char *key, char **now, const char *was)
{
	if ((*now == NULL) == (was == NULL) &&
	    (was == NULL || strcmp(*now, was) == 0))
		return;
	log_warnx("reload: %s changed; it takes effect only at a restart",
	    key);
	free(*now);
	*now = was != NULL ? strdup(was) : NULL;
}

static void
keep_int(const char *key, int *now, int was)
{
	if (*now == was)
		return;
	log_warnx("reload: %s changed; it takes effect only at a restart",
	    key);
	*now = was;
}

static void
reload(void)
{
	struct conf	*nc;

	log_info("reloading %s", conf->file);
	if ((nc = conf_load(conf->file)) == NULL) {
		log_warnx("reload: configuration has errors; keeping the "
		    "running one");
		return;
	}
	if (render_init(nc->xslt_dir, 1) == -1) {
		log_warnx("reload: stylesheets have errors; keeping the "
		    "running ones");
		conf_free(nc);
		return;
	}
	render_free();
	if (master_load(nc) == -1) {
		log_warnx("reload: a module could not load its data; keeping "
		    "the running configuration");
		conf_free(nc);
		return;
	}
	malloc_trim(0);
	keep_str("listen", &nc->listen, conf->listen);
	keep_str("listen_group", &nc->listen_group, conf->listen_group);
	keep_str("pid_file", &nc->pid_file, conf->pid_file);
	keep_str("log_file", &nc->log_file, conf->log_file);
	keep_int("listen_mode", &nc->listen_mode, conf->listen_mode);
	keep_int("backlog", &nc->backlog, conf->backlog);
	if (nc->workers * 2 > SB_SLOTS)
		nc->workers = SB_SLOTS / 2;
	conf_free(conf);
	conf = nc;
	log_setlevel(strcmp(conf->log_level, "debug") == 0 ? LOG_LVL_DEBUG :
	    strcmp(conf->log_level, "info") == 0 ? LOG_LVL_INFO :
	    strcmp(conf->log_level, "warn") == 0 ? LOG_LVL_WARN :
	    LOG_LVL_ERR);
	generation++;
	sb->generation = generation;
	backoff_ms = 0;
	spawn_at = 0;
	spawn_missing();
	signal_old(generation);
}

/*
 * A request running longer than request_timeout gets its worker killed;
 * the worker is respawned like any other that dies.
 */
static void
check_timeouts(void)
{
	struct slot	*s;
	long long	 now = now_ms(), t;
	size_t		 i;

	if (conf->request_timeout == 0)
		return;
	for (i = 0; i < sb->nslots; i++) {
		s = &sb->slots[i];
		t = s->req_start_ms;
		if (s->state != SLOT_BUSY || t == 0 || s->pid <= 0 ||
		    now - t < conf->request_timeout * 1000LL)
			continue;
		log_warnx("worker %ld: %s %s running for %lld ms, over "
		    "request_timeout: killed", (long)s->pid, s->method, s->path,
		    now - t);
		kill(s->pid, SIGKILL);
		s->req_start_ms = 0;
	}
}

/* Wake up at the next spawn time or deadline, or after one tick. */
static void
arm_timer(void)
{
	struct itimerval	 it;
	long long		 now = now_ms(), wait = TICK_MS;

	if (state == M_RUNNING && spawn_at > now && spawn_at - now < wait)
		wait = spawn_at - now;
	if (state != M_RUNNING && deadline > now && deadline - now < wait)
		wait = deadline - now;
	if (wait < 1)
		wait = 1;
	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = wait / 1000;
	it.it_value.tv_usec = (wait % 1000) * 1000;
	setitimer(ITIMER_REAL, &it, NULL);
}

static void
begin_stop(enum mstate to)
{
	if (to == M_FINISHING) {
		log_info("graceful stop: waiting up to %ds for workers",
		    conf->stop_timeout);
		signal_gen(-1, SIGQUIT);
		deadline = now_ms() + conf->stop_timeout * 1000LL;
	} else {
		log_info("fast stop");
		signal_gen(-1, SIGTERM);
		deadline = now_ms() + 1000;
	}
	state = to;
	if (listen_fd != -1) {	/* a fast stop may follow a graceful one */
		close(listen_fd);
		listen_fd = -1;
	}
}

/*
 * Run the pool until told to stop; c becomes the master's, and is freed
 * here; pidfd is the locked pid file (or -1), which workers do not keep.
 * Returns the exit status for main().
 */
int
master_run(struct conf *c, int fd, int pidfd)
{
	struct sigaction	 sa;
	sigset_t		 block, none;
	const int		 sigs[] = { SIGCHLD, SIGHUP, SIGTERM, SIGQUIT,
				    SIGINT, SIGUSR1, SIGALRM };
	size_t			 i;

	conf = c;
	listen_fd = fd;
	pid_fd = pidfd;
	master_pid = getpid();
	log_setproc("master");
	if ((sb = scoreboard_create(SB_SLOTS)) == NULL)
		fatal("scoreboard");
	sb->generation = generation;
	if (conf->workers * 2 > SB_SLOTS)
		conf->workers = SB_SLOTS / 2;
	sigemptyset(&block);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		sigaction(sigs[i], &sa, NULL);
		sigaddset(&block, sigs[i]);
	}
	signal(SIGPIPE, SIG_IGN);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&none);
	log_info("started: %d workers on %s", conf->workers, conf->listen);
	for (;;) {
		if (sig_chld) {
			sig_chld = 0;
			reap();
		}
		if (sig_usr1) {
			sig_usr1 = 0;
			if (log_reopen() == -1)
				log_warn("reopen log");
			signal_gen(-1, SIGUSR1);
		}
		if (sig_hup) {
			sig_hup = 0;
			if (state == M_RUNNING)
				reload();
		}
		if (sig_int && state != M_TERMINATING)
			begin_stop(M_TERMINATING);
		else if (sig_term && state == M_RUNNING)
			begin_stop(M_FINISHING);
		sig_alrm = 0;
		if (state != M_RUNNING) {
			if (live_workers(-1) == 0)
				break;
			if (now_ms() >= deadline) {
				log_warnx("stop deadline passed: killing %d "
				    "workers", live_workers(-1));
				signal_gen(-1, SIGKILL);
				deadline = now_ms() + 1000;
			}
		}
		spawn_missing();
		check_timeouts();
		arm_timer();
		sigsuspend(&none);
	}
	log_info("stopped");
	scoreboard_destroy(sb);
	conf_free(conf);
	conf = NULL;
	return 0;
}
