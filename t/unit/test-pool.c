/*
 * test-pool.c: the per-request arena: alignment, growth, big blocks,
 * cleanups in reverse order, reset and reuse.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "tap.h"

static int	 order[4];
static int	 norder;

static void
note(void *arg)
{
	order[norder++] = *(int *)arg;
}

int
main(void)
{
	struct pool	*p;
	char		*a, *b, *c, *big, *s;
	static int	 one = 1, two = 2;
	size_t		 i;
	int		 aligned = 1;

	p = pool_new(1024);
	ok(p != NULL, "pool_new");
	for (i = 0; i < 200; i++) {
		a = pool_alloc(p, i + 1);
		if (((uintptr_t)a & 15) != 0)
			aligned = 0;
		memset(a, 'x', i + 1);
	}
	ok(aligned, "every allocation is 16-byte aligned across chunks");
	big = pool_alloc(p, 200000);
	ok(big != NULL, "an oversized block is allocated");
	memset(big, 'y', 200000);
	s = pool_printf(p, "%s-%d", "abc", 42);
	is_str(s, "abc-42", "pool_printf formats");
	s = pool_strndup(p, "hello world", 5);
	is_str(s, "hello", "pool_strndup cuts and terminates");
	a = pool_calloc(p, 10, 10);
	for (i = 0; i < 100 && a[i] == 0; i++)
		;
	is_int(i, 100, "pool_calloc zeroes");
	ok(pool_calloc(p, SIZE_MAX / 2, 4) == NULL,
	    "pool_calloc refuses an overflowing size");
	ok(pool_size(p) > 200000, "pool_size counts what was handed out");
	pool_cleanup(p, note, &one);
	pool_cleanup(p, note, &two);
	pool_reset(p);
	is_int(norder, 2, "both cleanups ran on reset");
	ok(order[0] == 2 && order[1] == 1, "cleanups run in reverse order");
	is_int(pool_size(p), 0, "reset empties the pool");
	b = pool_alloc(p, 16);
	ok(b != NULL, "the pool is usable after a reset");
	pool_reset(p);
	is_int(norder, 2, "cleanups run once only");
	/*
	 * Regression (found by the fuzzer): an allocation larger than a
	 * chunk but smaller than the old 64 KiB "big" threshold overflowed
	 * a fresh chunk.
	 */
	pool_reset(p);
	a = pool_alloc(p, 1000);
	b = pool_alloc(p, 4125);
	ok(a != NULL && b != NULL, "an allocation larger than a chunk");
	memset(b, 'z', 4125);
	c = pool_alloc(p, 1024 * 3);
	ok(c != NULL && (c + 3072 <= b || c >= b + 4125),
	    "does not overlap what follows");
	memset(c, 'q', 3072);
	ok(b[4124] == 'z', "and keeps its bytes");
	ok(pool_alloc(p, SIZE_MAX - 3) == NULL, "a size that would wrap fails");
	pool_free(p);
	pool_free(NULL);
	ok(1, "pool_free(NULL) is harmless");
	return done_testing();
}
