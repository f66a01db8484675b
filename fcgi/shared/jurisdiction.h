/*
 * jurisdiction.h: the jurisdiction this site serves and its streets and
 * towns, as every feature asks for them.
 */
#ifndef JURISDICTION_H
#define JURISDICTION_H

struct jurisdiction {
	long long	 id;
	char		 code[16];
	char		 name[64];
	char		 full_name[128];
	char		 committee[192];
	char		 name_en[64];		/* "": none */
	char		 full_name_en[128];
	char		 committee_en[192];
	char		 crs[8];
	long long	 loaded_ms;
};

const struct jurisdiction *jur_get(struct req *, enum dberr *);
const char	*jur_name(struct req *);
enum dberr	 region_list(struct req *, struct dbres **);
int		 region_here(struct req *, long long, enum dberr *);
int		 region_xml(struct req *, xmlNodePtr);
int		 region_xml_zh(struct req *, xmlNodePtr);
struct dbres	*jur_row(struct req *, struct stmt *, const char *, int *);

#endif /* JURISDICTION_H */
