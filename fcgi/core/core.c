/*
 * core.c: the plumbing's own module: the pool's status page (in the
 * spirit of PHP-FPM's: one line per worker from the scoreboard, as plain
 * text, loopback only), a request that takes as long as asked (for the
 * integration tests, development mode only), and the stylesheets of
 * the error page and of the frame's fragments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "server.h"

static int	 status_get(struct req *);
static int	 dev_sleep(struct req *);

static const struct route core_routes[] = {
	/* STATUS: the worker scoreboard, loopback only */
	{ METHOD_GET, "/status", status_get, RF_LOOPBACK | RF_NODB },
	/* DEV_SLEEP: a slow request for tests (development mode only) */
	{ METHOD_GET, "/dev/sleep/:ms", dev_sleep, RF_NODB },
};

/* The error page of every status, and the frame's fragments (page.c). */
struct sheet	 core_sheets[CORE_SHEET__MAX] = {
	{ "error.xsl", 0, { NULL } },		/* SHEET_ERROR */
	{ "frame-parts.xsl", 0, { NULL } },		/* SHEET_FRAME */
};

const struct module core_module = {
	.name = "core",
	.routes = core_routes,
	.nroutes = NELEM(core_routes),
	.sheets = core_sheets,
	.nsheets = CORE_SHEET__MAX,
};

/* GET /status */
static int
status_get(struct req *r)
{
	const struct slot	*s;
	char			*out, line[256];
	size_t			 i, len = 0, cap = 4096 + sb->nslots * 160;
	long long		 now = now_ms();
	int			 n, busy = 0, idle = 0;

	if ((out = pool_alloc(r->pool, cap)) == NULL)
		return 500;
	for (i = 0; i < sb->nslots; i++) {
		s = &sb->slots[i];
		busy += s->state == SLOT_BUSY;
		idle += s->state == SLOT_IDLE;
	}
	n = snprintf(out, cap, "start time:       %ld\n"
	    "generation:       %d\nidle workers:     %d\n"
	    "busy workers:     %d\nworker respawns:  %lu\n\n"
	    "pid\tgeneration\tstate\trequests\tbusy ms\tstarted\trequest\n",
	    (long)sb->started, sb->generation, idle, busy, sb->respawns);
	len = n > 0 ? (size_t)n : 0;
	for (i = 0; i < sb->nslots; i++) {
		s = &sb->slots[i];
		if (s->state == SLOT_FREE)
			continue;
		n = snprintf(line, sizeof(line), "%ld\t%d\t%s\t%lu\t%lld\t%ld"
		    "\t%s %s\n", (long)s->pid, s->generation,
		    slot_state_name(s->state), s->requests,
		    s->req_start_ms ? now - s->req_start_ms : 0,
		    (long)s->started, s->state == SLOT_BUSY ? s->method : "-",
		    s->state == SLOT_BUSY ? s->path : "");
		if (n > 0 && len + (size_t)n < cap) {
			memcpy(out + len, line, (size_t)n);
			len += (size_t)n;
		}
	}
	resp_header(r, "Cache-Control", "no-store");
	return resp_send(r, "text/plain; charset=utf-8", out, len);
}

/* GET /dev/sleep/:ms, at most a minute; 404 outside development mode. */
static int
dev_sleep(struct req *r)
{
	struct timespec	 ts;
	char		*end;
	long		 ms;

	if (!r->conf->dev)
		return 404;
	ms = strtol(r->args[0], &end, 10);
	if (*end != '\0' || ms < 0 || ms > 60000)
		return 400;
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1)
		;
	return resp_send(r, "text/plain; charset=utf-8", "slept\n", 6);
}
