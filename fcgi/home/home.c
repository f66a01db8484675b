/*
 * home.c: the home page of the jurisdiction: what the blue code is, who
 * takes it and for how long, and how to get one.
 */
#include "core/app.h"
#include "quiz/quiz.h"
#include "shared/jurisdiction.h"

static int	 home_get(struct req *);
static void	 home_stop(void);

static struct refcache	 home_cache;
static struct htmlcache	 home_html;

static const struct route home_routes[] = {
	/* HOME */
	{ METHOD_GET, "/", home_get, 0 },
};

static struct sheet home_sheet = { "home.xsl", 0, { NULL } };

const struct module home_module = {
	.name = "home",
	.routes = home_routes,
	.nroutes = NELEM(home_routes),
	.sheets = &home_sheet,
	.nsheets = 1,
	.stop = home_stop,
};

static int
home_get(struct req *r)
{
	const struct jurisdiction	*j;
	xmlDocPtr			 doc;
	enum dberr			 e;
	int				 rc;

	if (htmlcache_send(r, &home_html))
		return r->status;
	if ((j = jur_get(r, &e)) == NULL)
		return db_status(e);
	if ((doc = xml_page(r, "home")) == NULL)
		return 500;
	if ((rc = refcache_copy(r, &home_cache, xmlDocGetRootElement(doc),
	    quiz_role_xml)) != 0)
		return rc;
	return page_finish_cached(r, &home_sheet, doc, &home_html);
}

/* What the worker kept of the home page. */
static void
home_stop(void)
{
	refcache_free(&home_cache);
	htmlcache_free(&home_html);
}
