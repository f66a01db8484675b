/* media.h: uploaded videos checked and a poster made (media.c). */
#ifndef MEDIA_H
#define MEDIA_H

#define MEDIA_MIN_SECONDS	1.0
#define MEDIA_MAX_SECONDS	36000.0		/* as lesson.seconds */

/* Why a file is refused, for the page that says so. */
enum media_why {
	MEDIA_OK,
	MEDIA_NOT_VIDEO,	/* not a video at all, or a broken one */
	MEDIA_CODEC,		/* a video browsers do not play */
	MEDIA_LENGTH,		/* no length, or outside 1 s to 10 h */
	MEDIA_PROBE		/* the tools could not run (a 500) */
};

struct media_info {
	const char	*container;	/* "webm" or "mp4": the file's suffix */
	char		 codec[16];
	double		 seconds;
	int		 width, height;
};

enum media_why	 media_probe(const char *, struct media_info *);
enum media_why	 media_poster(const char *, double, const char *);

#endif /* MEDIA_H */
