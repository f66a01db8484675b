/*
 * local.h: what the files of the aid room share (aid.c, the form and
 * its documents; track.c, the applicant's tracking page): the fields,
 * the stylesheets, the statements, and the taking of document images.
 */
#ifndef AID_LOCAL_H
#define AID_LOCAL_H

#define AID_DOCS_MAX		6	/* images in one form */
#define AID_DOCS_TOTAL		24	/* of one application, in all */
#define AID_GUESSES_MAX		10	/* wrong numbers a reference, an hour */
#define AID_NAME_MAX		32	/* characters */
#define AID_PLACE_MAX		200
#define AID_STORY_MAX		1000
#define AID_HOSPITAL_MAX	100
#define AID_BANK_MAX		64
#define AID_NOTE_MAX		500
#define AID_COSTS_MAX		500000000LL	/* fen: 5,000,000.00 yuan */

enum aid_field {
	FIELD_NAME,
	FIELD_PHONE,
	FIELD_IDNO,
	FIELD_RELATION,
	FIELD_PATIENT,
	FIELD_PATIENT_IDNO,
	FIELD_DATE,
	FIELD_REGION,
	FIELD_PLACE,
	FIELD_STORY,
	FIELD_HOSPITAL,
	FIELD_COSTS,
	FIELD_REIMBURSED,
	FIELD_BANK,
	FIELD_HOLDER,
	FIELD_ACCOUNT,
	FIELD_NOTE,
	AID_FIELD__MAX
};

enum aid_sheet {
	SHEET_AID,
	SHEET_TRACK,
	AID_SHEET__MAX
};

enum aid_stmt {
	STMT_WHEN,
	STMT_APP_INSERT,
	STMT_DOC_INSERT,
	STMT_BY_REF,
	STMT_GUESSES,
	STMT_GUESS_ADD,
	STMT_LOCK,
	STMT_DOCS_COUNT,
	STMT_RESUBMIT,
	AID_STMT__MAX
};

extern const struct field	 aid_fields[AID_FIELD__MAX];
extern struct sheet		 aid_sheets[AID_SHEET__MAX];
extern struct stmt		 aid_sql[AID_STMT__MAX];

struct photo;

/* Why a form's documents are refused: the reason, and which file. */
struct aid_refusal {
	const char	*code;		/* no-docs, too-many-docs, photo-… */
	const char	*file;		/* its name as sent, or NULL */
	size_t		 n;		/* its place in the form, from 1 */
};

/* aid.c */
int		 aid_docs_take(struct req *, size_t, struct photo **, size_t *,
		    struct aid_refusal *);
enum dberr	 aid_docs_store(struct pool *, long long, const struct photo *,
		    size_t);
void		 aid_refusal_xml(xmlNodePtr, const struct aid_refusal *);
int		 aid_line_ok(const struct fval *, size_t, int);

/* track.c */
int		 aid_track_ask(struct req *);
int		 aid_track(struct req *);
int		 aid_more(struct req *);

#endif /* AID_LOCAL_H */
