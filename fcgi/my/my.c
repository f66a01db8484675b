/*
 * my.c: 我的蓝码, the person's own page: the codes of this browser (or of
 * the signed-in person), a quiz still running, so that it can be found
 * again, and for a signed-in person their profile, unit and points and
 * the progress of what they asked for (notices).
 */
#include "core/app.h"
#include "account/account.h"
#include "code/code.h"
#include "points/points.h"
#include "quiz/quiz.h"
#include "shared/notice.h"

static int	 my_get(struct req *);

static const struct route my_routes[] = {
	/* MY: 我的蓝码 */
	{ METHOD_GET, "/my", my_get, 0 },
};

static struct sheet my_sheet = { "code-mine.xsl", 0, { NULL } };

const struct module my_module = {
	.name = "my",
	.routes = my_routes,
	.nroutes = NELEM(my_routes),
	.sheets = &my_sheet,
	.nsheets = 1,
};

/* GET /my */
static int
my_get(struct req *r)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	long long	 total;
	enum dberr	 e;
	int		 rc;

	session_ensure_token(r);
	if ((doc = xml_page(r, "code-mine")) == NULL)
		return 500;
	root = xmlDocGetRootElement(doc);
	if ((rc = quiz_open_xml(r, root)) != 0 ||
	    (rc = code_list_xml(r, root)) != 0 ||
	    (rc = account_profile_xml(r, root)) != 0)
		return rc;
	if (r->sess.person_id != 0) {
		if ((total = points_total(r, r->sess.person_id, &e)) == -1)
			return db_status(e);
		xml_propll(xml_add(root, "points", NULL), "total", total);
		if ((rc = notice_person_xml(r, root, r->sess.person_id)) != 0)
			return rc;
	}
	return page_finish(r, &my_sheet, doc);
}
