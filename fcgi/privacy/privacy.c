/*
 * privacy.c: a person's rights over what the platform holds about them
 * (PIPL art. 44–47, GB/T 35273-2020 8.x), and the notice that says what
 * is held, why, for how long and who sees it (/privacy).
 *
 * A signed-in person sees everything held about them on one page
 * (/account/data): the account and profile, the unit, the codes, the
 * quiz attempts, the points, the lessons, hazard reports and additions,
 * visit bookings and the notices of their requests; downloads it as
 * JSON or CSV (one document, three stylesheets); corrects their name on
 * the account page; and deletes the account with its password. Deleting
 * keeps what others rely on and nothing personal: codes stay verifiable
 * as "holder account deleted", attempts stay in the statistics without
 * a person, reports keep what was reported without the contact, visits
 * and trainings still to come are cancelled (places freed), an aid application
 * stays as the record of public money paid (its own retention applies)
 * without the account, the rest goes with the person row (sessions,
 * membership, points, progress), in one transaction.
 */
#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "shared/jurisdiction.h"
#include "shared/pwhash.h"
#include "shared/secret.h"

static int	 privacy_notice(struct req *);
static int	 data_page(struct req *);
static int	 data_json(struct req *);
static int	 data_csv(struct req *);
static int	 account_delete(struct req *);

static const struct route privacy_routes[] = {
	/* PRIVACY: what is held, why, how long, who sees it */
	{ METHOD_GET, "/privacy", privacy_notice, 0 },
	/* DATA: everything held about the signed-in person */
	{ METHOD_GET, "/account/data", data_page, 0 },
	{ METHOD_GET, "/account/data.json", data_json, 0 },
	{ METHOD_GET, "/account/data.csv", data_csv, 0 },
	/* DELETE: the account, with its password */
	{ METHOD_POST, "/account/delete", account_delete, 0 },
};

enum privacy_field {
	FIELD_PASSWORD,
	FIELD_CONFIRM,
	PRIVACY_FIELD__MAX
};

static const struct field privacy_fields[PRIVACY_FIELD__MAX] = {
	{ "password", valid_text, 1024, 0 },	/* FIELD_PASSWORD */
	{ "confirm", valid_flag, 1, 0 },	/* FIELD_CONFIRM */
};

enum privacy_sheet {
	SHEET_NOTICE,
	SHEET_DATA,
	SHEET_JSON,
	SHEET_CSV,
	PRIVACY_SHEET__MAX
};

static struct sheet privacy_sheets[PRIVACY_SHEET__MAX] = {
	{ "privacy.xsl", 0, { NULL } },		/* SHEET_NOTICE */
	{ "privacy-data.xsl", 1, { NULL } },	/* SHEET_DATA */
	{ "privacy-json.xsl", 0, { NULL } },	/* SHEET_JSON */
	{ "privacy-csv.xsl", 0, { NULL } },		/* SHEET_CSV */
};

enum privacy_stmt {
	STMT_ACCOUNT,
	STMT_UNIT,
	STMT_CODES,
	STMT_ATTEMPTS,
	STMT_POINTS,
	STMT_LESSONS,
	STMT_HAZARDS,
	STMT_ADDITIONS,
	STMT_VISITS,
	STMT_TRAININGS,
	STMT_AID,
	STMT_NOTICES,
	STMT_LOCK,
	STMT_LAST_ADMIN,
	STMT_CODES_LEAVE,
	STMT_ATTEMPTS_LEAVE,
	STMT_HAZARDS_LEAVE,
	STMT_ADDITIONS_LEAVE,
	STMT_SLOTS_FREE,
	STMT_VISITS_CANCEL,
	STMT_VISITS_LEAVE,
	STMT_TRAININGS_CANCEL,
	STMT_TRAININGS_LEAVE,
	STMT_NOTICES_LEAVE,
	STMT_INVITES_DROP,
	STMT_PERSON_DELETE,
	PRIVACY_STMT__MAX
};

static struct stmt privacy_sql[PRIVACY_STMT__MAX] = {
	/* What is held: one statement a part, each by the person's id. */
	[STMT_ACCOUNT] = { "PRIVACY_ACCOUNT",
	  "SELECT p.phone_enc, p.name, ro.name, g.name, p.created_at, "
	  "p.last_login_at FROM person p LEFT JOIN role ro ON "
	  "ro.code = p.role LEFT JOIN region g ON g.id = p.region_id "
	  "WHERE p.id = ?" },
	[STMT_UNIT] = { "PRIVACY_UNIT",
	  "SELECT u.name, m.status, m.is_admin, m.joined_at FROM unit_member "
	  "m JOIN unit u ON u.id = m.unit_id WHERE m.person_id = ?" },
	[STMT_CODES] = { "PRIVACY_CODES",
	  "SELECT c.id, ro.name, g.name, c.method, c.issued_on, "
	  "c.expires_on, c.revoked_at FROM code c JOIN role ro ON "
	  "ro.code = c.role JOIN region g ON g.id = c.region_id "
	  "WHERE c.person_id = ? ORDER BY c.id" },
	[STMT_ATTEMPTS] = { "PRIVACY_ATTEMPTS",
	  "SELECT a.started_at, ro.name, g.name, a.method, a.status, "
	  "a.score, a.submitted_at FROM attempt a JOIN role ro ON "
	  "ro.code = a.role JOIN region g ON g.id = a.region_id "
	  "WHERE a.person_id = ? ORDER BY a.id" },
	[STMT_POINTS] = { "PRIVACY_POINTS",
	  "SELECT e.day, r.name, e.amount FROM points_entry e JOIN "
	  "points_rule r ON r.reason = e.reason WHERE e.person_id = ? "
	  "ORDER BY e.id" },
	[STMT_LESSONS] = { "PRIVACY_LESSONS",
	  "SELECT c.title, l.title, p.opened_at, p.completed_at FROM "
	  "lesson_progress p JOIN lesson l ON l.id = p.lesson_id JOIN "
	  "course c ON c.id = l.course_id WHERE p.person_id = ? "
	  "ORDER BY p.opened_at" },
	[STMT_HAZARDS] = { "PRIVACY_HAZARDS",
	  "SELECT ref, category, status, created_at, address, description, "
	  "contact_name, contact_phone_enc FROM hazard WHERE person_id = ? "
	  "ORDER BY id" },
	[STMT_ADDITIONS] = { "PRIVACY_ADDITIONS",
	  "SELECT hazard_id, created_at, description, contact_phone_enc FROM "
	  "hazard_addition WHERE person_id = ? ORDER BY id" },
	[STMT_VISITS] = { "PRIVACY_VISITS",
	  "SELECT b.ref, s.name, v.starts_at, b.people, b.status, b.name, "
	  "b.phone_enc, b.organisation FROM visit_booking b "
	  "JOIN visit_slot v ON v.id = b.slot_id JOIN station s ON "
	  "s.id = v.station_id "
	  "WHERE b.person_id = ? ORDER BY b.id" },
	[STMT_TRAININGS] = { "PRIVACY_TRAININGS",
	  "SELECT ref, organisation, topic, status, starts_at, headcount, "
	  "name, phone_enc, address, created_at FROM training_booking WHERE "
	  "person_id = ? ORDER BY id" },
	[STMT_AID] = { "PRIVACY_AID",
	  "SELECT ref, status, applicant_name, applicant_phone_enc, "
	  "patient_name, "
	  "incident_date, hospital, ROUND(costs / 100, 2), created_at FROM "
	  "aid_application WHERE person_id = ? ORDER BY id" },
	[STMT_NOTICES] = { "PRIVACY_NOTICES",
	  "SELECT kind, ref, status, message, created_at FROM notice "
	  "WHERE person_id = ? ORDER BY id" },
	/* Deleting. */
	[STMT_LOCK] = { "PRIVACY_LOCK",
	  "SELECT pw_hash, phone_hash FROM person WHERE id = ? FOR UPDATE" },
	/* Others in a unit of which the person is the only admin. */
	[STMT_LAST_ADMIN] = { "PRIVACY_LAST_ADMIN",
	  "SELECT COUNT(*) FROM unit_member o JOIN unit_member m ON "
	  "m.unit_id = o.unit_id WHERE m.person_id = ? AND m.is_admin = 1 "
	  "AND o.person_id <> m.person_id AND o.status = 'active' AND NOT "
	  "EXISTS (SELECT 1 FROM unit_member a WHERE a.unit_id = m.unit_id "
	  "AND a.is_admin = 1 AND a.person_id <> m.person_id)" },
	[STMT_CODES_LEAVE] = { "PRIVACY_CODES_LEAVE",
	  "UPDATE code SET person_id = NULL, holder_deleted = 1 "
	  "WHERE person_id = ?" },
	[STMT_ATTEMPTS_LEAVE] = { "PRIVACY_ATTEMPTS_LEAVE",
	  "UPDATE attempt SET person_id = NULL WHERE person_id = ?" },
	[STMT_HAZARDS_LEAVE] = { "PRIVACY_HAZARDS_LEAVE",
	  "UPDATE hazard SET person_id = NULL, contact_name = NULL, "
	  "contact_phone_enc = NULL WHERE person_id = ?" },
	[STMT_ADDITIONS_LEAVE] = { "PRIVACY_ADDITIONS_LEAVE",
	  "UPDATE hazard_addition SET person_id = NULL, "
	  "contact_phone_enc = NULL "
	  "WHERE person_id = ?" },
	/* The places of the visits still to come, freed. */
	[STMT_SLOTS_FREE] = { "PRIVACY_SLOTS_FREE",
	  "UPDATE visit_slot v SET v.booked = v.booked - (SELECT SUM(b.people) "
	  "FROM visit_booking b WHERE b.slot_id = v.id AND b.person_id = ? "
	  "AND b.status = 'booked') WHERE v.starts_at > NOW() AND v.id IN "
	  "(SELECT slot_id FROM visit_booking WHERE person_id = ? AND "
	  "status = 'booked')" },
	[STMT_VISITS_CANCEL] = { "PRIVACY_VISITS_CANCEL",
	  "UPDATE visit_booking b JOIN visit_slot v ON v.id = b.slot_id "
	  "SET b.status = 'cancelled', b.cancelled_at = NOW() WHERE "
	  "b.person_id = ? AND b.status = 'booked' AND v.starts_at > NOW()" },
	[STMT_VISITS_LEAVE] = { "PRIVACY_VISITS_LEAVE",
	  "UPDATE visit_booking SET person_id = NULL, name = '（已注销）', "
	  "phone_enc = NULL, phone_hash = NULL, organisation = NULL "
	  "WHERE person_id = ?" },
	/* A training still asked for or to come: cancelled. */
	[STMT_TRAININGS_CANCEL] = { "PRIVACY_TRAININGS_CANCEL",
	  "UPDATE training_booking SET status = 'cancelled', changed_at = "
	  "NOW() WHERE person_id = ? AND (status IN ('requested', "
	  "'proposed') OR (status = 'confirmed' AND starts_at > NOW()))" },
	[STMT_TRAININGS_LEAVE] = { "PRIVACY_TRAININGS_LEAVE",
	  "UPDATE training_booking SET person_id = NULL, name = '（已注销）', "
	  "phone_enc = NULL, phone_hash = NULL WHERE person_id = ?" },
	[STMT_NOTICES_LEAVE] = { "PRIVACY_NOTICES_LEAVE",
	  "UPDATE notice SET person_id = NULL, phone_enc = NULL "
	  "WHERE person_id = ?" },
	[STMT_INVITES_DROP] = { "PRIVACY_INVITES_DROP",
	  "DELETE FROM unit_invite WHERE phone_hash = ?" },
	[STMT_PERSON_DELETE] = { "PRIVACY_PERSON_DELETE",
	  "DELETE FROM person WHERE id = ?" },
};

const struct module privacy_module = {
	.name = "privacy",
	.routes = privacy_routes,
	.nroutes = NELEM(privacy_routes),
	.fields = privacy_fields,
	.nfields = PRIVACY_FIELD__MAX,
	.sheets = privacy_sheets,
	.nsheets = PRIVACY_SHEET__MAX,
};

/* The parts of what is held, in the page's order, and their columns. */
static const struct part {
	const char	*name;
	enum privacy_stmt stmt;
	const char	*cols;
	int		 sealed;	/* the column of a sealed value */
	const char	*ad;		/* its name (shared/secret.h) */
} parts[] = {
	{ "account", STMT_ACCOUNT,
	  "phone name role region created last-login", 0, SC_PERSON_PHONE },
	{ "unit", STMT_UNIT, "unit status admin joined", -1, NULL },
	{ "codes", STMT_CODES, "number role region method issued expires "
	  "revoked", -1, NULL },
	{ "attempts", STMT_ATTEMPTS, "started role region method status "
	  "score submitted", -1, NULL },
	{ "points", STMT_POINTS, "day rule points", -1, NULL },
	{ "lessons", STMT_LESSONS, "course lesson opened completed", -1,
	  NULL },
	{ "hazards", STMT_HAZARDS, "ref category status created address "
	  "description contact-name contact-phone", 7, SC_HAZARD_PHONE },
	{ "additions", STMT_ADDITIONS, "report created description "
	  "contact-phone", 3, SC_ADDITION_PHONE },
	{ "visits", STMT_VISITS, "ref station at people status name phone "
	  "organisation", 6, SC_VISIT_PHONE },
	{ "trainings", STMT_TRAININGS, "ref organisation topic status at "
	  "people name phone address created", 7, SC_TRAINING_PHONE },
	{ "aid", STMT_AID, "ref status applicant-name applicant-phone "
	  "patient-name incident hospital costs created", 3, SC_AID_PHONE },
	{ "notices", STMT_NOTICES, "kind ref status message created", -1,
	  NULL },
};

/* GET /privacy */
static int
privacy_notice(struct req *r)
{
	xmlDocPtr		 doc;

	const struct conf	*c = r->conf;
	xmlNodePtr		 n;

	if ((doc = xml_page(r, "privacy")) == NULL)
		return 500;
	n = xml_add(xmlDocGetRootElement(doc), "retention", NULL);
	xml_propll(n, "attempts", c->keep_attempts);
	xml_propll(n, "hazard-contacts", c->keep_hazard_contacts);
	xml_propll(n, "bookings", c->keep_bookings);
	xml_propll(n, "aid-documents", c->keep_aid_documents);
	xml_propll(n, "notices", c->keep_notices);
	xml_propll(n, "logs", c->keep_logs);
	return page_finish(r, &privacy_sheets[SHEET_NOTICE], doc);
}

/*
 * Everything held about the signed-in person as <data><part name><row
 * …/>…</part>…</data>; NULL and *rc when it cannot be read, or 303 to
 * the account page when nobody is signed in.
 */
static xmlDocPtr
data_doc(struct req *r, int *rc)
{
	struct dbres	*res;
	xmlDocPtr	 doc;
	xmlNodePtr	 data, p;
	enum dberr	 e;
	size_t		 k, i;

	*rc = 0;
	if (r->sess.person_id == 0) {
		*rc = resp_redirect(r, "/account", NULL);
		return NULL;
	}
	if ((doc = xml_page(r, "privacy-data")) == NULL) {
		*rc = 500;
		return NULL;
	}
	data = xml_add(xmlDocGetRootElement(doc), "data", NULL);
	for (k = 0; k < NELEM(parts); k++) {
		if ((e = db_query(r->pool, &privacy_sql[parts[k].stmt], &res,
		    "i", r->sess.person_id)) != DB_OK) {
			*rc = db_status(e);
			return NULL;
		}
		if (parts[k].sealed >= 0 && secret_open_res(r->pool, res,
		    parts[k].sealed, parts[k].ad, -1) == -1) {
			*rc = 500;
			return NULL;
		}
		p = xml_add(data, "part", NULL);
		xml_prop(p, "name", parts[k].name);
		for (i = 0; i < res->nrows; i++)
			xml_row(xml_add(p, "row", NULL), res, i,
			    parts[k].cols);
	}
	return doc;
}

/* GET /account/data */
static int
data_page(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = data_doc(r, &rc)) == NULL)
		return rc;
	return page_finish(r, &privacy_sheets[SHEET_DATA], doc);
}

/* GET /account/data.json: the same, for the person to keep. */
static int
data_json(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = data_doc(r, &rc)) == NULL)
		return rc;
	return page_download(r, &privacy_sheets[SHEET_JSON], doc,
	    "application/json; charset=utf-8", "bluecode-my-data.json");
}

/* GET /account/data.csv */
static int
data_csv(struct req *r)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = data_doc(r, &rc)) == NULL)
		return rc;
	return page_csv(r, &privacy_sheets[SHEET_CSV], doc,
	    "bluecode-my-data.csv");
}

/* The data page again, saying why the account was not deleted. */
static int
refused(struct req *r, const char *why, int status)
{
	xmlDocPtr	 doc;
	int		 rc;

	if ((doc = data_doc(r, &rc)) == NULL)
		return rc;
	xml_prop(xml_add(xmlDocGetRootElement(doc), "error", NULL), "code",
	    why);
	r->status = status;
	return page_finish(r, &privacy_sheets[SHEET_DATA], doc);
}

/* The steps of deleting, after the lock, each by the person's id. */
static const enum privacy_stmt leave[] = {
	STMT_CODES_LEAVE,
	STMT_ATTEMPTS_LEAVE,
	STMT_HAZARDS_LEAVE,
	STMT_ADDITIONS_LEAVE,
	STMT_VISITS_CANCEL,
	STMT_VISITS_LEAVE,
	STMT_TRAININGS_CANCEL,
	STMT_TRAININGS_LEAVE,
	STMT_NOTICES_LEAVE,
};

/*
 * POST /account/delete: with the password and the box ticked, in one
 * transaction under the person's row lock; then signed out (the
 * browser keeps the codes it holds, under a new token).
 */
static int
account_delete(struct req *r)
{
	const struct fval	*pw = &r->fields[FIELD_PASSWORD];
	struct dbres		*p, *n;
	long long		 id = r->sess.person_id;
	enum dberr		 e;
	size_t			 k;
	int			 rc;

	if (id == 0)
		return resp_redirect(r, "/account", NULL);
	if (!r->fields[FIELD_CONFIRM].valid)
		return refused(r, "not-confirmed", 400);
	if (!pw->valid)
		return refused(r, "bad-password", 403);
	if ((e = db_begin()) != DB_OK)
		return db_status(e);
	if ((e = db_query(r->pool, &privacy_sql[STMT_LOCK], &p, "i", id)) !=
	    DB_OK || p->nrows == 0) {
		db_rollback();
		return e != DB_OK ? db_status(e) : 404;
	}
	/* The hash is checked under the lock: one try at a time. */
	if (!pwhash_check(DBRES(p, 0, 0), pw->s)) {
		db_rollback();
		return refused(r, "bad-password", 403);
	}
	if ((e = db_query(r->pool, &privacy_sql[STMT_LAST_ADMIN], &n, "i",
	    id)) != DB_OK) {
		db_rollback();
		return db_status(e);
	}
	if (db_ll(n, 0, 0) > 0) {
		db_rollback();
		return refused(r, "last-admin", 409);
	}
	e = db_exec(&privacy_sql[STMT_SLOTS_FREE], NULL, "ii", id, id);
	for (k = 0; k < NELEM(leave) && e == DB_OK; k++)
		e = db_exec(&privacy_sql[leave[k]], NULL, "i", id);
	if (e == DB_OK)
		e = db_exec(&privacy_sql[STMT_INVITES_DROP], NULL, "b",
		    DBRES(p, 0, 1), p->len[1]);
	if (e == DB_OK)
		e = db_exec(&privacy_sql[STMT_PERSON_DELETE], NULL, "i", id);
	if ((e = db_end(e)) != DB_OK)
		return db_status(e);
	log_info("account %lld deleted by its owner", id);
	if ((rc = session_logout(r)) != 0)
		return rc;
	return resp_redirect(r, "/", "account-deleted");
}
