/*
 * mask.c: personal data as shown to those who need to know only that it
 * exists: phone numbers, names, resident ID numbers and bank accounts
 * with most characters starred.
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

/*
 * A run of ASCII digits (and X) with only its first keep_head and last
 * keep_tail characters left; NULL when it is too short to hide anything.
 */
static char *
mask_middle(struct pool *p, const char *s, size_t keep_head,
    size_t keep_tail)
{
	size_t	 n;
	char	*out;

	if (s == NULL || (n = strlen(s)) <= keep_head + keep_tail)
		return NULL;
	if ((out = pool_strdup(p, s)) == NULL)
		return NULL;
	memset(out + keep_head, '*', n - keep_head - keep_tail);
	return out;
}

/* "330109199001011234" → "330***********1234". */
char *
mask_idno(struct pool *p, const char *s)
{
	return mask_middle(p, s, 3, 4);
}

/* "6222021234567890123" → "6222***********0123". */
char *
mask_account(struct pool *p, const char *s)
{
	return mask_middle(p, s, 4, 4);
}
