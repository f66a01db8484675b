/*
 * bench-badge.c: how long drawing one badge PNG takes (the cold path of
 * a badge download), by size and PNG compression level: the median of
 * N renders each. Built and run by contrib/bench.
 *
 *	bench-badge FONT N
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "code/badge.h"

/* The Chinese words of xslt/badge-labels.xsl. */
static const char *const labels[BL__MAX] = {
	"消防蓝码", "消防蓝码 · 萧山区", "持 有 人", "角    色", "所在镇街",
	"有 效 期", "编    号", "2026-11-24 至 2027-05-24", "扫码核验真伪"
};

static int
cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	struct badge	 b = { "萧山区", "张三", "消防安全责任人（管理人）",
	    "城厢街道", "2026-11-24", "2027-05-24", "330109-0000123",
	    "https://bluecode.example.cn/v/AQAAAHsBAAFOdgABAgMEBQYHCAkKCwwN"
	    "Dg8Q7m8dN3c1xKq3c3rV8a1PZ0mDk5X7cW2Qz3QeXq1yHqk7wHnJm9vJ0rT5p1WnL"
	    "2dP8uQ", labels };
	static const int levels[] = { 1, 3, 6, 9 };
	unsigned char	*png;
	size_t		 len;
	struct timespec	 t0, t1;
	double		*ms;
	int		 n, s, l, i;

	if (argc != 3 || (n = atoi(argv[2])) < 1)
		return 2;
	if ((ms = calloc((size_t)n, sizeof(*ms))) == NULL)
		return 1;
	printf("%-8s %5s %12s %10s\n", "size", "level", "median ms", "bytes");
	for (s = 0; s < BADGE__MAX; s++)
		for (l = 0; l < (int)(sizeof(levels) / sizeof(levels[0])); l++) {
			for (i = 0; i < n; i++) {
				clock_gettime(CLOCK_MONOTONIC, &t0);
				if (badge_png(&b, s, argv[1], levels[l], &png,
				    &len) == -1)
					return 1;
				clock_gettime(CLOCK_MONOTONIC, &t1);
				badge_free(png);
				ms[i] = (t1.tv_sec - t0.tv_sec) * 1e3 +
				    (t1.tv_nsec - t0.tv_nsec) / 1e6;
			}
			qsort(ms, (size_t)n, sizeof(*ms), cmp);
			printf("%-8s %5d %12.2f %10zu\n", badge_size_name(s),
			    levels[l], ms[n / 2], len);
		}
	free(ms);
	return 0;
}
