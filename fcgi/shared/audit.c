/*
 * audit.c: the audit log every admin action writes to: who did what to
 * what, when and from where, in the site's jurisdiction.
 */
#include "core/app.h"
#include "shared/audit.h"
#include "shared/jurisdiction.h"

enum audit_stmt {
	STMT_AUDIT_INSERT,
	AUDIT_STMT__MAX
};

static struct stmt audit_sql[AUDIT_STMT__MAX] = {
	[STMT_AUDIT_INSERT] = { "AUDIT_INSERT",
	  "INSERT INTO audit_log (jurisdiction_id, admin_id, action, object, "
	  "detail, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, NOW())" },
};

/* The sizes of audit_log's text columns, in characters. */
#define AUDIT_OBJECT_MAX	128
#define AUDIT_DETAIL_MAX	512

/*
 * Append to the audit log, in the caller's transaction if there is one:
 * the site's jurisdiction, the admin (none for a failed sign-in), what
 * was done to what, and the address. Longer texts are cut to fit: an
 * action is never refused because its description is long.
 */
enum dberr
audit_write(struct req *r, const char *action, const char *object,
    const char *detail)
{
	const struct jurisdiction	*j;
	enum dberr			 e;

	if ((j = jur_get(r, &e)) == NULL)
		return e;
	return db_exec(&audit_sql[STMT_AUDIT_INSERT], NULL, "inssss", j->id,
	    (long long)r->sess.admin_id, action,
	    utf8_cut(r->pool, object, AUDIT_OBJECT_MAX),
	    utf8_cut(r->pool, detail, AUDIT_DETAIL_MAX), r->remote_addr);
}

/* audit_write on its own; a failure is logged, never shown. */
void
audit(struct req *r, const char *action, const char *object,
    const char *detail)
{
	if (audit_write(r, action, object, detail) != DB_OK)
		log_warnx("audit %s %s: not recorded", action,
		    object ? object : "-");
}
