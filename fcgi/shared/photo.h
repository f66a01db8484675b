/*
 * photo.h: residents' photos and scanned documents, checked and encoded
 * again as a JPEG without their metadata (photo.c).
 */
#ifndef PHOTO_H
#define PHOTO_H

#define PHOTO_MAX_BYTES		(10 * 1024 * 1024)	/* one upload */
#define PHOTO_SIDE		1600	/* a hazard's photo, pixels */
#define PHOTO_DOCUMENT_SIDE	2400	/* a scan stays legible */

struct photo {
	unsigned char	*jpeg;		/* in the pool */
	size_t		 size;
	int		 w;
	int		 h;
};

const char	*photo_take(struct pool *, const void *, size_t, int,
		    struct photo *);
int		 photo_send(struct req *, const void *, size_t);

#endif /* PHOTO_H */
