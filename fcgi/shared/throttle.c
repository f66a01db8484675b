/*
 * throttle.c: sign-in throttling. A sign-in counts its recent failures,
 * by account and by address, each with the seconds until the oldest of
 * them leaves the window; past a limit it is refused, and the page says
 * how many minutes to wait.
 */
#include "core/app.h"
#include "shared/throttle.h"

/*
 * The minutes to wait (0: none, at least 1 when locked). Row i of res
 * is (failures, seconds until the oldest is out of the window) and
 * most[i] the failures it may have.
 */
long long
throttle_wait(const struct dbres *res, const long long *most, size_t n)
{
	long long	 s = 0;
	size_t		 i;
	int		 locked = 0;

	for (i = 0; i < res->nrows && i < n; i++)
		if (db_ll(res, i, 0) >= most[i]) {
			locked = 1;
			if (db_ll(res, i, 1) > s)
				s = db_ll(res, i, 1);
		}
	if (!locked)
		return 0;
	return s > 60 ? (s + 59) / 60 : 1;
}
