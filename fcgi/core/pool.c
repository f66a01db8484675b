/*
 * pool.c: the per-request arena.
 * Everything a request allocates comes from its pool or registers a
 * cleanup there; the worker resets the pool after each request, which is
 * the one place request memory is released.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define POOL_ALIGN	16

struct chunk {
	struct chunk	*next;
	size_t		 size;		/* usable bytes after the header */
	size_t		 used;
	/* Data follows, aligned. */
};

struct cleanup {
	struct cleanup	*next;
	pool_cleanup_fn	 fn;
	void		*arg;
};

struct pool {
	struct chunk	*first;		/* kept across resets */
	struct chunk	*cur;
	struct chunk	*big;		/* oversized blocks, freed on reset */
	struct cleanup	*cleanups;
	size_t		 chunk_size;
	size_t		 total;
};

#define CHUNK_HDR	((sizeof(struct chunk) + POOL_ALIGN - 1) & \
			    ~(size_t)(POOL_ALIGN - 1))
#define CHUNK_DATA(c)	((char *)(c) + CHUNK_HDR)

static struct chunk	*chunk_new(size_t);

static struct chunk *
chunk_new(size_t size)
{
	struct chunk	*c;

	if ((c = malloc(CHUNK_HDR + size)) == NULL)
		return NULL;
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

struct pool *
pool_new(size_t chunk_size)
{
	struct pool	*p;

	if (chunk_size < 1024)
		chunk_size = 1024;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->chunk_size = chunk_size;
	if ((p->first = chunk_new(chunk_size)) == NULL) {
		free(p);
		return NULL;
	}
	p->cur = p->first;
	return p;
}

/*
 * Run the cleanups in reverse order of registration, free the oversized
 * blocks and every chunk but the first, and make the pool empty again.
 */
void
pool_reset(struct pool *p)
{
	struct cleanup	*cl;
	struct chunk	*c, *next;

	while ((cl = p->cleanups) != NULL) {
		p->cleanups = cl->next;
		cl->fn(cl->arg);
	}
	for (c = p->big; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	p->big = NULL;
	for (c = p->first->next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	p->first->next = NULL;
	p->first->used = 0;
	p->cur = p->first;
	p->total = 0;
}

void
pool_free(struct pool *p)
{
	if (p == NULL)
		return;
	pool_reset(p);
	free(p->first);
	free(p);
}

void *
pool_alloc(struct pool *p, size_t size)
{
	struct chunk	*c;
	void		*ptr;

	if (size > SIZE_MAX - POOL_ALIGN)
		return NULL;
	size = (size + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1);
	if (size == 0)
		size = POOL_ALIGN;
	/*
	 * Anything over a quarter of a chunk gets a block of its own: a
	 * fresh chunk must always be able to hold what is asked of it.
	 */
	if (size > p->chunk_size / 4) {
		if ((c = chunk_new(size)) == NULL)
			return NULL;
		c->next = p->big;
		p->big = c;
		p->total += size;
		return CHUNK_DATA(c);
	}
	if (p->cur->size - p->cur->used < size) {
		if (p->cur->next != NULL)
			c = p->cur->next;
		else if ((c = chunk_new(p->chunk_size)) == NULL)
			return NULL;
		c->used = 0;
		p->cur->next = c;
		p->cur = c;
	}
	ptr = CHUNK_DATA(p->cur) + p->cur->used;
	p->cur->used += size;
	p->total += size;
	return ptr;
}

void *
pool_calloc(struct pool *p, size_t n, size_t size)
{
	void	*ptr;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	if ((ptr = pool_alloc(p, n * size)) != NULL)
		memset(ptr, 0, n * size);
	return ptr;
}

char *
pool_strndup(struct pool *p, const char *s, size_t len)
{
	char	*d;

	if ((d = pool_alloc(p, len + 1)) == NULL)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *
pool_strdup(struct pool *p, const char *s)
{
	return pool_strndup(p, s, strlen(s));
}

char *
pool_vprintf(struct pool *p, const char *fmt, va_list ap)
{
	va_list	 ap2;
	char	*d;
	int	 n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || (d = pool_alloc(p, (size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	return d;
}

char *
pool_printf(struct pool *p, const char *fmt, ...)
{
	va_list	 ap;
	char	*d;

	va_start(ap, fmt);
	d = pool_vprintf(p, fmt, ap);
	va_end(ap);
	return d;
}

/* Register fn(arg) to run when the pool is reset or freed. */
int
pool_cleanup(struct pool *p, pool_cleanup_fn fn, void *arg)
{
	struct cleanup	*cl;

	if ((cl = pool_alloc(p, sizeof(*cl))) == NULL)
		return -1;
	cl->fn = fn;
	cl->arg = arg;
	cl->next = p->cleanups;
	p->cleanups = cl;
	return 0;
}

size_t
pool_size(const struct pool *p)
{
	return p->total;
}
