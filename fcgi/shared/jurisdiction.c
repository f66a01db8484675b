/*
 * jurisdiction.c: the jurisdiction (district or county) this site serves
 * and its streets and towns (镇街): read once and kept per worker, named
 * on every page (brand bar, footer) in the page's language, with each
 * street's resident population and monthly target (1% of it, rounded as
 * in the committee's table; both absent while the population is not
 * entered).
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"

enum jur_stmt {
	STMT_JURISDICTION_BY_CODE,
	STMT_REGION_LIST,
	STMT_REGION_IN_JURISDICTION,
	JUR_STMT__MAX
};

static struct stmt jur_sql[JUR_STMT__MAX] = {
	[STMT_JURISDICTION_BY_CODE] = { "JURISDICTION_BY_CODE",
	  "SELECT id, code, name, full_name, committee, crs, name_en, "
	  "full_name_en, committee_en FROM jurisdiction WHERE code = ?" },
	[STMT_REGION_LIST] = { "REGION_LIST",
	  "SELECT id, code, name, kind, population, ROUND(population / 100), "
	  "name_en FROM region WHERE jurisdiction_id = ? AND retired = 0 "
	  "ORDER BY sort, id" },
	[STMT_REGION_IN_JURISDICTION] = { "REGION_IN_JURISDICTION",
	  "SELECT id FROM region WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
};

static struct jurisdiction	 jur;

static void	 jur_start(struct req *);
static void	 jur_page(struct req *, xmlNodePtr, xmlNodePtr);
static int	 regions_xml(struct req *, xmlNodePtr, enum lang);

const struct module jurisdiction_module = {
	.name = "jurisdiction",
	.start = jur_start,
	.page = jur_page,
};

/*
 * The jurisdiction this site serves, read once and kept for refdata_ttl
 * seconds. NULL, with *e set, when it cannot be read.
 */
const struct jurisdiction *
jur_get(struct req *r, enum dberr *e)
{
	struct dbres	*res;
	long long	 now = now_ms();

	*e = DB_OK;
	if (jur.id != 0 && now - jur.loaded_ms < r->conf->refdata_ttl * 1000LL)
		return &jur;
	if ((*e = db_query(r->pool, &jur_sql[STMT_JURISDICTION_BY_CODE], &res,
	    "s", r->conf->jurisdiction)) != DB_OK)
		return NULL;
	if (res->nrows == 0) {
		log_warnx("jurisdiction %s is not in the database",
		    r->conf->jurisdiction);
		*e = DB_ERROR;
		return NULL;
	}
	jur.id = db_ll(res, 0, 0);
	snprintf(jur.code, sizeof(jur.code), "%s", DBRES(res, 0, 1));
	snprintf(jur.name, sizeof(jur.name), "%s", DBRES(res, 0, 2));
	snprintf(jur.full_name, sizeof(jur.full_name), "%s", DBRES(res, 0, 3));
	snprintf(jur.committee, sizeof(jur.committee), "%s",
	    DBRES(res, 0, 4) ? DBRES(res, 0, 4) : "");
	snprintf(jur.crs, sizeof(jur.crs), "%s", DBRES(res, 0, 5));
	snprintf(jur.name_en, sizeof(jur.name_en), "%s",
	    DBRES(res, 0, 6) ? DBRES(res, 0, 6) : "");
	snprintf(jur.full_name_en, sizeof(jur.full_name_en), "%s",
	    DBRES(res, 0, 7) ? DBRES(res, 0, 7) : "");
	snprintf(jur.committee_en, sizeof(jur.committee_en), "%s",
	    DBRES(res, 0, 8) ? DBRES(res, 0, 8) : "");
	jur.loaded_ms = now;
	return &jur;
}

/*
 * The jurisdiction's name in the request's language, or "" when it
 * cannot be read.
 */
const char *
jur_name(struct req *r)
{
	const struct jurisdiction	*j;
	enum dberr			 e;

	if ((j = jur_get(r, &e)) == NULL)
		return "";
	return l10n_pick(r->lang, j->name, j->name_en);
}

/* Every page names the jurisdiction: read it when a worker starts. */
static void
jur_start(struct req *r)
{
	enum dberr	 e;

	(void)jur_get(r, &e);
}

/*
 * <jurisdiction>: what the brand bar and the footer name. A worker that
 * started while the database was down reads it here once it has a
 * connection again.
 */
static void
jur_page(struct req *r, xmlNodePtr root, xmlNodePtr session)
{
	xmlNodePtr	 n;
	enum dberr	 e;

	(void)session;
	if (jur.id == 0 && db_connected())
		(void)jur_get(r, &e);
	if (jur.id == 0)
		return;
	n = xml_add(root, "jurisdiction", NULL);
	xml_prop(n, "code", jur.code);
	xml_prop(n, "name", l10n_pick(r->lang, jur.name, jur.name_en));
	xml_prop(n, "full-name", l10n_pick(r->lang, jur.full_name,
	    jur.full_name_en));
	xml_prop(n, "committee", l10n_pick(r->lang, jur.committee,
	    jur.committee_en));
}

/*
 * The streets and towns of the jurisdiction, in their order: id, code,
 * name (the Chinese: hazard.c finds it in addresses), kind, population,
 * target, English name (REGION_LIST).
 */
enum dberr
region_list(struct req *r, struct dbres **res)
{
	const struct jurisdiction	*j;
	enum dberr			 e;

	if ((j = jur_get(r, &e)) == NULL)
		return e;
	return db_query(r->pool, &jur_sql[STMT_REGION_LIST], res, "i", j->id);
}

/*
 * Whether region id is a street or town of this jurisdiction (1) or not
 * (0); -1 with *e set when the database cannot say.
 */
int
region_here(struct req *r, long long id, enum dberr *e)
{
	const struct jurisdiction	*j;
	struct dbres			*res;

	if ((j = jur_get(r, e)) == NULL)
		return -1;
	if ((*e = db_query(r->pool, &jur_sql[STMT_REGION_IN_JURISDICTION],
	    &res, "ii", id, j->id)) != DB_OK)
		return -1;
	return res->nrows > 0;
}

/*
 * <regions>: streets and towns with population and monthly target, named
 * in the page's language (region_xml) or in Chinese, as the offices'
 * pages and figures name them (region_xml_zh); name-en is the English
 * name, if any.
 */
int
region_xml(struct req *r, xmlNodePtr root)
{
	return regions_xml(r, root, r->lang);
}

int
region_xml_zh(struct req *r, xmlNodePtr root)
{
	return regions_xml(r, root, LANG_ZH);
}

static int
regions_xml(struct req *r, xmlNodePtr root, enum lang lang)
{
	struct dbres	*res;
	xmlNodePtr	 list, n;
	long long	 pop = 0, target = 0, unknown = 0;
	enum dberr	 e;
	size_t		 i;

	if ((e = region_list(r, &res)) != DB_OK)
		return db_status(e);
	l10n_cells(lang, res, 2, 6);
	list = xml_add(root, "regions", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "region", NULL);
		xml_row(n, res, i,
		    "id code name kind population target name-en");
		if (DBRES(res, i, 4) == NULL) {
			unknown++;
			continue;
		}
		pop += db_ll(res, i, 4);
		target += db_ll(res, i, 5);
	}
	xml_propll(list, "population", pop);
	xml_propll(list, "target", target);
	if (unknown > 0)
		xml_propll(list, "unknown", unknown);
	return 0;
}

/*
 * The row that stmt finds by the id written in arg (a path's) and this
 * jurisdiction's id, its two parameters in that order: what may be
 * another jurisdiction's or nobody's is not found. NULL with *rc set
 * when there is none: 404 (no such id, or arg is none), or the status of
 * a database failure.
 */
struct dbres *
jur_row(struct req *r, struct stmt *stmt, const char *arg, int *rc)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	long long			 id;
	enum dberr			 e;

	*rc = 404;
	if ((id = path_id(arg)) == 0)
		return NULL;
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, stmt, &res, "ii", id, j->id)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	return res->nrows > 0 ? res : NULL;
}
