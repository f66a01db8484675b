/*
 * route.c: the route matcher. Each module has a route table of its own
 * (struct module); adding a page is adding a row there and a handler.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

enum method
method_parse(const char *s)
{
	if (s == NULL)
		return METHOD_OTHER;
	if (strcmp(s, "GET") == 0)
		return METHOD_GET;
	if (strcmp(s, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(s, "POST") == 0)
		return METHOD_POST;
	return METHOD_OTHER;
}

/*
 * Match one pattern against a path, segment by segment; ":name" takes
 * any non-empty segment into args. Returns the number of arguments, or
 * -1 when the path does not match.
 */
static int
pattern_match(const char *pat, const char *path, char **args, size_t maxargs,
    struct pool *p)
{
	const char	*pe, *se;
	size_t		 n = 0;

	for (;;) {
		if (*pat != '/' || *path != '/')
			return -1;
		pat++, path++;
		pe = pat + strcspn(pat, "/");
		se = path + strcspn(path, "/");
		if (*pat == ':') {
			if (se == path || n == maxargs)
				return -1;
			if (args != NULL && p != NULL &&
			    (args[n] = pool_strndup(p, path, se - path)) == NULL)
				return -1;
			n++;
		} else if (pe - pat != se - path ||
		    memcmp(pat, path, pe - pat) != 0)
			return -1;
		pat = pe, path = se;
		if (*pat == '\0' && *path == '\0')
			return (int)n;
		if (*pat == '\0' || *path == '\0')
			return -1;
	}
}

/*
 * Find the route for method and path. ROUTE_BADMETHOD means the path
 * exists for other methods, which *allowed collects (for an Allow header).
 * HEAD is served by GET routes.
 */
enum route_res
route_match(const struct route *tab, size_t ntab, unsigned int method,
    const char *path, const struct route **found, char **args,
    size_t maxargs, struct pool *p, unsigned int *allowed)
{
	unsigned int	 want;
	size_t		 i;
	int		 n;

	want = method == METHOD_HEAD ? (METHOD_GET | METHOD_HEAD) : method;
	*allowed = 0;
	for (i = 0; i < ntab; i++) {
		if (pattern_match(tab[i].pattern, path, NULL, maxargs, NULL) < 0)
			continue;
		if ((tab[i].methods & want) == 0) {
			*allowed |= tab[i].methods;
			continue;
		}
		n = pattern_match(tab[i].pattern, path, args, maxargs, p);
		if (n < 0)
			return ROUTE_NOTFOUND;
		*found = &tab[i];
		return ROUTE_FOUND;
	}
	return *allowed ? ROUTE_BADMETHOD : ROUTE_NOTFOUND;
}

/*
 * A path argument as a positive id: digits only, no sign, space or
 * leading zero, at most 18 of them; 0 when it is anything else.
 */
long long
path_id(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0 || n > 18 || s[0] == '0' || strspn(s, "0123456789") != n)
		return 0;
	return strtoll(s, NULL, 10);
}
