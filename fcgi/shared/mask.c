/*
 * mask.c: personal data as shown to those who need to know only that it
 * exists: phone numbers and names with most characters starred.
 */
#include <string.h>

#include "core/app.h"
#include "shared/mask.h"

/* "张三" → "张*", "欧阳娜娜" → "欧***": the first character only. */
char *
mask_name(struct pool *p, const char *s)
{
	size_t	 first, n = 0;
	char	*out;

	if (s == NULL || *s == '\0')
		return NULL;
	first = 1;
	while (s[first] != '\0' && ((unsigned char)s[first] & 0xc0) == 0x80)
		first++;
	for (const char *t = s + first; *t != '\0'; t++)
		if (((unsigned char)*t & 0xc0) != 0x80)
			n++;
	if ((out = pool_alloc(p, first + (n ? n : 1) + 1)) == NULL)
		return NULL;
	memcpy(out, s, first);
	memset(out + first, '*', n ? n : 1);
	out[first + (n ? n : 1)] = '\0';
	return out;
}

/* "13812345678" → "138****5678". */
char *
mask_phone(struct pool *p, const char *s)
{
	if (s == NULL || strlen(s) != 11)
		return NULL;
	return pool_printf(p, "%.3s****%s", s, s + 7);
}
