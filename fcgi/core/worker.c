/*
 * worker.c: one worker process.
 * It compiles the stylesheets, then loops on FCGX_Accept_r: parse, route,
 * guard, handle, render, and reset the request pool in one place. SIGQUIT
 * asks it to finish the request in hand and exit; signals are blocked
 * while a request runs, so no read or write is ever interrupted.
 */
#include <sys/mman.h>

#include <arpa/inet.h>

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <libxslt/xslt.h>
#include <sodium.h>

#include "app.h"
#include "server.h"

#define POOL_CHUNK	(32 * 1024)
#define POOL_TRIM	(64 * 1024)	/* a request this large trims */

static volatile sig_atomic_t	 quit, idle, reopen;
static volatile int		 accept_fd = -1;
static struct slot		*myslot;

static void	 on_quit(int);
static void	 on_usr1(int);
static int	 handle(struct req *);
static int	 run_handler(struct req *, const struct route *);
static enum route_res route_find(struct req *, const struct route **,
		    unsigned int *);
static int	 read_body(struct req *, int, char **, size_t *);
static int	 read_body_file(struct req *, size_t, char **);
static int	 parse_body(struct req *, int);
static int	 perr_status(enum perr);
static void	 request_begin(struct req *, FCGX_Request *);
static void	 request_end(struct req *);
static void	 finish(FCGX_Request *);

/*
 * While idle in accept, closing the listening descriptor is what makes
 * accept return (restarted, it finds the descriptor gone); a busy worker
 * just notes the request to quit.
 */
static void
on_quit(int sig)
{
	(void)sig;
	quit = 1;
	if (idle && accept_fd != -1) {
		close(accept_fd);
		accept_fd = -1;
	}
}

static void
on_usr1(int sig)
{
	(void)sig;
	reopen = 1;
}

static int
perr_status(enum perr e)
{
	switch (e) {
	case PERR_OK: return 0;
	case PERR_TOOBIG: return 413;
	case PERR_NOMEM: return 500;
	default: return 400;
	}
}

/*
 * Read CONTENT_LENGTH bytes of body, at most max_body; for a route that
 * takes uploads (RF_UPLOAD) at most max_upload, into a file.
 */
static int
read_body(struct req *r, int upload, char **buf, size_t *len)
{
	FCGX_Request	*fr = r->fcgx;
	const char	*cl;
	char		*end;
	long long	 n;
	int		 got;

	*buf = NULL;
	*len = 0;
	cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	if (cl == NULL || *cl == '\0')
		return 0;
	errno = 0;
	n = strtoll(cl, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0)
		return 400;
	if (n > (upload ? r->conf->max_upload : r->conf->max_body))
		return 413;
	if (n == 0)
		return 0;
	*len = (size_t)n;
	if (upload)
		return read_body_file(r, (size_t)n, buf);
	if ((*buf = pool_alloc(r->pool, (size_t)n + 1)) == NULL)
		return 500;
	got = FCGX_GetStr(*buf, (int)n, fr->in);
	if (got != n)
		return 400;
	(*buf)[n] = '\0';
	return 0;
}

struct mapping {
	void	*addr;
	size_t	 len;
};

static void
unmap(void *arg)
{
	struct mapping	*m = arg;

	munmap(m->addr, m->len);
}

/*
 * A body of n bytes copied in chunks into an unlinked file in media_dir
 * (or the temporary directory) and mapped, so that a video of hundreds
 * of megabytes never sits in the heap; unmapped when the pool goes.
 * The file parts of such a body stay in place (limits.in_place).
 */
static int
read_body_file(struct req *r, size_t n, char **buf)
{
	FCGX_Request	*fr = r->fcgx;
	struct mapping	*m;
	char		 path[PATH_MAX], chunk[64 * 1024];
	const char	*dir;
	size_t		 left;
	ssize_t		 w;
	int		 fd, got, want, off;

	dir = r->conf->media_dir != NULL ? r->conf->media_dir : P_tmpdir;
	if ((size_t)snprintf(path, sizeof(path), "%s/.body-XXXXXX", dir) >=
	    sizeof(path) || (fd = mkstemp(path)) == -1) {
		log_warn("upload: a body file in %s", dir);
		return 500;
	}
	unlink(path);
	for (left = n; left > 0; left -= (size_t)got) {
		want = left < sizeof(chunk) ? (int)left : (int)sizeof(chunk);
		if ((got = FCGX_GetStr(chunk, want, fr->in)) != want) {
			close(fd);
			return 400;		/* cut short */
		}
		for (off = 0; off < got; off += (int)w)
			if ((w = write(fd, chunk + off, (size_t)(got - off))) <=
			    0) {
				log_warn("upload: writing the body file");
				close(fd);
				return 500;
			}
	}
	m = pool_alloc(r->pool, sizeof(*m));
	*buf = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (*buf == MAP_FAILED || m == NULL) {
		if (*buf != MAP_FAILED)
			munmap(*buf, n);
		*buf = NULL;
		return 500;
	}
	m->addr = *buf;
	m->len = n;
	if (pool_cleanup(r->pool, unmap, m) == -1) {
		munmap(m->addr, n);
		*buf = NULL;
		return 500;
	}
	return 0;
}

/* Parse a POST body into r->bparams by its content type. */
static int
parse_body(struct req *r, int upload)
{
	struct limits	 lim;
	const char	*ct;
	char		*body;
	size_t		 len;
	int		 rc;

	if ((rc = read_body(r, upload, &body, &len)) != 0)
		return rc;
	lim.max_fields = (size_t)r->conf->max_fields;
	lim.max_field = (size_t)r->conf->max_field;
	lim.max_file = upload ? (size_t)r->conf->max_upload :
	    (size_t)r->conf->max_file;
	lim.in_place = upload;
	ct = FCGX_GetParam("CONTENT_TYPE", ((FCGX_Request *)r->fcgx)->envp);
	if (len == 0)
		return 0;
	if (ct == NULL)
		return 415;
	if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		return perr_status(parse_urlencoded(r->pool, body, len, &lim,
		    &r->bparams));
	if (strncasecmp(ct, "multipart/form-data", 19) == 0)
		return perr_status(parse_multipart(r->pool, ct, body, len,
		    &lim, &r->bparams));
	return 415;
}

static int
is_loopback(const char *addr)
{
	struct in_addr	 a4;

	if (addr == NULL)
		return 0;
	if (strcmp(addr, "::1") == 0)
		return 1;
	if (inet_pton(AF_INET, addr, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	return 0;
}

/*
 * The route of the request in the modules' tables, in the order of the
 * list; r->module and r->args are set when one is found. A path that
 * some module serves for other methods only is ROUTE_BADMETHOD, with
 * *allowed collecting those methods.
 */
static enum route_res
route_find(struct req *r, const struct route **rt, unsigned int *allowed)
{
	const struct module *const	*m;
	unsigned int			 more;
	enum route_res			 res = ROUTE_NOTFOUND;

	*allowed = 0;
	for (m = modules; *m != NULL; m++) {
		switch (route_match((*m)->routes, (*m)->nroutes, r->method,
		    r->path, rt, r->args, ROUTE_MAXARGS, r->pool, &more)) {
		case ROUTE_FOUND:
			r->module = *m;
			return ROUTE_FOUND;
		case ROUTE_BADMETHOD:
			*allowed |= more;
			res = ROUTE_BADMETHOD;
			break;
		case ROUTE_NOTFOUND:
			break;
		}
	}
	return res;
}

/*
 * Everything between accept and finish: the steps of DESIGN.md's
 * "one request", each of which may end the request with an error page.
 */
static int
handle(struct req *r)
{
	FCGX_Request		*fr = r->fcgx;
	const struct route	*rt;
	struct limits		 lim;
	const char		*uri, *q, *ck;
	unsigned int		 allowed;
	int			 rc;

	r->method = method_parse(FCGX_GetParam("REQUEST_METHOD", fr->envp));
	r->head_only = r->method == METHOD_HEAD;
	/*
	 * nginx's DOCUMENT_URI is the decoded path without the query: a "?"
	 * in it came from "%3F", and a route must not match it once cut
	 * (/admin/login%3F would slip past nginx's sign-in rate limit). Only
	 * the raw REQUEST_URI, without nginx, is cut at its query.
	 */
	if ((uri = FCGX_GetParam("DOCUMENT_URI", fr->envp)) != NULL)
		r->path = pool_strdup(r->pool, uri);
	else {
		if ((uri = FCGX_GetParam("REQUEST_URI", fr->envp)) == NULL)
			uri = "/";
		r->path = pool_strndup(r->pool, uri, strcspn(uri, "?"));
	}
	q = FCGX_GetParam("QUERY_STRING", fr->envp);
	r->query = q != NULL ? q : "";
	r->remote_addr = FCGX_GetParam("REMOTE_ADDR", fr->envp);
	r->user_agent = FCGX_GetParam("HTTP_USER_AGENT", fr->envp);
	r->referer = FCGX_GetParam("HTTP_REFERER", fr->envp);
	r->if_none_match = FCGX_GetParam("HTTP_IF_NONE_MATCH", fr->envp);
	if (r->path == NULL)
		return 500;
	if (r->path[0] != '/' || !utf8_text(r->path, strlen(r->path)))
		return 400;
	lim.max_fields = (size_t)r->conf->max_fields;
	lim.max_field = (size_t)r->conf->max_field;
	lim.max_file = (size_t)r->conf->max_file;
	lim.in_place = 0;
	if ((rc = perr_status(parse_urlencoded(r->pool, r->query,
	    strlen(r->query), &lim, &r->qparams))) != 0)
		return rc;
	if ((ck = FCGX_GetParam("HTTP_COOKIE", fr->envp)) != NULL)
		parse_cookies(r->pool, ck, &lim, &r->cookies);
	r->lang = l10n_choose(params_get(&r->cookies, LANG_COOKIE),
	    FCGX_GetParam("HTTP_ACCEPT_LANGUAGE", fr->envp));
	render_lang(r->lang);
	valid_core(r);
	switch (route_find(r, &rt, &allowed)) {
	case ROUTE_NOTFOUND:
		return 404;
	case ROUTE_BADMETHOD:
		resp_header(r, "Allow", (allowed & METHOD_POST) ?
		    ((allowed & METHOD_GET) ? "GET, HEAD, POST" : "POST") :
		    "GET, HEAD");
		return 405;
	case ROUTE_FOUND:
		break;
	}
	if ((rt->flags & RF_LOOPBACK) && !is_loopback(r->remote_addr))
		return 403;
	if (r->method == METHOD_POST &&
	    (rc = parse_body(r, (rt->flags & RF_UPLOAD) != 0)) != 0)
		return rc;
	/* With the body parsed, the fields again: a body field wins. */
	valid_core(r);
	if (r->module->nfields > 0) {
		if ((r->fields = pool_calloc(r->pool, r->module->nfields,
		    sizeof(*r->fields))) == NULL)
			return 500;
		valid_fields(r, r->module->fields, r->module->nfields,
		    r->fields);
	}
	if (!(rt->flags & RF_NODB) && (rc = session_load(r)) != 0)
		return rc;
	if (r->method == METHOD_POST && !session_csrf_ok(r))
		return 403;
	if ((rt->flags & RF_ADMIN) && r->sess.admin_id == 0)
		return resp_redirect(r, "/admin", NULL);
	return run_handler(r, rt);
}

/*
 * Run the route's handler; again, from the start, while it fails on a
 * database conflict (a deadlock; a Galera certification failure) before
 * it sent anything or committed anything (db_retry). What a run leaves
 * in the response's headers and flash is dropped before the next.
 */
static int
run_handler(struct req *r, const struct route *rt)
{
	const char	*flash = r->flash;
	size_t		 nheaders = r->nheaders;
	int		 attempt, rc, status = r->status;

	for (attempt = 0; ; attempt++) {
		db_retry_begin();
		rc = rt->handler(r);
		if (r->sent || !db_retry(r->path, attempt))
			return rc;
		r->flash = flash;
		r->nheaders = nheaders;
		r->status = status;
	}
}

static void
request_begin(struct req *r, FCGX_Request *fr)
{
	struct pool	*p = r->pool;
	const char	*m, *u;

	memset(r, 0, sizeof(*r));
	r->pool = p;
	r->fcgx = fr;
	render_lang(r->lang);
	clock_gettime(CLOCK_MONOTONIC, &r->start);
	m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	u = FCGX_GetParam("REQUEST_URI", fr->envp);
	myslot->req_start_ms = now_ms();
	snprintf(myslot->method, sizeof(myslot->method), "%s", m ? m : "-");
	snprintf(myslot->path, sizeof(myslot->path), "%s", u ? u : "-");
	myslot->state = SLOT_BUSY;
}

/*
 * The end of every request: named database locks, the slow log, the
 * scoreboard, the pool (and the heap, after a large one).
 */
static void
request_end(struct req *r)
{
	long long	 ms;
	int		 big;

	db_unlock_all(r->pool);
	ms = now_ms() - myslot->req_start_ms;
	if (r->conf->slowlog_ms > 0 && ms >= r->conf->slowlog_ms)
		log_warnx("slow request: %s %s took %lld ms (status %d)",
		    myslot->method, myslot->path, ms, r->status);
	myslot->requests++;
	myslot->req_start_ms = 0;
	myslot->state = SLOT_IDLE;
	big = pool_size(r->pool) > POOL_TRIM;
	pool_reset(r->pool);
	fragment_trim();	/* the page's fragments are no longer held */
	/*
	 * A large page (a unit of thousands, a long export) leaves glibc's
	 * heap large and fragmented after it is freed: give the pages back,
	 * or the worker keeps them for the rest of its life.
	 */
	if (big)
		malloc_trim(0);
}

static void
worker_signals(sigset_t *quitset)
{
	struct sigaction	 sa;

	/*
	 * SA_RESTART: a SIGQUIT that lands while libfcgi is reading a new
	 * request's parameters must not break that read. The accept itself
	 * is ended by closing the listening descriptor (on_quit): the
	 * restarted accept then fails with EBADF.
	 */
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sa.sa_handler = on_quit;
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGTERM, SIG_DFL);	/* libfcgi installs its own */
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(quitset);
	sigaddset(quitset, SIGQUIT);
	sigaddset(quitset, SIGUSR1);
	/* Everything else the master blocked is unblocked from here on. */
	sigprocmask(SIG_SETMASK, quitset, NULL);
}

/*
 * End a request. libfcgi closes a connection "lingering": it shuts its
 * side down and sleeps until nginx closes first, so that request data
 * left unread cannot make the kernel reset the connection under the
 * response. That is a second sleep and wake-up for every request. Once
 * the request's input has been read to its end, nothing is left to
 * cause a reset: read what remains (on a GET, only the empty end-of-input
 * record; a body is read by the parser already) and close at once. Input
 * left unread past a limit keeps the lingering close.
 */
static void
finish(FCGX_Request *fr)
{
	char	 buf[4096];
	size_t	 left = 64 * 1024;
	int	 n;

	while (left > 0 && (n = FCGX_GetStr(buf, sizeof(buf), fr->in)) > 0)
		left -= (size_t)n < left ? (size_t)n : left;
	if (FCGX_HasSeenEOF(fr->in) == EOF)
		FCGX_Detach(fr);
	FCGX_Finish_r(fr);
}

void
worker_main(const struct conf *conf, int fd, struct slot *slot)
{
	const struct module *const	*m;
	FCGX_Request			 fr;
	struct req			 r;
	sigset_t			 quitset;
	unsigned long			 served = 0;
	int				 rc;

	myslot = slot;
	log_setproc("worker");
	if (sodium_init() < 0 || FCGX_Init() != 0)
		fatalx("library initialisation failed");
	worker_signals(&quitset);
	if (render_init(conf->xslt_dir, 0) == -1)
		exit(2);
	db_configure(conf);
	FCGX_InitRequest(&fr, fd, 0);
	accept_fd = fd;
	memset(&r, 0, sizeof(r));
	if ((r.pool = pool_new(POOL_CHUNK)) == NULL)
		fatalx("out of memory");
	/* What the modules read ahead: the jurisdiction, keys. */
	r.conf = conf;
	for (m = modules; *m != NULL; m++)
		if ((*m)->start != NULL)
			(*m)->start(&r);
	pool_reset(r.pool);
	slot->state = SLOT_IDLE;
	while (conf->max_requests == 0 ||
	    served < (unsigned long)conf->max_requests) {
		idle = 1;
		sigprocmask(SIG_UNBLOCK, &quitset, NULL);
		if (reopen) {
			reopen = 0;
			log_reopen();
		}
		if (quit)
			break;
		rc = FCGX_Accept_r(&fr);
		sigprocmask(SIG_BLOCK, &quitset, NULL);
		idle = 0;
		/* A SIGUSR1 that came during accept (restarted) counts now. */
		if (reopen) {
			reopen = 0;
			log_reopen();
		}
		if (rc < 0) {
			if (quit)
				break;
			log_warnx("accept failed (%d)", rc);
			usleep(100000);
			continue;
		}
		request_begin(&r, &fr);
		r.conf = conf;
		rc = handle(&r);
		if (!r.sent)
			render_error(&r, rc >= 400 ? rc : 500);
		finish(&fr);
		request_end(&r);
		served++;
	}
	slot->state = SLOT_EXITING;
	pool_free(r.pool);
	for (m = modules; *m != NULL; m++)
		if ((*m)->stop != NULL)
			(*m)->stop();
	db_close();
	render_free();
	xsltCleanupGlobals();
	xmlCleanupParser();
	exit(0);
}
