/*
 * notice.c: the one place a status change of a resident's request is
 * written and read. A feature calls notice_add in the transaction that
 * changes the status, so the change and its notice land together; the
 * tracking page lists the object's notices (its history, with who made
 * each change), and the person's page lists the newest of theirs. A
 * sender of SMS or WeChat messages is a separate process that reads the
 * rows with sent_at NULL (sql/023_notice.sql, README).
 */
#include "core/app.h"
#include "shared/jurisdiction.h"
#include "shared/notice.h"
#include "shared/secret.h"

#define NOTICE_MESSAGE_MAX	500	/* characters, as the column */
#define NOTICE_PERSON_MAX	30	/* on the person's page */

enum notice_stmt {
	STMT_NOTICE_INSERT,
	STMT_NOTICE_OBJECT,
	STMT_NOTICE_PERSON,
	NOTICE_STMT__MAX
};

static struct stmt notice_sql[NOTICE_STMT__MAX] = {
	[STMT_NOTICE_INSERT] = { "NOTICE_INSERT",
	  "INSERT INTO notice (jurisdiction_id, kind, object_id, ref, "
	  "person_id, phone_enc, status, message, admin_id) "
	  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_NOTICE_OBJECT] = { "NOTICE_OBJECT",
	  "SELECT n.status, n.message, n.created_at, a.name FROM notice n "
	  "LEFT JOIN admin a ON a.id = n.admin_id WHERE n.kind = ? AND "
	  "n.object_id = ? ORDER BY n.id" },
	[STMT_NOTICE_PERSON] = { "NOTICE_PERSON",
	  "SELECT kind, ref, status, message, created_at FROM notice WHERE "
	  "person_id = ? AND jurisdiction_id = ? ORDER BY id DESC LIMIT 30" },
};

/*
 * Record a status change, in the caller's transaction: the admin who
 * made it is the session's (none when the resident did). A message is
 * cut to the column rather than refused.
 */
enum dberr
notice_add(struct req *r, const struct notice *n)
{
	const struct jurisdiction	*j;
	struct sealed			 ph;
	enum dberr			 e;

	if ((j = jur_get(r, &e)) == NULL)
		return e;
	ph = secret_seal_str(r->pool, SC_NOTICE_PHONE, n->phone);
	return db_exec(&notice_sql[STMT_NOTICE_INSERT], NULL, "isisnbssn",
	    j->id, n->kind, n->object, n->ref, n->person, ph.p, ph.n,
	    n->status, n->message == NULL ? NULL : utf8_cut(r->pool,
	    n->message, NOTICE_MESSAGE_MAX), (long long)r->sess.admin_id);
}

/*
 * <notices><notice status= message= at= by=/>…</notices> under parent:
 * an object's history, oldest first; by, the admin's name, only when
 * who is set (admin pages). 0, or an HTTP status.
 */
int
notice_list_xml(struct req *r, xmlNodePtr parent, const char *kind,
    long long object, int who)
{
	struct dbres	*res;
	xmlNodePtr	 list;
	enum dberr	 e;
	size_t		 i;

	if ((e = db_query(r->pool, &notice_sql[STMT_NOTICE_OBJECT], &res,
	    "si", kind, object)) != DB_OK)
		return db_status(e);
	list = xml_add(parent, "notices", NULL);
	xml_prop(list, "kind", kind);
	for (i = 0; i < res->nrows; i++)
		xml_row(xml_add(list, "notice", NULL), res, i,
		    who ? "status message at by" : "status message at");
	return 0;
}

/*
 * <my-notices><notice kind= ref= status= message= at=/>…</my-notices>:
 * the newest changes of a signed-in person's requests. 0, or a status.
 */
int
notice_person_xml(struct req *r, xmlNodePtr parent, long long person)
{
	const struct jurisdiction	*j;
	struct dbres			*res;
	xmlNodePtr			 list;
	enum dberr			 e;
	size_t				 i;

	if ((j = jur_get(r, &e)) == NULL ||
	    (e = db_query(r->pool, &notice_sql[STMT_NOTICE_PERSON], &res,
	    "ii", person, j->id)) != DB_OK)
		return db_status(e);
	list = xml_add(parent, "my-notices", NULL);
	for (i = 0; i < res->nrows && i < NOTICE_PERSON_MAX; i++)
		xml_row(xml_add(list, "notice", NULL), res, i,
		    "kind ref status message at");
	return 0;
}
