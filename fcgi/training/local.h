/*
 * local.h: what the files of the training room share (training.c,
 * track.c): the field, stylesheet and statement tables, and the
 * handlers of the tracking page. No other room includes it.
 */
#ifndef TRAINING_LOCAL_H
#define TRAINING_LOCAL_H

enum training_field {
	FIELD_NAME,
	FIELD_PHONE,
	FIELD_ORG,
	FIELD_REGION,
	FIELD_ADDRESS,
	FIELD_HEADCOUNT,
	FIELD_TOPIC,
	FIELD_OTHER,
	FIELD_DAY1,
	FIELD_PART1,
	FIELD_DAY2,
	FIELD_PART2,
	FIELD_DAY3,
	FIELD_PART3,
	FIELD_NOTE,
	TRAINING_FIELD__MAX
};

enum training_sheet {
	SHEET_FORM,
	SHEET_TRACK,
	TRAINING_SHEET__MAX
};

enum training_stmt {
	STMT_UNIT_OF,
	STMT_INSERT,
	STMT_INSERT_MORE,
	STMT_GET,
	STMT_LOCK,
	STMT_CANCEL,
	STMT_ACCEPT,
	STMT_TRAINER_LOCK,
	STMT_TRAINER_OVERLAP,
	TRAINING_STMT__MAX
};

extern const struct field	 training_fields[];
extern struct sheet		 training_sheets[];
extern struct stmt		 training_sql[];

/* track.c */
int		 training_track(struct req *);
int		 training_cancel(struct req *);
int		 training_accept(struct req *);

#endif /* TRAINING_LOCAL_H */
