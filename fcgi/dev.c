/*
 * dev.c: routes that exist only in development mode (dev = yes), for the
 * integration tests: a request that takes as long as asked.
 */
#include <stdlib.h>
#include <time.h>

#include "app.h"

/* GET /dev/sleep/:ms, at most a minute; 404 outside development mode. */
int
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
