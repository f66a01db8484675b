/*
 * fragment.c: pieces of pages that a worker renders once and keeps.
 *
 * Some parts of a page depend on a handful of values only, which repeat
 * from one request to the next: a cell of the quiz's answer card (its
 * number, answered or not, current or not), an option of a question (its
 * text, its place, its type, chosen or not). Transforming and writing out
 * such a part costs as much each time as the first time; a fragment is
 * the HTML a stylesheet made of it once, kept by the worker under a key
 * that names everything its input holds, and joined into the page's
 * document as text that the page's stylesheet copies as it is
 * (disable-output-escaping). All of the HTML is still written, and
 * escaped, by XSLT: C only keeps it and joins it.
 *
 * The key must determine the input completely: two inputs with one key
 * would show one's HTML for the other. Fragments are made outside the
 * rendering arena (their memory is kept). A fragment stays valid until
 * the end of the request that got it: the cache is emptied only between
 * requests (fragment_trim, from the worker), once it holds FRAGMENT_MAX
 * of them or FRAGMENT_BYTES of HTML, so that a worker's memory stays
 * bounded whatever the bank holds.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define FRAGMENT_BUCKETS	4096
#define FRAGMENT_MAX		16384
#define FRAGMENT_BYTES		(8 * 1024 * 1024)

struct fragment {
	struct fragment	*next;		/* in its bucket */
	const void	*sheet;		/* compiled: of the language too */
	unsigned int	 hash;
	size_t		 keylen;
	char		*html;		/* xmlMalloc'd */
	size_t		 len;
	char		 key[];
};

static struct fragment	*bucket[FRAGMENT_BUCKETS];
static size_t		 nkept, bytes;

/* FNV-1a of the key and the stylesheet. */
static unsigned int
hash_of(const void *s, const char *key, size_t len)
{
	unsigned int	 h = 2166136261u;
	uintptr_t	 p = (uintptr_t)s;
	size_t		 i;

	for (i = 0; i < sizeof(p); i++, p >>= 8) {
		h ^= (unsigned char)p;
		h *= 16777619u;
	}
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return h;
}

void
fragment_free_all(void)
{
	struct fragment	*f, *next;
	size_t		 i;

	for (i = 0; i < FRAGMENT_BUCKETS; i++) {
		for (f = bucket[i]; f != NULL; f = next) {
			next = f->next;
			xmlFree(f->html);
			free(f);
		}
		bucket[i] = NULL;
	}
	nkept = bytes = 0;
}

/*
 * The fragment of sheet s, in the request's language, under key: the
 * kept one, or made now from the document input(arg) returns (freed
 * here). NULL, logged, when it cannot be made.
 */
const struct fragment *
fragment_get(struct sheet *s, const char *key, size_t keylen,
    xmlDocPtr (*input)(void *), void *arg)
{
	struct fragment	*f;
	xmlDocPtr	 doc;
	xmlChar		*html;
	const void	*x;
	unsigned int	 h;
	int		 len;

	if ((x = render_sheet(s)) == NULL)
		return NULL;
	h = hash_of(x, key, keylen);
	for (f = bucket[h % FRAGMENT_BUCKETS]; f != NULL; f = f->next)
		if (f->hash == h && f->sheet == x && f->keylen == keylen &&
		    memcmp(f->key, key, keylen) == 0)
			return f;
	if ((doc = input(arg)) == NULL)
		return NULL;
	len = 0;
	if (render_apply(s, doc, &html, &len) == -1) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlFreeDoc(doc);
	while (len > 0 && html[len - 1] == '\n')	/* the writer's own */
		len--;
	if ((f = malloc(sizeof(*f) + keylen)) == NULL) {
		xmlFree(html);
		return NULL;
	}
	f->sheet = x;
	f->hash = h;
	f->keylen = keylen;
	memcpy(f->key, key, keylen);
	f->html = (char *)html;
	f->len = (size_t)len;
	f->next = bucket[h % FRAGMENT_BUCKETS];
	bucket[h % FRAGMENT_BUCKETS] = f;
	nkept++;
	bytes += f->len;
	return f;
}

/*
 * Between requests: empty the cache when it is full. Never during one,
 * since a page holds the fragments it got until it is rendered.
 */
void
fragment_trim(void)
{
	if (nkept >= FRAGMENT_MAX || bytes > FRAGMENT_BYTES)
		fragment_free_all();
}

/* How many fragments the worker keeps (for the tests). */
size_t
fragment_count(void)
{
	return nkept;
}

/*
 * <name> holding fragments joined in order, for the page's stylesheet to
 * copy with disable-output-escaping. The only way HTML enters a page's
 * document: t/05-layout.t checks that stylesheets copy unescaped only
 * elements named *-html, and that C makes them only here.
 */
xmlNodePtr
fragment_join(xmlNodePtr parent, const char *name, struct pool *p,
    const struct fragment *const *f, size_t n)
{
	char	*text, *t;
	size_t	 i, len = 0;

	for (i = 0; i < n; i++)
		len += f[i]->len;
	if ((t = text = pool_alloc(p, len + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		memcpy(t, f[i]->html, f[i]->len);
		t += f[i]->len;
	}
	*t = '\0';
	return xml_add(parent, name, text);
}
