/*
 * purge.c: `bluecode purge`, the retention periods of the configuration
 * (keep_*_days) applied: what is older is removed, in batches of a
 * thousand rows (short statements, no long lock), each kind until none
 * is left. Idempotent: a second run finds nothing. Run nightly by
 * contrib/systemd/bluecode-purge.timer; prints what it removed.
 *
 * What statistics need stays: an attempt nobody bound and that earned no
 * code loses its address and browser identity (it is then anonymous,
 * PIPL art. 4) but still counts; a report loses its contact, not what
 * was reported; a booking its contact, not its people.
 */
#include <stddef.h>
#include <stdio.h>

#include "core/app.h"
#include "privacy/privacy.h"

#define PURGE_BATCH	1000

enum purge_stmt {
	STMT_ATTEMPTS,
	STMT_HAZARD_CONTACTS,
	STMT_ADDITION_CONTACTS,
	STMT_VISIT_CONTACTS,
	STMT_TRAINING_CONTACTS,
	STMT_AID_DOCUMENTS,
	STMT_NOTICE_PHONES,
	STMT_AUDIT,
	STMT_ACCESS,
	STMT_CLAIMS,
	PURGE_STMT__MAX
};

static struct stmt purge_sql[PURGE_STMT__MAX] = {
	[STMT_ATTEMPTS] = { "PURGE_ATTEMPTS",
	  "UPDATE attempt a SET a.ip = '', a.browser = UNHEX(REPEAT('00', 32)) "
	  "WHERE a.person_id IS NULL AND a.ip <> '' AND a.started_at < NOW() - "
	  "INTERVAL ? DAY AND NOT EXISTS (SELECT 1 FROM code c WHERE "
	  "c.attempt_id = a.id) LIMIT 1000" },
	[STMT_HAZARD_CONTACTS] = { "PURGE_HAZARD_CONTACTS",
	  "UPDATE hazard SET contact_name = NULL, contact_phone_enc = NULL "
	  "WHERE status IN ('closed', 'rejected') AND updated_at < NOW() - "
	  "INTERVAL ? DAY AND (contact_name IS NOT NULL OR "
	  "contact_phone_enc IS NOT NULL) LIMIT 1000" },
	[STMT_ADDITION_CONTACTS] = { "PURGE_ADDITION_CONTACTS",
	  "UPDATE hazard_addition SET contact_phone_enc = NULL WHERE "
	  "contact_phone_enc IS NOT NULL AND hazard_id IN (SELECT id FROM "
	  "hazard WHERE status IN ('closed', 'rejected') AND updated_at < "
	  "NOW() - INTERVAL ? DAY) LIMIT 1000" },
	[STMT_VISIT_CONTACTS] = { "PURGE_VISIT_CONTACTS",
	  "UPDATE visit_booking SET name = '（已清除）', phone_enc = NULL, "
	  "phone_hash = NULL, organisation = NULL WHERE phone_enc IS NOT NULL "
	  "AND slot_id IN (SELECT id "
	  "FROM visit_slot WHERE starts_at < NOW() - INTERVAL ? DAY) "
	  "LIMIT 1000" },
	/* After the training, or after the request was ended without one. */
	[STMT_TRAINING_CONTACTS] = { "PURGE_TRAINING_CONTACTS",
	  "UPDATE training_booking SET name = '（已清除）', phone_enc = NULL, "
	  "phone_hash = NULL WHERE phone_enc IS NOT NULL AND "
	  "((status IN ('confirmed', 'done') AND starts_at < "
	  "NOW() - INTERVAL ? DAY) OR (status IN ('declined', 'cancelled') "
	  "AND COALESCE(changed_at, created_at) < NOW() - INTERVAL ? DAY)) "
	  "LIMIT 1000" },
	[STMT_AID_DOCUMENTS] = { "PURGE_AID_DOCUMENTS",
	  "DELETE FROM aid_document WHERE application_id IN (SELECT id FROM "
	  "aid_application WHERE status IN ('approved', 'rejected') AND "
	  "status_at < NOW() - INTERVAL ? DAY) LIMIT 1000" },
	[STMT_NOTICE_PHONES] = { "PURGE_NOTICE_PHONES",
	  "UPDATE notice SET phone_enc = NULL WHERE phone_enc IS NOT NULL AND "
	  "created_at < NOW() - INTERVAL ? DAY LIMIT 1000" },
	[STMT_AUDIT] = { "PURGE_AUDIT",
	  "DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL ? DAY "
	  "LIMIT 1000" },
	[STMT_ACCESS] = { "PURGE_ACCESS",
	  "DELETE FROM access_log WHERE created_at < NOW() - INTERVAL ? DAY "
	  "LIMIT 1000" },
	/* Rows of named locks (sql/032_claim.sql): a browser's identity. */
	[STMT_CLAIMS] = { "PURGE_CLAIMS",
	  "DELETE FROM db_claim WHERE used_at < NOW() - INTERVAL ? DAY "
	  "LIMIT 1000" },
};

/* Each kind: its statement, its period, what the report calls it. */
static const struct kind {
	enum purge_stmt	 stmt;
	size_t		 keep;		/* offset of the days in struct conf */
	const char	*what;
} kinds[] = {
	{ STMT_ATTEMPTS, offsetof(struct conf, keep_attempts),
	  "unbound attempts made anonymous" },
	{ STMT_HAZARD_CONTACTS, offsetof(struct conf, keep_hazard_contacts),
	  "hazard report contacts removed" },
	{ STMT_ADDITION_CONTACTS, offsetof(struct conf, keep_hazard_contacts),
	  "hazard addition numbers removed" },
	{ STMT_VISIT_CONTACTS, offsetof(struct conf, keep_bookings),
	  "visit booking contacts removed" },
	{ STMT_TRAINING_CONTACTS, offsetof(struct conf, keep_bookings),
	  "training request contacts removed" },
	{ STMT_AID_DOCUMENTS, offsetof(struct conf, keep_aid_documents),
	  "aid documents removed" },
	{ STMT_NOTICE_PHONES, offsetof(struct conf, keep_notices),
	  "notice numbers removed" },
	{ STMT_AUDIT, offsetof(struct conf, keep_logs),
	  "audit log entries removed" },
	{ STMT_ACCESS, offsetof(struct conf, keep_logs),
	  "access log entries removed" },
	{ STMT_CLAIMS, offsetof(struct conf, keep_attempts),
	  "lock rows removed" },
};

int
privacy_purge(const struct conf *c)
{
	unsigned long long	 n, total;
	long long		 days;
	enum dberr		 e = DB_OK;
	size_t			 k;

	db_configure(c);
	for (k = 0; k < NELEM(kinds) && e == DB_OK; k++) {
		days = *(const int *)((const char *)c + kinds[k].keep);
		total = 0;
		do {
			e = kinds[k].stmt == STMT_TRAINING_CONTACTS ?
			    db_exec(&purge_sql[kinds[k].stmt], NULL, "ii", days,
			    days) : db_exec(&purge_sql[kinds[k].stmt], NULL, "i",
			    days);
			n = e == DB_OK ? db_affected() : 0;
			total += n;
		} while (e == DB_OK && n == PURGE_BATCH);
		if (e == DB_OK)
			printf("%llu %s (older than %lld days)\n", total,
			    kinds[k].what, days);
	}
	db_close();
	if (e != DB_OK) {
		log_warnx("purge: stopped (database); run it again");
		return -1;
	}
	return 0;
}
