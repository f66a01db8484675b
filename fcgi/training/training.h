/*
 * training.h: training bookings (预约培训) as the admin area uses them:
 * the reference, the deadline of an answer, and a trainer's time taken
 * under the trainer's row lock (training.c).
 */
#ifndef TRAINING_H
#define TRAINING_H

struct workdays;

/* The office's service standard: an answer within 5 working days. */
#define TRAINING_ANSWER_DAYS	5
#define TRAINING_MINUTES_MIN	30
#define TRAINING_MINUTES_MAX	480

/* What a trainer's time is, asked under the trainer's row lock. */
enum trainer_time {
	TRAINER_FREE,
	TRAINER_BUSY,		/* another confirmed training overlaps */
	TRAINER_GONE		/* retired, or not this jurisdiction's */
};

long		 training_due(const struct workdays *, const char *);
enum dberr	 training_trainer_take(struct req *, long long, long long,
		    const char *, long long, enum trainer_time *);

#endif /* TRAINING_H */
