/*
 * badge_serve.c: serving a code's badge PNG. A badge never changes, so it
 * is drawn once (badge.c) per language, kept in cache_dir under its
 * token, size and language (TOKEN-SIZE.png in Chinese, TOKEN-SIZE-en.png
 * in English), and from then on served by nginx straight from there (it
 * tells the language from the same cookie and, where it is plain, the
 * same Accept-Language as the application: conf/nginx.conf.in). Browsers check
 * back with its ETag before they show a copy they kept: setting the
 * holder's name redraws it. The drawing happens in a short-lived child
 * of the worker (shared/apart.c), which takes the font's memory with it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/app.h"
#include "code/badge.h"
#include "code/code.h"
#include "code/local.h"
#include "shared/apart.h"
#include "shared/jurisdiction.h"

#define BADGE_PNG_LEVEL	3	/* zlib level: see README, Performance */

static int	 size_of(const char *, enum badge_size *);
static void	 cache_put(struct req *, const char *, const unsigned char *,
		    size_t);
static char	*cache_path(struct req *, const char *, enum badge_size,
		    enum lang);

/* What the drawing process is given. */
struct badge_job {
	const struct badge	*badge;
	enum badge_size		 size;
};

/* In the drawing process: the badge of a job (a draw_fn). */
static int
badge_draw(const void *arg, const char *font, unsigned char **png,
    size_t *len)
{
	const struct badge_job	*job = arg;

	return badge_png(job->badge, job->size, font, BADGE_PNG_LEVEL, png,
	    len);
}

/* "badge-card.png" → BADGE_CARD; -1 for anything else. */
static int
size_of(const char *file, enum badge_size *sz)
{
	int	 i;
	char	 name[32];

	for (i = 0; i < BADGE__MAX; i++) {
		snprintf(name, sizeof(name), "badge-%s.png",
		    badge_size_name((enum badge_size)i));
		if (strcmp(file, name) == 0) {
			*sz = (enum badge_size)i;
			return 0;
		}
	}
	return -1;
}

/* Where the badge of a token, in a size and a language, is kept. */
static char *
cache_path(struct req *r, const char *tok, enum badge_size sz,
    enum lang lang)
{
	int	 zh = lang == LANG_ZH;

	return pool_printf(r->pool, "%s/badge/%s-%s%s%s.png",
	    r->conf->cache_dir, tok, badge_size_name(sz), zh ? "" : "-",
	    zh ? "" : lang_names[lang]);
}

/*
 * The words of a badge in the request's language (badge-labels.xsl),
 * into label; -1 when they cannot be had.
 */
static int
badge_labels(struct req *r, struct badge *b, const char **label)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;
	int		 rc;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return -1;
	n = xmlNewDocNode(doc, NULL, BAD_CAST "badge", NULL);
	xmlDocSetRootElement(doc, n);
	xml_prop(n, "jurisdiction", b->jurisdiction);
	xml_prop(n, "issued", b->issued);
	xml_prop(n, "expires", b->expires);
	rc = render_labels(r, &code_sheets[SHEET_BADGE_LABELS], doc,
	    badge_label_names, BL__MAX, label);
	xmlFreeDoc(doc);
	b->label = label;
	return rc;
}

/*
 * Keep a drawn badge: written to a temporary name, then renamed. A cache
 * that cannot be written (a full disk, a read-only mount) costs only
 * drawing each badge on request: said once for the pool, not at every
 * request, and once more when it can be written again.
 */
static void
cache_put(struct req *r, const char *path, const unsigned char *png,
    size_t len)
{
	char	*tmp;
	size_t	 done = 0;
	ssize_t	 n = 0;
	int	 fd, ok, saved;

	if ((tmp = pool_printf(r->pool, "%s.%ld.tmp", path, (long)getpid()))
	    == NULL)
		return;
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644))
	    == -1)
		goto fail;
	while (done < len && (n = write(fd, png + done, len - done)) > 0)
		done += (size_t)n;
	ok = done == len;
	if (close(fd) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	log_once_over("badge cache", "badge cache %s: written again",
	    r->conf->cache_dir);
	return;
fail:
	log_warn_once("badge cache", "badge cache %s: badges are drawn on "
	    "every request meanwhile", r->conf->cache_dir);
}

/* Forget the kept badges of row i (revoked, or the holder's name set). */
void
badge_uncache(struct req *r, const struct dbres *c, size_t i)
{
	char	*tok, *path;
	int	 k, l;

	if (r->conf->cache_dir == NULL || (tok = code_row_token(r, c, i)) == NULL)
		return;
	for (k = 0; k < BADGE__MAX; k++)
		for (l = 0; l < LANG__MAX; l++)
			if ((path = cache_path(r, tok, (enum badge_size)k,
			    (enum lang)l)) != NULL &&
			    unlink(path) == -1 && errno != ENOENT)
				log_warn("badge cache %s", path);
}

void
badge_uncache_person(struct req *r, long long person_id)
{
	struct dbres	*c;
	size_t		 i;

	if (db_query(r->pool, &code_sql[STMT_CODE_OF_PERSON], &c, "i",
	    person_id) != DB_OK)
		return;
	for (i = 0; i < c->nrows; i++)
		badge_uncache(r, c, i);
}

/*
 * The ETag of a badge: the code, the size, the language and what of the
 * drawing can change (the holder's name, set or changed after the code
 * was issued).
 */
static char *
badge_etag(struct req *r, const struct dbres *c, enum badge_size sz)
{
	unsigned char	 h[crypto_generichash_BYTES_MIN];
	char		 hex[sizeof(h) * 2 + 1];
	const char	*holder = DBRES(c, 0, 15) ? DBRES(c, 0, 15) : "";

	crypto_generichash(h, sizeof(h), (const unsigned char *)holder,
	    strlen(holder), NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return pool_printf(r->pool, "\"%s-%s-%s-%.8s\"", DBRES(c, 0, 0),
	    badge_size_name(sz), lang_names[r->lang], hex);
}

/*
 * Send the badge of a verified code row (CODE_COLS) in the size a file
 * name asks for. A revoked code has no badge. Browsers check back before
 * they show a kept copy (the holder's name may have changed it).
 */
int
badge_send(struct req *r, const struct dbres *c, const char *file)
{
	struct badge		 b;
	const char		*label[BL__MAX];
	struct dbres		*now;
	enum badge_size		 sz;
	struct badge_job	 job;
	unsigned char		*png;
	size_t			 len;
	char			*etag, *path = NULL, *tok;
	const char		*was, *is;
	enum dberr		 e;

	if (size_of(file, &sz) == -1 || DBRES(c, 0, 9) != NULL)
		return 404;
	if ((etag = badge_etag(r, c, sz)) == NULL)
		return 500;
	if (r->if_none_match != NULL && strcmp(r->if_none_match, etag) == 0) {
		resp_header(r, "ETag", etag);
		resp_header(r, "Cache-Control", "no-cache");
		r->status = 304;
		return resp_send(r, "image/png", "", 0);
	}
	if ((tok = code_row_token(r, c, 0)) == NULL)
		return 500;
	memset(&b, 0, sizeof(b));
	b.jurisdiction = jur_name(r);
	b.holder = DBRES(c, 0, 15);
	b.role = l10n_pick(r->lang, DBRES(c, 0, 3),
	    DBRES(c, 0, CODE_COL_ROLE_EN));
	b.region = l10n_pick(r->lang, DBRES(c, 0, 5),
	    DBRES(c, 0, CODE_COL_REGION_EN));
	b.issued = DBRES(c, 0, 7);
	b.expires = DBRES(c, 0, 8);
	b.number = pool_printf(r->pool, "%s-%07lld", DBRES(c, 0, 17),
	    db_ll(c, 0, 0));
	b.url = pool_printf(r->pool, "%s/v/%s", r->conf->site_url, tok);
	if (badge_labels(r, &b, label) == -1)
		return 500;
	job.badge = &b;
	job.size = sz;
	if (draw_apart(r, badge_draw, &job, &png, &len) == -1) {
		log_warnx("badge of code %s: not drawn", DBRES(c, 0, 0));
		return 500;
	}
	if (r->conf->cache_dir != NULL &&
	    (path = cache_path(r, tok, sz, r->lang)) != NULL) {
		cache_put(r, path, png, len);
		/*
		 * A revocation or a new name that came while this was being
		 * drawn cleared the kept files before this one was written:
		 * look again, and take it back if it is out of date.
		 */
		was = b.holder ? b.holder : "";
		if ((e = db_query(r->pool, &code_sql[STMT_CODE_GET], &now, "i",
		    db_ll(c, 0, 0))) != DB_OK || now->nrows == 0 ||
		    DBRES(now, 0, 9) != NULL ||
		    strcmp(was, (is = DBRES(now, 0, 15)) ? is : "") != 0) {
			if (unlink(path) == -1 && errno != ENOENT)
				log_warn("badge cache %s", path);
			if (e != DB_OK)
				return db_status(e);
			if (now->nrows == 0 || DBRES(now, 0, 9) != NULL)
				return 404;
		}
	}
	resp_header(r, "ETag", etag);
	resp_header(r, "Cache-Control", "no-cache");
	r->status = 200;
	resp_send(r, "image/png", png, len);
	return r->status;
}
