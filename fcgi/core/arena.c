/*
 * arena.c: libxml2's memory while a page is rendered.
 *
 * A transformation allocates, and then frees, every node, attribute,
 * string and XPath value of its result one at a time: malloc and free
 * were a third of the question page's rendering (README, Performance).
 * While the arena is open, libxml2 allocates by moving a pointer through
 * one region reserved per process; its frees of region memory do
 * nothing, and closing the arena takes the pointer back to the start.
 * Closed (and when the region is full), libxml2 uses malloc as before;
 * free tells the two kinds of memory apart by their address.
 *
 * So only what is made and dropped while the arena is open may come from
 * it: render_page opens it around one transformation and the writing out
 * of its result, which live no longer. What libxml2 sets up once and
 * keeps (its parser's globals, compiled stylesheets) is set up before
 * the first page, with the arena closed. Under AddressSanitizer the arena
 * never opens, so that the sanitizer still sees every allocation.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlmemory.h>

#include "app.h"

#define ARENA_ALIGN	16		/* as malloc's */
#define ARENA_HDR	ARENA_ALIGN	/* a block's size, before it */
#define ARENA_KEEP	(1024 * 1024)	/* kept mapped between pages */

static char	*base, *top, *end, *high;
static int	 is_open, poison;
static size_t	 spills;

#define IN_ARENA(p)	((char *)(p) >= base && (char *)(p) < end)
#define BLOCK_SIZE(p)	(*(size_t *)((char *)(p) - ARENA_HDR))

static void	*arena_malloc(size_t);
static void	*arena_realloc(void *, size_t);
static void	 arena_xfree(void *);
static char	*arena_strdup(const char *);

static void *
arena_malloc(size_t n)
{
	char	*p;
	size_t	 sz = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);

	if (!is_open || sz < n || (size_t)(end - top) < sz + ARENA_HDR) {
		if (is_open)
			spills++;
		return malloc(n);
	}
	p = top + ARENA_HDR;
	BLOCK_SIZE(p) = sz;
	top = p + sz;
	if (top > high)
		high = top;
	return p;
}

static void *
arena_realloc(void *p, size_t n)
{
	void	*q;
	size_t	 old, sz;

	if (p == NULL)
		return arena_malloc(n);
	if (!IN_ARENA(p))
		return realloc(p, n);
	old = BLOCK_SIZE(p);
	if (n <= old)
		return p;
	/* The last block grows where it is (an output buffer, typically). */
	sz = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (is_open && (char *)p + old == top && sz >= n &&
	    (size_t)(end - (char *)p) >= sz) {
		BLOCK_SIZE(p) = sz;
		top = (char *)p + sz;
		if (top > high)
			high = top;
		return p;
	}
	if ((q = arena_malloc(n)) != NULL)
		memcpy(q, p, old);
	return q;
}

static void
arena_xfree(void *p)
{
	if (p == NULL)
		return;
	if (!IN_ARENA(p)) {
		free(p);
		return;
	}
	/* The last block comes back at once: short-lived strings, mostly. */
	if (is_open && (char *)p + BLOCK_SIZE(p) == top)
		top = (char *)p - ARENA_HDR;
}

static char *
arena_strdup(const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p;

	if ((p = arena_malloc(n)) != NULL)
		memcpy(p, s, n);
	return p;
}

/*
 * Reserve the region (address space only: pages are taken as they are
 * touched) and hand libxml2 the arena's functions. Called once, before
 * libxml2 allocates anything. With poison set, closing fills what the
 * page used with a pattern, so that a pointer kept past the page shows
 * at once (development mode and the tests). -1 when the region cannot be
 * reserved: libxml2 then uses malloc throughout.
 */
int
arena_init(size_t reserve, int poison_on_close)
{
	void	*p;

	if (xmlMemSetup(arena_xfree, arena_malloc, arena_realloc,
	    arena_strdup) != 0)
		return -1;
	poison = poison_on_close;
	p = mmap(NULL, reserve, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	base = top = high = p;
	end = base + reserve;
	return 0;
}

/* Nested opens are not supported: render_page is the one caller. */
void
arena_open(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	if (base != NULL)
		is_open = 1;
#endif
}

/*
 * Everything allocated since arena_open is gone. After a large page the
 * pages past ARENA_KEEP go back to the system.
 */
void
arena_close(void)
{
	if (!is_open)
		return;
	is_open = 0;
	if (poison)
		memset(base, 0xa5, (size_t)(high - base));
	if (high - base > ARENA_KEEP)
		madvise(base + ARENA_KEEP, (size_t)(high - base - ARENA_KEEP),
		    MADV_DONTNEED);
	top = high = base;
}

/* Whether allocations come from the arena now (never under ASan). */
int
arena_is_open(void)
{
	return is_open;
}

/* Allocations that did not fit, since the start. */
size_t
arena_spills(void)
{
	return spills;
}

/* Bytes in use now (for the tests). */
size_t
arena_used(void)
{
	return (size_t)(top - base);
}
