/*
 * trainers.c: what training bookings (admin/training.c) rest on, kept
 * by district admins: the jurisdiction's trainers (added; retired ones
 * stay for the trainings they gave and are offered no more) and the
 * table of working days: holidays on weekdays and make-up working days
 * (调休) on weekends, entered each year from the State Council's
 * schedule, by which the 5 working days of an answer are counted
 * (shared/workday.c). Each change and its audit entry are one
 * transaction.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"
#include "shared/scope.h"
#include "shared/workday.h"

#define TRAINER_NAME_MAX	32	/* characters */
#define DAY_NAME_MAX		32

static int	 training_setup(struct req *);
static int	 trainer_add(struct req *);
static int	 trainer_retire(struct req *);
static int	 training_day_save(struct req *);
static int	 training_day_delete(struct req *);

/* Matched before admin/training.c's "/admin/training/:id" (modules.c). */
static const struct route trainers_routes[] = {
	/* ADMIN_TRAINING_SETUP: trainers and working days */
	{ METHOD_GET, "/admin/training/setup", training_setup, RF_ADMIN },
	/* ADMIN_TRAINER_ADD */
	{ METHOD_POST, "/admin/training/trainers", trainer_add, RF_ADMIN },
	/* ADMIN_TRAINER_RETIRE */
	{ METHOD_POST, "/admin/training/trainers/:id/retire", trainer_retire,
	  RF_ADMIN },
	/* ADMIN_WORKDAY_SAVE: a holiday or a make-up working day */
	{ METHOD_POST, "/admin/training/days", training_day_save, RF_ADMIN },
	/* ADMIN_WORKDAY_DELETE */
	{ METHOD_POST, "/admin/training/days/delete", training_day_delete,
	  RF_ADMIN },
};

enum trainers_field {
	FIELD_NAME,
	FIELD_PHONE,
	FIELD_DAY,
	FIELD_WORKING,
	TRAINERS_FIELD__MAX
};

static const struct field trainers_fields[TRAINERS_FIELD__MAX] = {
	{ "name", valid_line, 4 * TRAINER_NAME_MAX, 0 },	/* FIELD_NAME */
	{ "phone", valid_phone, 11, 0 },	/* FIELD_PHONE: a trainer's */
	{ "day", valid_date, 10, 0 },		/* FIELD_DAY: YYYY-MM-DD */
	{ "working", valid_count, 1, 0 },	/* FIELD_WORKING: 0 or 1 */
};

enum trainers_sheet {
	SHEET_SETUP,
	TRAINERS_SHEET__MAX
};

static struct sheet trainers_sheets[TRAINERS_SHEET__MAX] = {
	{ "admin-training-setup.xsl", 1, { NULL } },	/* SHEET_SETUP */
};

enum trainers_stmt {
	STMT_TRAINERS,
	STMT_TRAINER_INSERT,
	STMT_TRAINER_RETIRE,
	STMT_DAYS,
	STMT_DAY_SAVE,
	STMT_DAY_DELETE,
	TRAINERS_STMT__MAX
};

static struct stmt trainers_sql[TRAINERS_STMT__MAX] = {
	[STMT_TRAINERS] = { "ADMIN_TRAINERS",
	  "SELECT t.id, t.name, t.phone, t.retired, (SELECT COUNT(*) FROM "
	  "training_booking b WHERE b.trainer_id = t.id AND b.status = "
	  "'confirmed' AND b.starts_at >= NOW()) FROM trainer t "
	  "WHERE t.jurisdiction_id = ? ORDER BY t.retired, t.name" },
	[STMT_TRAINER_INSERT] = { "ADMIN_TRAINER_INSERT",
	  "INSERT INTO trainer (jurisdiction_id, name, phone) "
	  "VALUES (?, ?, ?)" },
	[STMT_TRAINER_RETIRE] = { "ADMIN_TRAINER_RETIRE",
	  "UPDATE trainer SET retired = 1 WHERE id = ? AND "
	  "jurisdiction_id = ? AND retired = 0" },
	[STMT_DAYS] = { "ADMIN_WORKDAYS",
	  "SELECT day, working, name FROM workday WHERE jurisdiction_id = ? "
	  "AND day >= CURDATE() - INTERVAL 1 YEAR ORDER BY day" },
	[STMT_DAY_SAVE] = { "ADMIN_WORKDAY_SAVE",
	  "INSERT INTO workday (jurisdiction_id, day, working, name) "
	  "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE working = "
	  "VALUES(working), name = VALUES(name)" },
	[STMT_DAY_DELETE] = { "ADMIN_WORKDAY_DELETE",
	  "DELETE FROM workday WHERE jurisdiction_id = ? AND day = ?" },
};

const struct module admin_trainers_module = {
	.name = "admin-trainers",
	.routes = trainers_routes,
	.nroutes = NELEM(trainers_routes),
	.fields = trainers_fields,
	.nfields = TRAINERS_FIELD__MAX,
	.sheets = trainers_sheets,
	.nsheets = TRAINERS_SHEET__MAX,
};

/* The trainers, with their confirmed trainings to come; 0 or a status. */
static int
trainers_xml(struct req *r, xmlNodePtr into)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlNodePtr			 n;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &trainers_sql[STMT_TRAINERS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	n = xml_add(into, "trainers", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "trainer", NULL), res, i,
		    "id name phone retired coming");
	return 0;
}

/* The trainers and the working days, with why a form was refused. */
static int
setup_page(struct req *r, const char *error, int status)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, n;
	enum dberr			 e;
	size_t				 i;
	int				 rc;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &trainers_sql[STMT_DAYS], &res, "i",
	    j->id)) != DB_OK)
		return db_status(e);
	if ((doc = xml_page(r, "admin-training-setup")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = trainers_xml(r, root)) != 0)
		return rc;
	n = xml_add(root, "workdays", NULL);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(n, "workday", NULL), res, i,
		    "day working name");
	if (error != NULL) {
		xml_prop(xml_add(root, "error", NULL), "code", error);
		r->status = status;
	}
	return page_finish(r, &trainers_sheets[SHEET_SETUP], doc);
}

/* GET /admin/training/setup */
static int
training_setup(struct req *r)
{
	if (!admin_district(r))
		return 403;
	return setup_page(r, NULL, 0);
}

/* POST /admin/training/trainers: a name, and a mobile number or none. */
static int
trainer_add(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*n = &r->fields[FIELD_NAME];
	const struct fval		*ph = &r->fields[FIELD_PHONE];
	unsigned long long		 id;
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if (!n->valid || strspn(n->s, " ") == n->sz ||
	    strpbrk(n->s, "\r\n\t") != NULL ||
	    utf8_chars(n->s, n->sz) > TRAINER_NAME_MAX ||
	    (ph->present && ph->sz > 0 && !ph->valid))
		return setup_page(r, "bad-trainer", 400);
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&trainers_sql[STMT_TRAINER_INSERT], &id, "iss",
	    j->id, n->s, ph->valid ? ph->s : NULL);
	if (e == DB_OK)
		e = audit_write(r, "trainer-add", pool_printf(r->pool,
		    "trainer %llu", id), n->s);
	if (e == DB_DUP) {
		db_rollback();
		return setup_page(r, "taken", 409);
	}
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/training/setup", "saved");
}

/* POST /admin/training/trainers/:id/retire: no longer offered. */
static int
trainer_retire(struct req *r)
{
	const struct jurisdiction	*j;
	long long			 id;
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if ((id = path_id(r->args[0])) == 0)
		return 404;
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&trainers_sql[STMT_TRAINER_RETIRE], NULL, "ii", id,
	    j->id);
	if (e == DB_OK && db_affected() == 0) {
		db_rollback();
		return 404;
	}
	if (e == DB_OK)
		e = audit_write(r, "trainer-retire", pool_printf(r->pool,
		    "trainer %lld", id), NULL);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/training/setup", "saved");
}

/*
 * POST /admin/training/days: a day that is a holiday (working=0) or a
 * make-up working day (working=1), with its name; again, it is changed.
 */
static int
training_day_save(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*f = r->fields;
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if (!f[FIELD_DAY].valid || day_number(f[FIELD_DAY].s) < 0 ||
	    !f[FIELD_WORKING].valid || f[FIELD_WORKING].i > 1 ||
	    !f[FIELD_NAME].valid || strspn(f[FIELD_NAME].s, " ") ==
	    f[FIELD_NAME].sz || strpbrk(f[FIELD_NAME].s, "\r\n\t") != NULL ||
	    utf8_chars(f[FIELD_NAME].s, f[FIELD_NAME].sz) > DAY_NAME_MAX)
		return setup_page(r, "bad-day", 400);
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&trainers_sql[STMT_DAY_SAVE], NULL, "isis", j->id,
	    f[FIELD_DAY].s, f[FIELD_WORKING].i, f[FIELD_NAME].s);
	if (e == DB_OK)
		e = audit_write(r, "workday-save", pool_printf(r->pool,
		    "day %s", f[FIELD_DAY].s), pool_printf(r->pool, "%s %s",
		    f[FIELD_WORKING].i ? "working" : "holiday",
		    f[FIELD_NAME].s));
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/training/setup", "saved");
}

/* POST /admin/training/days/delete: the day is its weekday's again. */
static int
training_day_delete(struct req *r)
{
	const struct jurisdiction	*j;
	const struct fval		*d = &r->fields[FIELD_DAY];
	enum dberr			 e;

	if (!admin_district(r))
		return 403;
	if (!d->valid)
		return setup_page(r, "bad-day", 400);
	if ((j = jur_get(r, &e)) == NULL || (e = db_begin()) != DB_OK)
		return db_status(e);
	e = db_exec(&trainers_sql[STMT_DAY_DELETE], NULL, "is", j->id,
	    d->s);
	if (e == DB_OK && db_affected() == 0) {
		db_rollback();
		return 404;
	}
	if (e == DB_OK)
		e = audit_write(r, "workday-delete", pool_printf(r->pool,
		    "day %s", d->s), NULL);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	return resp_redirect(r, "/admin/training/setup", "saved");
}
