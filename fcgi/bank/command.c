/*
 * command.c: the question bank on the command line: bluecode bank-import
 * and bank-export, as the set-up and an office's scripts run them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/app.h"
#include "bank/bank.h"

/*
 * bluecode bank-import [--publish] [--if-new] FILE: check and load a
 * bank file; every problem is printed with its line. With if_new, a
 * version that is loaded already is not an error.
 */
int
bank_import_file(const struct conf *c, const char *file, int publish,
    int if_new)
{
	struct pool	*p;
	struct dbres	*res;
	char		*buf = NULL, *errors, rng[1024];
	size_t		 sz = 0;
	long long	 version = 0;
	FILE		*fp;
	ssize_t		 n;
	int		 rc;

	if ((fp = fopen(file, "r")) == NULL) {
		log_warn("bank-import: %s", file);
		return -1;
	}
	/* An empty file is read as empty, for the parser to refuse it. */
	if ((n = getdelim(&buf, &sz, '\0', fp)) < 0 && !ferror(fp) &&
	    (buf != NULL || (buf = calloc(1, 1)) != NULL))
		n = 0;
	fclose(fp);
	if (n < 0) {
		log_warn("bank-import: %s", file);
		free(buf);
		return -1;
	}
	if ((p = pool_new(64 * 1024)) == NULL) {
		free(buf);
		return -1;
	}
	db_configure(c);
	snprintf(rng, sizeof(rng), "%s/bank/bank.rng", c->sql_dir);
	rc = bank_import(p, buf, (size_t)n, file, rng, publish, &errors,
	    &version);
	if (rc == -1 && if_new && version > 0 && db_query(p,
	    &bank_sql[STMT_BANK_BY_VERSION], &res, "i", version) == DB_OK &&
	    res->nrows > 0) {
		printf("bank version %lld is loaded already\n", version);
		rc = 0;
	} else if (rc != 0) {
		fprintf(stderr, "%snothing was imported\n", errors ? errors : "");
		rc = -1;
	}
	else
		printf("bank version %lld imported%s\n", version,
		    publish ? " and published" : " as a draft");
	db_close();
	pool_free(p);
	free(buf);
	return rc;
}

/* bluecode bank-export VERSION: the bank file on standard output. */
int
bank_export_print(const struct conf *c, long long version)
{
	struct pool	*p;
	xmlDocPtr	 doc;
	enum dberr	 e;
	int		 rc = -1;

	if ((p = pool_new(64 * 1024)) == NULL)
		return -1;
	db_configure(c);
	if ((doc = bank_export(p, version, &e)) == NULL)
		log_warnx(e == DB_OK ? "bank-export: no bank version %lld" :
		    "bank-export: version %lld: database unavailable", version);
	else {
		rc = xmlDocFormatDump(stdout, doc, 1) < 0 ? -1 : 0;
		xmlFreeDoc(doc);
	}
	db_close();
	pool_free(p);
	return rc;
}
