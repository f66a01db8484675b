/*
 * access.c: what an admin is shown of residents' personal data beyond
 * the masked form is shown by an explicit "show" action with a reason,
 * and that action writes here first: who (the session's admin), whose
 * (a person, a report, a booking, an application, and its number), which
 * field, why, from where. A page that cannot write the entry does not
 * show the data.
 */
#include <string.h>

#include "core/app.h"
#include "shared/access.h"
#include "shared/jurisdiction.h"

enum access_stmt {
	STMT_ACCESS_INSERT,
	ACCESS_STMT__MAX
};

static struct stmt access_sql[ACCESS_STMT__MAX] = {
	[STMT_ACCESS_INSERT] = { "ACCESS_INSERT",
	  "INSERT INTO access_log (jurisdiction_id, admin_id, subject, "
	  "subject_id, subject_ref, field, reason, ip) "
	  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
};

/* A reason as a field validator: one line of text. */
int
access_valid_reason(struct fval *f)
{
	return f->sz > 0 && strpbrk(f->s, "\r\n\t") == NULL &&
	    utf8_chars(f->s, f->sz) <= ACCESS_REASON_MAX &&
	    strspn(f->s, " ") < f->sz;
}

/* Whether a reason was given, and is one. */
int
access_reason_ok(const struct fval *f)
{
	return f->present && f->valid;
}

/*
 * Record that the session's admin is shown field of subject (kind, id,
 * its number or NULL) for reason. The caller shows the data only when
 * this returned DB_OK.
 */
enum dberr
access_write(struct req *r, const char *subject, long long id,
    const char *ref, const char *field, const char *reason)
{
	const struct jurisdiction	*j;
	enum dberr			 e;

	if (r->sess.admin_id == 0)
		return DB_ERROR;
	if ((j = jur_get(r, &e)) == NULL)
		return e;
	return db_exec(&access_sql[STMT_ACCESS_INSERT], NULL, "iisissss",
	    j->id, (long long)r->sess.admin_id, subject, id, ref, field,
	    reason, r->remote_addr);
}
