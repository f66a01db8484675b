/*
 * course.h: the course room: courses and lessons (course.c, import.c),
 * and the lesson text an admin types (markup.c).
 */
#ifndef COURSE_H
#define COURSE_H

#define COURSE_READ_RATE	300	/* characters a minute, for a text */

/* import.c: bluecode course-import. */
int		 course_import_file(const struct conf *, const char *);

/*
 * markup.c: a lesson's text typed with line marks as <body>…</body> in
 * the pool; NULL when it cannot be, with the first bad line in *line
 * (0: out of memory, or no text at all when the text was empty). And
 * back, for the editor; and the characters of a body's text.
 */
char		*lesson_body_from_text(struct pool *, const char *, size_t *);
char		*lesson_text_from_body(struct pool *, const char *);
size_t		 lesson_text_chars(const char *);
int		 lesson_body_xml(xmlNodePtr, const char *);

#endif /* COURSE_H */
