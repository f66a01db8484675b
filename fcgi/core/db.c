/*
 * db.c: the worker's MariaDB connection and the statement mechanism.
 * Each module keeps its SQL in a table of its own (struct stmt, ?
 * placeholders only); a statement is prepared once per connection on
 * first use and kept on a list, which a lost connection empties. A lost
 * server (2006/2013) closes the connection; the next use reconnects and
 * prepares again, and a statement outside a transaction is retried once.
 *
 * A conflict (a deadlock, or a Galera node's certification failure, both
 * 1213; a Galera node not ready, 1047) is remembered: when the request's
 * handler fails on one before it committed anything, the worker rolls
 * back and runs the handler again (db_retry_*; README, "Scale-out").
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <sodium.h>

#include "app.h"

#define DB_MAXPARAMS	24	/* an aid application has 19 */
#define DB_CELLBUF	256
#define DB_MAXCLAIMS	4	/* named locks one request holds */
#define DB_CLAIMLEN	64	/* as db_claim.name */

/* The mechanism's own statements: named locks. */
enum db_stmt {
	STMT_OWNER_LOCK,
	STMT_OWNER_UNLOCK,
	STMT_CLAIM,
	DB_STMT__MAX
};

static struct stmt db_sql[DB_STMT__MAX] = {
	[STMT_OWNER_LOCK] = { "OWNER_LOCK",
	  "SELECT GET_LOCK(?, 10)" },
	[STMT_OWNER_UNLOCK] = { "OWNER_UNLOCK",
	  "SELECT RELEASE_ALL_LOCKS()" },
	/*
	 * A named lock written as a row in each transaction under it: a
	 * Galera cluster does not replicate GET_LOCK, but certifies this
	 * row, so two such transactions on two nodes cannot both commit.
	 */
	[STMT_CLAIM] = { "CLAIM",
	  "INSERT INTO db_claim (name) VALUES (?) "
	  "ON DUPLICATE KEY UPDATE n = n + 1" },
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
static struct stmt		*prepared;	/* the list of prepared ones */
static int			 locks_held;	/* db_lock since db_unlock_all */
static int			 in_tx;
static unsigned long long	 last_affected;
static char			 claims[DB_MAXCLAIMS][DB_CLAIMLEN + 1];
static int			 nclaims;
static int			 conflict;	/* since db_retry_begin */
static int			 committed;	/* since db_retry_begin */

static int	 bind_params(struct bindset *, const char *, va_list);
static int	 gone(unsigned int);
static int	 conflicted(unsigned int);
static enum dberr claim_keep(const char *);
static enum dberr claims_write(void);
static MYSQL_STMT *stmt_get(struct stmt *);
static enum dberr stmt_run(struct stmt *, struct bindset *, MYSQL_STMT **);
static enum dberr fetch_all(struct pool *, MYSQL_STMT *, struct dbres **);

void
db_configure(const struct conf *c)
{
	dbconf = c;
}

/* Close the connection and forget every prepared statement. */
void
db_close(void)
{
	struct stmt	*s, *next;

	for (s = prepared; s != NULL; s = next) {
		next = s->next;
		mysql_stmt_close(s->prepared);
		s->prepared = NULL;
		s->next = NULL;
	}
	prepared = NULL;
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	in_tx = 0;
	locks_held = 0;
	nclaims = 0;
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
	if ((e = claim_keep(name)) != DB_OK)
		return e;
	if ((e = db_query(p, &db_sql[STMT_OWNER_LOCK], &res, "s", name)) !=
	    DB_OK)
		return e;
	if (res->nrows == 0 || DBRES(res, 0, 0) == NULL ||
	    db_ll(res, 0, 0) != 1) {
		log_warnx("database: lock %s: not had in 10 s", name);
		return DB_DOWN;
	}
	return DB_OK;
}

/* Remember a named lock for the transactions under it (db_begin). */
static enum dberr
claim_keep(const char *name)
{
	int	 i;

	for (i = 0; i < nclaims; i++)
		if (strcmp(claims[i], name) == 0)
			return DB_OK;
	if (nclaims == DB_MAXCLAIMS || strlen(name) > DB_CLAIMLEN) {
		log_warnx("database: lock %s: more or longer than kept", name);
		return DB_ERROR;
	}
	snprintf(claims[nclaims++], sizeof(claims[0]), "%s", name);
	return DB_OK;
}

/* Release every named lock this connection holds, if it holds any. */
void
db_unlock_all(struct pool *p)
{
	struct dbres	*res;

	nclaims = 0;
	if (!locks_held || conn == NULL)
		return;
	locks_held = 0;
	if (db_query(p, &db_sql[STMT_OWNER_UNLOCK], &res, "") != DB_OK)
		db_close();	/* a new connection holds no lock */
}

/* Whether this process holds a connection now (it may still be broken). */
int
db_connected(void)
{
	return conn != NULL;
}

/*
 * The seconds a statement may take to answer before the connection is
 * given up as lost: 30 for requests; a command that rebuilds whole
 * tables sets more before it connects.
 */
static unsigned int	 rw_timeout = 30;

void
db_set_timeout(unsigned int seconds)
{
	rw_timeout = seconds;
}

enum dberr
db_connect(void)
{
	unsigned int	 timeout, rwtimeout = rw_timeout;
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

/*
 * Errors after which the same transaction, run again from its start,
 * may well succeed: a deadlock or a Galera certification failure (the
 * transaction was rolled back), a Galera node that is not (yet) part of
 * the primary component. Not a lock wait timeout (1205): it comes after
 * innodb_lock_wait_timeout, and waiting that long again is no remedy.
 */
static int
conflicted(unsigned int err)
{
	return err == ER_LOCK_DEADLOCK || err == ER_UNKNOWN_COM_ERROR;
}

static MYSQL_STMT *
stmt_get(struct stmt *s)
{
	MYSQL_STMT	*st;

	if (s->prepared != NULL)
		return s->prepared;
	if ((st = mysql_stmt_init(conn)) == NULL)
		return NULL;
	if (mysql_stmt_prepare(st, s->sql, strlen(s->sql)) != 0) {
		log_warnx("stmt %s: prepare: %s", s->name,
		    mysql_stmt_error(st));
		if (gone(mysql_stmt_errno(st)))
			db_close();
		mysql_stmt_close(st);
		return NULL;
	}
	s->prepared = st;
	s->next = prepared;
	prepared = s;
	return st;
}

/*
 * Parameters by a format: 'i' long long, 'n' long long where 0 is SQL
 * NULL (optional ids), 'd' double, 's' string (NULL is SQL NULL), 'b' a
 * pointer and a size_t length (binary;
 * a NULL pointer is SQL NULL).
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
			b->buffer = va_arg(ap, void *);
			b->buffer_type = b->buffer == NULL ? MYSQL_TYPE_NULL :
			    MYSQL_TYPE_BLOB;
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
stmt_run(struct stmt *s, struct bindset *bs, MYSQL_STMT **out)
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
			    s->name, mysql_stmt_param_count(st), bs->n);
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
		if (conflicted(err))
			conflict = 1;
		log_warnx("stmt %s: %s (%u)", s->name,
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
		if (conflicted(mysql_stmt_errno(st)))
			conflict = 1;
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
stmt_runv(struct stmt *s, MYSQL_STMT **st, const char *fmt, va_list ap)
{
	struct bindset	 bs;

	if (bind_params(&bs, fmt, ap) == -1) {
		log_warnx("stmt %s: bad parameter format", s->name);
		return DB_ERROR;
	}
	return stmt_run(s, &bs, st);
}

/* Run a SELECT; *res is in the pool and valid until the pool is reset. */
enum dberr
db_query(struct pool *p, struct stmt *s, struct dbres **res, const char *fmt,
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
db_exec(struct stmt *s, unsigned long long *id, const char *fmt, ...)
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
	if (!in_tx && !(s->flags & STMT_IDEMPOTENT))
		committed = 1;
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

/*
 * Begin a transaction. Under named locks (db_lock), its first writes
 * are the locks' rows in db_claim: what makes the lock hold across the
 * nodes of a Galera cluster, for the writes of this transaction.
 */
enum dberr
db_begin(void)
{
	int	 attempt, held = locks_held;

	/*
	 * A connection the server dropped is made again, as in stmt_run,
	 * unless it held a named lock the request relies on.
	 */
	for (attempt = 0; attempt < 2; attempt++) {
		if (db_connect() != DB_OK)
			return DB_DOWN;
		if (mysql_autocommit(conn, 0) == 0) {
			in_tx = 1;
			return claims_write();
		}
		log_warnx("database: begin: %s", mysql_error(conn));
		db_close();
		if (held)
			break;
	}
	return DB_DOWN;
}

/*
 * The first writes of a transaction under named locks: the locks' rows
 * in db_claim, what makes a lock hold across the nodes of a Galera
 * cluster for the writes of the transaction.
 */
static enum dberr
claims_write(void)
{
	enum dberr	 e;
	int		 i;

	for (i = 0; i < nclaims; i++)
		if ((e = db_exec(&db_sql[STMT_CLAIM], NULL, "s", claims[i])) !=
		    DB_OK) {
			db_rollback();
			return e;
		}
	return DB_OK;
}

/*
 * A commit whose server went away may or may not have been made: the
 * request says the service is unavailable (503, try again), and trying
 * again finds what was made. A conflict at COMMIT (Galera's
 * certification) rolls back and leaves the connection usable.
 */
enum dberr
db_commit(void)
{
	unsigned int	 err = 0;
	int		 rc;

	if (conn == NULL)
		return DB_DOWN;
	if ((rc = mysql_commit(conn)) != 0) {
		err = mysql_errno(conn);
		log_warnx("database: commit: %s (%u)", mysql_error(conn), err);
	}
	if (rc != 0 && conflicted(err)) {
		conflict = 1;
		db_rollback();
		return DB_ERROR;
	}
	in_tx = 0;
	if (rc == 0 && (rc = mysql_autocommit(conn, 1)) != 0)
		err = mysql_errno(conn);
	if (rc != 0) {
		db_close();
		return gone(err) ? DB_DOWN : DB_ERROR;
	}
	committed = 1;
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

/*
 * The end of a transaction begun with db_begin, given how its writes
 * went: committed after DB_OK, rolled back otherwise. What came of it.
 */
enum dberr
db_end(enum dberr e)
{
	if (e == DB_OK)
		return db_commit();
	db_rollback();
	return e;
}

/* The start of a run of a request's handler: nothing seen yet. */
void
db_retry_begin(void)
{
	conflict = committed = 0;
}

/*
 * After a run of a handler that sent nothing: whether to run it again.
 * Yes when it met a conflict before it committed anything, up to
 * DB_RETRIES times, after a short random pause that grows (two requests
 * that collided should not collide again at once). An open transaction
 * is rolled back first.
 */
int
db_retry(const char *what, int attempt)
{
	if (!conflict || committed || attempt >= DB_RETRIES) {
		if (conflict)
			log_warnx("%s: conflict, not retried (%s)", what,
			    committed ? "committed before" : "retries used");
		return 0;
	}
	if (in_tx)
		db_rollback();
	log_warnx("%s: conflict, run again (%d of %d)", what, attempt + 1,
	    DB_RETRIES);
	usleep((useconds_t)((5000 << attempt) +
	    randombytes_uniform(5000U << attempt)));
	return 1;
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
