/*
 * course.c: courses (课程) and their lessons (课时) as people study them:
 * the courses with each person's progress, a course's lessons, and a
 * lesson: its text, or its video with the page's small script reporting
 * where the player is. A report is credited only for watching at the
 * frontier (the furthest point reached), no faster than time passes: a
 * seek ahead earns nothing, a reload counts nothing twice, a report for
 * a lesson the person never opened is ignored. A video lesson is
 * completed at 90% of its length watched; a text lesson when the person
 * says so, after 90% of its reading time on the page. Completing a
 * lesson earns points once (points.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "core/app.h"
#include "course/course.h"
#include "points/points.h"

#define DONE_SHARE	0.9	/* of a lesson's seconds */
#define SLACK		2.0	/* s a report may run ahead of the clock */

static int	 learn_get(struct req *);
static int	 learn_course(struct req *);
static int	 learn_lesson(struct req *);
static int	 learn_progress(struct req *);
static int	 learn_done(struct req *);
static int	 valid_position(struct fval *);
static void	 course_error(struct req *, int, xmlNodePtr);

static const struct route course_routes[] = {
	/* LEARN: the courses */
	{ METHOD_GET, "/learn", learn_get, 0 },
	/* LEARN_COURSE: its lessons */
	{ METHOD_GET, "/learn/:course", learn_course, 0 },
	/* LEARN_LESSON: a lesson's text or video */
	{ METHOD_GET, "/learn/:course/:lesson", learn_lesson, 0 },
	/* LEARN_PROGRESS: the player's position (the page's script) */
	{ METHOD_POST, "/learn/:course/:lesson/progress", learn_progress, 0 },
	/* LEARN_DONE: a text lesson read */
	{ METHOD_POST, "/learn/:course/:lesson/done", learn_done, 0 },
};

enum course_field {
	FIELD_POSITION,
	COURSE_FIELD__MAX
};

static const struct field course_fields[COURSE_FIELD__MAX] = {
	{ "position", valid_position, 16, 0 },	/* FIELD_POSITION: seconds */
};

enum course_sheet {
	SHEET_LEARN,
	SHEET_LESSON,
	COURSE_SHEET__MAX
};

static struct sheet course_sheets[COURSE_SHEET__MAX] = {
	{ "learn.xsl", 0, { NULL } },		/* SHEET_LEARN */
	{ "lesson.xsl", 1, { NULL } },		/* SHEET_LESSON */
};

enum course_stmt {
	STMT_COURSES,
	STMT_COURSE_BY_REF,
	STMT_COURSE_LESSONS,
	STMT_LESSON_GET,
	STMT_PROGRESS_OPEN,
	STMT_PROGRESS_LOCK,
	STMT_PROGRESS_SET,
	STMT_PROGRESS_DONE,
	COURSE_STMT__MAX
};

static struct stmt course_sql[COURSE_STMT__MAX] = {
	[STMT_COURSES] = { "COURSES",
	  "SELECT c.id, c.ref, c.title, c.summary, c.roles, COUNT(l.id), "
	  "COUNT(p.completed_at) FROM course c "
	  "JOIN lesson l ON l.course_id = c.id "
	  "LEFT JOIN lesson_progress p ON p.lesson_id = l.id "
	  "AND p.person_id = ? WHERE c.status = 'published' "
	  "GROUP BY c.id, c.ref, c.title, c.summary, "
	  "c.roles, c.sort ORDER BY c.sort, c.id" },
	[STMT_COURSE_BY_REF] = { "COURSE_BY_REF",
	  "SELECT id, ref, title, summary, roles FROM course "
	  "WHERE ref = ? AND status = 'published'" },
	[STMT_COURSE_LESSONS] = { "COURSE_LESSONS",
	  "SELECT l.id, l.ref, l.title, l.kind, l.seconds, "
	  "p.completed_at IS NOT NULL, p.lesson_id IS NOT NULL FROM lesson l "
	  "LEFT JOIN lesson_progress p ON p.lesson_id = l.id "
	  "AND p.person_id = ? WHERE l.course_id = ? ORDER BY l.sort, l.id" },
	[STMT_LESSON_GET] = { "LESSON_GET",
	  "SELECT l.id, l.ref, l.title, l.kind, l.seconds, l.video, l.body, "
	  "l.poster FROM lesson l JOIN course c ON c.id = l.course_id "
	  "WHERE c.ref = ? AND l.ref = ? AND c.status = 'published'" },
	[STMT_PROGRESS_OPEN] = { "PROGRESS_OPEN",
	  "INSERT IGNORE INTO lesson_progress (person_id, lesson_id, "
	  "opened_at, reported_at) VALUES (?, ?, NOW(3), NOW(3))" },
	[STMT_PROGRESS_LOCK] = { "PROGRESS_LOCK",
	  "SELECT position, furthest, "
	  "TIMESTAMPDIFF(MICROSECOND, reported_at, NOW(3)) / 1000000, "
	  "TIMESTAMPDIFF(MICROSECOND, opened_at, NOW(3)) / 1000000, "
	  "completed_at IS NOT NULL FROM lesson_progress "
	  "WHERE person_id = ? AND lesson_id = ? FOR UPDATE" },
	[STMT_PROGRESS_SET] = { "PROGRESS_SET",
	  "UPDATE lesson_progress SET position = ?, furthest = ?, "
	  "reported_at = NOW(3) WHERE person_id = ? AND lesson_id = ?" },
	[STMT_PROGRESS_DONE] = { "PROGRESS_DONE",
	  "UPDATE lesson_progress SET completed_at = NOW() "
	  "WHERE person_id = ? AND lesson_id = ? AND completed_at IS NULL" },
};

const struct module course_module = {
	.name = "course",
	.routes = course_routes,
	.nroutes = NELEM(course_routes),
	.fields = course_fields,
	.nfields = COURSE_FIELD__MAX,
	.sheets = course_sheets,
	.nsheets = COURSE_SHEET__MAX,
	.error = course_error,
};

/* A text lesson marked read too early: say why. */
static void
course_error(struct req *r, int status, xmlNodePtr err)
{
	size_t	 n;

	if (status != 409 || r->path == NULL ||
	    strncmp(r->path, "/learn/", 7) != 0)
		return;
	n = strlen(r->path);
	if (n > 5 && strcmp(r->path + n - 5, "/done") == 0) {
		xml_prop(err, "lesson", "early");
		xml_prop(err, "back", pool_strndup(r->pool, r->path, n - 5));
	}
}

/* The columns of STMT_LESSON_GET and STMT_PROGRESS_LOCK. */
enum lesson_col { LC_ID, LC_REF, LC_TITLE, LC_KIND, LC_SECONDS, LC_VIDEO,
	LC_BODY, LC_POSTER };
enum progress_col { PC_POSITION, PC_FURTHEST, PC_SINCE_REPORT,
	PC_SINCE_OPEN, PC_DONE };

/* A player's position: seconds, 0 to 36000, as a decimal number. */
static int
valid_position(struct fval *f)
{
	char	*end;
	double	 d;

	d = strtod(f->s, &end);
	if (end == f->s || *end != '\0' || !isfinite(d) || d < 0 ||
	    d > 36000)
		return 0;
	f->i = (long long)(d * 1000);	/* milliseconds */
	return 1;
}

static double
cell_d(const struct dbres *res, size_t row, size_t col)
{
	const char	*s = DBRES(res, row, col);

	return s != NULL ? strtod(s, NULL) : 0;
}

/* GET /learn */
static int
learn_get(struct req *r)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 list;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &course_sql[STMT_COURSES], &res, "i",
	    r->sess.person_id)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "learn")) == NULL)
		return 500;
	list = xml_add(xmlDocGetRootElement(doc), "courses", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "course", NULL), res, i,
		    "id ref title summary roles lessons done");
	return page_finish(r, &course_sheets[SHEET_LEARN], doc);
}

/* <course> of a ref, with its lessons and the person's progress. */
static int
course_xml(struct req *r, xmlNodePtr root, const char *ref, int *found)
{
	struct dbres	*c, *l;
	xmlNodePtr	 n, list;
	enum dberr	 e;
	size_t		 i;

	*found = 0;
	if ((e = db_query(r->pool, &course_sql[STMT_COURSE_BY_REF], &c, "s",
	    ref)) != DB_OK)
		return db_status(e);
	if (c->nrows == 0)
		return 0;
	if ((e = db_query(r->pool, &course_sql[STMT_COURSE_LESSONS], &l, "ii",
	    r->sess.person_id, db_ll(c, 0, 0))) != DB_OK)
		return db_status(e);
	*found = 1;
	n = xml_add(root, "course", NULL);
	xml_row(n, c, 0, "id ref title summary roles");
	list = xml_add(n, "lessons", NULL);
	for (i = 0; i < l->nrows; i++)
		xml_row(xml_add(list, "lesson", NULL), l, i,
		    "id ref title kind seconds done opened");
	return 0;
}

/* GET /learn/:course */
static int
learn_course(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc, found;

	if ((doc = xml_page(r, "learn")) == NULL)
		return 500;
	if ((rc = course_xml(r, xmlDocGetRootElement(doc), r->args[0],
	    &found)) != 0)
		return rc;
	return found ? page_finish(r, &course_sheets[SHEET_LEARN], doc) : 404;
}

/*
 * GET /learn/:course/:lesson: opened now for a signed-in person (the
 * first time only), with the progress so far.
 */
static int
learn_lesson(struct req *r)
{
	struct dbres	*l, *p;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	enum dberr	 e;
	int		 rc, found;

	if ((e = db_query(r->pool, &course_sql[STMT_LESSON_GET], &l, "ss",
	    r->args[0], r->args[1])) != DB_OK)
		return db_status(e);
	if (l->nrows == 0)
		return 404;
	if (r->sess.person_id != 0 &&
	    ((e = db_exec(&course_sql[STMT_PROGRESS_OPEN], NULL, "ii",
	    r->sess.person_id, db_ll(l, 0, LC_ID))) != DB_OK ||
	    (e = db_query(r->pool, &course_sql[STMT_PROGRESS_LOCK], &p, "ii",
	    r->sess.person_id, db_ll(l, 0, LC_ID))) != DB_OK))
		return db_status(e);
	if ((doc = xml_page(r, "lesson")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = course_xml(r, root, r->args[0], &found)) != 0)
		return rc;
	n = xml_add(root, "lesson", NULL);
	xml_row(n, l, 0, "id ref title kind seconds video");
	xml_prop(n, "poster", DBRES(l, 0, LC_POSTER));
	if (r->sess.person_id != 0 && p->nrows > 0) {
		xml_propf(n, "furthest", "%.0f", cell_d(p, 0, PC_FURTHEST));
		xml_prop(n, "done", DBRES(p, 0, PC_DONE));
	}
	if (lesson_body_xml(n, DBRES(l, 0, LC_BODY)) == -1) {
		log_warnx("lesson %s: its body is not XML", DBRES(l, 0, LC_ID));
		return 500;
	}
	return page_finish(r, &course_sheets[SHEET_LESSON], doc);
}

/*
 * Inside a transaction: the lesson completed for the person, if it was
 * not, and its points. *points receives what was granted.
 */
static enum dberr
lesson_complete(struct req *r, long long lesson, int *points)
{
	enum dberr	 e;

	*points = 0;
	if ((e = db_exec(&course_sql[STMT_PROGRESS_DONE], NULL, "ii",
	    r->sess.person_id, lesson)) != DB_OK || db_affected() == 0)
		return e;
	return points_earn(r, r->sess.person_id, "lesson",
	    pool_printf(r->pool, "lesson %lld", lesson), 1, points);
}

/* The answer to the page's script: what counts now, as JSON. */
static int
progress_reply(struct req *r, double furthest, int done, int points)
{
	const char	*s;

	s = pool_printf(r->pool, "{\"furthest\":%.1f,\"completed\":%s,"
	    "\"points\":%d}\n", furthest, done ? "true" : "false", points);
	resp_header(r, "Cache-Control", "no-store");
	return resp_send(r, "application/json", s, strlen(s));
}

/*
 * POST /learn/:course/:lesson/progress: position=SECONDS. One
 * transaction, the progress row locked: credited only when the player
 * was at the frontier and moved on no faster than the clock (with a
 * little slack); completed at 90%.
 */
static int
learn_progress(struct req *r)
{
	const struct fval	*pos = &r->fields[FIELD_POSITION];
	struct dbres		*l, *p;
	double			 at, was, furthest, since, seconds;
	long long		 lesson;
	enum dberr		 e;
	int			 done, points = 0;

	if (r->sess.person_id == 0)
		return 403;
	if (!pos->valid)
		return 400;
	if ((e = db_query(r->pool, &course_sql[STMT_LESSON_GET], &l, "ss",
	    r->args[0], r->args[1])) != DB_OK)
		return db_status(e);
	if (l->nrows == 0 || strcmp(DBRES(l, 0, LC_KIND), "video") != 0)
		return 404;
	lesson = db_ll(l, 0, LC_ID);
	seconds = cell_d(l, 0, LC_SECONDS);
	at = (double)pos->i / 1000;
	if (at > seconds)
		at = seconds;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &course_sql[STMT_PROGRESS_LOCK], &p, "ii",
	    r->sess.person_id, lesson)) != DB_OK)
		goto fail;
	if (p->nrows == 0) {
		/* Never opened: nothing is recorded. */
		db_rollback();
		return 409;
	}
	was = cell_d(p, 0, PC_POSITION);
	furthest = cell_d(p, 0, PC_FURTHEST);
	since = cell_d(p, 0, PC_SINCE_REPORT);
	done = db_ll(p, 0, PC_DONE) != 0;
	/* At the frontier before, past it now, and no faster than the clock. */
	if (fabs(was - furthest) <= SLACK && at > furthest &&
	    at - was <= since + SLACK)
		furthest = at;
	if ((e = db_exec(&course_sql[STMT_PROGRESS_SET], NULL, "ddii", at,
	    furthest, r->sess.person_id, lesson)) != DB_OK)
		goto fail;
	if (!done && furthest >= DONE_SHARE * seconds) {
		if ((e = lesson_complete(r, lesson, &points)) != DB_OK)
			goto fail;
		done = 1;
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return progress_reply(r, furthest, done, points);
fail:
	db_rollback();
	return db_status(e);
}

/*
 * POST /learn/:course/:lesson/done: a text lesson read, once 90% of its
 * reading time has passed since it was opened; 409 before.
 */
static int
learn_done(struct req *r)
{
	struct dbres	*l, *p;
	long long	 lesson;
	enum dberr	 e;
	int		 points;

	if (r->sess.person_id == 0)
		return resp_redirect(r, "/account", NULL);
	if ((e = db_query(r->pool, &course_sql[STMT_LESSON_GET], &l, "ss",
	    r->args[0], r->args[1])) != DB_OK)
		return db_status(e);
	if (l->nrows == 0 || strcmp(DBRES(l, 0, LC_KIND), "text") != 0)
		return 404;
	lesson = db_ll(l, 0, LC_ID);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &course_sql[STMT_PROGRESS_LOCK], &p, "ii",
	    r->sess.person_id, lesson)) != DB_OK ||
	    p->nrows == 0 || cell_d(p, 0, PC_SINCE_OPEN) <
	    DONE_SHARE * cell_d(l, 0, LC_SECONDS)) {
		db_rollback();
		return e != DB_OK ? db_status(e) : 409;
	}
	if ((e = lesson_complete(r, lesson, &points)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if ((e = db_commit()) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/learn/%s/%s",
	    r->args[0], r->args[1]), "lesson-done");
}
