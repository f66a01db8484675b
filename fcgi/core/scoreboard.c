/*
 * scoreboard.c: one slot per worker in shared memory.
 * The master creates it before forking; a worker writes only its own
 * slot, and the master and the status page read them all.
 */
#include <sys/mman.h>

#include <string.h>
#include <time.h>

#include "app.h"
#include "server.h"

static const char *const state_names[SLOT__MAX] = {
	"free",		/* SLOT_FREE */
	"starting",	/* SLOT_STARTING */
	"idle",		/* SLOT_IDLE */
	"busy",		/* SLOT_BUSY */
	"exiting",	/* SLOT_EXITING */
};

long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *
slot_state_name(int s)
{
	return s >= 0 && s < SLOT__MAX ? state_names[s] : "?";
}

struct scoreboard *
scoreboard_create(size_t nslots)
{
	struct scoreboard	*b;
	size_t			 sz;

	sz = sizeof(*b) + nslots * sizeof(struct slot);
	b = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	    -1, 0);
	if (b == MAP_FAILED)
		return NULL;
	memset(b, 0, sz);
	b->nslots = nslots;
	b->started = time(NULL);
	return b;
}

void
scoreboard_destroy(struct scoreboard *b)
{
	if (b != NULL)
		munmap(b, sizeof(*b) + b->nslots * sizeof(struct slot));
}

/* A free slot for a new worker, or NULL when all are taken. */
struct slot *
scoreboard_claim(struct scoreboard *b, pid_t pid, int generation)
{
	struct slot	*s;
	size_t		 i;

	for (i = 0; i < b->nslots; i++) {
		s = &b->slots[i];
		if (s->state != SLOT_FREE)
			continue;
		memset(s, 0, sizeof(*s));
		s->pid = pid;
		s->generation = generation;
		s->state = SLOT_STARTING;
		s->started = time(NULL);
		return s;
	}
	return NULL;
}

void
scoreboard_release(struct scoreboard *b, pid_t pid)
{
	size_t	 i;

	for (i = 0; i < b->nslots; i++)
		if (b->slots[i].pid == pid) {
			b->slots[i].state = SLOT_FREE;
			b->slots[i].pid = 0;
		}
}
