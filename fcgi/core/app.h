/*
 * app.h: what every file of Blue Code (消防蓝码) uses: the plumbing's
 * interface. Defaults, the request, the field, route, statement and
 * stylesheet tables and their mechanisms, and struct module, by which a
 * feature hands the plumbing its tables and hooks. Prototypes are grouped
 * under the name of the file that defines them. The plumbing (core/)
 * includes no other header of the project; each feature room has its own.
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
#define DEF_MAX_UPLOAD		(256L * 1024 * 1024)
#define DEF_SESSION_HOURS	12
#define DEF_REFDATA_TTL		60
#define DEF_ATTEMPTS_BROWSER	10
#define DEF_ATTEMPTS_IP		5000
#define DEF_DATA_KEY_FILE	"/etc/bluecode/data.key"
#define DEF_FONT		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define DEF_DB_TIMEOUT		1	/* s: connect timeout */
#define DEF_KEEP_ATTEMPTS	730	/* days: retention (bluecode purge) */
#define DEF_KEEP_CONTACTS	365
#define DEF_KEEP_BOOKINGS	365
#define DEF_KEEP_AID_DOCUMENTS	1095
#define DEF_KEEP_NOTICES	365
#define DEF_KEEP_LOGS		1095

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

/* arena.c: libxml2's memory while a page is rendered. */
#define ARENA_RESERVE	(64UL * 1024 * 1024)	/* address space */
int		 arena_init(size_t, int);
void		 arena_open(void);
void		 arena_close(void);
int		 arena_is_open(void);
size_t		 arena_spills(void);
size_t		 arena_used(void);

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
void		 log_warn_once(const char *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 log_once_over(const char *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
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
	char		*data_key_file;	/* keys of personal data */
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
	char		*media_dir;	/* lesson videos and posters */
	long		 max_upload;	/* a body of an RF_UPLOAD route */
	/* Days personal data is kept (bluecode purge). */
	int		 keep_attempts;		/* attempts nobody bound */
	int		 keep_hazard_contacts;	/* after a report is done */
	int		 keep_bookings;		/* after the day booked */
	int		 keep_aid_documents;	/* after the decision */
	int		 keep_notices;		/* their numbers */
	int		 keep_logs;		/* audit and access logs */
	/* Derived at load time. */
	int		 secure_cookies;	/* site_url is https */
	unsigned char	 secret[32];	/* from secret_key_file */
};

struct conf	*conf_load(const char *);
void		 conf_free(struct conf *);
int		 conf_check(const struct conf *);

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
	int		 in_place;	/* file parts point into the body */
};

struct param {
	const char	*name;
	const char	*val;		/* NUL-terminated copy, but see
					   limits.in_place */
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


/* valid.c: the field-table mechanism; every input is checked once. */
struct fval {
	int		 present;	/* given in the request */
	int		 valid;		/* passed its validator */
	const char	*s;		/* the value, NUL-terminated */
	size_t		 sz;
	long long	 i;		/* for integer fields */
};

/*
 * A row of a field table: a parameter's name, its validator, its longest
 * value in bytes, and whether every value counts (checkboxes).
 */
struct field {
	const char	*name;
	int		(*check)(struct fval *);
	size_t		 maxlen;
	int		 multi;
};

/* The plumbing's own fields, checked on every request. */
enum core_field {
	CORE_CSRF,		/* the form's CSRF token */
	CORE_XML,		/* ?xml=1: the page's XML (development) */
	CORE_FIELD__MAX
};

struct req;
void		 valid_fields(struct req *, const struct field *, size_t,
		    struct fval *);
void		 valid_core(struct req *);
int		 valid_token(struct fval *);
int		 valid_login(struct fval *);
int		 valid_text(struct fval *);
int		 valid_localpath(struct fval *);
int		 valid_flag(struct fval *);
int		 valid_coord(struct fval *);
int		 valid_id(struct fval *);
int		 valid_count(struct fval *);
int		 valid_date(struct fval *);
int		 date_wellformed(const char *, size_t);
int		 valid_line(struct fval *);
int		 valid_phone(struct fval *);
int		 valid_name(struct fval *);

/* route.c: the route matcher. */
enum method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
	METHOD_OTHER = 1 << 3
};

#define ROUTE_MAXARGS	4

enum route_flag {
	RF_ADMIN = 1 << 0,	/* needs a signed-in admin */
	RF_LOOPBACK = 1 << 1,	/* only from 127.0.0.0/8 or ::1 */
	RF_NODB = 1 << 2,	/* served without the database */
	RF_UPLOAD = 1 << 3	/* a body up to max_upload, kept in a file */
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
long long	 path_id(const char *);

/* The state of one request: worker.c fills it, handlers read it. */
struct session {
	int		 known;		/* a valid session row exists */
	char		 token[TOKEN_LEN + 1];
	int		 fresh;		/* token made for this response */
	long long	 admin_id;
	long long	 person_id;
	char		*person_phone;	/* sealed (shared/secret.c) */
	size_t		 person_phone_sz;
	char		*person_name;
	char		*admin_login;
	char		*admin_name;
	char		*admin_scope;	/* district, street, department… */
	long long	 admin_scope_id;	/* its street or department */
	char		 csrf[TOKEN_LEN + 1];
};

struct header {
	const char	*name;
	const char	*value;
};

#define REQ_MAXHEADERS	16

struct module;

/* l10n.c: the languages of the interface; Chinese is the source. */
enum lang {
	LANG_ZH,
	LANG_EN,
	LANG__MAX
};

#define LANG_COOKIE	"bc_lang"	/* the switch's choice (display.c) */

extern const char *const lang_names[LANG__MAX];	/* "zh", "en" */

int		 l10n_init(const char *);
void		 l10n_free(void);
void		 l10n_compiling(enum lang);
enum lang	 l10n_negotiate(const char *);
enum lang	 l10n_choose(const struct param *, const char *);
int		 l10n_check(const char *);
struct dbres;
const char	*l10n_pick(enum lang, const char *, const char *);
void		 l10n_cells(enum lang, struct dbres *, size_t, size_t);

struct req {
	struct pool	*pool;
	const struct conf *conf;
	void		*fcgx;		/* FCGX_Request */
	enum method	 method;
	const char	*path;
	const char	*query;
	const char	*remote_addr;
	const char	*user_agent;
	const char	*referer;
	const char	*if_none_match;
	enum lang	 lang;		/* of the interface: cookie, browser */
	struct params	 qparams;
	struct params	 bparams;
	struct params	 cookies;
	struct fval	 core[CORE_FIELD__MAX];
	const struct module *module;	/* whose route matched */
	struct fval	*fields;	/* by the module's field table */
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

/* render.c: stylesheets, one table per module. */
struct sheet {
	const char	*file;		/* in xslt_dir */
	int		 form;		/* the page has a form: a CSRF token */
	void		*compiled[LANG__MAX];	/* xsltStylesheetPtr, per
						   worker and language */
};

int		 render_init(const char *, int);
void		 render_free(void);
void		 render_lang(enum lang);
void		*render_sheet(struct sheet *);
int		 render_apply(struct sheet *, xmlDocPtr, xmlChar **, int *);
int		 render_page(struct req *, struct sheet *, xmlDocPtr);
int		 render_labels(struct req *, struct sheet *, xmlDocPtr,
		    const char *const *, size_t, const char **);

/* fragment.c: parts of pages rendered once per worker, kept by key. */
struct fragment;
const struct fragment *fragment_get(struct sheet *, const char *, size_t,
		    xmlDocPtr (*)(void *), void *);
xmlNodePtr	 fragment_join(xmlNodePtr, const char *, struct pool *,
		    const struct fragment *const *, size_t);
size_t		 fragment_count(void);
void		 fragment_trim(void);
void		 fragment_free_all(void);

/* resp.c: headers and bodies of responses. */
void		 resp_header(struct req *, const char *, const char *);
void		 resp_cookie(struct req *, const char *, const char *, long);
int		 resp_head(struct req *, const char *, ssize_t);
void		 resp_write(struct req *, const void *, size_t);
int		 resp_send(struct req *, const char *, const void *, size_t);
int		 resp_redirect(struct req *, const char *, const char *);
const char	*status_text(int);

/* db.c: one connection per worker; statements in tables, one a module. */
struct stmt {
	const char	*name;		/* in every error message */
	const char	*sql;		/* ? placeholders only */
	void		*prepared;	/* MYSQL_STMT of this connection */
	struct stmt	*next;		/* db.c's list of prepared ones */
	unsigned int	 flags;		/* STMT_IDEMPOTENT */
};

/*
 * A write that sets values, never adds: run twice, it has the effect of
 * once, so its autocommit run does not keep a request from a retry.
 */
#define STMT_IDEMPOTENT	(1 << 0)

#define DB_RETRIES	3	/* runs of a handler again after a conflict */

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
void		 db_set_timeout(unsigned int);
void		 db_close(void);
enum dberr	 db_connect(void);
int		 db_connected(void);
enum dberr	 db_lock(struct pool *, const char *);
void		 db_unlock_all(struct pool *);
enum dberr	 db_query(struct pool *, struct stmt *, struct dbres **,
		    const char *, ...);
enum dberr	 db_exec(struct stmt *, unsigned long long *, const char *,
		    ...);
unsigned long long db_affected(void);
enum dberr	 db_begin(void);
enum dberr	 db_commit(void);
void		 db_rollback(void);
enum dberr	 db_end(enum dberr);
void		 db_retry_begin(void);
int		 db_retry(const char *, int);
int		 db_status(enum dberr);
long long	 db_ll(const struct dbres *, size_t, size_t);
struct dbres	*db_res_copy(struct pool *, const struct dbres *);

/* session.c: the browser's token, sign-in sessions, CSRF. */
int		 session_load(struct req *);
int		 session_csrf_ok(struct req *);
int		 session_ensure_token(struct req *);
int		 session_logout(struct req *);
enum dberr	 session_open(struct req *, long long, long long,
		    char[TOKEN_LEN + 1]);
void		 session_enter(struct req *, const char *);
enum dberr	 session_bind(struct req *, long long);
enum dberr	 session_end_person(long long);
void		 token_random(char[TOKEN_LEN + 1]);
void		 token_hash(unsigned char[32], const char *);
void		 csrf_for(char[TOKEN_LEN + 1], const unsigned char *,
		    const char *);

/* page.c: what every page carries, kept pages, and the error page. */
enum core_sheet {
	SHEET_ERROR,		/* error.xsl */
	SHEET_FRAME,		/* frame-parts.xsl: the bar and the footer */
	CORE_SHEET__MAX
};

extern struct sheet	 core_sheets[CORE_SHEET__MAX];	/* core.c */

struct refcache {
	xmlDocPtr	 doc[LANG__MAX];	/* by the page's language */
	long long	 loaded_ms[LANG__MAX];
};

struct htmlpage {
	char		*html;
	size_t		 len;
	long long	 made_ms;
};

struct htmlcache {
	struct htmlpage	 lang[LANG__MAX];	/* by the page's language */
};

int		 page_finish(struct req *, struct sheet *, xmlDocPtr);
int		 page_download(struct req *, struct sheet *, xmlDocPtr,
		    const char *, const char *);
int		 page_csv(struct req *, struct sheet *, xmlDocPtr,
		    const char *);
int		 page_finish_cached(struct req *, struct sheet *, xmlDocPtr,
		    struct htmlcache *);
int		 htmlcache_send(struct req *, struct htmlcache *);
void		 htmlcache_free(struct htmlcache *);
int		 refcache_copy(struct req *, struct refcache *, xmlNodePtr,
		    int (*)(struct req *, xmlNodePtr));
void		 refcache_free(struct refcache *);
int		 render_error(struct req *, int);
int		 error_page_print(const struct conf *, int, const char *);

/* scoreboard.c */
long long	 now_ms(void);

/*
 * A module: what a feature (or a shared service, or the plumbing itself)
 * hands the plumbing. Its routes, the field table its handlers read
 * (r->fields, indexed by the module's own enum), its stylesheets (all
 * compiled by the master's check), and hooks, each optional:
 *   load	the master reads what its workers inherit (keys), before
 *		it forks them and again on each reload; -1 (logged)
 *		refuses the start, or the reload (the running one stays)
 *   start	a worker starts (reference data read ahead)
 *   stop	a worker exits (what start or the handlers kept)
 *   page	every page: add to its root and to its <session>
 *   error	an error page: add to its <error>
 *   rekey	inside a transaction, the browser's identity (the SHA-256 of
 *		its token) changes from the first to the second: what the
 *		module keeps by browser follows it
 *   bind	inside a transaction, a person signs in: what the module
 *		keeps by this browser (without an account) becomes theirs
 * The list of modules is modules.c; a feature is added there in one line.
 */
struct module {
	const char		*name;
	const struct route	*routes;
	size_t			 nroutes;
	const struct field	*fields;
	size_t			 nfields;
	struct sheet		*sheets;
	size_t			 nsheets;
	int		 (*load)(const struct conf *);
	void		 (*start)(struct req *);
	void		 (*stop)(void);
	void		 (*page)(struct req *, xmlNodePtr, xmlNodePtr);
	void		 (*error)(struct req *, int, xmlNodePtr);
	enum dberr	 (*rekey)(struct req *, const unsigned char *,
			    const unsigned char *);
	enum dberr	 (*bind)(struct req *, const unsigned char *,
			    long long);
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* modules.c: every module, NULL-terminated. */
extern const struct module *const modules[];

#endif /* APP_H */
