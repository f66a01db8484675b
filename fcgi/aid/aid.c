/*
 * aid.c: 申请火灾烧伤救助, a burn-injury aid application: who can apply
 * and what to prepare, the form (applicant, patient, the fire, the
 * hospital and its costs, the bank account, 1 to 6 document images),
 * and the application taken in one transaction with all its documents,
 * or nothing at all. Each image is decoded and encoded again by
 * shared/photo.c; one that is refused refuses the form, naming the file
 * and why. The applicant then follows it by its tracking number and
 * mobile number (track.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/app.h"
#include "aid/aid.h"
#include "aid/local.h"
#include "shared/jurisdiction.h"
#include "shared/notice.h"
#include "shared/photo.h"
#include "shared/ref.h"
#include "shared/secret.h"

static int	 aid_form(struct req *);
static int	 aid_submit(struct req *);
static int	 valid_idno(struct fval *);
static int	 valid_relation(struct fval *);
static int	 valid_account(struct fval *);

static const struct route aid_routes[] = {
	/* AID: who can apply, what to prepare, the form */
	{ METHOD_GET, "/aid", aid_form, 0 },
	/* AID_SUBMIT: the form with its documents */
	{ METHOD_POST, "/aid", aid_submit, RF_UPLOAD },
	/* AID_TRACK_ASK: the tracking page asks for the mobile number */
	{ METHOD_GET, "/aid/r/:ref", aid_track_ask, 0 },
	/* AID_TRACK: the application, with the right number */
	{ METHOD_POST, "/aid/r/:ref", aid_track, 0 },
	/* AID_MORE: documents and a note added when asked for */
	{ METHOD_POST, "/aid/r/:ref/more", aid_more, RF_UPLOAD },
};

const struct field aid_fields[AID_FIELD__MAX] = {
	{ "name", valid_line, 4 * AID_NAME_MAX, 0 },	/* FIELD_NAME */
	{ "phone", valid_phone, 11, 0 },		/* FIELD_PHONE */
	{ "idno", valid_idno, 18, 0 },			/* FIELD_IDNO */
	{ "relation", valid_relation, 10, 0 },		/* FIELD_RELATION */
	{ "patient", valid_line, 4 * AID_NAME_MAX, 0 },	/* FIELD_PATIENT */
	{ "patient_idno", valid_idno, 18, 0 },	/* FIELD_PATIENT_IDNO */
	{ "date", valid_date, 10, 0 },			/* FIELD_DATE */
	{ "region", valid_id, 10, 0 },			/* FIELD_REGION */
	{ "place", valid_line, 4 * AID_PLACE_MAX, 0 },	/* FIELD_PLACE */
	{ "story", valid_line, 4 * AID_STORY_MAX, 0 },	/* FIELD_STORY */
	/* FIELD_HOSPITAL */
	{ "hospital", valid_line, 4 * AID_HOSPITAL_MAX, 0 },
	{ "costs", aid_valid_money, 13, 0 },		/* FIELD_COSTS */
	{ "reimbursed", aid_valid_money, 13, 0 },	/* FIELD_REIMBURSED */
	{ "bank", valid_line, 4 * AID_BANK_MAX, 0 },	/* FIELD_BANK */
	{ "holder", valid_line, 4 * AID_NAME_MAX, 0 },	/* FIELD_HOLDER */
	{ "account", valid_account, 30, 0 },		/* FIELD_ACCOUNT */
	{ "note", valid_line, 4 * AID_NOTE_MAX, 0 },	/* FIELD_NOTE */
};

struct sheet aid_sheets[AID_SHEET__MAX] = {
	{ "aid.xsl", 1, { NULL } },			/* SHEET_AID */
	{ "aid-track.xsl", 1, { NULL } },		/* SHEET_TRACK */
};

struct stmt aid_sql[AID_STMT__MAX] = {
	/* A day that exists (NULL: none), not to come, within two years. */
	[STMT_WHEN] = { "AID_WHEN",
	  "SELECT CAST(? AS DATE), CAST(? AS DATE) <= CURDATE(), "
	  "CAST(? AS DATE) >= CURDATE() - INTERVAL 2 YEAR" },
	[STMT_APP_INSERT] = { "AID_APP_INSERT",
	  "INSERT INTO aid_application (jurisdiction_id, region_id, "
	  "person_id, ref, applicant_name, applicant_phone_enc, "
	  "applicant_phone_hash, applicant_idno_enc, relation, patient_name, "
	  "patient_idno_enc, incident_date, incident_place, story, hospital, "
	  "costs, reimbursed, bank_name_enc, account_holder_enc, "
	  "account_number_enc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	  "?, ?, ?, ?, ?, ?, ?, ?)" },
	[STMT_DOC_INSERT] = { "AID_DOC_INSERT",
	  "INSERT INTO aid_document (application_id, jpeg, width, height) "
	  "VALUES (?, ?, ?, ?)" },
	[STMT_BY_REF] = { "AID_BY_REF",
	  "SELECT a.id, a.ref, a.status, a.applicant_name, "
	  "a.applicant_phone_enc, a.applicant_idno_enc, a.relation, "
	  "a.patient_name, a.patient_idno_enc, a.incident_date, "
	  "a.incident_place, a.hospital, a.costs, a.reimbursed, "
	  "a.bank_name_enc, a.account_holder_enc, a.account_number_enc, "
	  "a.approved, a.reason, DATE(a.created_at), r.name, a.person_id, "
	  "(SELECT COUNT(*) FROM aid_document d WHERE d.application_id = "
	  "a.id), a.applicant_phone_hash, r.name_en FROM aid_application a "
	  "JOIN region r ON r.id = a.region_id WHERE a.ref = ? AND "
	  "a.jurisdiction_id = ?" },
	[STMT_GUESSES] = { "AID_GUESSES",
	  "SELECT COUNT(*) FROM aid_guess WHERE application_id = ? AND "
	  "created_at > NOW() - INTERVAL 1 HOUR" },
	[STMT_GUESS_ADD] = { "AID_GUESS_ADD",
	  "INSERT INTO aid_guess (application_id) VALUES (?)" },
	[STMT_LOCK] = { "AID_LOCK",
	  "SELECT status FROM aid_application WHERE id = ? FOR UPDATE" },
	[STMT_DOCS_COUNT] = { "AID_DOCS_COUNT",
	  "SELECT COUNT(*) FROM aid_document WHERE application_id = ?" },
	[STMT_RESUBMIT] = { "AID_RESUBMIT",
	  "UPDATE aid_application SET status = 'resubmitted', status_at = "
	  "NOW() WHERE id = ? AND status = 'more-info'" },
};

const struct module aid_module = {
	.name = "aid",
	.routes = aid_routes,
	.nroutes = NELEM(aid_routes),
	.fields = aid_fields,
	.nfields = AID_FIELD__MAX,
	.sheets = aid_sheets,
	.nsheets = AID_SHEET__MAX,
};

/*
 * A resident ID number of 18 characters (GB 11643): 17 digits, the
 * birth date's month and day in range, and the ISO 7064 MOD 11-2 check
 * character (0–9 or X, x taken as X).
 */
static int
valid_idno(struct fval *f)
{
	static const int	 w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9,
	    10, 5, 8, 4, 2 };
	static const char	 check[] = "10X98765432";
	int			 i, sum = 0, m, d;

	if (f->sz != 18 || strspn(f->s, "0123456789") < 17)
		return 0;
	for (i = 0; i < 17; i++)
		sum += (f->s[i] - '0') * w[i];
	m = (f->s[10] - '0') * 10 + (f->s[11] - '0');
	d = (f->s[12] - '0') * 10 + (f->s[13] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	return toupper((unsigned char)f->s[17]) == check[sum % 11];
}

static int
valid_relation(struct fval *f)
{
	static const char *const	 rel[] = { "self", "spouse", "parent",
	    "child", "relative", "guardian" };
	size_t				 i;

	for (i = 0; i < NELEM(rel); i++)
		if (strcmp(f->s, rel[i]) == 0)
			return 1;
	return 0;
}

/* Yuan with at most two decimals, up to 10 digits: f->i in fen. */
int
aid_valid_money(struct fval *f)
{
	size_t	 whole = strspn(f->s, "0123456789"), frac = 0, i;
	long long fen = 0;

	if (whole == 0 || whole > 10)
		return 0;
	if (f->s[whole] == '.') {
		frac = strspn(f->s + whole + 1, "0123456789");
		if (frac == 0 || frac > 2)
			return 0;
	}
	if (whole + (frac ? frac + 1 : 0) != f->sz)
		return 0;
	for (i = 0; i < whole; i++)
		fen = fen * 10 + (f->s[i] - '0');
	fen *= 100;
	if (frac >= 1)
		fen += (f->s[whole + 1] - '0') * 10;
	if (frac == 2)
		fen += f->s[whole + 2] - '0';
	f->i = fen;
	return 1;
}

/* A bank account number: 12 to 30 digits. */
static int
valid_account(struct fval *f)
{
	return f->sz >= 12 && f->sz <= 30 &&
	    strspn(f->s, "0123456789") == f->sz;
}

/*
 * Whether a text field holds 1 to max characters that are not all
 * spaces, on one line unless lines is set.
 */
int
aid_line_ok(const struct fval *f, size_t max, int lines)
{
	if (!f->valid || f->sz == 0 || strspn(f->s, " \t\r\n") == f->sz)
		return 0;
	if (!lines && strpbrk(f->s, "\r\n\t") != NULL)
		return 0;
	return utf8_chars(f->s, f->sz) <= max;
}

/*
 * The form's document images ("doc" file parts; an empty one, a file
 * input left empty, is none), at least one and at most max, each taken
 * by photo_take into *out (in the pool). 0, or -1 with *why filled.
 */
int
aid_docs_take(struct req *r, size_t max, struct photo **out, size_t *n,
    struct aid_refusal *why)
{
	const struct param	*pm;
	size_t			 i, k = 0;

	memset(why, 0, sizeof(*why));
	*n = 0;
	if ((*out = pool_calloc(r->pool, max + 1, sizeof(**out))) == NULL) {
		why->code = "photo-error";
		return -1;
	}
	for (i = 0; i < r->bparams.n; i++) {
		pm = &r->bparams.v[i];
		if (strcmp(pm->name, "doc") != 0 || pm->filename == NULL ||
		    (pm->valsz == 0 && pm->filename[0] == '\0'))
			continue;
		if (++k > max) {
			why->code = "too-many-docs";
			return -1;
		}
		why->code = photo_take(r->pool, pm->val, pm->valsz,
		    PHOTO_DOCUMENT_SIDE, &(*out)[k - 1]);
		if (why->code != NULL) {
			why->n = k;
			if (utf8_text(pm->filename, strlen(pm->filename)))
				why->file = utf8_cut(r->pool, pm->filename, 80);
			return -1;
		}
	}
	if (k == 0) {
		why->code = "no-docs";
		return -1;
	}
	*n = k;
	return 0;
}

/* Store n taken documents of an application, in the caller's transaction. */
enum dberr
aid_docs_store(struct pool *p, long long app, const struct photo *ph,
    size_t n)
{
	struct sealed	 v;
	enum dberr	 e = DB_OK;
	size_t		 i;

	for (i = 0; i < n && e == DB_OK; i++) {
		v = secret_seal(p, SC_AID_DOCUMENT, ph[i].jpeg, ph[i].size);
		e = v.p == NULL ? DB_ERROR : db_exec(&aid_sql[STMT_DOC_INSERT],
		    NULL, "ibii", app, v.p, v.n, (long long)ph[i].w,
		    (long long)ph[i].h);
	}
	return e;
}

/*
 * Open the sealed cells of an application's row, which has the phone
 * and ID number at phone and phone + 1, the patient's ID number at
 * phone + 4, the bank, holder and account at bank, bank + 1, bank + 2.
 */
int
aid_open_row(struct pool *p, struct dbres *res, int phone, int bank)
{
	return secret_open_res(p, res, phone, SC_AID_PHONE, phone + 1,
	    SC_AID_IDNO, phone + 4, SC_AID_PATIENT_IDNO, bank, SC_AID_BANK,
	    bank + 1, SC_AID_HOLDER, bank + 2, SC_AID_ACCOUNT, -1);
}

/* <error code= file= n=/>: why documents were refused. */
void
aid_refusal_xml(xmlNodePtr parent, const struct aid_refusal *why)
{
	xmlNodePtr	 n = xml_add(parent, "error", NULL);

	xml_prop(n, "code", why->code);
	if (why->file != NULL)
		xml_prop(n, "file", why->file);
	if (why->n > 0)
		xml_propll(n, "n", (long long)why->n);
}

/*
 * The page of the form, with why it was refused when why is given:
 * what was typed is shown again, never a document.
 */
static int
form_page(struct req *r, const struct aid_refusal *why, int status)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	size_t		 k;
	int		 rc;

	if ((doc = xml_page(r, "aid")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = region_xml(r, root)) != 0)
		return rc;
	n = xml_add(root, "form", NULL);
	for (k = 0; why != NULL && k < AID_FIELD__MAX; k++)
		if (r->fields[k].valid)
			xml_prop(n, aid_fields[k].name, r->fields[k].s);
	if (why != NULL) {
		aid_refusal_xml(root, why);
		r->status = status;
	}
	return page_finish(r, &aid_sheets[SHEET_AID], doc);
}

static int
aid_form(struct req *r)
{
	return form_page(r, NULL, 0);
}

/* The patient's fields, when the applicant is not the patient. */
static const char *
patient_refused(struct req *r)
{
	const struct fval	*f = r->fields;

	if (strcmp(f[FIELD_RELATION].s, "self") == 0)
		return NULL;
	if (!aid_line_ok(&f[FIELD_PATIENT], AID_NAME_MAX, 0))
		return "bad-patient";
	if (!f[FIELD_PATIENT_IDNO].valid || strcasecmp(f[FIELD_PATIENT_IDNO].s,
	    f[FIELD_IDNO].s) == 0)
		return "bad-patient-idno";
	return NULL;
}

/* Why the form's fields cannot be taken, or NULL (the day aside). */
static const char *
form_refused(struct req *r)
{
	const struct fval	*f = r->fields;
	const char		*why, *patient;

	if (!aid_line_ok(&f[FIELD_NAME], AID_NAME_MAX, 0))
		return "bad-name";
	if (!f[FIELD_PHONE].valid)
		return "bad-phone";
	if (!f[FIELD_IDNO].valid)
		return "bad-idno";
	if (!f[FIELD_RELATION].valid)
		return "bad-relation";
	if ((why = patient_refused(r)) != NULL)
		return why;
	if (!f[FIELD_DATE].valid)
		return "bad-date";
	if (!f[FIELD_REGION].valid)
		return "bad-region";
	if (!aid_line_ok(&f[FIELD_PLACE], AID_PLACE_MAX, 0))
		return "bad-place";
	if (!aid_line_ok(&f[FIELD_STORY], AID_STORY_MAX, 1))
		return "bad-story";
	if (!aid_line_ok(&f[FIELD_HOSPITAL], AID_HOSPITAL_MAX, 0))
		return "bad-hospital";
	if (!f[FIELD_COSTS].valid || f[FIELD_COSTS].i <= 0 ||
	    f[FIELD_COSTS].i > AID_COSTS_MAX)
		return "bad-costs";
	if (f[FIELD_REIMBURSED].present && f[FIELD_REIMBURSED].sz > 0 &&
	    (!f[FIELD_REIMBURSED].valid ||
	    f[FIELD_REIMBURSED].i > f[FIELD_COSTS].i))
		return "bad-reimbursed";
	if (!aid_line_ok(&f[FIELD_BANK], AID_BANK_MAX, 0))
		return "bad-bank";
	patient = strcmp(f[FIELD_RELATION].s, "self") == 0 ?
	    f[FIELD_NAME].s : f[FIELD_PATIENT].s;
	if (!aid_line_ok(&f[FIELD_HOLDER], AID_NAME_MAX, 0) ||
	    (strcmp(f[FIELD_HOLDER].s, f[FIELD_NAME].s) != 0 &&
	    strcmp(f[FIELD_HOLDER].s, patient) != 0))
		return "bad-holder";
	if (!f[FIELD_ACCOUNT].valid)
		return "bad-account";
	return NULL;
}

/* Why the day of the fire cannot be taken, or NULL; -1 on *rc. */
static const char *
date_refused(struct req *r, int *rc)
{
	const char	*d = r->fields[FIELD_DATE].s;
	struct dbres	*res;
	enum dberr	 e;

	*rc = 0;
	if ((e = db_query(r->pool, &aid_sql[STMT_WHEN], &res, "sss", d, d,
	    d)) != DB_OK) {
		*rc = db_status(e);
		return NULL;
	}
	if (DBRES(res, 0, 0) == NULL)
		return "bad-date";
	if (db_ll(res, 0, 1) == 0)
		return "date-future";
	if (db_ll(res, 0, 2) == 0)
		return "date-old";
	return NULL;
}

static char *
upper(struct pool *p, const char *s)
{
	char	*u = pool_strdup(p, s);

	if (u != NULL && u[17] == 'x')
		u[17] = 'X';
	return u;
}

/* The application's row and its documents; DB_DUP if the ref was drawn. */
static enum dberr
app_insert(struct req *r, const char *ref, const struct photo *ph,
    size_t nph, unsigned long long *id)
{
	const struct jurisdiction	*j;
	const struct fval		*f = r->fields;
	const char			*idno, *pidno, *pname;
	struct notice			 n;
	struct sealed			 v[7];
	enum dberr			 e;
	size_t				 k;
	int				 self;

	if ((j = jur_get(r, &e)) == NULL)
		return e;
	self = strcmp(f[FIELD_RELATION].s, "self") == 0;
	idno = upper(r->pool, f[FIELD_IDNO].s);
	pidno = self ? idno : upper(r->pool, f[FIELD_PATIENT_IDNO].s);
	pname = self ? f[FIELD_NAME].s : f[FIELD_PATIENT].s;
	v[0] = secret_seal_str(r->pool, SC_AID_PHONE, f[FIELD_PHONE].s);
	v[1] = secret_hash_of(r->pool, SH_PHONE, f[FIELD_PHONE].s);
	v[2] = secret_seal_str(r->pool, SC_AID_IDNO, idno);
	v[3] = secret_seal_str(r->pool, SC_AID_PATIENT_IDNO, pidno);
	v[4] = secret_seal_str(r->pool, SC_AID_BANK, f[FIELD_BANK].s);
	v[5] = secret_seal_str(r->pool, SC_AID_HOLDER, f[FIELD_HOLDER].s);
	v[6] = secret_seal_str(r->pool, SC_AID_ACCOUNT, f[FIELD_ACCOUNT].s);
	for (k = 0; k < NELEM(v); k++)
		if (v[k].p == NULL)
			return DB_ERROR;
	e = db_exec(&aid_sql[STMT_APP_INSERT], id, "iinssbbbssbssssiibbb",
	    j->id, f[FIELD_REGION].i, r->sess.person_id, ref, f[FIELD_NAME].s,
	    v[0].p, v[0].n, v[1].p, v[1].n, v[2].p, v[2].n,
	    f[FIELD_RELATION].s, pname, v[3].p, v[3].n, f[FIELD_DATE].s,
	    f[FIELD_PLACE].s, f[FIELD_STORY].s, f[FIELD_HOSPITAL].s,
	    f[FIELD_COSTS].i, f[FIELD_REIMBURSED].valid ?
	    f[FIELD_REIMBURSED].i : 0, v[4].p, v[4].n, v[5].p, v[5].n,
	    v[6].p, v[6].n);
	if (e == DB_OK)
		e = aid_docs_store(r->pool, (long long)*id, ph, nph);
	if (e == DB_OK) {
		n = (struct notice){ "aid", (long long)*id, ref,
		    r->sess.person_id, f[FIELD_PHONE].s, "submitted", NULL };
		e = notice_add(r, &n);
	}
	return e;
}

/*
 * POST /aid: the fields checked, every document taken, then the
 * application and its documents in one transaction; then its tracking
 * page. A refused document refuses it all, and nothing is stored.
 */
static int
aid_submit(struct req *r)
{
	struct aid_refusal	 why;
	struct photo		*ph;
	char			 ref[REF_LEN + 1];
	unsigned long long	 id;
	size_t			 nph;
	enum dberr		 e;
	int			 tries, rc;

	memset(&why, 0, sizeof(why));
	if ((why.code = form_refused(r)) != NULL)
		return form_page(r, &why, 400);
	if ((why.code = date_refused(r, &rc)) != NULL || rc != 0)
		return rc != 0 ? rc : form_page(r, &why, 400);
	if ((rc = region_here(r, r->fields[FIELD_REGION].i, &e)) != 1) {
		if (rc == -1)
			return db_status(e);
		why.code = "bad-region";
		return form_page(r, &why, 400);
	}
	if (aid_docs_take(r, AID_DOCS_MAX, &ph, &nph, &why) == -1)
		return form_page(r, &why, strcmp(why.code, "photo-error") == 0 ?
		    500 : 400);
	for (tries = 0; tries < 3; tries++) {
		if ((e = db_begin()) != DB_OK)
			return db_status(e);
		ref_make(ref);
		e = app_insert(r, ref, ph, nph, &id);
		if (e == DB_DUP) {		/* a reference drawn twice */
			db_rollback();
			continue;
		}
		if ((e = db_end(e)) != DB_OK)
			return db_status(e);
		return resp_redirect(r, pool_printf(r->pool, "/aid/r/%s", ref),
		    "aid-submitted");
	}
	return 500;
}
