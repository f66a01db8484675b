/*
 * server.h: the process manager: the scoreboard in shared memory, the
 * master, the workers, and the migrations run before serving. For
 * main.c and the plumbing; no feature needs it.
 */
#ifndef SERVER_H
#define SERVER_H

#include <sys/types.h>

#include <time.h>

struct conf;

#define LOG_ONCE_SLOTS	16	/* log.c: lasting conditions, by a hash */

/* scoreboard.c: per-worker counters in shared memory. */
enum slot_state {
	SLOT_FREE,
	SLOT_STARTING,
	SLOT_IDLE,
	SLOT_BUSY,
	SLOT_EXITING,
	SLOT__MAX
};

struct slot {
	volatile pid_t		 pid;
	volatile int		 generation;
	volatile int		 state;
	volatile unsigned long	 requests;
	volatile time_t		 started;	/* process start */
	volatile long long	 req_start_ms;	/* 0 when idle */
	volatile int		 slow_logged;
	char			 method[8];
	char			 path[96];
};

struct scoreboard {
	volatile time_t	 started;
	volatile unsigned long accepted;
	volatile unsigned long respawns;
	volatile int	 generation;
	volatile int	 once[LOG_ONCE_SLOTS];	/* log.c: lasting conditions */
	size_t		 nslots;
	struct slot	 slots[];
};

struct scoreboard *scoreboard_create(size_t);
void		 scoreboard_destroy(struct scoreboard *);
struct slot	*scoreboard_claim(struct scoreboard *, pid_t, int);
void		 scoreboard_release(struct scoreboard *, pid_t);
const char	*slot_state_name(int);

/* master.c */
extern struct scoreboard *sb;
int		 master_run(struct conf *, int, int);
int		 master_load(const struct conf *);

/* worker.c */
void		 worker_main(const struct conf *, int, struct slot *)
		    __attribute__((noreturn));

/* migrate.c */
int		 migrate_run(const struct conf *, int);

#endif /* SERVER_H */
