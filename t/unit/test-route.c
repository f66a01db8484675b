/*
 * test-route.c: the route matcher: exact paths, parameters, methods
 * (405 with the allowed set), HEAD served by GET, and malformed paths;
 * ids in paths, parsed strictly; the modules' tables, as the worker
 * matches them one after the other, shadow none of their routes.
 */
#include <string.h>

#include "core/app.h"
#include "tap.h"

static int	 h(struct req *r) { (void)r; return 200; }

static const struct route tab[] = {
	{ METHOD_GET, "/", h, 0 },
	{ METHOD_GET, "/admin", h, 0 },
	{ METHOD_POST, "/admin/login", h, 0 },
	{ METHOD_GET, "/v/:token", h, 0 },
	{ METHOD_GET, "/a/:x/b/:y", h, 0 },
	{ METHOD_POST, "/a/:x/b/:y", h, 0 },
};

#define NTAB	(sizeof(tab) / sizeof(tab[0]))

static enum route_res
m(struct pool *p, unsigned int meth, const char *path,
    const struct route **rt, char **args, unsigned int *allowed)
{
	memset(args, 0, sizeof(char *) * ROUTE_MAXARGS);
	return route_match(tab, NTAB, meth, path, rt, args, ROUTE_MAXARGS, p,
	    allowed);
}

/* The first route of all the modules' tables to match, in their order. */
static const struct route *
first_match(struct pool *p, unsigned int meth, const char *path)
{
	const struct module *const	*m;
	const struct route		*rt;
	char				*args[ROUTE_MAXARGS];
	unsigned int			 allowed;

	for (m = modules; *m != NULL; m++)
		if (route_match((*m)->routes, (*m)->nroutes, meth, path, &rt,
		    args, ROUTE_MAXARGS, p, &allowed) == ROUTE_FOUND)
			return rt;
	return NULL;
}

/*
 * Each route, for a path made from its pattern (":x" segments as "1"),
 * is the first match in the modules' tables in their order, for each of
 * its methods: no earlier route, in its own module or another, takes it.
 */
static int
unshadowed(struct pool *p)
{
	const struct module *const	*m;
	const struct route		*rt, *first;
	char				 path[256];
	const char			*s;
	unsigned int			 meth;
	size_t				 i, k;
	int				 good = 1;

	for (m = modules; *m != NULL; m++)
		for (i = 0; i < (*m)->nroutes; i++) {
			rt = &(*m)->routes[i];
			for (k = 0, s = rt->pattern; *s != '\0' &&
			    k < sizeof(path) - 2; s++) {
				if (*s == ':') {
					path[k++] = '1';
					s += strcspn(s, "/") - 1;
				} else
					path[k++] = *s;
			}
			path[k] = '\0';
			for (meth = METHOD_GET; meth <= METHOD_POST; meth <<= 1)
				if ((rt->methods & meth) &&
				    (first = first_match(p, meth, path)) != rt) {
					printf("# %s %s is taken by %s\n",
					    (*m)->name, rt->pattern, first ?
					    first->pattern : "nothing");
					good = 0;
				}
		}
	return good;
}

int
main(void)
{
	const struct module *const	*mod;
	struct pool		*p = pool_new(4096);
	const struct route	*rt = NULL;
	char			*args[ROUTE_MAXARGS];
	unsigned int		 allowed;
	size_t			 n;

	is_int(m(p, METHOD_GET, "/", &rt, args, &allowed), ROUTE_FOUND,
	    "/ found");
	ok(rt == &tab[0], "/ is the first route");
	is_int(m(p, METHOD_HEAD, "/admin", &rt, args, &allowed), ROUTE_FOUND,
	    "HEAD is served by a GET route");
	is_int(m(p, METHOD_GET, "/admin/", &rt, args, &allowed),
	    ROUTE_NOTFOUND, "a trailing slash is another path");
	is_int(m(p, METHOD_GET, "/admin/login", &rt, args, &allowed),
	    ROUTE_BADMETHOD, "GET on a POST route is 405");
	is_int(allowed, METHOD_POST, "and POST is what is allowed");
	is_int(m(p, METHOD_POST, "/admin", &rt, args, &allowed),
	    ROUTE_BADMETHOD, "POST on a GET route is 405");
	is_int(m(p, METHOD_OTHER, "/", &rt, args, &allowed), ROUTE_BADMETHOD,
	    "an unknown method is 405");
	is_int(m(p, METHOD_GET, "/v/abc123", &rt, args, &allowed),
	    ROUTE_FOUND, "a parameter segment matches");
	is_str(args[0], "abc123", "and is captured");
	is_int(m(p, METHOD_GET, "/v/", &rt, args, &allowed), ROUTE_NOTFOUND,
	    "an empty parameter does not match");
	is_int(m(p, METHOD_GET, "/v/a/b", &rt, args, &allowed),
	    ROUTE_NOTFOUND, "a parameter takes one segment only");
	is_int(m(p, METHOD_POST, "/a/1/b/2", &rt, args, &allowed),
	    ROUTE_FOUND, "two parameters, second method row");
	ok(rt == &tab[5], "the POST row was chosen");
	ok(args[0] && args[1] && strcmp(args[0], "1") == 0 &&
	    strcmp(args[1], "2") == 0, "both parameters captured");
	is_int(m(p, METHOD_GET, "", &rt, args, &allowed), ROUTE_NOTFOUND,
	    "an empty path is not found");
	is_int(m(p, METHOD_GET, "admin", &rt, args, &allowed), ROUTE_NOTFOUND,
	    "a path without a leading slash is not found");
	is_int(m(p, METHOD_GET, "//admin", &rt, args, &allowed),
	    ROUTE_NOTFOUND, "a double slash is not found");
	is_int(m(p, METHOD_GET, "/admin\n", &rt, args, &allowed),
	    ROUTE_NOTFOUND, "control characters do not match");
	is_int(method_parse("GET"), METHOD_GET, "GET parsed");
	is_int(method_parse("POST"), METHOD_POST, "POST parsed");
	is_int(method_parse("get"), METHOD_OTHER, "methods are case-sensitive");
	is_int(method_parse(NULL), METHOD_OTHER, "no method is OTHER");
	n = 0;
	for (mod = modules; *mod != NULL; mod++)
		n += (*mod)->nroutes;
	ok(n > 0, "the application's tables have routes");
	ok(unshadowed(p), "every module's route is the first to match its "
	    "own paths");
	pool_free(p);
	/* path_id: strict positive ids */
	ok(path_id("1") == 1, "path_id: 1");
	ok(path_id("401") == 401, "path_id: 401");
	ok(path_id("999999999999999999") == 999999999999999999LL,
	    "path_id: 18 digits");
	ok(path_id("1000000000000000000") == 0, "path_id: 19 digits refused");
	ok(path_id("") == 0, "path_id: empty refused");
	ok(path_id("0") == 0, "path_id: 0 refused");
	ok(path_id("07") == 0, "path_id: a leading zero refused");
	ok(path_id("401junk") == 0, "path_id: trailing junk refused");
	ok(path_id("+2") == 0, "path_id: a sign refused");
	ok(path_id(" 2") == 0, "path_id: a space refused");
	ok(path_id("-3") == 0, "path_id: negative refused");
	ok(path_id("new") == 0, "path_id: a word refused");
	return done_testing();
}
