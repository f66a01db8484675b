/* browser.h: the browser's identity (browser.c). */
#ifndef BROWSER_H
#define BROWSER_H

int		 browser_id(struct req *, unsigned char[32]);

#endif /* BROWSER_H */
