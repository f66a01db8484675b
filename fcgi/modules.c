/*
 * modules.c: every module the program serves, in the order their routes
 * are matched: the plumbing's own, the shared services that hook into
 * every page, then the features. A new feature is its room (fcgi/NAME/),
 * its stylesheets, its migration, its tests, and one line here.
 */
#include <stddef.h>

#include "core/app.h"

/* One line a module: M(name) for the struct module name_module. */
#define MODULES \
	M(core)			/* core/core.c */		\
	M(jurisdiction)		/* shared/jurisdiction.c */	\
	M(secret)		/* shared/secret.c */		\
	M(display)		/* shared/display.c */		\
	M(home)			/* home/home.c */		\
	M(quiz)			/* quiz/quiz.c */		\
	M(code)			/* code/code.c */		\
	M(my)			/* my/my.c */			\
	M(account)		/* account/account.c */		\
	M(privacy)		/* privacy/privacy.c */		\
	M(unit)			/* unit/unit.c */		\
	M(points)		/* points/points.c */		\
	M(practice)		/* practice/practice.c */	\
	M(course)		/* course/course.c */		\
	M(visit)		/* visit/visit.c */		\
	M(hazard)		/* hazard/hazard.c */		\
	M(aid)			/* aid/aid.c */			\
	M(training)		/* training/training.c */	\
	M(admin)		/* admin/admin.c */		\
	M(admin_codes)		/* admin/codes.c */		\
	M(admin_banks)		/* admin/banks.c */		\
	M(admin_questions)	/* admin/questions.c */		\
	M(admin_settings)	/* admin/settings.c */		\
	M(admin_departments)	/* admin/departments.c */	\
	M(admin_units)		/* admin/units.c */		\
	M(admin_people)		/* admin/people.c */		\
	M(admin_points)		/* admin/points.c */		\
	M(admin_courses)	/* admin/courses.c */		\
	M(admin_lessons)	/* admin/lessons.c */		\
	M(admin_admins)		/* admin/admins.c */		\
	M(admin_audit)		/* admin/audit.c */		\
	M(admin_visits)		/* admin/visits.c */		\
	M(admin_hazards)	/* admin/hazards.c */		\
	M(admin_access)		/* admin/access.c */		\
	M(admin_aid)		/* admin/aid.c */		\
	M(admin_trainers)	/* admin/trainers.c */		\
	M(admin_training)	/* admin/training.c */		\
	M(stats)		/* stats/stats.c */		\
	M(bulletin)		/* stats/bulletin.c */

#define M(name)	extern const struct module name##_module;
MODULES
#undef M

#define M(name)	&name##_module,
const struct module *const modules[] = {
	MODULES
	NULL
};
#undef M
