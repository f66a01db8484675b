/*
 * import.c: bluecode course-import FILE: a course file (sql/course/
 * courses.rng) checked against its schema, then loaded in one
 * transaction: a course or lesson already loaded (by its ref) is
 * updated, never doubled, so the set-up runs it every time; but what an
 * admin has edited (edited_at) keeps the admin's words, and the order
 * of what is already loaded is the admin's (the file's order is taken
 * for new courses and lessons only). A lesson's kind never changes. A lesson's
 * text is kept as the XML fragment <body>…</body> the lesson page shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "core/app.h"
#include "course/course.h"

enum import_stmt {
	STMT_COURSE_UPSERT,
	STMT_COURSE_ID,
	STMT_LESSON_UPSERT,
	IMPORT_STMT__MAX
};

static struct stmt import_sql[IMPORT_STMT__MAX] = {
	[STMT_COURSE_UPSERT] = { "COURSE_UPSERT",
	  "INSERT INTO course (ref, title, summary, roles, sort) "
	  "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	  "title = IF(edited_at IS NULL, VALUES(title), title), "
	  "summary = IF(edited_at IS NULL, VALUES(summary), summary), "
	  "roles = IF(edited_at IS NULL, VALUES(roles), roles)" },
	[STMT_COURSE_ID] = { "COURSE_ID",
	  "SELECT id FROM course WHERE ref = ?" },
	[STMT_LESSON_UPSERT] = { "LESSON_UPSERT",
	  "INSERT INTO lesson (course_id, ref, title, kind, body, video, "
	  "poster, seconds, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
	  "ON DUPLICATE KEY UPDATE "
	  "title = IF(edited_at IS NULL, VALUES(title), title), "
	  "body = IF(edited_at IS NULL, VALUES(body), body), "
	  "video = IF(edited_at IS NULL, VALUES(video), video), "
	  "poster = IF(edited_at IS NULL, VALUES(poster), poster), "
	  "seconds = IF(edited_at IS NULL, VALUES(seconds), seconds)" },
};

/* An attribute into the pool (NULL when absent). */
static char *
prop(struct pool *p, xmlNodePtr n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetProp(n, BAD_CAST name)) == NULL)
		return NULL;
	s = pool_strdup(p, (char *)v);
	xmlFree(v);
	return s;
}

/* "citizen  student" (the file's list) as "citizen,student" (a SET). */
static char *
set_of(struct pool *p, const char *list)
{
	char	*out, *o;

	if (list == NULL || (out = o = pool_alloc(p, strlen(list) + 1)) ==
	    NULL)
		return NULL;
	for (; *list != '\0'; list++) {
		if (*list == ' ' || *list == '\t' || *list == '\n' ||
		    *list == '\r') {
			if (o > out && o[-1] != ',')
				*o++ = ',';
			continue;
		}
		*o++ = *list;
	}
	if (o > out && o[-1] == ',')
		o--;
	*o = '\0';
	return out;
}

/* The lesson's blocks as <body>…</body>, in the pool. */
static char *
lesson_body(struct pool *p, xmlNodePtr lesson)
{
	xmlDocPtr	 d;
	xmlNodePtr	 body, c;
	xmlBufferPtr	 buf;
	char		*s = NULL;

	if ((d = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return NULL;
	body = xmlNewDocNode(d, NULL, BAD_CAST "body", NULL);
	xmlDocSetRootElement(d, body);
	for (c = lesson->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			xmlAddChild(body, xmlDocCopyNode(c, d, 1));
	if ((buf = xmlBufferCreate()) != NULL) {
		if (xmlNodeDump(buf, d, body, 0, 0) > 0)
			s = pool_strdup(p, (const char *)xmlBufferContent(buf));
		xmlBufferFree(buf);
	}
	xmlFreeDoc(d);
	return s;
}

/* Whether doc follows the schema rng; problems go to the log. */
static int
course_valid(xmlDocPtr doc, const char *rng)
{
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGValidCtxtPtr	 vc;
	xmlRelaxNGPtr		 schema;
	int			 ok = 0;

	if ((pc = xmlRelaxNGNewParserCtxt(rng)) == NULL)
		return 0;
	if ((schema = xmlRelaxNGParse(pc)) != NULL) {
		if ((vc = xmlRelaxNGNewValidCtxt(schema)) != NULL) {
			ok = xmlRelaxNGValidateDoc(vc, doc) == 0;
			xmlRelaxNGFreeValidCtxt(vc);
		}
		xmlRelaxNGFree(schema);
	}
	xmlRelaxNGFreeParserCtxt(pc);
	return ok;
}

/* Load the courses of doc, in the caller's transaction. */
static enum dberr
course_store(struct pool *p, xmlNodePtr root)
{
	struct dbres	*res;
	xmlNodePtr	 c, l;
	const char	*kind, *minutes, *seconds, *body;
	long long	 id, secs, csort = 0, lsort;
	enum dberr	 e;

	for (c = root->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((e = db_exec(&import_sql[STMT_COURSE_UPSERT], NULL, "ssssi",
		    prop(p, c, "ref"), prop(p, c, "title"),
		    prop(p, c, "summary"), set_of(p, prop(p, c, "roles")),
		    ++csort)) !=
		    DB_OK ||
		    (e = db_query(p, &import_sql[STMT_COURSE_ID], &res, "s",
		    prop(p, c, "ref"))) != DB_OK)
			return e;
		id = db_ll(res, 0, 0);
		for (l = c->children, lsort = 0; l != NULL; l = l->next) {
			if (l->type != XML_ELEMENT_NODE)
				continue;
			kind = prop(p, l, "kind");
			kind = kind != NULL ? kind : "text";
			minutes = prop(p, l, "minutes");
			seconds = prop(p, l, "seconds");
			secs = seconds != NULL ? atoll(seconds) :
			    60 * atoll(minutes != NULL ? minutes : "1");
			if ((body = lesson_body(p, l)) == NULL)
				return DB_ERROR;
			if ((e = db_exec(&import_sql[STMT_LESSON_UPSERT], NULL,
			    "issssssii", id, prop(p, l, "ref"),
			    prop(p, l, "title"), kind, body,
			    prop(p, l, "video"), prop(p, l, "poster"), secs,
			    ++lsort)) != DB_OK)
				return e;
		}
	}
	return DB_OK;
}

int
course_import_file(const struct conf *c, const char *file)
{
	struct pool	*p;
	xmlDocPtr	 doc;
	char		 rng[1024];
	enum dberr	 e;
	int		 rc = -1;

	if ((doc = xmlReadFile(file, NULL, XML_PARSE_NONET)) == NULL) {
		log_warnx("course-import: %s: not a readable XML file", file);
		return -1;
	}
	snprintf(rng, sizeof(rng), "%s/course/courses.rng", c->sql_dir);
	if (doc->intSubset != NULL || !course_valid(doc, rng)) {
		log_warnx("course-import: %s does not follow %s", file, rng);
		xmlFreeDoc(doc);
		return -1;
	}
	if ((p = pool_new(64 * 1024)) == NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	db_configure(c);
	if ((e = db_begin()) == DB_OK) {
		if ((e = course_store(p, xmlDocGetRootElement(doc))) == DB_OK &&
		    (e = db_commit()) == DB_OK)
			rc = 0;
		else
			db_rollback();
	}
	if (rc == 0)
		printf("courses of %s loaded\n", file);
	else
		log_warnx("course-import: %s: not loaded (database)", file);
	db_close();
	pool_free(p);
	xmlFreeDoc(doc);
	return rc;
}
