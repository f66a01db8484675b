/*
 * quiz.h: the quiz room: taking a role's quiz, from the location step to
 * the review, and what other rooms ask of it.
 */
#ifndef QUIZ_H
#define QUIZ_H

#define QUIZ_MAXQ	50	/* questions in one attempt, at most */

/* quiz.c: for other rooms. */
int		 quiz_role_xml(struct req *, xmlNodePtr);
int		 quiz_open_xml(struct req *, xmlNodePtr);

#endif /* QUIZ_H */
