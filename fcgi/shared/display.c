/*
 * display.c: how this browser shows the pages, one tap from every page.
 * The elder-friendly mode (长辈模式): /mode/elder and /mode/standard set
 * or clear the bc_mode cookie; every page then carries <mode
 * name="elder"/>, which the frame's switch and the body's class follow.
 * The language: /lang/en and /lang/zh set the bc_lang cookie, which wins
 * over the browser's Accept-Language (core/l10n.c). Each goes back to
 * the page it was tapped on. Plain links, so they work without
 * JavaScript; they change nothing but how this browser shows the pages,
 * so a cross-site link to them can do no harm (and the way back is only
 * ever a page of this site).
 */
#include <string.h>

#include "core/app.h"

#define MODE_COOKIE	"bc_mode"
#define COOKIE_MAXAGE	(400L * 24 * 3600)	/* browsers' longest */

static const char	*switch_back(struct req *);
static int		 mode_set(struct req *);
static int		 lang_set(struct req *);
static void		 mode_page(struct req *, xmlNodePtr, xmlNodePtr);

static const struct route display_routes[] = {
	/* MODE: switch the display mode (elder, standard) */
	{ METHOD_GET, "/mode/:mode", mode_set, RF_NODB },
	/* LANG: switch the interface's language (zh, en) */
	{ METHOD_GET, "/lang/:lang", lang_set, RF_NODB },
};

const struct module display_module = {
	.name = "display",
	.routes = display_routes,
	.nroutes = NELEM(display_routes),
	.page = mode_page,
};

/* The page the switch was tapped on, when the browser says and it is ours. */
static const char *
switch_back(struct req *r)
{
	const char	*ref = r->referer, *site = r->conf->site_url;
	size_t		 n = strlen(site);
	const char	*p;

	if (ref == NULL || strncmp(ref, site, n) != 0 || ref[n] != '/')
		return "/";
	p = ref + n;
	if (strncmp(p, "/mode/", 6) == 0 || strncmp(p, "/lang/", 6) == 0 ||
	    strlen(p) > 1024)
		return "/";
	for (; *p != '\0'; p++)
		if ((unsigned char)*p < 0x21 || *p == 0x7f)
			return "/";
	return ref + n;
}

static int
mode_set(struct req *r)
{
	if (strcmp(r->args[0], "elder") == 0)
		resp_cookie(r, MODE_COOKIE, "elder", COOKIE_MAXAGE);
	else if (strcmp(r->args[0], "standard") == 0)
		resp_cookie(r, MODE_COOKIE, "", 0);
	else
		return 404;
	return resp_redirect(r, switch_back(r), NULL);
}

static int
lang_set(struct req *r)
{
	int	 lang;

	for (lang = 0; lang < LANG__MAX; lang++)
		if (strcmp(r->args[0], lang_names[lang]) == 0) {
			resp_cookie(r, LANG_COOKIE, lang_names[lang],
			    COOKIE_MAXAGE);
			return resp_redirect(r, switch_back(r), NULL);
		}
	return 404;
}

/* Among what the hooks add: so the frame's fragments are keyed on it. */
static void
mode_page(struct req *r, xmlNodePtr root, xmlNodePtr session)
{
	const struct param	*p;

	(void)session;
	p = params_get(&r->cookies, MODE_COOKIE);
	if (p != NULL && strcmp(p->val, "elder") == 0)
		xml_prop(xml_add(root, "mode", NULL), "name", "elder");
}
