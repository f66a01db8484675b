/*
 * courses.c: the courses in the admin area: every course with how many
 * people study it, a new course (a draft learners do not see until it is
 * published), a course's title, summary, roles and state, and its place
 * in the list. A course is published only with at least one lesson.
 * Each change and its audit entry are one transaction. Its lessons are
 * lessons.c's. District scope: courses are shared by every street.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "admin/admin.h"
#include "bank/bank.h"
#include "shared/audit.h"
#include "shared/scope.h"

#define COURSE_TITLE_MAX	64	/* characters, as course.title */
#define COURSE_SUMMARY_MAX	200	/* as course.summary */

static int	 admin_courses(struct req *);
static int	 admin_course_add(struct req *);
static int	 admin_course(struct req *);
static int	 admin_course_save(struct req *);
static int	 admin_course_move(struct req *);
static int	 valid_status(struct fval *);

static const struct route courses_routes[] = {
	/* ADMIN_COURSES: the list, and a form for a new course */
	{ METHOD_GET, "/admin/courses", admin_courses, RF_ADMIN },
	/* ADMIN_COURSE_ADD */
	{ METHOD_POST, "/admin/courses", admin_course_add, RF_ADMIN },
	/* ADMIN_COURSE: one course and its lessons */
	{ METHOD_GET, "/admin/courses/:id", admin_course, RF_ADMIN },
	/* ADMIN_COURSE_SAVE: title, summary, roles, draft or published */
	{ METHOD_POST, "/admin/courses/:id", admin_course_save, RF_ADMIN },
	/* ADMIN_COURSE_MOVE: up or down the list */
	{ METHOD_POST, "/admin/courses/:id/move", admin_course_move,
	  RF_ADMIN },
};

enum courses_field {
	FIELD_TITLE,
	FIELD_SUMMARY,
	FIELD_ROLES,
	FIELD_STATUS,
	FIELD_DIR,
	COURSES_FIELD__MAX
};

static const struct field courses_fields[COURSES_FIELD__MAX] = {
	{ "title", valid_line, 4 * COURSE_TITLE_MAX, 0 },   /* FIELD_TITLE */
	{ "summary", valid_line, 4 * COURSE_SUMMARY_MAX, 0 },
	{ "roles", bank_valid_role, 16, 1 },	/* FIELD_ROLES: a bit mask */
	{ "status", valid_status, 16, 0 },	/* FIELD_STATUS */
	{ "dir", admin_valid_dir, 4, 0 },	/* FIELD_DIR: up or down */
};

enum courses_sheet {
	SHEET_COURSES,
	SHEET_COURSE,
	COURSES_SHEET__MAX
};

static struct sheet courses_sheets[COURSES_SHEET__MAX] = {
	{ "admin-courses.xsl", 1, { NULL } },	/* SHEET_COURSES */
	{ "admin-course.xsl", 1, { NULL } },	/* SHEET_COURSE */
};

enum courses_stmt {
	STMT_COURSE_LIST,
	STMT_COURSE_INSERT,
	STMT_COURSE_ONE,
	STMT_COURSE_LESSONS,
	STMT_COURSE_UPDATE,
	STMT_COURSE_ORDER,
	STMT_COURSE_SORT,
	COURSES_STMT__MAX
};

static struct stmt courses_sql[COURSES_STMT__MAX] = {
	[STMT_COURSE_LIST] = { "ADMIN_COURSE_LIST",
	  "SELECT c.id, c.ref, c.title, c.summary, c.roles, c.status, "
	  "(SELECT COUNT(*) FROM lesson l WHERE l.course_id = c.id), "
	  "(SELECT COUNT(DISTINCT p.person_id) FROM lesson l JOIN "
	  "lesson_progress p ON p.lesson_id = l.id WHERE l.course_id = c.id), "
	  "(SELECT COUNT(p.completed_at) FROM lesson l JOIN lesson_progress p "
	  "ON p.lesson_id = l.id WHERE l.course_id = c.id), "
	  "c.edited_at IS NOT NULL FROM course c ORDER BY c.sort, c.id" },
	[STMT_COURSE_INSERT] = { "ADMIN_COURSE_INSERT",
	  "INSERT INTO course (ref, title, summary, roles, status, sort, "
	  "edited_at, edited_by) SELECT ?, ?, ?, ?, 'draft', "
	  "COALESCE(MAX(sort), 0) + 1, NOW(), ? FROM course" },
	[STMT_COURSE_ONE] = { "ADMIN_COURSE_ONE",
	  "SELECT id, ref, title, summary, roles, status, roles + 0 "
	  "FROM course WHERE id = ?" },
	[STMT_COURSE_LESSONS] = { "ADMIN_COURSE_LESSONS",
	  "SELECT l.id, l.ref, l.title, l.kind, l.seconds, l.video, "
	  "COUNT(p.person_id), COUNT(p.completed_at) FROM lesson l "
	  "LEFT JOIN lesson_progress p ON p.lesson_id = l.id "
	  "WHERE l.course_id = ? GROUP BY l.id, l.ref, l.title, l.kind, "
	  "l.seconds, l.video, l.sort ORDER BY l.sort, l.id" },
	[STMT_COURSE_UPDATE] = { "ADMIN_COURSE_UPDATE",
	  "UPDATE course SET title = ?, summary = ?, roles = ?, status = ?, "
	  "edited_at = NOW(), edited_by = ? WHERE id = ?" },
	[STMT_COURSE_ORDER] = { "ADMIN_COURSE_ORDER",
	  "SELECT id FROM course ORDER BY sort, id FOR UPDATE" },
	[STMT_COURSE_SORT] = { "ADMIN_COURSE_SORT",
	  "UPDATE course SET sort = ? WHERE id = ?" },
};

const struct module admin_courses_module = {
	.name = "admin-courses",
	.routes = courses_routes,
	.nroutes = NELEM(courses_routes),
	.fields = courses_fields,
	.nfields = COURSES_FIELD__MAX,
	.sheets = courses_sheets,
	.nsheets = COURSES_SHEET__MAX,
};

static int
valid_status(struct fval *f)
{
	return strcmp(f->s, "draft") == 0 || strcmp(f->s, "published") == 0;
}

/*
 * Why a title and summary cannot be taken, or NULL when they can: one
 * line each, not blank, not too long; at least one role.
 */
static const char *
course_refused(struct req *r)
{
	const struct fval	*t = &r->fields[FIELD_TITLE];
	const struct fval	*s = &r->fields[FIELD_SUMMARY];

	if (!t->present || t->sz == 0 || strspn(t->s, " \t") == t->sz ||
	    !s->present || s->sz == 0 || strspn(s->s, " \t") == s->sz)
		return "missing";
	if (!t->valid || !s->valid || strpbrk(t->s, "\r\n\t") != NULL ||
	    strpbrk(s->s, "\r\n\t") != NULL)
		return "bad-text";
	if (utf8_chars(t->s, t->sz) > COURSE_TITLE_MAX ||
	    utf8_chars(s->s, s->sz) > COURSE_SUMMARY_MAX)
		return "long";
	if (!r->fields[FIELD_ROLES].valid)
		return "no-roles";
	return NULL;
}

/* What was typed into a refused form, to show again. */
static void
typed_xml(struct req *r, xmlNodePtr err)
{
	if (r->fields[FIELD_TITLE].present)
		xml_prop(err, "title", r->fields[FIELD_TITLE].s);
	if (r->fields[FIELD_SUMMARY].present)
		xml_prop(err, "summary", r->fields[FIELD_SUMMARY].s);
	xml_propll(err, "roles", r->fields[FIELD_ROLES].valid ?
	    r->fields[FIELD_ROLES].i : 0);
}

/* GET /admin/courses, or the list again with why a new one was refused. */
static int
courses_page(struct req *r, const char *error)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, list, n;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &courses_sql[STMT_COURSE_LIST], &res, ""))
	    != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-courses")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	list = xml_add(root, "courses", NULL);
	for (i = 0; i < res->nrows; i++) {
		n = xml_add(list, "course", NULL);
		xml_row(n, res, i, "id ref title summary roles status lessons "
		    "learners completions edited");
	}
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		typed_xml(r, n);
		r->status = 400;
	}
	return page_finish(r, &courses_sheets[SHEET_COURSES], doc);
}

static int
admin_courses(struct req *r)
{
	if (!admin_district(r))
		return 403;
	return courses_page(r, NULL);
}

/* POST /admin/courses: a draft, last in the list; then its page. */
static int
admin_course_add(struct req *r)
{
	unsigned char		 raw[6];
	char			 ref[32];
	unsigned long long	 id;
	const char		*why;
	enum dberr		 e;

	if (!admin_district(r))
		return 403;
	if ((why = course_refused(r)) != NULL)
		return courses_page(r, why);
	/* A ref for the course's URL, as the shipped courses have. */
	randombytes_buf(raw, sizeof(raw));
	snprintf(ref, sizeof(ref), "c-%02x%02x%02x%02x%02x%02x", raw[0],
	    raw[1], raw[2], raw[3], raw[4], raw[5]);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&courses_sql[STMT_COURSE_INSERT], &id, "sssii", ref,
	    r->fields[FIELD_TITLE].s, r->fields[FIELD_SUMMARY].s,
	    r->fields[FIELD_ROLES].i, r->sess.admin_id);
	if (e == DB_OK)
		e = audit_write(r, "course-add", pool_printf(r->pool,
		    "course %llu", id), r->fields[FIELD_TITLE].s);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/courses/%llu",
	    id), "saved");
}

/* The course of the path, or NULL with *rc set. */
static struct dbres *
course_of_path(struct req *r, int *rc)
{
	struct dbres	*res;
	long long	 id;
	enum dberr	 e;

	*rc = 404;
	if ((id = path_id(r->args[0])) == 0)
		return NULL;
	if ((e = db_query(r->pool, &courses_sql[STMT_COURSE_ONE], &res, "i",
	    id)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	return res->nrows == 1 ? res : NULL;
}

/* A course's page, with why its form was refused when error is given. */
static int
course_page(struct req *r, struct dbres *c, const char *error)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, list;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &courses_sql[STMT_COURSE_LESSONS], &res,
	    "i", db_ll(c, 0, 0))) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-course")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "course", NULL);
	xml_row(n, c, 0, "id ref title summary roles status mask");
	list = xml_add(n, "lessons", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "lesson", NULL), res, i,
		    "id ref title kind seconds video learners completions");
	if (error != NULL) {
		n = xml_add(root, "error", NULL);
		xml_prop(n, "code", error);
		typed_xml(r, n);
		r->status = strcmp(error, "empty") == 0 ? 409 : 400;
	}
	return page_finish(r, &courses_sheets[SHEET_COURSE], doc);
}

/* GET /admin/courses/:id */
static int
admin_course(struct req *r)
{
	struct dbres	*c;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((c = course_of_path(r, &rc)) == NULL)
		return rc;
	return course_page(r, c, NULL);
}

/* POST /admin/courses/:id: a course with no lesson stays a draft. */
static int
admin_course_save(struct req *r)
{
	const struct fval	*st = &r->fields[FIELD_STATUS];
	struct dbres		*c, *ls;
	const char		*why, *status;
	enum dberr		 e;
	int			 rc;

	if (!admin_district(r))
		return 403;
	if ((c = course_of_path(r, &rc)) == NULL)
		return rc;
	if ((why = course_refused(r)) != NULL)
		return course_page(r, c, why);
	status = st->valid ? st->s : DBRES(c, 0, 5);
	if (strcmp(status, "published") == 0) {
		if ((e = db_query(r->pool, &courses_sql[STMT_COURSE_LESSONS],
		    &ls, "i", db_ll(c, 0, 0))) != DB_OK)
			return db_status(e);
		if (ls->nrows == 0)
			return course_page(r, c, "empty");
	}
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&courses_sql[STMT_COURSE_UPDATE], NULL, "ssisii",
	    r->fields[FIELD_TITLE].s, r->fields[FIELD_SUMMARY].s,
	    r->fields[FIELD_ROLES].i, status, r->sess.admin_id,
	    db_ll(c, 0, 0));
	if (e == DB_OK)
		e = audit_write(r, "course-save", pool_printf(r->pool,
		    "course %s", DBRES(c, 0, 0)), pool_printf(r->pool,
		    "%s (%s, %s) → %s (%s, %s)", DBRES(c, 0, 2), DBRES(c, 0, 4),
		    DBRES(c, 0, 5), r->fields[FIELD_TITLE].s,
		    admin_roles_text(r->pool, r->fields[FIELD_ROLES].i),
		    status));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/courses/%s",
	    DBRES(c, 0, 0)), "saved");
}

/* POST /admin/courses/:id/move: up or down one place. */
static int
admin_course_move(struct req *r)
{
	struct dbres	*c;
	enum dberr	 e;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((c = course_of_path(r, &rc)) == NULL)
		return rc;
	if (!r->fields[FIELD_DIR].valid)
		return 400;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = admin_move(r, &courses_sql[STMT_COURSE_ORDER],
	    &courses_sql[STMT_COURSE_SORT], 0, db_ll(c, 0, 0),
	    r->fields[FIELD_DIR].s[0] == 'u' ? -1 : 1);
	if (e == DB_OK)
		e = audit_write(r, "course-move", pool_printf(r->pool,
		    "course %s", DBRES(c, 0, 0)), r->fields[FIELD_DIR].s);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/courses#course-%s",
	    DBRES(c, 0, 0)), "saved");
}
