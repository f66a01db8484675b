/*
 * hazard.h: hazard reports (隐患曝光), what the admin room uses of the
 * hazard room: the categories and the photos of a form.
 */
#ifndef HAZARD_H
#define HAZARD_H

#define HAZARD_TEXT_MAX		1000	/* characters, as the columns */
#define HAZARD_ADDRESS_MAX	200
#define HAZARD_PHOTOS_MAX	3	/* a report's, and an addition's */

int		 hazard_valid_category(struct fval *);

#endif /* HAZARD_H */
