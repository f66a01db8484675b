/* course.h: the course room: courses and lessons (course.c, import.c). */
#ifndef COURSE_H
#define COURSE_H

/* import.c: bluecode course-import. */
int		 course_import_file(const struct conf *, const char *);

#endif /* COURSE_H */
