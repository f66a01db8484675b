/*
 * rekey.c: the sealed columns as one table, and the two commands that
 * walk them in batches of a thousand rows, each batch one transaction:
 * `bluecode seal` moves values still in clear (rows older than
 * migration 030) into their sealed and hashed columns and empties the
 * clear ones; `bluecode rekey` adds a new current key to the key file,
 * has the running master reload (its pid file), and seals again under it
 * every value sealed under an older key (`--add` stops after the key);
 * `bluecode rekey --drop-old` then removes the older keys from the file,
 * once none is in use. Both are idempotent and may be run again after
 * an interruption.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/app.h"
#include "shared/secret.h"

#define REKEY_BATCH	1000
#define PLAIN_JPEG	255	/* a JPEG's first byte: not yet sealed */

/*
 * A sealed column: its table, the column in clear it replaces (the same
 * column when sealed in place), its hash column, and the hash's kind.
 */
static const struct scol {
	const char	*table;
	const char	*clear;
	const char	*sealed;
	const char	*hash;
	const char	*ad;
} scols[] = {
	{ "person", "phone", "phone_enc", "phone_hash", SC_PERSON_PHONE },
	{ "unit_invite", "phone", "phone_enc", "phone_hash",
	  SC_INVITE_PHONE },
	{ "visit_booking", "phone", "phone_enc", "phone_hash",
	  SC_VISIT_PHONE },
	{ "notice", "phone", "phone_enc", NULL, SC_NOTICE_PHONE },
	{ "hazard", "contact_phone", "contact_phone_enc", NULL,
	  SC_HAZARD_PHONE },
	{ "hazard_addition", "contact_phone", "contact_phone_enc", NULL,
	  SC_ADDITION_PHONE },
	{ "training_booking", "phone", "phone_enc", "phone_hash",
	  SC_TRAINING_PHONE },
	{ "aid_application", "applicant_phone", "applicant_phone_enc",
	  "applicant_phone_hash", SC_AID_PHONE },
	{ "aid_application", "applicant_idno", "applicant_idno_enc", NULL,
	  SC_AID_IDNO },
	{ "aid_application", "patient_idno", "patient_idno_enc", NULL,
	  SC_AID_PATIENT_IDNO },
	{ "aid_application", "bank_name", "bank_name_enc", NULL,
	  SC_AID_BANK },
	{ "aid_application", "account_holder", "account_holder_enc", NULL,
	  SC_AID_HOLDER },
	{ "aid_application", "account_number", "account_number_enc", NULL,
	  SC_AID_ACCOUNT },
	{ "aid_document", "jpeg", "jpeg", NULL, SC_AID_DOCUMENT },
};

#define NSCOLS	NELEM(scols)

/* Per column: its statements, written from the table above. */
enum { Q_CLEAR, Q_SEAL, Q_OLD, Q_RESEAL, Q_COUNT, Q__MAX };

static struct stmt	 sql[NSCOLS][Q__MAX];
static struct pool	*stmt_pool;
static struct stmt	 applied = { "SEAL_APPLIED",
	"SELECT 1 FROM schema_migration WHERE version = 30", NULL, NULL, 0 };

static struct pool *commands_start(const struct conf *);
static void	 commands_end(struct pool *);
static int	 reseal_all(struct pool *);
static int	 in_place(const struct scol *);
static void	 stmts_make(struct pool *);
static int	 seal_column(struct pool *, size_t, unsigned long long *);
static int	 reseal_column(struct pool *, size_t, unsigned long long *);
static long long count_old(struct pool *);
static void	 master_reload(const struct conf *);

/* The keys, the database, the statements and a pool for the batches. */
static struct pool *
commands_start(const struct conf *c)
{
	if (secret_init(c) == -1 || (stmt_pool = pool_new(16 * 1024)) ==
	    NULL)
		return NULL;
	db_configure(c);
	stmts_make(stmt_pool);
	return pool_new(64 * 1024);
}

static void
commands_end(struct pool *p)
{
	db_close();
	pool_free(p);
	pool_free(stmt_pool);
	stmt_pool = NULL;
}

static int
in_place(const struct scol *s)
{
	return strcmp(s->clear, s->sealed) == 0;
}

/* Column names are the constants above: no input reaches this SQL. */
static void
stmts_make(struct pool *p)
{
	const struct scol	*s;
	size_t			 i;

	for (i = 0; i < NSCOLS; i++) {
		s = &scols[i];
		sql[i][Q_CLEAR].name = pool_printf(p, "SEAL_CLEAR %s", s->ad);
		sql[i][Q_CLEAR].sql = pool_printf(p, "SELECT id, %s FROM %s "
		    "WHERE id > ? AND %s ORDER BY id LIMIT %d FOR UPDATE",
		    s->clear, s->table, in_place(s) ? pool_printf(p,
		    "ASCII(%s) = %d", s->clear, PLAIN_JPEG) : pool_printf(p,
		    "%s IS NOT NULL", s->clear), REKEY_BATCH);
		sql[i][Q_SEAL].name = pool_printf(p, "SEAL_UPDATE %s", s->ad);
		if (in_place(s))
			sql[i][Q_SEAL].sql = pool_printf(p, "UPDATE %s SET %s "
			    "= ? WHERE id = ?", s->table, s->sealed);
		else if (s->hash == NULL)
			sql[i][Q_SEAL].sql = pool_printf(p, "UPDATE %s SET %s "
			    "= ?, %s = NULL WHERE id = ?", s->table, s->sealed,
			    s->clear);
		else
			sql[i][Q_SEAL].sql = pool_printf(p, "UPDATE %s SET %s "
			    "= ?, %s = ?, %s = NULL WHERE id = ?", s->table,
			    s->sealed, s->hash, s->clear);
		sql[i][Q_OLD].name = pool_printf(p, "REKEY_OLD %s", s->ad);
		sql[i][Q_OLD].sql = pool_printf(p, "SELECT id, %s FROM %s "
		    "WHERE id > ? AND %s IS NOT NULL AND ASCII(%s) NOT IN "
		    "(?, %d) ORDER BY id LIMIT %d FOR UPDATE", s->sealed,
		    s->table, s->sealed, s->sealed, PLAIN_JPEG, REKEY_BATCH);
		sql[i][Q_RESEAL].name = pool_printf(p, "REKEY_UPDATE %s",
		    s->ad);
		sql[i][Q_RESEAL].sql = pool_printf(p, "UPDATE %s SET %s = ? "
		    "WHERE id = ?", s->table, s->sealed);
		sql[i][Q_COUNT].name = pool_printf(p, "REKEY_COUNT %s", s->ad);
		sql[i][Q_COUNT].sql = pool_printf(p, "SELECT COUNT(*) FROM %s "
		    "WHERE %s IS NOT NULL AND ASCII(%s) NOT IN (?, %d)",
		    s->table, s->sealed, s->sealed, PLAIN_JPEG);
	}
}

/* One column's clear values sealed, batch by batch. */
static int
seal_column(struct pool *p, size_t i, unsigned long long *total)
{
	const struct scol	*s = &scols[i];
	struct dbres		*res;
	struct sealed		 v, h;
	long long		 last = 0;
	size_t			 k;
	enum dberr		 e;

	do {
		pool_reset(p);
		if ((e = db_begin()) != DB_OK ||
		    (e = db_query(p, &sql[i][Q_CLEAR], &res, "i", last)) !=
		    DB_OK)
			return db_end(e) == DB_OK ? 0 : -1;
		for (k = 0; k < res->nrows && e == DB_OK; k++) {
			last = db_ll(res, k, 0);
			if (in_place(s))
				v = secret_seal(p, s->ad, DBRES(res, k, 1),
				    res->len[k * 2 + 1]);
			else
				v = secret_seal_str(p, s->ad, DBRES(res, k, 1));
			/* Never empty a clear value that was not sealed. */
			if (v.p == NULL && *DBRES(res, k, 1) != '\0') {
				e = DB_ERROR;
				break;
			}
			if (s->hash == NULL)
				e = db_exec(&sql[i][Q_SEAL], NULL, "bi", v.p,
				    v.n, last);
			else {
				h = secret_hash_of(p, SH_PHONE,
				    DBRES(res, k, 1));
				e = db_exec(&sql[i][Q_SEAL], NULL, "bbi", v.p,
				    v.n, h.p, h.n, last);
			}
		}
		if ((e = db_end(e)) != DB_OK)
			return -1;
		*total += res->nrows;
	} while (res->nrows == REKEY_BATCH);
	return 0;
}

/* One column's values under older keys sealed under the current one. */
static int
reseal_column(struct pool *p, size_t i, unsigned long long *total)
{
	const struct scol	*s = &scols[i];
	struct dbres		*res;
	struct sealed		 v;
	long long		 last = 0;
	size_t			 k, n;
	void			*clear;
	enum dberr		 e;

	do {
		pool_reset(p);
		if ((e = db_begin()) != DB_OK ||
		    (e = db_query(p, &sql[i][Q_OLD], &res, "ii", last,
		    (long long)secret_current())) != DB_OK)
			return db_end(e) == DB_OK ? 0 : -1;
		for (k = 0; k < res->nrows && e == DB_OK; k++) {
			last = db_ll(res, k, 0);
			if ((clear = secret_open(p, s->ad, DBRES(res, k, 1),
			    res->len[k * 2 + 1], &n)) == NULL) {
				log_warnx("rekey: %s row %lld does not open",
				    s->ad, last);
				e = DB_ERROR;
				break;
			}
			v = secret_seal(p, s->ad, clear, n);
			e = db_exec(&sql[i][Q_RESEAL], NULL, "bi", v.p, v.n,
			    last);
		}
		if ((e = db_end(e)) != DB_OK)
			return -1;
		*total += res->nrows;
	} while (res->nrows == REKEY_BATCH);
	return 0;
}

/* Values still sealed under a key that is not the current one. */
static long long
count_old(struct pool *p)
{
	struct dbres	*res;
	long long	 n = 0;
	size_t		 i;

	for (i = 0; i < NSCOLS; i++) {
		if (db_query(p, &sql[i][Q_COUNT], &res, "i",
		    (long long)secret_current()) != DB_OK)
			return -1;
		n += db_ll(res, 0, 0);
	}
	return n;
}

/* bluecode seal: clear values moved into the sealed columns. */
int
secret_seal_all(const struct conf *c)
{
	struct pool		*p;
	struct dbres		*res;
	unsigned long long	 n;
	size_t			 i;
	int			 rc = 0;

	if ((p = commands_start(c)) == NULL)
		return -1;
	if (db_query(p, &applied, &res, "") != DB_OK) {
		commands_end(p);
		return -1;
	}
	if (res->nrows == 0) {
		printf("nothing to seal before migration 030\n");
		commands_end(p);
		return 0;
	}
	for (i = 0; i < NSCOLS && rc == 0; i++) {
		n = 0;
		if ((rc = seal_column(p, i, &n)) == 0 && n > 0)
			printf("%llu values of %s sealed\n", n, scols[i].ad);
	}
	commands_end(p);
	if (rc == -1)
		log_warnx("seal: stopped (database); run it again");
	return rc;
}

/* Ask the running master, if any, to reload: its workers read the keys. */
static void
master_reload(const struct conf *c)
{
	FILE	*fp;
	long	 pid = 0;

	if (c->pid_file == NULL || (fp = fopen(c->pid_file, "r")) == NULL)
		return;
	if (fscanf(fp, "%ld", &pid) != 1)
		pid = 0;
	fclose(fp);
	if (pid > 1 && kill((pid_t)pid, SIGHUP) == 0) {
		printf("master %ld reloading\n", pid);
		sleep(2);	/* its new workers start with the new key */
	}
}

/* Every value under an older key sealed again; passes until none. */
static int
reseal_all(struct pool *p)
{
	unsigned long long	 n;
	long long		 left;
	size_t			 i;
	int			 pass;

	for (pass = 0; pass < 3; pass++) {
		for (i = 0; i < NSCOLS; i++) {
			n = 0;
			if (reseal_column(p, i, &n) == -1)
				return -1;
			if (n > 0)
				printf("%llu values of %s sealed under key "
				    "%d\n", n, scols[i].ad, secret_current());
		}
		pool_reset(p);
		if ((left = count_old(p)) <= 0)
			return (int)left;
	}
	log_warnx("rekey: %lld values still under older keys; run it again",
	    left);
	return -1;
}

/*
 * bluecode rekey [--add | --drop-old]: a new key unless a rotation is
 * still under way (then it goes on with it), and every value sealed
 * again under it; --add only the key (to copy the file to other hosts
 * before the values move); --drop-old once the rotation is over.
 */
int
secret_rekey(const struct conf *c, enum rekey_step step)
{
	struct pool	*p;
	long long	 left;
	int		 rc = -1;

	if ((p = commands_start(c)) == NULL)
		return -1;
	if ((left = count_old(p)) == -1)
		goto done;
	if (step == REKEY_DROP) {
		if (left > 0)
			log_warnx("rekey: %lld values still under older keys; "
			    "run bluecode rekey first", left);
		else if (secret_keyfile_update(c->data_key_file, 0) == 0) {
			printf("older keys dropped; key %d kept\n",
			    secret_current());
			master_reload(c);
			rc = 0;
		}
		goto done;
	}
	if (left == 0) {
		if (secret_keyfile_update(c->data_key_file, 1) == -1 ||
		    secret_init(c) == -1)
			goto done;
		printf("key %d added, now current\n", secret_current());
	} else
		printf("rotation to key %d under way: %lld values to go\n",
		    secret_current(), left);
	master_reload(c);
	if (step == REKEY_ADD) {
		printf("bluecode rekey seals them under key %d\n",
		    secret_current());
		rc = 0;
	} else if ((rc = reseal_all(p)) == 0)
		printf("every value under key %d; bluecode rekey --drop-old "
		    "removes the older keys\n", secret_current());
done:
	commands_end(p);
	return rc;
}
