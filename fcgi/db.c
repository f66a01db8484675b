/*
 * db.c: the worker's MariaDB connection and its statement table.
 * SQL lives here only, with ? placeholders; each statement is prepared
 * once per connection on first use. A lost server (2006/2013) closes the
 * connection; the next use reconnects and prepares again, and a statement
 * outside a transaction is retried once.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include "app.h"

#define DB_MAXPARAMS	16
#define DB_CELLBUF	256

/* The columns of a code as code.c reads them, and their tables. */
#define CODE_COLS \
	"SELECT c.id, c.nonce, c.role, ro.name, c.region_id, g.name, " \
	"c.method, c.issued_on, c.expires_on, c.revoked_at, c.revoke_reason, " \
	"DATEDIFF(c.expires_on, CURDATE()), " \
	"DATEDIFF(c.expires_on, '1970-01-01'), c.browser, c.person_id, " \
	"p.name, p.phone, j.code " \
	"FROM code c JOIN role ro ON ro.code = c.role " \
	"JOIN region g ON g.id = c.region_id " \
	"JOIN jurisdiction j ON j.id = g.jurisdiction_id " \
	"LEFT JOIN person p ON p.id = c.person_id "

struct stmtdef {
	const char	*name;
	const char	*sql;
};

static const struct stmtdef stmts[STMT__MAX] = {
	[STMT_JURISDICTION_BY_CODE] = { "JURISDICTION_BY_CODE",
	  "SELECT id, code, name, full_name, committee, crs "
	  "FROM jurisdiction WHERE code = ?" },
	[STMT_REGION_LIST] = { "REGION_LIST",
	  "SELECT id, code, name, kind, population, ROUND(population / 100) "
	  "FROM region WHERE jurisdiction_id = ? AND retired = 0 "
	  "ORDER BY sort, id" },
	[STMT_ROLE_LIST] = { "ROLE_LIST",
	  "SELECT code, name, validity_months, audience FROM role "
	  "ORDER BY sort, code" },
	[STMT_SESSION_GET] = { "SESSION_GET",
	  "SELECT a.id, a.login, a.name, a.scope, p.id, p.phone, p.name "
	  "FROM session s LEFT JOIN admin a ON a.id = s.admin_id "
	  "AND a.disabled = 0 AND a.jurisdiction_id = ? "
	  "LEFT JOIN person p ON p.id = s.person_id "
	  "WHERE s.token_hash = ? AND s.expires_at > NOW()" },
	[STMT_SESSION_INSERT] = { "SESSION_INSERT",
	  "INSERT INTO session (token_hash, admin_id, person_id, created_at, "
	  "expires_at) VALUES (?, ?, ?, NOW(), NOW() + INTERVAL ? HOUR)" },
	[STMT_SESSION_DELETE] = { "SESSION_DELETE",
	  "DELETE FROM session WHERE token_hash = ?" },
	[STMT_SESSION_PURGE] = { "SESSION_PURGE",
	  "DELETE FROM session WHERE expires_at < NOW() LIMIT 1000" },
	[STMT_ADMIN_BY_LOGIN] = { "ADMIN_BY_LOGIN",
	  "SELECT id, pw_hash, disabled FROM admin WHERE login = ? "
	  "AND jurisdiction_id = ?" },
	[STMT_ADMIN_INSERT] = { "ADMIN_INSERT",
	  "INSERT INTO admin (jurisdiction_id, login, pw_hash, name, scope, "
	  "created_at) SELECT id, ?, ?, ?, ?, NOW() FROM jurisdiction "
	  "WHERE code = ?" },
	[STMT_ADMIN_SET_PASSWORD] = { "ADMIN_SET_PASSWORD",
	  "UPDATE admin SET pw_hash = ? WHERE login = ?" },
	[STMT_ADMIN_LOGIN_OK] = { "ADMIN_LOGIN_OK",
	  "UPDATE admin SET last_login_at = NOW() WHERE id = ?" },
	[STMT_AUDIT_INSERT] = { "AUDIT_INSERT",
	  "INSERT INTO audit_log (jurisdiction_id, admin_id, action, object, "
	  "detail, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, NOW())" },
	[STMT_BANK_INSERT] = { "BANK_INSERT",
	  "INSERT INTO bank (version, title) VALUES (?, ?)" },
	[STMT_BANK_BY_VERSION] = { "BANK_BY_VERSION",
	  "SELECT id, status, title FROM bank WHERE version = ?" },
	[STMT_BANK_RETIRE_PUBLISHED] = { "BANK_RETIRE_PUBLISHED",
	  "UPDATE bank SET status = 'retired' WHERE status = 'published'" },
	[STMT_BANK_PUBLISH] = { "BANK_PUBLISH",
	  "UPDATE bank SET status = 'published', published_at = NOW() "
	  "WHERE id = ?" },
	[STMT_BANK_QUESTIONS] = { "BANK_QUESTIONS",
	  "SELECT id, ref, type, category, roles, stem, explanation, source "
	  "FROM question WHERE bank_id = ? AND retired = 0 ORDER BY id" },
	[STMT_BANK_OPTIONS] = { "BANK_OPTIONS",
	  "SELECT o.question_id, o.opt_key, o.text, o.correct "
	  "FROM question_option o JOIN question q ON q.id = o.question_id "
	  "WHERE q.bank_id = ? AND q.retired = 0 "
	  "ORDER BY o.question_id, o.opt_key" },
	[STMT_QUESTION_INSERT] = { "QUESTION_INSERT",
	  "INSERT INTO question (bank_id, ref, type, category, roles, stem, "
	  "explanation, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_OPTION_INSERT] = { "OPTION_INSERT",
	  "INSERT INTO question_option (question_id, opt_key, text, correct) "
	  "VALUES (?, ?, ?, ?)" },
	[STMT_GEO_FEATURES] = { "GEO_FEATURES",
	  "SELECT JSON_LENGTH(?, '$.features')" },
	[STMT_GEO_FEATURE_NAME] = { "GEO_FEATURE_NAME",
	  "SELECT JSON_VALUE(?, CONCAT('$.features[', ?, '].properties.name'))" },
	[STMT_GEO_CHECK] = { "GEO_CHECK",
	  "SELECT ST_GeometryType(g), ST_Area(g), MBRWithin(g, "
	  "ST_GeomFromText('POLYGON((72 0.8, 138 0.8, 138 56, 72 56, "
	  "72 0.8))')) FROM (SELECT ST_GeomFromGeoJSON(JSON_QUERY(?, "
	  "CONCAT('$.features[', ?, '].geometry'))) AS g) AS f" },
	[STMT_GEO_REGION_PUT] = { "GEO_REGION_PUT",
	  "REPLACE INTO region_boundary (region_id, boundary, approximate, "
	  "source) SELECT r.id, ST_GeomFromGeoJSON(JSON_QUERY(?, "
	  "CONCAT('$.features[', ?, '].geometry'))), COALESCE(JSON_VALUE(?, "
	  "CONCAT('$.features[', ?, '].properties.approximate')) IN ('1', 'true'), 0), "
	  "? FROM region r JOIN jurisdiction j ON j.id = r.jurisdiction_id "
	  "WHERE j.code = ? AND r.name = ?" },
	[STMT_GEO_OUTLINE_PUT] = { "GEO_OUTLINE_PUT",
	  "REPLACE INTO jurisdiction_boundary (jurisdiction_id, boundary, "
	  "source) SELECT j.id, ST_GeomFromGeoJSON(JSON_QUERY(?, "
	  "'$.features[0].geometry')), ? FROM jurisdiction j WHERE j.code = ?" },
	[STMT_GEO_LOCATE] = { "GEO_LOCATE",
	  "SELECT r.id, r.name FROM region_boundary b "
	  "JOIN region r ON r.id = b.region_id "
	  "WHERE r.jurisdiction_id = ? AND r.retired = 0 "
	  "AND ST_Contains(b.boundary, POINT(?, ?)) LIMIT 1" },
	[STMT_ROLE_GET] = { "ROLE_GET",
	  "SELECT code, name, validity_months, questions, time_limit_min, "
	  "pass_mark FROM role WHERE code = ?" },
	[STMT_REGION_IN_JURISDICTION] = { "REGION_IN_JURISDICTION",
	  "SELECT id FROM region WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
	[STMT_ATTEMPT_OPEN] = { "ATTEMPT_OPEN",
	  "SELECT a.token, ro.name, TIMESTAMPDIFF(SECOND, NOW(), a.deadline_at) "
	  "FROM attempt a JOIN role ro ON ro.code = a.role "
	  "WHERE (a.browser = ? OR (a.person_id IS NOT NULL AND "
	  "a.person_id = ?)) AND a.status = 'open' AND a.deadline_at > NOW() "
	  "ORDER BY a.id DESC LIMIT 1" },
	[STMT_ATTEMPT_LOCK] = { "ATTEMPT_LOCK",
	  "SELECT status FROM attempt WHERE id = ? FOR UPDATE" },
	[STMT_OWNER_LOCK] = { "OWNER_LOCK",
	  "SELECT GET_LOCK(?, 10)" },
	[STMT_OWNER_UNLOCK] = { "OWNER_UNLOCK",
	  "SELECT RELEASE_ALL_LOCKS()" },
	[STMT_ATTEMPT_COUNT_BROWSER] = { "ATTEMPT_COUNT_BROWSER",
	  "SELECT COUNT(*) FROM attempt WHERE browser = ? "
	  "AND started_at > NOW() - INTERVAL 1 HOUR" },
	[STMT_ATTEMPT_COUNT_IP] = { "ATTEMPT_COUNT_IP",
	  "SELECT COUNT(*) FROM attempt WHERE ip = ? "
	  "AND started_at > NOW() - INTERVAL 1 HOUR" },
	[STMT_QUIZ_DRAW] = { "QUIZ_DRAW",
	  "SELECT q.id, q.type, q.stem, q.explanation, q.source, o.text, "
	  "o.correct, q.bank_id FROM (SELECT q2.id FROM question q2 "
	  "JOIN bank b ON b.id = q2.bank_id WHERE b.status = 'published' "
	  "AND q2.retired = 0 AND FIND_IN_SET(?, q2.roles) ORDER BY RAND() "
	  "LIMIT ?) pick JOIN question q ON q.id = pick.id "
	  "JOIN question_option o ON o.question_id = q.id "
	  "ORDER BY q.id, o.opt_key" },
	[STMT_ATTEMPT_INSERT] = { "ATTEMPT_INSERT",
	  "INSERT INTO attempt (token, browser, person_id, role, region_id, "
	  "method, bank_id, total, pass_mark, started_at, deadline_at, ip) "
	  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), "
	  "NOW() + INTERVAL ? MINUTE, ?)" },
	[STMT_AQ_INSERT] = { "AQ_INSERT",
	  "INSERT INTO attempt_question (attempt_id, pos, question_id, type, "
	  "stem, options, correct_mask, explanation, source) "
	  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_ATTEMPT_BY_TOKEN] = { "ATTEMPT_BY_TOKEN",
	  "SELECT a.id, a.browser, a.role, ro.name, a.region_id, g.name, "
	  "a.method, a.total, a.pass_mark, a.status, a.correct, a.score, "
	  "TIMESTAMPDIFF(SECOND, NOW(), a.deadline_at), a.person_id, "
	  "q.type, q.stem, q.options, q.answer_mask, a.answered "
	  "FROM attempt a JOIN role ro ON ro.code = a.role "
	  "JOIN region g ON g.id = a.region_id "
	  "LEFT JOIN attempt_question q ON q.attempt_id = a.id AND q.pos = ? "
	  "WHERE a.token = ?" },
	[STMT_AQ_ANSWER] = { "AQ_ANSWER",
	  "UPDATE attempt a JOIN attempt_question q ON q.attempt_id = a.id "
	  "AND q.pos = ? SET q.answer_mask = ?, a.answered = IF(? IS NULL, "
	  "a.answered & ~(1 << (q.pos - 1)), a.answered | (1 << (q.pos - 1))) "
	  "WHERE a.id = ? AND a.status = 'open' AND a.deadline_at > NOW()" },
	[STMT_AQ_CORRECT] = { "AQ_CORRECT",
	  "SELECT COUNT(*) FROM attempt_question WHERE attempt_id = ? "
	  "AND answer_mask = correct_mask" },
	[STMT_ATTEMPT_GRADE] = { "ATTEMPT_GRADE",
	  "UPDATE attempt SET correct = ?, score = ?, status = ?, "
	  "submitted_at = NOW() WHERE id = ? AND status = 'open'" },
	[STMT_AQ_REVIEW] = { "AQ_REVIEW",
	  "SELECT q.pos, q.type, q.stem, q.options, q.correct_mask, "
	  "q.answer_mask, q.explanation, q.source, rp.id "
	  "FROM attempt_question q LEFT JOIN question_report rp "
	  "ON rp.attempt_id = q.attempt_id AND rp.question_id = q.question_id "
	  "WHERE q.attempt_id = ? ORDER BY q.pos" },
	[STMT_REPORT_INSERT] = { "REPORT_INSERT",
	  "INSERT INTO question_report (question_id, attempt_id, text) "
	  "SELECT question_id, attempt_id, ? FROM attempt_question "
	  "WHERE attempt_id = ? AND pos = ?" },
	[STMT_CODE_OF_ATTEMPT] = { "CODE_OF_ATTEMPT",
	  "SELECT id, expires_on FROM code WHERE attempt_id = ?" },
	[STMT_CODE_CURRENT_FOR_ATTEMPT] = { "CODE_CURRENT_FOR_ATTEMPT",
	  "SELECT c.id, c.expires_on, DATEDIFF(c.expires_on, CURDATE()) "
	  "FROM attempt a JOIN code c ON c.role = a.role AND (c.browser = "
	  "a.browser OR (a.person_id IS NOT NULL AND c.person_id = "
	  "a.person_id)) WHERE a.id = ? AND c.revoked_at IS NULL "
	  "AND c.expires_on >= CURDATE() ORDER BY c.expires_on DESC LIMIT 1" },
	[STMT_CODE_CURRENT] = { "CODE_CURRENT",
	  "SELECT id, expires_on, DATEDIFF(expires_on, CURDATE()) FROM code "
	  "WHERE role = ? AND revoked_at IS NULL AND expires_on >= CURDATE() "
	  "AND (browser = ? OR (person_id IS NOT NULL AND person_id = ?)) "
	  "ORDER BY expires_on DESC LIMIT 1" },
	[STMT_CODE_INSERT] = { "CODE_INSERT",
	  "INSERT INTO code (nonce, attempt_id, browser, person_id, role, "
	  "region_id, method, issued_on, expires_on) SELECT ?, a.id, "
	  "a.browser, a.person_id, a.role, a.region_id, a.method, CURDATE(), "
	  "CURDATE() + INTERVAL ro.validity_months MONTH FROM attempt a "
	  "JOIN role ro ON ro.code = a.role WHERE a.id = ?" },
	[STMT_CODE_GET] = { "CODE_GET",
	  CODE_COLS "WHERE c.id = ?" },
	[STMT_CODE_MINE] = { "CODE_MINE",
	  CODE_COLS "WHERE c.browser = ? OR (c.person_id IS NOT NULL "
	  "AND c.person_id = ?) ORDER BY c.id DESC LIMIT 100" },
	[STMT_CODE_REVOKE] = { "CODE_REVOKE",
	  "UPDATE code SET revoked_at = NOW(), revoke_reason = ?, "
	  "revoked_by = ? WHERE id = ? AND revoked_at IS NULL" },
	[STMT_CODE_BIND] = { "CODE_BIND",
	  "UPDATE code SET person_id = ? WHERE browser = ? "
	  "AND person_id IS NULL" },
	[STMT_ATTEMPT_BIND] = { "ATTEMPT_BIND",
	  "UPDATE attempt SET person_id = ? WHERE browser = ? "
	  "AND person_id IS NULL" },
	[STMT_CODE_REKEY] = { "CODE_REKEY",
	  "UPDATE code SET browser = ? WHERE browser = ? AND person_id IS NULL" },
	[STMT_ATTEMPT_REKEY] = { "ATTEMPT_REKEY",
	  "UPDATE attempt SET browser = ? WHERE browser = ? "
	  "AND person_id IS NULL" },
	[STMT_PERSON_INSERT] = { "PERSON_INSERT",
	  "INSERT INTO person (phone, pw_hash, name) VALUES (?, ?, ?)" },
	[STMT_PERSON_BY_PHONE] = { "PERSON_BY_PHONE",
	  "SELECT id, pw_hash FROM person WHERE phone = ?" },
	[STMT_PERSON_LOGIN_OK] = { "PERSON_LOGIN_OK",
	  "UPDATE person SET last_login_at = NOW() WHERE id = ?" },
	[STMT_PERSON_SET_NAME] = { "PERSON_SET_NAME",
	  "UPDATE person SET name = ? WHERE id = ?" },
	[STMT_CODE_OF_PERSON] = { "CODE_OF_PERSON",
	  CODE_COLS "WHERE c.person_id = ?" },
	[STMT_CODE_RECENT] = { "CODE_RECENT",
	  CODE_COLS "WHERE g.jurisdiction_id = ? ORDER BY c.id DESC LIMIT 50" },
	[STMT_CODE_GET_IN] = { "CODE_GET_IN",
	  CODE_COLS "WHERE c.id = ? AND g.jurisdiction_id = ?" },
	[STMT_BANK_DRAFT] = { "BANK_DRAFT",
	  "SELECT id FROM bank WHERE status = 'draft' "
	  "ORDER BY version DESC LIMIT 1" },
	[STMT_BANK_LIST] = { "BANK_LIST",
	  "SELECT b.id, b.version, b.title, b.status, b.published_at, "
	  "(SELECT COUNT(*) FROM question q WHERE q.bank_id = b.id "
	  "AND q.retired = 0) FROM bank b ORDER BY b.version DESC" },
	[STMT_BANK_DRAFT_NEW] = { "BANK_DRAFT_NEW",
	  "INSERT INTO bank (version, title) SELECT COALESCE(MAX(version), 0) "
	  "+ 1, COALESCE(MAX(CASE WHEN status = 'published' THEN title END), "
	  "'题库') FROM bank" },
	[STMT_BANK_COPY_QUESTIONS] = { "BANK_COPY_QUESTIONS",
	  "INSERT INTO question (bank_id, ref, type, category, roles, stem, "
	  "explanation, source) SELECT ?, ref, type, category, roles, stem, "
	  "explanation, source FROM question WHERE retired = 0 AND bank_id = "
	  "(SELECT id FROM bank WHERE status = 'published')" },
	[STMT_BANK_COPY_OPTIONS] = { "BANK_COPY_OPTIONS",
	  "INSERT INTO question_option (question_id, opt_key, text, correct) "
	  "SELECT nq.id, o.opt_key, o.text, o.correct FROM question_option o "
	  "JOIN question oq ON oq.id = o.question_id "
	  "JOIN question nq ON nq.ref = oq.ref AND nq.bank_id = ? "
	  "WHERE oq.bank_id = (SELECT id FROM bank WHERE status = 'published') "
	  "AND oq.retired = 0" },
	[STMT_QUESTION_SEARCH] = { "QUESTION_SEARCH",
	  "SELECT q.id, q.ref, q.type, q.roles, q.stem, q.retired, b.status, "
	  "(SELECT COUNT(*) FROM question_report rp JOIN question q3 "
	  "ON q3.id = rp.question_id WHERE q3.ref = q.ref) "
	  "FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.id = "
	  "COALESCE((SELECT id FROM bank WHERE status = 'draft' "
	  "ORDER BY version DESC LIMIT 1), "
	  "(SELECT id FROM bank WHERE status = 'published')) "
	  "AND (q.stem LIKE ? OR q.ref LIKE ?) ORDER BY q.retired, q.id "
	  "LIMIT 500" },
	[STMT_QUESTION_GET] = { "QUESTION_GET",
	  "SELECT q.id, q.ref, q.type, q.category, q.roles, q.stem, "
	  "q.explanation, q.source, q.retired, b.status, b.version "
	  "FROM question q JOIN bank b ON b.id = q.bank_id WHERE q.id = ?" },
	[STMT_QUESTION_OPTIONS] = { "QUESTION_OPTIONS",
	  "SELECT opt_key, text, correct FROM question_option "
	  "WHERE question_id = ? ORDER BY opt_key" },
	[STMT_REPORT_OF_QUESTION] = { "REPORT_OF_QUESTION",
	  "SELECT rp.created_at, rp.text FROM question_report rp "
	  "JOIN question q3 ON q3.id = rp.question_id "
	  "JOIN question q ON q.ref = q3.ref WHERE q.id = ? "
	  "ORDER BY rp.id DESC LIMIT 100" },
	[STMT_QUESTION_UPDATE] = { "QUESTION_UPDATE",
	  "UPDATE question SET type = ?, category = ?, roles = ?, stem = ?, "
	  "explanation = ?, source = ? WHERE id = ? AND bank_id = ?" },
	[STMT_OPTIONS_DELETE] = { "OPTIONS_DELETE",
	  "DELETE FROM question_option WHERE question_id = ?" },
	[STMT_QUESTION_RETIRE] = { "QUESTION_RETIRE",
	  "UPDATE question SET retired = 1 WHERE id = ? AND bank_id = ? "
	  "AND retired = 0" },
	[STMT_BANK_SHORT] = { "BANK_SHORT",
	  "SELECT r.name, r.questions, COUNT(q.id) FROM role r "
	  "LEFT JOIN question q ON q.bank_id = ? AND q.retired = 0 "
	  "AND FIND_IN_SET(r.code, q.roles) GROUP BY r.code, r.name, "
	  "r.questions, r.sort HAVING COUNT(q.id) < r.questions "
	  "ORDER BY r.sort" },
	[STMT_REPORT_LIST] = { "REPORT_LIST",
	  "SELECT rp.created_at, rp.text, q.id, q.ref, b.version, q.stem "
	  "FROM question_report rp JOIN question q ON q.id = rp.question_id "
	  "JOIN bank b ON b.id = q.bank_id ORDER BY rp.id DESC LIMIT 200" },
	[STMT_AUDIT_RECENT] = { "AUDIT_RECENT",
	  "SELECT l.created_at, l.action, l.object, l.ip, a.login "
	  "FROM audit_log l LEFT JOIN admin a ON a.id = l.admin_id "
	  "WHERE l.jurisdiction_id = ? ORDER BY l.id DESC LIMIT 20" },
	[STMT_ROLE_ADMIN_LIST] = { "ROLE_ADMIN_LIST",
	  "SELECT r.code, r.name, r.validity_months, r.audience, r.questions, "
	  "r.time_limit_min, r.pass_mark, (SELECT COUNT(*) FROM question q "
	  "JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND "
	  "q.retired = 0 AND FIND_IN_SET(r.code, q.roles)) FROM role r "
	  "ORDER BY r.sort, r.code" },
	[STMT_ROLE_UPDATE] = { "ROLE_UPDATE",
	  "UPDATE role SET name = ?, audience = ?, validity_months = ?, "
	  "questions = ?, time_limit_min = ?, pass_mark = ? WHERE code = ?" },
	[STMT_REGION_POPULATION] = { "REGION_POPULATION",
	  "UPDATE region SET population = ? WHERE id = ? AND jurisdiction_id = ? "
	  "AND retired = 0" },
};

struct bindset {
	MYSQL_BIND	 b[DB_MAXPARAMS];
	long long	 ll[DB_MAXPARAMS];
	double		 d[DB_MAXPARAMS];
	unsigned long	 len[DB_MAXPARAMS];
	size_t		 n;
};

static const struct conf	*dbconf;
static MYSQL			*conn;
static MYSQL_STMT		*prepared[STMT__MAX];
static int			 locks_held;	/* db_lock since db_unlock_all */
static int			 in_tx;
static unsigned long long	 last_affected;

static int	 bind_params(struct bindset *, const char *, va_list);
static int	 gone(unsigned int);
static MYSQL_STMT *stmt_get(enum stmt);
static enum dberr stmt_run(enum stmt, struct bindset *, MYSQL_STMT **);
static enum dberr fetch_all(struct pool *, MYSQL_STMT *, struct dbres **);

void
db_configure(const struct conf *c)
{
	dbconf = c;
}

const char *
db_sql(enum stmt s)
{
	return stmts[s].sql;
}

/* Close the connection and forget every prepared statement. */
void
db_close(void)
{
	size_t	 i;

	for (i = 0; i < STMT__MAX; i++) {
		if (prepared[i] != NULL)
			mysql_stmt_close(prepared[i]);
		prepared[i] = NULL;
	}
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	in_tx = 0;
	locks_held = 0;
}

/*
 * A named lock (MariaDB's GET_LOCK, shared by every worker and host on
 * the database), held until db_unlock_all, which the worker calls after
 * every request, or until the connection ends. Waits up to 10 seconds:
 * DB_DOWN if it is still held by then.
 */
enum dberr
db_lock(struct pool *p, const char *name)
{
	struct dbres	*res;
	enum dberr	 e;

	/*
	 * Counted as held from the start: whatever happens to the answer,
	 * the request's end releases it, and no statement of this request
	 * silently reconnects (the lock would stay with the lost one).
	 */
	locks_held = 1;
	if ((e = db_query(p, STMT_OWNER_LOCK, &res, "s", name)) != DB_OK)
		return e;
	if (res->nrows == 0 || DBRES(res, 0, 0) == NULL ||
	    db_ll(res, 0, 0) != 1) {
		log_warnx("database: lock %s: not had in 10 s", name);
		return DB_DOWN;
	}
	return DB_OK;
}

/* Release every named lock this connection holds, if it holds any. */
void
db_unlock_all(struct pool *p)
{
	struct dbres	*res;

	if (!locks_held || conn == NULL)
		return;
	locks_held = 0;
	if (db_query(p, STMT_OWNER_UNLOCK, &res, "") != DB_OK)
		db_close();	/* a new connection holds no lock */
}

/* Whether this process holds a connection now (it may still be broken). */
int
db_connected(void)
{
	return conn != NULL;
}

enum dberr
db_connect(void)
{
	unsigned int	 timeout, rwtimeout = 30;
	my_bool		 off = 0;

	if (conn != NULL)
		return DB_OK;
	if ((conn = mysql_init(NULL)) == NULL)
		return DB_DOWN;
	timeout = (unsigned int)dbconf->db_timeout;
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &rwtimeout);
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &rwtimeout);
	mysql_options(conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* China keeps one time zone; dates are stored and shown in it. */
	mysql_options(conn, MYSQL_INIT_COMMAND, "SET time_zone = '+08:00'");
	if (mysql_real_connect(conn, dbconf->db_host, dbconf->db_user,
	    dbconf->db_password, dbconf->db_name, (unsigned int)dbconf->db_port,
	    dbconf->db_socket, CLIENT_FOUND_ROWS) == NULL) {
		log_warnx("database: connect: %s", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		return DB_DOWN;
	}
	log_debug("database: connected");
	return DB_OK;
}

static int
gone(unsigned int err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	    err == CR_CONNECTION_ERROR || err == CR_CONN_HOST_ERROR ||
	    err == ER_CONNECTION_KILLED || err == ER_SERVER_SHUTDOWN ||
	    err == CR_COMMANDS_OUT_OF_SYNC;
}

static MYSQL_STMT *
stmt_get(enum stmt s)
{
	MYSQL_STMT	*st;

	if (prepared[s] != NULL)
		return prepared[s];
	if (stmts[s].sql == NULL) {
		log_warnx("stmt %d: not in the statement table", (int)s);
		return NULL;
	}
	if ((st = mysql_stmt_init(conn)) == NULL)
		return NULL;
	if (mysql_stmt_prepare(st, stmts[s].sql, strlen(stmts[s].sql)) != 0) {
		log_warnx("stmt %s: prepare: %s", stmts[s].name,
		    mysql_stmt_error(st));
		if (gone(mysql_stmt_errno(st)))
			db_close();
		mysql_stmt_close(st);
		return NULL;
	}
	prepared[s] = st;
	return st;
}

/*
 * Parameters by a format: 'i' long long, 'n' long long where 0 is SQL
 * NULL (optional ids), 'd' double, 's' string (NULL is SQL NULL), 'b' a
 * pointer and a size_t length (binary).
 */
static int
bind_params(struct bindset *bs, const char *fmt, va_list ap)
{
	MYSQL_BIND	*b;
	const char	*s;

	memset(bs, 0, sizeof(*bs));
	for (; *fmt != '\0'; fmt++, bs->n++) {
		if (bs->n == DB_MAXPARAMS)
			return -1;
		b = &bs->b[bs->n];
		switch (*fmt) {
		case 'i':
		case 'n':
			bs->ll[bs->n] = va_arg(ap, long long);
			b->buffer_type = *fmt == 'n' && bs->ll[bs->n] == 0 ?
			    MYSQL_TYPE_NULL : MYSQL_TYPE_LONGLONG;
			b->buffer = &bs->ll[bs->n];
			break;
		case 'd':
			bs->d[bs->n] = va_arg(ap, double);
			b->buffer_type = MYSQL_TYPE_DOUBLE;
			b->buffer = &bs->d[bs->n];
			break;
		case 's':
			s = va_arg(ap, const char *);
			b->buffer_type = s == NULL ? MYSQL_TYPE_NULL :
			    MYSQL_TYPE_STRING;
			b->buffer = (void *)s;
			bs->len[bs->n] = s == NULL ? 0 : strlen(s);
			b->length = &bs->len[bs->n];
			break;
		case 'b':
			b->buffer_type = MYSQL_TYPE_BLOB;
			b->buffer = va_arg(ap, void *);
			bs->len[bs->n] = va_arg(ap, size_t);
			b->length = &bs->len[bs->n];
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/*
 * Prepare (if need be), bind and execute, reconnecting once if allowed:
 * not inside a transaction, nor while a named lock is held (a new
 * connection would run on without the lock the request relies on).
 */
static enum dberr
stmt_run(enum stmt s, struct bindset *bs, MYSQL_STMT **out)
{
	MYSQL_STMT	*st;
	unsigned int	 err;
	int		 attempt, tx = in_tx || locks_held;

	for (attempt = 0; attempt < 2; attempt++) {
		if (db_connect() != DB_OK)
			return DB_DOWN;
		if ((st = stmt_get(s)) == NULL) {
			if (conn == NULL && !tx)
				continue;
			return conn == NULL ? DB_DOWN : DB_ERROR;
		}
		if (mysql_stmt_param_count(st) != bs->n) {
			log_warnx("stmt %s: %lu parameters, %zu given",
			    stmts[s].name, mysql_stmt_param_count(st), bs->n);
			return DB_ERROR;
		}
		if ((bs->n == 0 || mysql_stmt_bind_param(st, bs->b) == 0) &&
		    mysql_stmt_execute(st) == 0) {
			*out = st;
			return DB_OK;
		}
		err = mysql_stmt_errno(st);
		if (err == ER_DUP_ENTRY)
			return DB_DUP;
		log_warnx("stmt %s: %s (%u)", stmts[s].name,
		    mysql_stmt_error(st), err);
		if (!gone(err))
			return DB_ERROR;
		db_close();
		if (tx)
			return DB_DOWN;
	}
	return DB_DOWN;
}

/* Every row of the result, as strings in the pool. */
static enum dberr
fetch_all(struct pool *p, MYSQL_STMT *st, struct dbres **out)
{
	MYSQL_RES	*meta;
	MYSQL_BIND	*b;
	struct dbres	*res;
	unsigned long	*lens;
	my_bool		*nulls, *errs;
	char		*bufs;
	size_t		 c, row = 0, i;
	int		 rc;

	if ((res = pool_calloc(p, 1, sizeof(*res))) == NULL)
		return DB_ERROR;
	*out = res;
	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return DB_OK;
	res->ncols = mysql_num_fields(meta);
	mysql_free_result(meta);
	if (mysql_stmt_store_result(st) != 0) {
		log_warnx("stmt: store: %s", mysql_stmt_error(st));
		return gone(mysql_stmt_errno(st)) ? DB_DOWN : DB_ERROR;
	}
	res->nrows = mysql_stmt_num_rows(st);
	c = res->ncols;
	b = pool_calloc(p, c, sizeof(*b));
	lens = pool_calloc(p, c, sizeof(*lens));
	nulls = pool_calloc(p, c, sizeof(*nulls));
	errs = pool_calloc(p, c, sizeof(*errs));
	bufs = pool_alloc(p, c * DB_CELLBUF);
	res->cell = pool_calloc(p, res->nrows * c + 1, sizeof(char *));
	res->len = pool_calloc(p, res->nrows * c + 1, sizeof(size_t));
	if (b == NULL || lens == NULL || nulls == NULL || errs == NULL ||
	    bufs == NULL || res->cell == NULL || res->len == NULL) {
		mysql_stmt_free_result(st);
		return DB_ERROR;
	}
	for (i = 0; i < c; i++) {
		b[i].buffer_type = MYSQL_TYPE_STRING;
		b[i].buffer = bufs + i * DB_CELLBUF;
		b[i].buffer_length = DB_CELLBUF;
		b[i].length = &lens[i];
		b[i].is_null = &nulls[i];
		b[i].error = &errs[i];
	}
	mysql_stmt_bind_result(st, b);
	while (row < res->nrows &&
	    ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED)) {
		for (i = 0; i < c; i++) {
			size_t	 k = row * c + i;
			char	*cell;

			if (nulls[i])
				continue;
			if ((cell = pool_alloc(p, lens[i] + 1)) == NULL)
				break;
			if (lens[i] <= DB_CELLBUF)
				memcpy(cell, bufs + i * DB_CELLBUF, lens[i]);
			else {
				MYSQL_BIND	 big;

				memset(&big, 0, sizeof(big));
				big.buffer_type = MYSQL_TYPE_STRING;
				big.buffer = cell;
				big.buffer_length = lens[i];
				mysql_stmt_fetch_column(st, &big, (unsigned)i,
				    0);
			}
			cell[lens[i]] = '\0';
			res->cell[k] = cell;
			res->len[k] = lens[i];
		}
		row++;
	}
	mysql_stmt_free_result(st);
	return DB_OK;
}

/* Bind the parameters by their format, then run the statement. */
static enum dberr
stmt_runv(enum stmt s, MYSQL_STMT **st, const char *fmt, va_list ap)
{
	struct bindset	 bs;

	if (bind_params(&bs, fmt, ap) == -1) {
		log_warnx("stmt %s: bad parameter format", stmts[s].name);
		return DB_ERROR;
	}
	return stmt_run(s, &bs, st);
}

/* Run a SELECT; *res is in the pool and valid until the pool is reset. */
enum dberr
db_query(struct pool *p, enum stmt s, struct dbres **res, const char *fmt,
    ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;
	enum dberr	 e;

	va_start(ap, fmt);
	e = stmt_runv(s, &st, fmt, ap);
	va_end(ap);
	return e == DB_OK ? fetch_all(p, st, res) : e;
}

/* A copy of a result in another pool (one that outlives the request). */
struct dbres *
db_res_copy(struct pool *p, const struct dbres *res)
{
	struct dbres	*c;
	size_t		 i, n = res->nrows * res->ncols;

	if ((c = pool_calloc(p, 1, sizeof(*c))) == NULL ||
	    (c->cell = pool_calloc(p, n + 1, sizeof(char *))) == NULL ||
	    (c->len = pool_calloc(p, n + 1, sizeof(size_t))) == NULL)
		return NULL;
	c->nrows = res->nrows;
	c->ncols = res->ncols;
	for (i = 0; i < n; i++) {
		c->len[i] = res->len[i];
		if (res->cell[i] != NULL &&
		    (c->cell[i] = pool_strndup(p, res->cell[i], res->len[i])) ==
		    NULL)
			return NULL;
	}
	return c;
}

/* Run a write; *id receives the new AUTO_INCREMENT value, if any. */
enum dberr
db_exec(enum stmt s, unsigned long long *id, const char *fmt, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;
	enum dberr	 e;

	va_start(ap, fmt);
	e = stmt_runv(s, &st, fmt, ap);
	va_end(ap);
	if (e != DB_OK)
		return e;
	last_affected = mysql_stmt_affected_rows(st);
	if (id != NULL)
		*id = mysql_stmt_insert_id(st);
	mysql_stmt_free_result(st);
	return DB_OK;
}

unsigned long long
db_affected(void)
{
	return last_affected;
}

enum dberr
db_begin(void)
{
	if (db_connect() != DB_OK)
		return DB_DOWN;
	if (mysql_autocommit(conn, 0) != 0) {
		log_warnx("database: begin: %s", mysql_error(conn));
		db_close();
		return DB_DOWN;
	}
	in_tx = 1;
	return DB_OK;
}

enum dberr
db_commit(void)
{
	int	 rc;

	if (conn == NULL)
		return DB_DOWN;
	rc = mysql_commit(conn);
	if (rc != 0)
		log_warnx("database: commit: %s", mysql_error(conn));
	in_tx = 0;
	if (rc != 0 || mysql_autocommit(conn, 1) != 0) {
		db_close();
		return DB_ERROR;
	}
	return DB_OK;
}

void
db_rollback(void)
{
	if (conn == NULL)
		return;
	in_tx = 0;
	if (mysql_rollback(conn) != 0 || mysql_autocommit(conn, 1) != 0)
		db_close();
}

/* The HTTP status for a database error. */
int
db_status(enum dberr e)
{
	return e == DB_DOWN ? 503 : 500;
}

long long
db_ll(const struct dbres *res, size_t row, size_t col)
{
	const char	*s = DBRES(res, row, col);

	return s == NULL ? 0 : strtoll(s, NULL, 10);
}
