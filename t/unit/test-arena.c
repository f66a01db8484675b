/*
 * test-arena.c: libxml2's memory while a page is rendered (arena.c):
 * documents built and freed while it is open come from the region and
 * leave nothing behind when it closes; memory from before stays malloc's
 * and is freed as such; a block that grows keeps its bytes; what does not
 * fit spills to malloc and is still freed; poison shows what was used.
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/app.h"
#include "tap.h"

#define SMALL	(64 * 1024)	/* a region small enough to fill */

static xmlDocPtr
doc_of(int n)
{
	xmlDocPtr	 doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr	 root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	int		 i;

	xmlDocSetRootElement(doc, root);
	for (i = 0; i < n; i++)
		xmlSetProp(xmlNewTextChild(root, NULL, BAD_CAST "q",
		    BAD_CAST "第 k 题"), BAD_CAST "pos", BAD_CAST "1");
	return doc;
}

int
main(void)
{
	xmlDocPtr	 before, doc;
	xmlBufferPtr	 buf;
	char		*p, *q;
	size_t		 spills;
	int		 i, same;

	ok(arena_init(SMALL, 1) == 0, "the region is reserved");
	xmlInitParser();
#if defined(__SANITIZE_ADDRESS__)
	/* The arena never opens under AddressSanitizer: malloc throughout. */
	arena_open();
	doc = doc_of(10);
	is_int(arena_used(), 0, "under ASan, libxml2 uses malloc");
	xmlFreeDoc(doc);
	arena_close();
	(void)before, (void)buf, (void)p, (void)q, (void)spills, (void)i;
	(void)same;
	return done_testing();
#endif
	before = doc_of(3);		/* malloc's: made with the arena shut */
	is_int(arena_used(), 0, "nothing is taken while the arena is closed");

	arena_open();
	doc = doc_of(10);
	ok(arena_used() > 0, "an open arena serves libxml2's allocations");
	xmlFreeDoc(doc);
	xmlFreeDoc(before);		/* malloc's memory, freed as such */
	arena_close();
	is_int(arena_used(), 0, "closing takes everything back");

	arena_open();
	p = xmlMalloc(40);
	memset(p, 'x', 40);
	q = xmlMalloc(8);		/* p is no longer the last block */
	p = xmlRealloc(p, 4000);
	same = 1;
	for (i = 0; i < 40; i++)
		same &= p[i] == 'x';
	ok(same, "a block that moves to grow keeps its bytes");
	q = xmlRealloc(q, 16);
	ok(q != NULL, "a block grows in place or moves");
	xmlFree(q);
	xmlFree(p);
	buf = xmlBufferCreate();
	for (i = 0; i < 200; i++)
		xmlBufferCat(buf, BAD_CAST "消防蓝码 ");
	ok(xmlBufferLength(buf) == 200 * 13, "a growing buffer keeps its text");
	xmlBufferFree(buf);
	arena_close();
	ok((unsigned char)*p == 0xa5, "poison marks what the page used");

	arena_open();
	spills = arena_spills();
	doc = doc_of(2000);		/* far more than 64 KiB */
	ok(arena_spills() > spills, "what does not fit goes to malloc");
	ok(xmlChildElementCount(xmlDocGetRootElement(doc)) == 2000,
	    "a document across the region and malloc is whole");
	xmlFreeDoc(doc);		/* both kinds, freed: valgrind checks */
	arena_close();

	doc = doc_of(1);
	is_int(arena_used(), 0, "closed again, allocations are malloc's");
	xmlFreeDoc(doc);
	xmlCleanupParser();
	return done_testing();
}
