/*
 * app.h: the one shared header of Blue Code (消防蓝码).
 * Defaults, enums, structures and the prototypes of every file in fcgi/,
 * grouped under the name of the file that defines them.
 */
#ifndef APP_H
#define APP_H

#include <sys/types.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <libxml/tree.h>

#define APP_NAME		"bluecode"

/* Defaults of the configuration file; conf/bluecode.conf.in documents each. */
#define DEF_CONF_FILE		"/etc/bluecode/bluecode.conf"
#define DEF_LISTEN		"/run/bluecode/app.sock"
#define DEF_LISTEN_MODE		0660
#define DEF_BACKLOG		1024
#define DEF_WORKERS		4
#define DEF_MAX_REQUESTS	50000
#define DEF_REQUEST_TIMEOUT	30	/* s: a busy worker is killed after */
#define DEF_SLOWLOG_MS		500
#define DEF_STOP_TIMEOUT	10	/* s: graceful stop, then SIGKILL */
#define DEF_MAX_BODY		(8 * 1024 * 1024)
#define DEF_MAX_FIELDS		256
#define DEF_MAX_FIELD		(64 * 1024)
#define DEF_MAX_FILE		(5 * 1024 * 1024)
#define DEF_SESSION_HOURS	12
#define DEF_REFDATA_TTL		60
#define DEF_ATTEMPTS_BROWSER	10
#define DEF_ATTEMPTS_IP		5000
#define DEF_FONT		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define DEF_DB_TIMEOUT		1	/* s: connect timeout */

#define TOKEN_BYTES		32	/* session tokens: 256 bits */
#define TOKEN_LEN		43	/* base64url of TOKEN_BYTES, no padding */

/* pool.c: one arena per request, freed in one place. */
struct pool;
typedef void (*pool_cleanup_fn)(void *);

struct pool	*pool_new(size_t);
void		 pool_free(struct pool *);
void		 pool_reset(struct pool *);
void		*pool_alloc(struct pool *, size_t);
void		*pool_calloc(struct pool *, size_t, size_t);
char		*pool_strdup(struct pool *, const char *);
char		*pool_strndup(struct pool *, const char *, size_t);
char		*pool_printf(struct pool *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
char		*pool_vprintf(struct pool *, const char *, va_list);
int		 pool_cleanup(struct pool *, pool_cleanup_fn, void *);
size_t		 pool_size(const struct pool *);

/* log.c */
enum loglevel {
	LOG_LVL_ERR,
	LOG_LVL_WARN,
	LOG_LVL_INFO,
	LOG_LVL_DEBUG,
	LOG_LVL__MAX
};

int		 log_open(const char *);
int		 log_reopen(void);
void		 log_setlevel(enum loglevel);
void		 log_setproc(const char *);
void		 log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 fatal(const char *, ...)
		    __attribute__((format(printf, 1, 2), noreturn));
void		 fatalx(const char *, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

/* conf.c */
struct conf {
	char		*file;		/* the file it was read from */
	char		*listen;	/* unix path or host:port */
	char		*listen_group;
	int		 listen_mode;
	int		 backlog;
	int		 workers;
	long		 max_requests;
	int		 request_timeout;
	long		 slowlog_ms;
	int		 stop_timeout;
	char		*pid_file;
	char		*log_file;
	char		*log_level;
	char		*db_socket;
	char		*db_host;
	int		 db_port;
	char		*db_name;
	char		*db_user;
	char		*db_password;
	int		 db_timeout;
	char		*site_url;
	char		*jurisdiction;	/* code of the jurisdiction served */
	char		*secret_key_file;
	char		*xslt_dir;
	char		*sql_dir;
	int		 dev;
	long		 max_body;
	long		 max_fields;
	long		 max_field;
	long		 max_file;
	int		 session_hours;
	int		 refdata_ttl;	/* s: reference data kept in workers */
	long		 attempts_per_browser;	/* new attempts an hour */
	long		 attempts_per_ip;	/* new attempts an hour */
	char		*font;		/* a CJK TrueType font for badges */
	char		*cache_dir;	/* badge PNGs */
	/* Derived at load time. */
	int		 secure_cookies;	/* site_url is https */
	unsigned char	 secret[32];	/* from secret_key_file */
};

struct conf	*conf_load(const char *);
void		 conf_free(struct conf *);
int		 conf_check(const struct conf *);

/* pwhash.c: slow password hashes (libsodium argon2id). */
#define PWHASH_LEN	128
int		 pwhash_make(char out[PWHASH_LEN], const char *);
int		 pwhash_check(const char *, const char *);
void		 pwhash_dummy(const char *);

/* utf8.c */
int		 utf8_valid(const char *, size_t);
int		 utf8_text(const char *, size_t);
size_t		 utf8_chars(const char *, size_t);
const char	*utf8_cut(struct pool *, const char *, size_t);

/* req.c: request parsing (no I/O; pure functions over buffers). */
enum perr {
	PERR_OK,
	PERR_BAD,	/* malformed: 400 */
	PERR_UTF8,	/* text that is not valid UTF-8: 400 */
	PERR_TOOBIG,	/* over a size or count limit: 413 */
	PERR_NOMEM,
	PERR__MAX
};

struct limits {
	size_t		 max_fields;	/* parameters per request */
	size_t		 max_field;	/* bytes of one text field */
	size_t		 max_file;	/* bytes of one uploaded file */
};

struct param {
	const char	*name;
	const char	*val;		/* NUL-terminated copy */
	size_t		 valsz;
	const char	*filename;	/* multipart file parts only */
	const char	*ctype;		/* multipart file parts only */
};

struct params {
	struct param	*v;
	size_t		 n;
	size_t		 cap;
};

ssize_t		 url_decode(char *, const char *, size_t, int);
enum perr	 parse_urlencoded(struct pool *, const char *, size_t,
		    const struct limits *, struct params *);
enum perr	 parse_multipart(struct pool *, const char *, const char *,
		    size_t, const struct limits *, struct params *);
enum perr	 parse_cookies(struct pool *, const char *,
		    const struct limits *, struct params *);
const struct param *params_get(const struct params *, const char *);

/* valid.c: the field table; every input is checked here once. */
enum field {
	FIELD_CSRF,
	FIELD_LOGIN,
	FIELD_PASSWORD,
	FIELD_NEXT,
	FIELD_XML,
	FIELD_LNG,
	FIELD_LAT,
	FIELD_REGION,
	FIELD_OPT,
	FIELD_GO,
	FIELD_POS,
	FIELD_TEXT,
	FIELD_PHONE,
	FIELD_NAME,
	FIELD_Q,
	FIELD_TYPE,
	FIELD_CATEGORY,
	FIELD_ROLES,
	FIELD_STEM,
	FIELD_EXPLANATION,
	FIELD_SOURCE,
	FIELD_OPT0,
	FIELD_OPT1,
	FIELD_OPT2,
	FIELD_OPT3,
	FIELD_OPT4,
	FIELD_OPT5,
	FIELD_MONTHS,
	FIELD_QUESTIONS,
	FIELD_MINUTES,
	FIELD_PASS,
	FIELD_AUDIENCE,
	FIELD_POPULATION,
	FIELD__MAX
};

struct fval {
	int		 present;	/* given in the request */
	int		 valid;		/* passed its validator */
	const char	*s;		/* the value, NUL-terminated */
	size_t		 sz;
	long long	 i;		/* for integer fields */
};

struct req;
struct jurisdiction;
void		 valid_fields(struct req *);
const char	*field_name(enum field);

/* route.c */
enum method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
	METHOD_OTHER = 1 << 3
};

#define ROUTE_MAXARGS	4
#define QUIZ_MAXQ	50	/* questions in one attempt, at most */

enum route_flag {
	RF_ADMIN = 1 << 0,	/* needs a signed-in admin */
	RF_LOOPBACK = 1 << 1,	/* only from 127.0.0.0/8 or ::1 */
	RF_NODB = 1 << 2	/* served without the database */
};

struct route {
	unsigned int	 methods;
	const char	*pattern;	/* "/admin/x/:id" */
	int		(*handler)(struct req *);
	unsigned int	 flags;
};

enum route_res {
	ROUTE_FOUND,
	ROUTE_NOTFOUND,
	ROUTE_BADMETHOD
};

enum route_res	 route_match(const struct route *, size_t, unsigned int,
		    const char *, const struct route **, char **, size_t,
		    struct pool *, unsigned int *);
enum method	 method_parse(const char *);
const struct route *route_table(size_t *);
long long	 path_id(const char *);

/* req.h-level state of one request (worker.c fills, handlers read). */
struct session {
	int		 known;		/* a valid session row exists */
	char		 token[TOKEN_LEN + 1];
	int		 fresh;		/* token made for this response */
	long long	 admin_id;
	long long	 person_id;
	char		*person_phone;
	char		*person_name;
	char		*admin_login;
	char		*admin_name;
	char		*admin_scope;
	char		 csrf[TOKEN_LEN + 1];
};

struct header {
	const char	*name;
	const char	*value;
};

#define REQ_MAXHEADERS	16

struct req {
	struct pool	*pool;
	const struct conf *conf;
	void		*fcgx;		/* FCGX_Request */
	enum method	 method;
	const char	*path;
	const char	*query;
	const char	*remote_addr;
	const char	*user_agent;
	const char	*if_none_match;
	struct params	 qparams;
	struct params	 bparams;
	struct params	 cookies;
	struct fval	 fields[FIELD__MAX];
	char		*args[ROUTE_MAXARGS];
	size_t		 nargs;
	struct session	 sess;
	/* Response. */
	int		 status;
	const char	*flash;		/* flash code for the next page */
	const char	*flash_in;	/* flash code shown on this page */
	struct header	 headers[REQ_MAXHEADERS];
	size_t		 nheaders;
	int		 head_only;
	int		 sent;
	struct timespec	 start;
};

/* xml.c: the only way to build output. */
xmlDocPtr	 xml_page(struct req *, const char *);
xmlNodePtr	 xml_add(xmlNodePtr, const char *, const char *);
xmlNodePtr	 xml_addf(xmlNodePtr, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 xml_prop(xmlNodePtr, const char *, const char *);
void		 xml_propf(xmlNodePtr, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 xml_propll(xmlNodePtr, const char *, long long);
struct dbres;
void		 xml_row(xmlNodePtr, const struct dbres *, size_t, const char *);

/* render.c */
enum sheet {
	SHEET_ERROR,
	SHEET_HOME,
	SHEET_ADMIN_LOGIN,
	SHEET_ADMIN_HOME,
	SHEET_QUIZ_ROLES,
	SHEET_QUIZ_LOCATE,
	SHEET_QUIZ_QUESTION,
	SHEET_QUIZ_RESULT,
	SHEET_CODE_MINE,
	SHEET_CODE_SHOW,
	SHEET_VERIFY,
	SHEET_ACCOUNT,
	SHEET_ADMIN_CODES,
	SHEET_ADMIN_BANKS,
	SHEET_ADMIN_QUESTIONS,
	SHEET_ADMIN_QUESTION,
	SHEET_ADMIN_REPORTS,
	SHEET_ADMIN_ROLES,
	SHEET_ADMIN_REGIONS,
	SHEET__MAX
};

int		 render_init(const char *, int);
void		 render_free(void);
int		 render_apply(enum sheet, xmlDocPtr, xmlChar **, int *);
int		 render_page(struct req *, enum sheet, xmlDocPtr);
int		 render_has_form(enum sheet);

/* resp.c: headers and bodies of responses. */
void		 resp_header(struct req *, const char *, const char *);
void		 resp_cookie(struct req *, const char *, const char *, long);
int		 resp_head(struct req *, const char *, ssize_t);
void		 resp_write(struct req *, const void *, size_t);
int		 resp_send(struct req *, const char *, const void *, size_t);
int		 resp_redirect(struct req *, const char *, const char *);
const char	*status_text(int);

/* session.c */
int		 session_load(struct req *);
int		 session_csrf_ok(struct req *);
int		 session_ensure_token(struct req *);
int		 session_logout(struct req *);
void		 token_random(char[TOKEN_LEN + 1]);
void		 token_hash(unsigned char[32], const char *);
void		 csrf_for(char[TOKEN_LEN + 1], const unsigned char *,
		    const char *);

/* db.c: one connection per worker, a table of prepared statements. */
enum stmt {
	STMT_JURISDICTION_BY_CODE,
	STMT_REGION_LIST,
	STMT_ROLE_LIST,
	STMT_SESSION_GET,
	STMT_SESSION_INSERT,
	STMT_SESSION_DELETE,
	STMT_SESSION_PURGE,
	STMT_ADMIN_BY_LOGIN,
	STMT_ADMIN_INSERT,
	STMT_ADMIN_SET_PASSWORD,
	STMT_ADMIN_LOGIN_OK,
	STMT_AUDIT_INSERT,
	STMT_BANK_INSERT,
	STMT_BANK_BY_VERSION,
	STMT_BANK_RETIRE_PUBLISHED,
	STMT_BANK_PUBLISH,
	STMT_BANK_QUESTIONS,
	STMT_BANK_OPTIONS,
	STMT_QUESTION_INSERT,
	STMT_OPTION_INSERT,
	STMT_GEO_FEATURES,
	STMT_GEO_FEATURE_NAME,
	STMT_GEO_CHECK,
	STMT_GEO_REGION_PUT,
	STMT_GEO_OUTLINE_PUT,
	STMT_GEO_LOCATE,
	STMT_ROLE_GET,
	STMT_REGION_IN_JURISDICTION,
	STMT_ATTEMPT_OPEN,
	STMT_ATTEMPT_LOCK,
	STMT_OWNER_LOCK,
	STMT_OWNER_UNLOCK,
	STMT_ATTEMPT_COUNT_BROWSER,
	STMT_ATTEMPT_COUNT_IP,
	STMT_QUIZ_DRAW,
	STMT_ATTEMPT_INSERT,
	STMT_AQ_INSERT,
	STMT_ATTEMPT_BY_TOKEN,
	STMT_AQ_ANSWER,
	STMT_AQ_CORRECT,
	STMT_ATTEMPT_GRADE,
	STMT_AQ_REVIEW,
	STMT_REPORT_INSERT,
	STMT_CODE_OF_ATTEMPT,
	STMT_CODE_CURRENT_FOR_ATTEMPT,
	STMT_CODE_CURRENT,
	STMT_CODE_INSERT,
	STMT_CODE_GET,
	STMT_CODE_MINE,
	STMT_CODE_REVOKE,
	STMT_CODE_BIND,
	STMT_ATTEMPT_BIND,
	STMT_CODE_REKEY,
	STMT_ATTEMPT_REKEY,
	STMT_PERSON_INSERT,
	STMT_PERSON_BY_PHONE,
	STMT_PERSON_LOGIN_OK,
	STMT_PERSON_SET_NAME,
	STMT_CODE_OF_PERSON,
	STMT_CODE_RECENT,
	STMT_CODE_GET_IN,
	STMT_BANK_DRAFT,
	STMT_BANK_LIST,
	STMT_BANK_DRAFT_NEW,
	STMT_BANK_COPY_QUESTIONS,
	STMT_BANK_COPY_OPTIONS,
	STMT_QUESTION_SEARCH,
	STMT_QUESTION_GET,
	STMT_QUESTION_OPTIONS,
	STMT_REPORT_OF_QUESTION,
	STMT_QUESTION_UPDATE,
	STMT_OPTIONS_DELETE,
	STMT_QUESTION_RETIRE,
	STMT_BANK_SHORT,
	STMT_REPORT_LIST,
	STMT_AUDIT_RECENT,
	STMT_ROLE_ADMIN_LIST,
	STMT_ROLE_UPDATE,
	STMT_REGION_POPULATION,
	STMT__MAX
};

struct dbres {
	size_t		 nrows;
	size_t		 ncols;
	char		**cell;		/* nrows * ncols, NULL for SQL NULL */
	size_t		*len;
};

#define DBRES(res, row, col)	((res)->cell[(row) * (res)->ncols + (col)])

enum dberr {
	DB_OK,
	DB_DOWN,	/* no connection: 503 */
	DB_ERROR,	/* the statement failed: 500 */
	DB_DUP		/* duplicate key */
};

void		 db_configure(const struct conf *);
void		 db_close(void);
enum dberr	 db_connect(void);
int		 db_connected(void);
enum dberr	 db_lock(struct pool *, const char *);
void		 db_unlock_all(struct pool *);
enum dberr	 db_query(struct pool *, enum stmt, struct dbres **,
		    const char *, ...);
enum dberr	 db_exec(enum stmt, unsigned long long *, const char *, ...);
unsigned long long db_affected(void);
enum dberr	 db_begin(void);
enum dberr	 db_commit(void);
void		 db_rollback(void);
int		 db_status(enum dberr);
long long	 db_ll(const struct dbres *, size_t, size_t);
struct dbres	*db_res_copy(struct pool *, const struct dbres *);
const char	*db_sql(enum stmt);

/* boundary.c */
int		 boundary_import(const struct conf *, const char *, int);
int		 boundary_locate(struct req *, const struct jurisdiction *,
		    double, double, long long *);

/* bank.c */
#define BANK_MAXOPTS	6

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
};

int		 bank_question_ok(const struct bq *);
int		 bank_import(struct pool *, const char *, size_t, const char *,
		    const char *, int, char **, long long *);
xmlDocPtr	 bank_export(struct pool *, long long, enum dberr *);
enum dberr	 bank_publish_tx(long long);

/* migrate.c */
int		 migrate_run(const struct conf *, int);
int		 admin_add(const struct conf *, const char *, const char *,
		    const char *);
int		 bank_import_file(const struct conf *, const char *, int, int);
int		 bank_export_print(const struct conf *, long long);

/* scoreboard.c: per-worker counters in shared memory. */
enum slot_state {
	SLOT_FREE,
	SLOT_STARTING,
	SLOT_IDLE,
	SLOT_BUSY,
	SLOT_EXITING,
	SLOT__MAX
};

struct slot {
	volatile pid_t		 pid;
	volatile int		 generation;
	volatile int		 state;
	volatile unsigned long	 requests;
	volatile time_t		 started;	/* process start */
	volatile long long	 req_start_ms;	/* 0 when idle */
	volatile int		 slow_logged;
	char			 method[8];
	char			 path[96];
};

struct scoreboard {
	volatile time_t	 started;
	volatile unsigned long accepted;
	volatile unsigned long respawns;
	volatile int	 generation;
	size_t		 nslots;
	struct slot	 slots[];
};

struct scoreboard *scoreboard_create(size_t);
void		 scoreboard_destroy(struct scoreboard *);
struct slot	*scoreboard_claim(struct scoreboard *, pid_t, int);
void		 scoreboard_release(struct scoreboard *, pid_t);
const char	*slot_state_name(int);
long long	 now_ms(void);

/* master.c */
int		 master_run(struct conf *, int, int);

/* worker.c */
extern struct scoreboard *sb;
void		 worker_main(const struct conf *, int, struct slot *)
		    __attribute__((noreturn));

/* Handlers: one file a feature. */
/* home.c */
int		 home_get(struct req *);
void		 home_free(void);
/* region.c */
int		 region_xml(struct req *, xmlNodePtr);
int		 role_xml(struct req *, xmlNodePtr);

/* quiz.c */
int		 browser_id(struct req *, unsigned char[32]);
int		 quiz_roles(struct req *);
int		 quiz_locate(struct req *);
int		 quiz_start(struct req *);
int		 quiz_start_again(struct req *);
int		 quiz_question(struct req *);
int		 quiz_answer(struct req *);
int		 dev_quiz_query(struct req *);
int		 dev_quiz_page(struct req *);
int		 quiz_result(struct req *);
int		 quiz_report(struct req *);

/* sign.c */
#define TOK_PAYLOAD	26
#define CODE_TOKEN_LEN	120	/* base64url of payload and signature */

struct codetok {
	long long	 id;
	const char	*role;
	long long	 region_id;
	long long	 expires_days;
	unsigned char	 nonce[16];
};

void		 sign_init(const unsigned char[32]);
void		 sign_pubkey(char[64]);
int		 role_index(const char *);
char		*code_token(struct pool *, const struct codetok *);
int		 code_token_parse(const char *, struct codetok *);

/* code.c */
struct dbres;
int		 code_issue(struct req *, long long);
char		*code_row_token(struct req *, const struct dbres *, size_t);
int		 code_current_xml(struct req *, xmlNodePtr, const char *);
char		*mask_phone(struct pool *, const char *);
int		 code_mine(struct req *);
int		 code_show(struct req *);
int		 code_verify(struct req *);
int		 code_pubkey(struct req *);
int		 code_badge(struct req *);

/* badgeserve.c */
int		 badge_send(struct req *, const struct dbres *, const char *);
void		 badge_uncache(struct req *, const struct dbres *, size_t);
void		 badge_uncache_person(struct req *, long long);

/* admincode.c */
int		 admin_district(struct req *);
int		 admin_codes(struct req *);
int		 admin_code_revoke(struct req *);

/* adminbank.c */
int		 admin_banks(struct req *);
int		 admin_bank_import(struct req *);
int		 admin_bank_export(struct req *);
int		 admin_bank_draft(struct req *);
int		 admin_bank_publish(struct req *);
int		 admin_questions(struct req *);
int		 admin_question(struct req *);
int		 admin_question_save(struct req *);
int		 admin_question_retire(struct req *);
int		 admin_reports(struct req *);

/* adminref.c */
int		 admin_roles(struct req *);
int		 admin_role_save(struct req *);
int		 admin_regions(struct req *);
int		 admin_region_save(struct req *);

/* person.c */
int		 person_get(struct req *);
int		 person_register(struct req *);
int		 person_login(struct req *);
int		 person_logout(struct req *);
int		 person_name(struct req *);
/* status.c */
int		 status_get(struct req *);
/* session.c: signing in (enum dberr is declared by now) */
enum dberr	 session_open(struct req *, long long, long long,
		    char[TOKEN_LEN + 1]);
void		 session_enter(struct req *, const char *);
/* admin.c */
enum dberr	 audit_write(struct req *, const char *, const char *,
		    const char *);
void		 audit(struct req *, const char *, const char *, const char *);
int		 admin_get(struct req *);
int		 admin_login_post(struct req *);
int		 admin_logout_post(struct req *);
/* dev.c: routes present only in development mode */
int		 dev_sleep(struct req *);

/* page.c: the common parts of every page, and the error page. */
struct jurisdiction {
	long long	 id;
	char		 code[16];
	char		 name[64];
	char		 full_name[128];
	char		 committee[192];
	char		 crs[8];
	long long	 loaded_ms;
};

struct refcache {
	xmlDocPtr	 doc;
	long long	 loaded_ms;
};

struct htmlcache {
	char		*html;
	size_t		 len;
	long long	 made_ms;
};

const struct jurisdiction *jur_get(struct req *, enum dberr *);
const char	*jur_name(struct req *);
int		 htmlcache_send(struct req *, struct htmlcache *);
int		 page_finish_cached(struct req *, enum sheet, xmlDocPtr,
		    struct htmlcache *);
void		 htmlcache_free(struct htmlcache *);
int		 refcache_copy(struct req *, struct refcache *, xmlNodePtr,
		    int (*)(struct req *, xmlNodePtr));
void		 refcache_free(struct refcache *);
int		 page_finish(struct req *, enum sheet, xmlDocPtr);
int		 render_error(struct req *, int);
int		 error_page_print(const struct conf *, int);

#endif /* APP_H */
