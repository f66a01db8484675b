/*
 * bulletin.c: bulletins (通报) as the committee circulates them:
 *
 * - weekly (每周通报, seed 004): the registration rate and average points
 *   of departments, key units and towns, and the growth of
 *   registrations, total points and points per person on the week
 *   before;
 * - half-monthly (每半月通报, seed 000): each street and town against its
 *   monthly target up to the period's last day, and each department's
 *   members holding a valid code against its headcount;
 * - year-end (年度知晓率报告, seed 000 五(二)): the awareness rate of each
 *   street, town and department over the year.
 *
 * A district admin publishes one for a period that has ended (the
 * year-end one from December on): its figures are built then and kept as
 * an XML snapshot, so a published bulletin never changes afterwards.
 * Every admin reads them, as a printable page (A4) or as CSV.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/scope.h"
#include "stats/stats.h"
#include "stats/local.h"

static int	 bulletins_list(struct req *);
static int	 bulletin_publish(struct req *);
static int	 bulletin_show(struct req *);
static int	 bulletin_csv(struct req *);
static int	 valid_kind(struct fval *);

static const struct route bulletin_routes[] = {
	/* BULLETINS: those published, and the forms that publish one */
	{ METHOD_GET, "/admin/bulletins", bulletins_list, RF_ADMIN },
	/* BULLETIN_PUBLISH: kind and a day of its period */
	{ METHOD_POST, "/admin/bulletins", bulletin_publish, RF_ADMIN },
	/* BULLETIN: one, as it was published */
	{ METHOD_GET, "/admin/bulletins/:id", bulletin_show, RF_ADMIN },
	/* BULLETIN_CSV: its tables as CSV */
	{ METHOD_GET, "/admin/bulletins/:id/bulletin.csv", bulletin_csv,
	  RF_ADMIN },
};

enum bulletin_field {
	FIELD_KIND,
	FIELD_DAY,
	BULLETIN_FIELD__MAX
};

static const struct field bulletin_fields[BULLETIN_FIELD__MAX] = {
	{ "kind", valid_kind, 16, 0 },		/* FIELD_KIND */
	{ "day", valid_line, 10, 0 },		/* FIELD_DAY: YYYY-MM-DD */
};

enum bulletin_sheet {
	SHEET_BULLETINS,
	SHEET_BULLETIN,
	SHEET_BULLETIN_CSV,
	BULLETIN_SHEET__MAX
};

static struct sheet bulletin_sheets[BULLETIN_SHEET__MAX] = {
	{ "bulletins.xsl", 1, { NULL } },		/* SHEET_BULLETINS */
	{ "bulletin.xsl", 1, { NULL } },		/* SHEET_BULLETIN */
	{ "bulletin-csv.xsl", 1, { NULL } },	/* SHEET_BULLETIN_CSV */
};

enum bulletin_stmt {
	STMT_LIST,
	STMT_PERIOD,
	STMT_INSERT,
	STMT_GET,
	STMT_DAY_BEFORE,
	BULLETIN_STMT__MAX
};

static struct stmt bulletin_sql[BULLETIN_STMT__MAX] = {
	[STMT_LIST] = { "BULLETIN_LIST",
	  "SELECT b.id, b.kind, b.period_from, b.period_to, b.issue, "
	  "b.published_at, a.name FROM bulletin b JOIN admin a ON "
	  "a.id = b.published_by WHERE b.jurisdiction_id = ? "
	  "ORDER BY b.period_from DESC, b.id DESC LIMIT 200" },
	/*
	 * The period of a kind that holds a day: its first and last days,
	 * whether it may be published today, and its issue number (one
	 * more than those of its kind published for earlier periods of
	 * its year).
	 */
	[STMT_PERIOD] = { "BULLETIN_PERIOD",
	  "SELECT f, t, IF(? = 'year-end', CURDATE() >= "
	  "DATE_FORMAT(t, '%Y-12-01'), t < CURDATE()), "
	  "(SELECT COUNT(*) + 1 FROM bulletin b WHERE b.jurisdiction_id = ? "
	  "AND b.kind = ? AND YEAR(b.period_from) = YEAR(f) AND "
	  "b.period_from < f) FROM (SELECT "
	  "CASE ? WHEN 'weekly' THEN d - INTERVAL WEEKDAY(d) DAY "
	  "WHEN 'half-monthly' THEN IF(DAY(d) <= 15, "
	  "DATE_FORMAT(d, '%Y-%m-01'), DATE_FORMAT(d, '%Y-%m-16')) "
	  "ELSE DATE_FORMAT(d, '%Y-01-01') END AS f, "
	  "CASE ? WHEN 'weekly' THEN d - INTERVAL WEEKDAY(d) DAY + "
	  "INTERVAL 6 DAY WHEN 'half-monthly' THEN IF(DAY(d) <= 15, "
	  "DATE_FORMAT(d, '%Y-%m-15'), LAST_DAY(d)) "
	  "ELSE DATE_FORMAT(d, '%Y-12-31') END AS t "
	  "FROM (SELECT CAST(? AS DATE) AS d) x) p WHERE f IS NOT NULL" },
	[STMT_INSERT] = { "BULLETIN_INSERT",
	  "INSERT INTO bulletin (jurisdiction_id, kind, period_from, "
	  "period_to, issue, figures, published_at, published_by) "
	  "VALUES (?, ?, ?, ?, ?, ?, NOW(), ?)" },
	[STMT_GET] = { "BULLETIN_GET",
	  "SELECT b.id, b.kind, b.period_from, b.period_to, b.issue, "
	  "b.published_at, a.name, b.figures FROM bulletin b JOIN admin a "
	  "ON a.id = b.published_by WHERE b.id = ? AND b.jurisdiction_id = ?" },
	[STMT_DAY_BEFORE] = { "BULLETIN_DAY_BEFORE",
	  "SELECT ? - INTERVAL 1 DAY" },
};

const struct module bulletin_module = {
	.name = "bulletin",
	.routes = bulletin_routes,
	.nroutes = NELEM(bulletin_routes),
	.fields = bulletin_fields,
	.nfields = BULLETIN_FIELD__MAX,
	.sheets = bulletin_sheets,
	.nsheets = BULLETIN_SHEET__MAX,
};

static int
valid_kind(struct fval *f)
{
	return strcmp(f->s, "weekly") == 0 ||
	    strcmp(f->s, "half-monthly") == 0 ||
	    strcmp(f->s, "year-end") == 0;
}

/* Every admin scope with figures reads bulletins. */
static int
may_read(struct req *r)
{
	return r->sess.admin_scope != NULL &&
	    (admin_district(r) || strcmp(r->sess.admin_scope, "street") == 0 ||
	    strcmp(r->sess.admin_scope, "department") == 0);
}

/*
 * The weekly bulletin's own figures: towns (registered by the week's
 * end, their points, the average), and growth on the week before (by
 * the end of the day before it).
 */
static int
weekly_xml(struct req *r, xmlNodePtr fig, const char *from, const char *to)
{
	struct dbres	*res;
	enum dberr	 e;

	if ((e = db_query(r->pool, &bulletin_sql[STMT_DAY_BEFORE], &res, "s",
	    from)) != DB_OK)
		return db_status(e);
	return stats_growth_xml(r, fig, DBRES(res, 0, 0), to);
}

/* The figures of a bulletin of kind for from..to, under fig. */
static int
figures_xml(struct req *r, xmlNodePtr fig, const char *kind,
    const char *from, const char *to)
{
	const char	*month;
	int		 rc;

	if (strcmp(kind, "weekly") == 0) {
		if ((rc = stats_units_xml(r, fig, "rate", from, to, 0, 0,
		    to)) != 0)
			return rc;
		return weekly_xml(r, fig, from, to);
	}
	if (strcmp(kind, "half-monthly") == 0) {
		month = pool_printf(r->pool, "%.7s", to);
		if ((rc = stats_targets_xml(r, fig, 0, month, to)) != 0)
			return rc;
		return stats_units_xml(r, fig, "coverage", pool_printf(r->pool,
		    "%s-01", month), to, 0, 0, to);
	}
	return stats_awareness_xml(r, fig, pool_printf(r->pool, "%.7s", from),
	    pool_printf(r->pool, "%.7s", to), 0);
}

/* The list, with why a publishing was refused when error is given. */
static int
list_page(struct req *r, const char *error, long long existing)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, list, n;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &bulletin_sql[STMT_LIST], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "bulletins")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "bulletins", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "bulletin", NULL), res, i,
		    "id kind from to issue published by");
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		if (existing > 0)
			xml_propll(n, "bulletin", existing);
		r->status = strcmp(error, "published") == 0 ? 409 : 400;
	}
	return page_finish(r, &bulletin_sheets[SHEET_BULLETINS], doc);
}

static int
bulletins_list(struct req *r)
{
	if (!may_read(r))
		return 403;
	return list_page(r, NULL, 0);
}

/*
 * The serialized snapshot of node (its figures) in the pool, or NULL.
 */
static char *
snapshot(struct pool *p, xmlNodePtr node)
{
	xmlBufferPtr	 buf;
	char		*s = NULL;

	if ((buf = xmlBufferCreate()) == NULL)
		return NULL;
	if (xmlNodeDump(buf, node->doc, node, 0, 0) > 0)
		s = pool_strdup(p, (const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return s;
}

/* POST /admin/bulletins: kind=…&day=YYYY-MM-DD (a day of its period). */
static int
bulletin_publish(struct req *r)
{
	const struct fval		*kind = &r->fields[FIELD_KIND];
	const struct fval		*day = &r->fields[FIELD_DAY];
	const struct jurisdiction	*j;
	struct dbres			*per, *res;
	unsigned long long		 id;
	xmlDocPtr			 doc;
	xmlNodePtr			 fig;
	const char			*from, *to, *snap;
	enum dberr			 e;
	size_t				 i;
	int				 rc;

	if (!admin_district(r))
		return 403;
	if (!kind->valid || !day->valid || day->sz != 10)
		return list_page(r, "bad-period", 0);
	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &bulletin_sql[STMT_PERIOD], &per,
	    "sisss" "s", kind->s, j->id, kind->s, kind->s, kind->s, day->s)) !=
	    DB_OK)
		return db_status(e);
	if (per->nrows == 0)
		return list_page(r, "bad-period", 0);
	if (db_ll(per, 0, 2) == 0)
		return list_page(r, "not-over", 0);
	from = DBRES(per, 0, 0);
	to = DBRES(per, 0, 1);
	if ((e = db_query(r->pool, &bulletin_sql[STMT_LIST], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	for (i = 0; i < res->nrows; i++)
		if (strcmp(DBRES(res, i, 1), kind->s) == 0 &&
		    strcmp(DBRES(res, i, 2), from) == 0)
			return list_page(r, "published", db_ll(res, i, 0));
	if ((doc = xml_page(r, "bulletin")) == NULL)
		return 500;
	fig = xml_add(xmlDocGetRootElement(doc), "figures", NULL);
	xml_prop(fig, "kind", kind->s);
	xml_prop(fig, "from", from);
	xml_prop(fig, "to", to);
	xml_prop(fig, "jurisdiction", j->name);
	if ((rc = figures_xml(r, fig, kind->s, from, to)) != 0)
		return rc;
	if ((snap = snapshot(r->pool, fig)) == NULL)
		return 500;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&bulletin_sql[STMT_INSERT], &id, "isssisi", j->id, kind->s,
	    from, to, db_ll(per, 0, 3), snap, r->sess.admin_id);
	if (e == DB_OK)
		e = audit_write(r, "bulletin-publish", pool_printf(r->pool,
		    "bulletin %llu", id), pool_printf(r->pool, "%s %s–%s",
		    kind->s, from, to));
	if (e == DB_DUP) {
		db_rollback();
		return list_page(r, "published", 0);
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/bulletins/%llu",
	    id), "bulletin-published");
}

/* A published bulletin's page document, its snapshot inside; NULL: rc. */
static xmlDocPtr
bulletin_doc(struct req *r, int *rc)
{
	struct dbres	*b;
	xmlDocPtr	 doc, snap;
	xmlNodePtr	 n, fig;
	long long	 id;

	*rc = 403;
	if (!may_read(r))
		return NULL;
	if ((b = jur_row(r, &bulletin_sql[STMT_GET], r->args[0], rc)) == NULL)
		return NULL;
	id = db_ll(b, 0, 0);
	*rc = 500;
	if ((doc = xml_page(r, "bulletin")) == NULL)
		return NULL;
	n = xml_add(xmlDocGetRootElement(doc), "bulletin", NULL);
	xml_row(n, b, 0, "id kind from to issue published by");
	if ((snap = xmlReadMemory(DBRES(b, 0, 7), (int)strlen(DBRES(b, 0, 7)),
	    NULL, "UTF-8", XML_PARSE_NONET)) == NULL) {
		log_warnx("bulletin %lld: its figures are not XML", id);
		return NULL;
	}
	fig = xmlDocCopyNode(xmlDocGetRootElement(snap), doc, 1);
	xmlFreeDoc(snap);
	if (fig == NULL)
		return NULL;
	xmlAddChild(xmlDocGetRootElement(doc), fig);
	return doc;
}

/* GET /admin/bulletins/:id */
static int
bulletin_show(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = bulletin_doc(r, &rc)) == NULL)
		return rc;
	return page_finish(r, &bulletin_sheets[SHEET_BULLETIN], doc);
}

/* GET /admin/bulletins/:id/bulletin.csv: UTF-8 with a BOM. */
static int
bulletin_csv(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = bulletin_doc(r, &rc)) == NULL)
		return rc;
	return page_csv(r, &bulletin_sheets[SHEET_BULLETIN_CSV], doc,
	    pool_printf(r->pool, "bulletin-%s.csv", r->args[0]));
}
