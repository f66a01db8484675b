/*
 * ref.c: tracking numbers. The alphabet leaves out 0, 1, I, L and O, so
 * a number read over the phone or copied by hand comes out the same; 31
 * signs in 8 places give 8.5 × 10^11 numbers, so one is not guessed, and
 * the table's unique key catches the rare number drawn twice (the caller
 * draws again).
 */
#include <string.h>

#include <sodium.h>

#include "core/app.h"
#include "shared/ref.h"

static const char	 ref_chars[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

void
ref_make(char out[REF_LEN + 1])
{
	size_t	 i;

	for (i = 0; i < REF_LEN; i++)
		out[i] = ref_chars[randombytes_uniform(sizeof(ref_chars) - 1)];
	out[REF_LEN] = '\0';
}

/* Whether s is a number as made (upper case, no other signs). */
int
ref_ok(const char *s)
{
	return strlen(s) == REF_LEN && strspn(s, ref_chars) == REF_LEN;
}
