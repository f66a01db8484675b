/*
 * local.h: what the question bank room's own files share: a bank file
 * read and checked (parse.c), before bank.c stores it.
 */
#ifndef BANK_LOCAL_H
#define BANK_LOCAL_H

/* The problems found in a bank file, one "name:line: message" a line. */
struct bank_errs {
	struct pool	*pool;
	const char	*name;
	char		*buf;
	int		 n;
	enum dberr	 db;		/* a database failure, if any */
};

/* A bank file read and checked; its questions point into doc. */
struct bank_file {
	xmlDocPtr	 doc;		/* freed with the pool */
	const char	*version;
	const char	*title;
	struct bq	*qs;
	int		 nq;
};

/* parse.c */
void		 bank_err_add(struct bank_errs *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
int		 bank_parse(struct pool *, const char *, size_t, const char *,
		    struct bank_file *, struct bank_errs *);

#endif /* BANK_LOCAL_H */
