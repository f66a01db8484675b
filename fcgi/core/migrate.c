/*
 * migrate.c: bluecode migrate: the numbered migrations in sql_dir, each
 * applied once, in order, one run at a time.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "app.h"
#include "server.h"

#define MIGRATIONS_MAX	1000

static const char create_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migration ("
    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

static const char take_lock[] =
    "SELECT GET_LOCK('bluecode.migrate', 60)";
static const char select_applied[] =
    "SELECT 1 FROM schema_migration WHERE version = ?";
static const char insert_applied[] =
    "INSERT INTO schema_migration (version, name) VALUES (?, ?)";

static MYSQL	*migrate_connect(const struct conf *);
static int	 migrate_one(MYSQL *, const char *, const char *, unsigned);
static int	 is_applied(MYSQL *, unsigned);
static int	 name_cmp(const void *, const void *);

static MYSQL *
migrate_connect(const struct conf *c)
{
	MYSQL	*m;

	if ((m = mysql_init(NULL)) == NULL)
		return NULL;
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_INIT_COMMAND, "SET time_zone = '+08:00'");
	if (mysql_real_connect(m, c->db_host, c->db_user, c->db_password,
	    c->db_name, (unsigned int)c->db_port, c->db_socket,
	    CLIENT_MULTI_STATEMENTS) == NULL) {
		log_warnx("database: connect: %s", mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	return m;
}

static int
is_applied(MYSQL *m, unsigned version)
{
	MYSQL_STMT	*st;
	MYSQL_BIND	 b;
	int		 found;

	st = mysql_stmt_init(m);
	memset(&b, 0, sizeof(b));
	b.buffer_type = MYSQL_TYPE_LONG;
	b.is_unsigned = 1;
	b.buffer = &version;
	if (st == NULL || mysql_stmt_prepare(st, select_applied,
	    sizeof(select_applied) - 1) != 0 ||
	    mysql_stmt_bind_param(st, &b) != 0 || mysql_stmt_execute(st) != 0 ||
	    mysql_stmt_store_result(st) != 0) {
		log_warnx("migrate: %s", st ? mysql_stmt_error(st) : "init");
		if (st != NULL)
			mysql_stmt_close(st);
		return -1;
	}
	found = mysql_stmt_num_rows(st) > 0;
	mysql_stmt_close(st);
	return found;
}

/* Run one file (several statements) and record it. */
static int
migrate_one(MYSQL *m, const char *dir, const char *name, unsigned version)
{
	MYSQL_STMT	*st;
	MYSQL_BIND	 b[2];
	unsigned long	 nlen = strlen(name);
	char		 path[1024], *sql = NULL;
	size_t		 sz = 0;
	FILE		*fp;
	int		 rc = 0, status;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "r")) == NULL) {
		log_warn("migrate: %s", path);
		return -1;
	}
	if (getdelim(&sql, &sz, '\0', fp) == -1) {
		log_warn("migrate: %s", path);
		fclose(fp);
		free(sql);
		return -1;
	}
	fclose(fp);
	if (mysql_real_query(m, sql, strlen(sql)) != 0)
		rc = -1;
	while (rc == 0) {
		MYSQL_RES *res = mysql_store_result(m);

		if (res != NULL)
			mysql_free_result(res);
		if ((status = mysql_next_result(m)) > 0)
			rc = -1;
		else if (status == -1)
			break;
	}
	free(sql);
	if (rc == -1) {
		/*
		 * MariaDB commits each schema change at once: the statements
		 * before the failing one may stand. Say so rather than leave
		 * the next run to trip over them.
		 */
		log_warnx("migrate: %s: %s; it is not recorded, and statements "
		    "of it before this one may have been applied: repair the "
		    "database by hand before running migrate again", name,
		    mysql_error(m));
		return -1;
	}
	memset(b, 0, sizeof(b));
	b[0].buffer_type = MYSQL_TYPE_LONG;
	b[0].is_unsigned = 1;
	b[0].buffer = &version;
	b[1].buffer_type = MYSQL_TYPE_STRING;
	b[1].buffer = (void *)name;
	b[1].length = &nlen;
	if ((st = mysql_stmt_init(m)) == NULL ||
	    mysql_stmt_prepare(st, insert_applied,
	    sizeof(insert_applied) - 1) != 0 ||
	    mysql_stmt_bind_param(st, b) != 0 || mysql_stmt_execute(st) != 0) {
		log_warnx("migrate: record %s: %s", name,
		    st ? mysql_stmt_error(st) : "init");
		rc = -1;
	}
	if (st != NULL)
		mysql_stmt_close(st);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Apply every NNN_name.sql not yet recorded, in order. Safe to run
 * again: applied versions are skipped. quiet: say nothing when current.
 */
int
migrate_run(const struct conf *c, int quiet)
{
	MYSQL		*m;
	DIR		*d;
	struct dirent	*de;
	char		*names[MIGRATIONS_MAX];
	MYSQL_RES	*lockres = NULL;
	MYSQL_ROW	 row;
	size_t		 n = 0, i;
	unsigned	 v;
	int		 rc = 0, applied = 0, done;

	if ((m = migrate_connect(c)) == NULL)
		return -1;
	/* One migration run at a time, from any host (closing releases it). */
	if (mysql_real_query(m, take_lock, sizeof(take_lock) - 1) != 0 ||
	    (lockres = mysql_store_result(m)) == NULL ||
	    (row = mysql_fetch_row(lockres)) == NULL || row[0] == NULL ||
	    strcmp(row[0], "1") != 0) {
		log_warnx("migrate: another migration is running (%s)",
		    mysql_error(m));
		if (lockres != NULL)
			mysql_free_result(lockres);
		mysql_close(m);
		return -1;
	}
	mysql_free_result(lockres);
	if (mysql_real_query(m, create_table, sizeof(create_table) - 1)) {
		log_warnx("migrate: %s", mysql_error(m));
		mysql_close(m);
		return -1;
	}
	if ((d = opendir(c->sql_dir)) == NULL) {
		log_warn("migrate: %s", c->sql_dir);
		mysql_close(m);
		return -1;
	}
	while ((de = readdir(d)) != NULL && n < MIGRATIONS_MAX) {
		size_t	 len = strlen(de->d_name);

		if (len > 8 && strspn(de->d_name, "0123456789") == 3 &&
		    de->d_name[3] == '_' &&
		    strcmp(de->d_name + len - 4, ".sql") == 0)
			names[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 1; i < n && rc == 0; i++)
		if (strncmp(names[i - 1], names[i], 3) == 0) {
			log_warnx("migrate: %s and %s have the same number",
			    names[i - 1], names[i]);
			rc = -1;
		}
	for (i = 0; i < n && rc == 0; i++) {
		v = (unsigned)strtoul(names[i], NULL, 10);
		if ((done = is_applied(m, v)) == -1)
			rc = -1;
		else if (!done) {
			if ((rc = migrate_one(m, c->sql_dir, names[i], v)) == 0)
				printf("applied %s\n", names[i]);
			applied++;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	if (rc == 0 && applied == 0 && !quiet)
		printf("database is up to date\n");
	mysql_close(m);
	return rc;
}
