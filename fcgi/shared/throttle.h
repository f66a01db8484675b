/*
 * throttle.h: sign-in throttling, for the admins' and the residents'
 * sign-ins: how long a locked account or address must wait.
 */
#ifndef THROTTLE_H
#define THROTTLE_H

long long	 throttle_wait(const struct dbres *, const long long *,
		    size_t);

#endif /* THROTTLE_H */
