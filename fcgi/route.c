/*
 * route.c: the route table and the matcher.
 * Adding a page is adding a row here and a handler in its feature file.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

static const struct route routes[] = {
	/* HOME */
	{ METHOD_GET, "/", home_get, 0 },
	/* ADMIN: the sign-in form, or the admin home once signed in */
	{ METHOD_GET, "/admin", admin_get, 0 },
	/* ADMIN_LOGIN */
	{ METHOD_POST, "/admin/login", admin_login_post, 0 },
	/* ADMIN_LOGOUT */
	{ METHOD_POST, "/admin/logout", admin_logout_post, 0 },
	/* QUIZ_ROLES: pick a role */
	{ METHOD_GET, "/quiz", quiz_roles, 0 },
	/* QUIZ_RESULT: score and review (before QUIZ_QUESTION) */
	{ METHOD_GET, "/quiz/a/:token/result", quiz_result, 0 },
	/* QUIZ_REPORT: report a question (before QUIZ_ANSWER) */
	{ METHOD_POST, "/quiz/a/:token/report", quiz_report, 0 },
	/* QUIZ_QUESTION: question k of an attempt */
	{ METHOD_GET, "/quiz/a/:token/:k", quiz_question, 0 },
	/* QUIZ_ANSWER: answer question k, move on or submit */
	{ METHOD_POST, "/quiz/a/:token/:k", quiz_answer, 0 },
	/* QUIZ_LOCATE: the location step of a role */
	{ METHOD_GET, "/quiz/:role", quiz_locate, 0 },
	/* QUIZ_START: place the person and start an attempt */
	{ METHOD_POST, "/quiz/:role/start", quiz_start, 0 },
	{ METHOD_GET, "/quiz/:role/start", quiz_start_again, 0 },
	/* CODE_MINE: 我的蓝码 */
	{ METHOD_GET, "/my", code_mine, 0 },
	/* CODE_SHOW: the holder's page of a code */
	{ METHOD_GET, "/my/:id", code_show, 0 },
	/* CODE_PUBKEY: the key that checks tokens offline (before VERIFY) */
	{ METHOD_GET, "/v/key", code_pubkey, 0 },
	/* CODE_VERIFY: what a scan opens; never changes once shipped */
	{ METHOD_GET, "/v/:token", code_verify, 0 },
	/* CODE_BADGE: the badge PNG; never changes once shipped */
	{ METHOD_GET, "/v/:token/:file", code_badge, 0 },
	/* ACCOUNT: the account, or sign-in and registration */
	{ METHOD_GET, "/account", person_get, 0 },
	/* ACCOUNT_REGISTER */
	{ METHOD_POST, "/account/register", person_register, 0 },
	/* ACCOUNT_LOGIN */
	{ METHOD_POST, "/account/login", person_login, 0 },
	/* ACCOUNT_LOGOUT */
	{ METHOD_POST, "/account/logout", person_logout, 0 },
	/* ACCOUNT_NAME: the name printed on badges */
	{ METHOD_POST, "/account/name", person_name, 0 },
	/* ADMIN_CODES: find codes */
	{ METHOD_GET, "/admin/codes", admin_codes, RF_ADMIN },
	/* ADMIN_CODE_REVOKE */
	{ METHOD_POST, "/admin/codes/:id/revoke", admin_code_revoke, RF_ADMIN },
	/* ADMIN_BANKS: versions, import, export */
	{ METHOD_GET, "/admin/banks", admin_banks, RF_ADMIN },
	/* ADMIN_BANK_IMPORT: upload a bank file */
	{ METHOD_POST, "/admin/banks/import", admin_bank_import, RF_ADMIN },
	/* ADMIN_BANK_DRAFT: open a draft from the published version */
	{ METHOD_POST, "/admin/banks/draft", admin_bank_draft, RF_ADMIN },
	/* ADMIN_BANK_PUBLISH: publish the draft */
	{ METHOD_POST, "/admin/banks/publish", admin_bank_publish, RF_ADMIN },
	/* ADMIN_BANK_EXPORT: a version as a bank file */
	{ METHOD_GET, "/admin/banks/:version/export", admin_bank_export,
	  RF_ADMIN },
	/* ADMIN_QUESTIONS: list and search */
	{ METHOD_GET, "/admin/questions", admin_questions, RF_ADMIN },
	/* ADMIN_QUESTION: one question ("new" for a new one) */
	{ METHOD_GET, "/admin/questions/:id", admin_question, RF_ADMIN },
	/* ADMIN_QUESTION_SAVE */
	{ METHOD_POST, "/admin/questions/:id", admin_question_save, RF_ADMIN },
	/* ADMIN_QUESTION_RETIRE */
	{ METHOD_POST, "/admin/questions/:id/retire", admin_question_retire,
	  RF_ADMIN },
	/* ADMIN_REPORTS: what people reported about questions */
	{ METHOD_GET, "/admin/reports", admin_reports, RF_ADMIN },
	/* ADMIN_ROLES: the roles and their quiz settings */
	{ METHOD_GET, "/admin/roles", admin_roles, RF_ADMIN },
	{ METHOD_POST, "/admin/roles/:code", admin_role_save, RF_ADMIN },
	/* ADMIN_REGIONS: the streets and towns and their populations */
	{ METHOD_GET, "/admin/regions", admin_regions, RF_ADMIN },
	{ METHOD_POST, "/admin/regions/:id", admin_region_save, RF_ADMIN },
	/* STATUS: the worker scoreboard, loopback only */
	{ METHOD_GET, "/status", status_get, RF_LOOPBACK | RF_NODB },
	/* DEV_SLEEP: a slow request for tests (development mode only) */
	{ METHOD_GET, "/dev/sleep/:ms", dev_sleep, RF_NODB },
	/* DEV_QUIZ_QUERY, DEV_QUIZ_PAGE: the halves of a question page */
	{ METHOD_GET, "/dev/quiz/:token/:k/query", dev_quiz_query, 0 },
	{ METHOD_GET, "/dev/quiz/:token/:k/page", dev_quiz_page, 0 },
};

const struct route *
route_table(size_t *n)
{
	*n = sizeof(routes) / sizeof(routes[0]);
	return routes;
}

enum method
method_parse(const char *s)
{
	if (s == NULL)
		return METHOD_OTHER;
	if (strcmp(s, "GET") == 0)
		return METHOD_GET;
	if (strcmp(s, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(s, "POST") == 0)
		return METHOD_POST;
	return METHOD_OTHER;
}

/*
 * Match one pattern against a path, segment by segment; ":name" takes
 * any non-empty segment into args. Returns the number of arguments, or
 * -1 when the path does not match.
 */
static int
pattern_match(const char *pat, const char *path, char **args, size_t maxargs,
    struct pool *p)
{
	const char	*pe, *se;
	size_t		 n = 0;

	for (;;) {
		if (*pat != '/' || *path != '/')
			return -1;
		pat++, path++;
		pe = pat + strcspn(pat, "/");
		se = path + strcspn(path, "/");
		if (*pat == ':') {
			if (se == path || n == maxargs)
				return -1;
			if (args != NULL && p != NULL &&
			    (args[n] = pool_strndup(p, path, se - path)) == NULL)
				return -1;
			n++;
		} else if (pe - pat != se - path ||
		    memcmp(pat, path, pe - pat) != 0)
			return -1;
		pat = pe, path = se;
		if (*pat == '\0' && *path == '\0')
			return (int)n;
		if (*pat == '\0' || *path == '\0')
			return -1;
	}
}

/*
 * Find the route for method and path. ROUTE_BADMETHOD means the path
 * exists for other methods, which *allowed collects (for an Allow header).
 * HEAD is served by GET routes.
 */
enum route_res
route_match(const struct route *tab, size_t ntab, unsigned int method,
    const char *path, const struct route **found, char **args,
    size_t maxargs, struct pool *p, unsigned int *allowed)
{
	unsigned int	 want;
	size_t		 i;
	int		 n;

	want = method == METHOD_HEAD ? (METHOD_GET | METHOD_HEAD) : method;
	*allowed = 0;
	for (i = 0; i < ntab; i++) {
		if (pattern_match(tab[i].pattern, path, NULL, maxargs, NULL) < 0)
			continue;
		if ((tab[i].methods & want) == 0) {
			*allowed |= tab[i].methods;
			continue;
		}
		n = pattern_match(tab[i].pattern, path, args, maxargs, p);
		if (n < 0)
			return ROUTE_NOTFOUND;
		*found = &tab[i];
		return ROUTE_FOUND;
	}
	return *allowed ? ROUTE_BADMETHOD : ROUTE_NOTFOUND;
}

/*
 * A path argument as a positive id: digits only, no sign, space or
 * leading zero, at most 18 of them; 0 when it is anything else.
 */
long long
path_id(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0 || n > 18 || s[0] == '0' || strspn(s, "0123456789") != n)
		return 0;
	return strtoll(s, NULL, 10);
}
