/*
 * bank.h: the question bank room: bank files, versions, and the
 * vocabulary of a question, for the quiz and the admin's editor.
 */
#ifndef BANK_H
#define BANK_H

#define BANK_MAXOPTS	6

/* A question as a bank file or the editor gives it. */
struct bq {
	xmlNodePtr	 node;		/* in a bank file */
	const char	*ref;
	const char	*type;
	const char	*category;
	char		 roles[80];	/* "citizen,student" for a SET */
	const char	*stem;
	const char	*explanation;
	const char	*source;
	int		 nopts;
	char		 keys[BANK_MAXOPTS];
	const char	*text[BANK_MAXOPTS];
	int		 correct[BANK_MAXOPTS];
	/* Its English, all or none: stem_en NULL when it has none. */
	const char	*stem_en;
	const char	*explanation_en;
	const char	*source_en;
	int		 nopts_en;
	char		 keys_en[BANK_MAXOPTS];
	const char	*text_en[BANK_MAXOPTS];
	int		 en_line;	/* of <en> in a bank file */
};

/* bank.c: its statements, also run by the admin's question editor. */
enum bank_stmt {
	STMT_BANK_INSERT,
	STMT_BANK_BY_VERSION,
	STMT_BANK_RETIRE_PUBLISHED,
	STMT_BANK_PUBLISH,
	STMT_BANK_QUESTIONS,
	STMT_BANK_OPTIONS,
	STMT_QUESTION_INSERT,
	STMT_OPTION_INSERT,
	BANK_STMT__MAX
};

extern struct stmt bank_sql[BANK_STMT__MAX];

int		 bank_valid_opt(struct fval *);
int		 bank_valid_type(struct fval *);
int		 bank_valid_category(struct fval *);
int		 bank_valid_role(struct fval *);
int		 bank_question_ok(const struct bq *);
int		 bank_import(struct pool *, const char *, size_t, const char *,
		    const char *, int, char **, long long *);
xmlDocPtr	 bank_export(struct pool *, long long, enum dberr *);
enum dberr	 bank_publish_tx(long long);

/* command.c: bluecode bank-import and bank-export. */
int		 bank_import_file(const struct conf *, const char *, int, int);
int		 bank_export_print(const struct conf *, long long);

#endif /* BANK_H */
