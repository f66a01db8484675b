/*
 * lessons.c: a course's lessons in the admin area: a new text or video
 * lesson, its title and text (typed with the line marks of markup.c,
 * shown as learners will see it), its place in the course, and deleting
 * one nobody has opened yet. A video is uploaded with the form (up to
 * max_upload; the worker keeps such a body in a file, not in memory),
 * then looked at by ffprobe: only a WebM (VP8, VP9, AV1) or MP4 (H.264,
 * AV1) video of 1 s to 10 h is taken, whatever the file is called; its
 * length becomes the lesson's, and ffmpeg makes a poster of it. Files go
 * into media_dir under random names, where nginx serves them (range
 * requests and all); the database row and its audit entry are one
 * transaction, and a refused or failed upload leaves no file behind.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/app.h"
#include "admin/admin.h"
#include "course/course.h"
#include "shared/audit.h"
#include "shared/media.h"
#include "shared/scope.h"

#define LESSON_TITLE_MAX	64	/* characters, as lesson.title */
#define LESSON_MINUTES_MAX	600
#define LESSON_TEXT_MAX		(60 * 1024)	/* bytes of typed text */

static int	 admin_lesson_new(struct req *);
static int	 admin_lesson_add(struct req *);
static int	 admin_lesson(struct req *);
static int	 admin_lesson_save(struct req *);
static int	 admin_lesson_move(struct req *);
static int	 admin_lesson_delete(struct req *);
static int	 valid_kind(struct fval *);

static const struct route lessons_routes[] = {
	/* ADMIN_LESSON_NEW: the form of a new lesson (?kind=text|video) */
	{ METHOD_GET, "/admin/courses/:id/lessons/new", admin_lesson_new,
	  RF_ADMIN },
	/* ADMIN_LESSON_ADD: with its video, if one */
	{ METHOD_POST, "/admin/courses/:id/lessons", admin_lesson_add,
	  RF_ADMIN | RF_UPLOAD },
	/* ADMIN_LESSON: its form, and the text as learners see it */
	{ METHOD_GET, "/admin/lessons/:id", admin_lesson, RF_ADMIN },
	/* ADMIN_LESSON_SAVE: title, text, minutes, a new video */
	{ METHOD_POST, "/admin/lessons/:id", admin_lesson_save,
	  RF_ADMIN | RF_UPLOAD },
	/* ADMIN_LESSON_MOVE: up or down its course */
	{ METHOD_POST, "/admin/lessons/:id/move", admin_lesson_move,
	  RF_ADMIN },
	/* ADMIN_LESSON_DELETE: one nobody has opened */
	{ METHOD_POST, "/admin/lessons/:id/delete", admin_lesson_delete,
	  RF_ADMIN },
};

enum lessons_field {
	FIELD_TITLE,
	FIELD_KIND,
	FIELD_TEXT,
	FIELD_MINUTES,
	FIELD_DIR,
	LESSONS_FIELD__MAX
};

static const struct field lessons_fields[LESSONS_FIELD__MAX] = {
	{ "title", valid_line, 4 * LESSON_TITLE_MAX, 0 },   /* FIELD_TITLE */
	{ "kind", valid_kind, 8, 0 },		/* FIELD_KIND */
	{ "text", valid_line, LESSON_TEXT_MAX, 0 },	/* FIELD_TEXT */
	{ "minutes", valid_count, 3, 0 },	/* FIELD_MINUTES */
	{ "dir", admin_valid_dir, 4, 0 },	/* FIELD_DIR: up or down */
};

static struct sheet lessons_sheet = { "admin-lesson.xsl", 1, { NULL } };

enum lessons_stmt {
	STMT_COURSE_GET,
	STMT_LESSON_GET,
	STMT_LESSON_INSERT,
	STMT_LESSON_UPDATE,
	STMT_LESSON_ORDER,
	STMT_LESSON_SORT,
	STMT_LESSON_DELETE,
	STMT_MEDIA_USERS,
	LESSONS_STMT__MAX
};

static struct stmt lessons_sql[LESSONS_STMT__MAX] = {
	[STMT_COURSE_GET] = { "ADMIN_LESSON_COURSE",
	  "SELECT id, ref, title, status FROM course WHERE id = ?" },
	[STMT_LESSON_GET] = { "ADMIN_LESSON_GET",
	  "SELECT l.id, l.ref, l.title, l.kind, l.seconds, l.video, "
	  "l.poster, l.body, c.id, c.ref, c.title, c.status, "
	  "(SELECT COUNT(*) FROM lesson_progress p WHERE p.lesson_id = l.id), "
	  "(SELECT COUNT(*) FROM lesson o WHERE o.course_id = c.id) "
	  "FROM lesson l JOIN course c ON c.id = l.course_id WHERE l.id = ?" },
	[STMT_LESSON_INSERT] = { "ADMIN_LESSON_INSERT",
	  "INSERT INTO lesson (course_id, ref, title, kind, body, video, "
	  "poster, seconds, sort, edited_at, edited_by) SELECT ?, ?, ?, ?, ?, "
	  "?, ?, ?, COALESCE(MAX(sort), 0) + 1, NOW(), ? FROM lesson "
	  "WHERE course_id = ?" },
	[STMT_LESSON_UPDATE] = { "ADMIN_LESSON_UPDATE",
	  "UPDATE lesson SET title = ?, body = ?, video = ?, poster = ?, "
	  "seconds = ?, edited_at = NOW(), edited_by = ? WHERE id = ?" },
	[STMT_LESSON_ORDER] = { "ADMIN_LESSON_ORDER",
	  "SELECT id FROM lesson WHERE course_id = ? ORDER BY sort, id "
	  "FOR UPDATE" },
	[STMT_LESSON_SORT] = { "ADMIN_LESSON_SORT",
	  "UPDATE lesson SET sort = ? WHERE id = ?" },
	[STMT_LESSON_DELETE] = { "ADMIN_LESSON_DELETE",
	  "DELETE FROM lesson WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
	  "lesson_progress p WHERE p.lesson_id = ?)" },
	[STMT_MEDIA_USERS] = { "ADMIN_MEDIA_USERS",
	  "SELECT COUNT(*) FROM lesson WHERE video = ? OR poster = ?" },
};

const struct module admin_lessons_module = {
	.name = "admin-lessons",
	.routes = lessons_routes,
	.nroutes = NELEM(lessons_routes),
	.fields = lessons_fields,
	.nfields = LESSONS_FIELD__MAX,
	.sheets = &lessons_sheet,
	.nsheets = 1,
};

/* The columns of STMT_LESSON_GET. */
enum lesson_col { LC_ID, LC_REF, LC_TITLE, LC_KIND, LC_SECONDS, LC_VIDEO,
	LC_POSTER, LC_BODY, LC_COURSE, LC_COURSE_REF, LC_COURSE_TITLE,
	LC_COURSE_STATUS, LC_OPENED, LC_SIBLINGS };

/* An uploaded video on its way into media_dir. */
struct upload {
	char		 video[PATH_MAX];	/* full paths; "" when none */
	char		 poster[PATH_MAX];
	const char	*video_name;		/* as lesson.video */
	const char	*poster_name;
	double		 seconds;
};

static int
valid_kind(struct fval *f)
{
	return strcmp(f->s, "text") == 0 || strcmp(f->s, "video") == 0;
}

/*
 * The lesson page: a new lesson's form (l NULL, the course c and kind
 * given) or a lesson's, with why the form was refused when error is
 * given (and line, for a bad line of the text).
 */
static int
lesson_page(struct req *r, struct dbres *c, struct dbres *l,
    const char *kind, const char *error, size_t line)
{
	const struct fval	*text = &r->fields[FIELD_TEXT];
	xmlDocPtr		 doc;
	xmlNodePtr		 root, n, e;
	const char		*typed;

	if ((doc = xml_page(r, "admin-lesson")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	n = xml_add(root, "course", NULL);
	if (l != NULL) {
		xml_prop(n, "id", DBRES(l, 0, LC_COURSE));
		xml_prop(n, "ref", DBRES(l, 0, LC_COURSE_REF));
		xml_prop(n, "title", DBRES(l, 0, LC_COURSE_TITLE));
		xml_prop(n, "status", DBRES(l, 0, LC_COURSE_STATUS));
	} else
		xml_row(n, c, 0, "id ref title status");
	n = xml_add(root, "lesson", NULL);
	if (l != NULL) {
		xml_row(n, l, 0, "id ref title kind seconds video poster");
		xml_prop(n, "opened", DBRES(l, 0, LC_OPENED));
		xml_prop(n, "siblings", DBRES(l, 0, LC_SIBLINGS));
		xml_propll(n, "minutes", (db_ll(l, 0, LC_SECONDS) + 59) / 60);
		if (lesson_body_xml(n, DBRES(l, 0, LC_BODY)) == -1)
			return 500;
		typed = lesson_text_from_body(r->pool, DBRES(l, 0, LC_BODY));
		xml_add(n, "text", typed);
	} else
		xml_prop(n, "kind", kind);
	xml_prop(root, "media", r->conf->media_dir != NULL ? "yes" : "no");
	xml_propll(root, "max-upload", r->conf->max_upload >> 20);
	if (error != NULL) {
		e = xml_add(root, "error", NULL);
		xml_prop(e, "code", error);
		if (line > 0)
			xml_propll(e, "line", (long long)line);
		if (r->fields[FIELD_TITLE].present)
			xml_prop(e, "title", r->fields[FIELD_TITLE].s);
		if (text->present && text->valid)
			xml_add(e, "text", text->s);
		if (r->fields[FIELD_MINUTES].valid)
			xml_propll(e, "minutes", r->fields[FIELD_MINUTES].i);
		r->status = strcmp(error, "opened") == 0 ||
		    strcmp(error, "last") == 0 ? 409 : 400;
	}
	return page_finish(r, &lessons_sheet, doc);
}

/* The row of the id in the path by stmt, or NULL with *rc set. */
static struct dbres *
row_of_path(struct req *r, enum lessons_stmt stmt, int *rc)
{
	struct dbres	*res;
	long long	 id;
	enum dberr	 e;

	*rc = 404;
	if ((id = path_id(r->args[0])) == 0)
		return NULL;
	if ((e = db_query(r->pool, &lessons_sql[stmt], &res, "i", id)) !=
	    DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	return res->nrows == 1 ? res : NULL;
}

/* GET /admin/courses/:id/lessons/new?kind=… */
static int
admin_lesson_new(struct req *r)
{
	struct dbres	*c;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((c = row_of_path(r, STMT_COURSE_GET, &rc)) == NULL)
		return rc;
	return lesson_page(r, c, NULL, r->fields[FIELD_KIND].valid ?
	    r->fields[FIELD_KIND].s : "text", NULL, 0);
}

/* 16 random hex digits: the name of an uploaded file, without suffix. */
static void
random_name(char *buf, size_t sz)
{
	unsigned char	 raw[8];
	size_t		 i;

	randombytes_buf(raw, sizeof(raw));
	for (i = 0; i < sizeof(raw) && 2 * i + 2 < sz; i++)
		snprintf(buf + 2 * i, 3, "%02x", raw[i]);
}

/* Remove what an upload left in media_dir. */
static void
upload_discard(struct upload *u)
{
	if (u->video[0] != '\0')
		unlink(u->video);
	if (u->poster[0] != '\0')
		unlink(u->poster);
	u->video[0] = u->poster[0] = '\0';
}

/* Write all of data to a new file path (mode 0644); -1 on any error. */
static int
write_file(const char *path, const char *data, size_t len)
{
	ssize_t	 w;
	int	 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) ==
	    -1)
		return -1;
	for (; len > 0; data += w, len -= (size_t)w)
		if ((w = write(fd, data, len)) <= 0) {
			close(fd);
			unlink(path);
			return -1;
		}
	if (close(fd) == -1) {
		unlink(path);
		return -1;
	}
	return 0;
}

/*
 * The form's video into media_dir: written under a hidden name, looked
 * at, given a poster, then renamed to its random name with the suffix of
 * what it really is. NULL when it is taken; otherwise why not (the
 * error code of the form), with *rc 500 when the machine failed rather
 * than the file. Nothing is left behind on refusal.
 */
static const char *
upload_take(struct req *r, const struct param *f, struct upload *u,
    int *rc)
{
	struct media_info	 mi;
	enum media_why		 why;
	const char		*dir = r->conf->media_dir;
	char			 name[20], tmp[PATH_MAX], tmpjpg[PATH_MAX];

	memset(u, 0, sizeof(*u));
	*rc = 0;
	if (dir == NULL)
		return "no-media";
	random_name(name, sizeof(name));
	snprintf(tmp, sizeof(tmp), "%s/.up-%s", dir, name);
	snprintf(tmpjpg, sizeof(tmpjpg), "%s/.up-%s.jpg", dir, name);
	if (write_file(tmp, f->val, f->valsz) == -1) {
		log_warn("upload: %s", tmp);
		*rc = 500;
		return "failed";
	}
	why = media_probe(tmp, &mi);
	if (why == MEDIA_OK)
		why = media_poster(tmp, mi.seconds, tmpjpg);
	if (why != MEDIA_OK) {
		unlink(tmp);
		unlink(tmpjpg);
		switch (why) {
		case MEDIA_CODEC:
			return "codec";
		case MEDIA_LENGTH:
			return "length";
		case MEDIA_PROBE:
			*rc = 500;
			return "failed";
		default:
			return "not-video";
		}
	}
	u->video_name = pool_printf(r->pool, "%s.%s", name, mi.container);
	u->poster_name = pool_printf(r->pool, "%s.jpg", name);
	snprintf(u->video, sizeof(u->video), "%s/%s", dir, u->video_name);
	snprintf(u->poster, sizeof(u->poster), "%s/%s", dir, u->poster_name);
	if (rename(tmp, u->video) == -1 || rename(tmpjpg, u->poster) == -1 ||
	    chmod(u->poster, 0644) == -1) {
		log_warn("upload: into %s", dir);
		unlink(tmp);
		unlink(tmpjpg);
		upload_discard(u);
		*rc = 500;
		return "failed";
	}
	u->seconds = mi.seconds;
	log_info("upload: %s (%s %dx%d, %.1f s, %zu bytes)", u->video_name,
	    mi.codec, mi.width, mi.height, mi.seconds, f->valsz);
	return NULL;
}

/*
 * The typed text of the form as a body, or NULL with *why (and *line).
 * A video lesson may have no text.
 */
static const char *
form_body(struct req *r, int video, const char **why, size_t *line)
{
	const struct fval	*t = &r->fields[FIELD_TEXT];
	const char		*body;

	*line = 0;
	*why = NULL;
	if (!t->present || t->sz == 0 || strspn(t->s, " \t\r\n") == t->sz) {
		if (video)
			return "<body/>";
		*why = "no-text";
		return NULL;
	}
	if (!t->valid) {
		*why = t->sz > LESSON_TEXT_MAX ? "long-text" : "bad-text";
		return NULL;
	}
	if ((body = lesson_body_from_text(r->pool, t->s, line)) == NULL)
		*why = *line > 0 ? "bad-line" : "no-text";
	return body;
}

/* Why the title cannot be taken, or NULL. */
static const char *
title_refused(const struct fval *t)
{
	if (!t->present || t->sz == 0 || strspn(t->s, " \t") == t->sz)
		return "no-title";
	if (!t->valid || strpbrk(t->s, "\r\n\t") != NULL ||
	    utf8_chars(t->s, t->sz) > LESSON_TITLE_MAX)
		return "bad-title";
	return NULL;
}

/*
 * A text lesson's seconds: the minutes typed, or the reading time of
 * its text; -1 when the minutes are out of range.
 */
static long long
text_seconds(struct req *r, const char *body)
{
	const struct fval	*m = &r->fields[FIELD_MINUTES];
	size_t			 chars;

	if (m->present && m->sz > 0) {
		if (!m->valid || m->i < 1 || m->i > LESSON_MINUTES_MAX)
			return -1;
		return 60 * m->i;
	}
	chars = lesson_text_chars(body);
	return 60 * (long long)((chars + COURSE_READ_RATE - 1) /
	    COURSE_READ_RATE + (chars == 0));
}

/* The video part of the form, or NULL when none was chosen. */
static const struct param *
form_video(struct req *r)
{
	const struct param	*f = params_get(&r->bparams, "video");

	return f != NULL && f->filename != NULL && f->valsz > 0 ? f : NULL;
}

/* POST /admin/courses/:id/lessons: a lesson, last in its course. */
static int
admin_lesson_add(struct req *r)
{
	const struct fval	*kind = &r->fields[FIELD_KIND];
	const struct param	*f;
	struct upload		 u;
	struct dbres		*c;
	unsigned long long	 id;
	const char		*why, *body, *k;
	char			 ref[24];
	long long		 secs;
	size_t			 line;
	enum dberr		 e;
	int			 rc, video;

	if (!admin_district(r))
		return 403;
	if ((c = row_of_path(r, STMT_COURSE_GET, &rc)) == NULL)
		return rc;
	if (!kind->valid)
		return 400;
	k = kind->s;
	video = strcmp(k, "video") == 0;
	if ((why = title_refused(&r->fields[FIELD_TITLE])) != NULL ||
	    (body = form_body(r, video, &why, &line)) == NULL)
		return lesson_page(r, c, NULL, k, why, line);
	if (!video && (secs = text_seconds(r, body)) == -1)
		return lesson_page(r, c, NULL, k, "bad-minutes", 0);
	memset(&u, 0, sizeof(u));
	if (video) {
		if ((f = form_video(r)) == NULL)
			return lesson_page(r, c, NULL, k, "no-video", 0);
		if ((why = upload_take(r, f, &u, &rc)) != NULL)
			return rc != 0 ? rc : lesson_page(r, c, NULL, k, why, 0);
		secs = (long long)ceil(u.seconds);
	}
	strcpy(ref, "l-");
	random_name(ref + 2, sizeof(ref) - 2);
	if ((e = db_begin()) != DB_OK) {
		upload_discard(&u);
		return db_status(e);
	}
	e = db_exec(&lessons_sql[STMT_LESSON_INSERT], &id, "issssssiii",
	    db_ll(c, 0, 0), ref, r->fields[FIELD_TITLE].s, k, body,
	    u.video_name, u.poster_name, secs, r->sess.admin_id,
	    db_ll(c, 0, 0));
	if (e == DB_OK)
		e = audit_write(r, "lesson-add", pool_printf(r->pool,
		    "lesson %llu", id), pool_printf(r->pool, "%s: %s%s%s",
		    DBRES(c, 0, 2), r->fields[FIELD_TITLE].s, video ? " · " :
		    "", video ? u.video_name : ""));
	if ((e = db_end(e)) != DB_OK) {
		upload_discard(&u);
		return db_status(e);
	}
	return resp_redirect(r, pool_printf(r->pool, "/admin/courses/%s#lesson-"
	    "%llu", DBRES(c, 0, 0), id), "saved");
}

/* GET /admin/lessons/:id */
static int
admin_lesson(struct req *r)
{
	struct dbres	*l;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((l = row_of_path(r, STMT_LESSON_GET, &rc)) == NULL)
		return rc;
	return lesson_page(r, NULL, l, NULL, NULL, 0);
}

/*
 * Remove the files of a video lesson's old video and poster when no
 * lesson uses them any more (after the commit that replaced them). Only
 * names of uploads: the shipped sample media stays.
 */
static void
media_forget(struct req *r, const char *video, const char *poster)
{
	const char	*name[2] = { video, poster };
	struct dbres	*res;
	size_t		 i;

	if (r->conf->media_dir == NULL)
		return;
	for (i = 0; i < 2; i++) {
		if (name[i] == NULL || strspn(name[i], "0123456789abcdef") !=
		    16 || name[i][16] != '.')
			continue;
		if (db_query(r->pool, &lessons_sql[STMT_MEDIA_USERS], &res,
		    "ss", name[i], name[i]) != DB_OK || db_ll(res, 0, 0) != 0)
			continue;
		unlink(pool_printf(r->pool, "%s/%s", r->conf->media_dir,
		    name[i]));
	}
}

/* POST /admin/lessons/:id: a new video replaces the old one. */
static int
admin_lesson_save(struct req *r)
{
	const struct param	*f;
	struct upload		 u;
	struct dbres		*l;
	const char		*why, *body, *k, *video, *poster;
	long long		 secs;
	size_t			 line;
	enum dberr		 e;
	int			 rc, isvideo;

	if (!admin_district(r))
		return 403;
	if ((l = row_of_path(r, STMT_LESSON_GET, &rc)) == NULL)
		return rc;
	k = DBRES(l, 0, LC_KIND);
	isvideo = strcmp(k, "video") == 0;
	if ((why = title_refused(&r->fields[FIELD_TITLE])) != NULL ||
	    (body = form_body(r, isvideo, &why, &line)) == NULL)
		return lesson_page(r, NULL, l, NULL, why, line);
	secs = db_ll(l, 0, LC_SECONDS);
	if (!isvideo && (secs = text_seconds(r, body)) == -1)
		return lesson_page(r, NULL, l, NULL, "bad-minutes", 0);
	video = DBRES(l, 0, LC_VIDEO);
	poster = DBRES(l, 0, LC_POSTER);
	memset(&u, 0, sizeof(u));
	if (isvideo && (f = form_video(r)) != NULL) {
		if ((why = upload_take(r, f, &u, &rc)) != NULL)
			return rc != 0 ? rc : lesson_page(r, NULL, l, NULL, why,
			    0);
		video = u.video_name;
		poster = u.poster_name;
		secs = (long long)ceil(u.seconds);
	}
	if ((e = db_begin()) != DB_OK) {
		upload_discard(&u);
		return db_status(e);
	}
	e = db_exec(&lessons_sql[STMT_LESSON_UPDATE], NULL, "ssssiii",
	    r->fields[FIELD_TITLE].s, body, video, poster, secs,
	    r->sess.admin_id, db_ll(l, 0, LC_ID));
	if (e == DB_OK)
		e = audit_write(r, "lesson-save", pool_printf(r->pool,
		    "lesson %s", DBRES(l, 0, LC_ID)), pool_printf(r->pool,
		    "%s → %s%s%s", DBRES(l, 0, LC_TITLE),
		    r->fields[FIELD_TITLE].s, u.video_name ? " · " : "",
		    u.video_name ? u.video_name : ""));
	if ((e = db_end(e)) != DB_OK) {
		upload_discard(&u);
		return db_status(e);
	}
	if (u.video_name != NULL)
		media_forget(r, DBRES(l, 0, LC_VIDEO), DBRES(l, 0, LC_POSTER));
	return resp_redirect(r, pool_printf(r->pool, "/admin/lessons/%s",
	    DBRES(l, 0, LC_ID)), "saved");
}

/* POST /admin/lessons/:id/move: up or down its course. */
static int
admin_lesson_move(struct req *r)
{
	struct dbres	*l;
	enum dberr	 e;
	int		 rc;

	if (!admin_district(r))
		return 403;
	if ((l = row_of_path(r, STMT_LESSON_GET, &rc)) == NULL)
		return rc;
	if (!r->fields[FIELD_DIR].valid)
		return 400;
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = admin_move(r, &lessons_sql[STMT_LESSON_ORDER],
	    &lessons_sql[STMT_LESSON_SORT], db_ll(l, 0, LC_COURSE),
	    db_ll(l, 0, LC_ID), r->fields[FIELD_DIR].s[0] == 'u' ? -1 : 1);
	if (e == DB_OK)
		e = audit_write(r, "lesson-move", pool_printf(r->pool,
		    "lesson %s", DBRES(l, 0, LC_ID)), r->fields[FIELD_DIR].s);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, pool_printf(r->pool, "/admin/courses/%s#lesson-"
	    "%s", DBRES(l, 0, LC_COURSE), DBRES(l, 0, LC_ID)), "saved");
}

/*
 * POST /admin/lessons/:id/delete: only a lesson nobody has opened (what
 * people studied stays on record), and not the last of a published
 * course.
 */
static int
admin_lesson_delete(struct req *r)
{
	struct dbres	*l;
	enum dberr	 e;
	int		 rc, gone = 0;

	if (!admin_district(r))
		return 403;
	if ((l = row_of_path(r, STMT_LESSON_GET, &rc)) == NULL)
		return rc;
	if (db_ll(l, 0, LC_OPENED) > 0)
		return lesson_page(r, NULL, l, NULL, "opened", 0);
	if (db_ll(l, 0, LC_SIBLINGS) == 1 &&
	    strcmp(DBRES(l, 0, LC_COURSE_STATUS), "published") == 0)
		return lesson_page(r, NULL, l, NULL, "last", 0);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&lessons_sql[STMT_LESSON_DELETE], NULL, "ii",
	    db_ll(l, 0, LC_ID), db_ll(l, 0, LC_ID));
	if (e == DB_OK && db_affected() == 0)
		gone = 1;		/* opened meanwhile */
	if (e == DB_OK && !gone)
		e = audit_write(r, "lesson-delete", pool_printf(r->pool,
		    "lesson %s", DBRES(l, 0, LC_ID)), pool_printf(r->pool,
		    "%s: %s", DBRES(l, 0, LC_COURSE_TITLE),
		    DBRES(l, 0, LC_TITLE)));
	if (gone) {
		db_rollback();
		return lesson_page(r, NULL, l, NULL, "opened", 0);
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	media_forget(r, DBRES(l, 0, LC_VIDEO), DBRES(l, 0, LC_POSTER));
	return resp_redirect(r, pool_printf(r->pool, "/admin/courses/%s",
	    DBRES(l, 0, LC_COURSE)), "saved");
}
