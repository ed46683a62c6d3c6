/* SPDX-License-Identifier: GPL-2.0 */
/*
 * doccheck, part 2: translations against their originals, sync stamps,
 * the translator's review, rule coverage.  One file per idea (a page's
 * outline, which both parts read, is in doccheck.h):
 *
 *   align.c      which section of a translation translates which section
 *                of its original, and what differs between the two
 *   fprint.c     fingerprints of an original's sections (words, hashes)
 *   typo.c       a changed section explained by typo-level word edits
 *   sha256.c     SHA-256 of the original named by a stamp
 *   stamp.c      the sync stamp: parse, compare, write (--fix-stamp)
 *   git.c        history, when the tree is a git work tree
 *   ldiff.c      line diffs for the review
 *   translation.c  pairing, analysis and findings of a translation
 *   review.c     the review report (text, HTML, one-line summaries)
 *   ktap.c       KTAP results of "make kunit"
 *   coverage.c   rules, sample regions and KUnit cases
 */
#ifndef TRANS_H
#define TRANS_H

#include "doccheck.h"

/* ---- fprint.c ---------------------------------------------------------- */

/* The words of a section, as fingerprints and typo recovery see them. */
struct word {
	const char *s;		/* exact word: bytes between white space */
	uint32_t n;
	char *loose;		/* lower case, no ASCII punctuation */
	uint32_t ln;
	bool code;		/* from code, a directive or a label */
};

struct words {
	struct word *v;		/* loose-empty words are left out */
	size_t n, cap;
	uint32_t e;		/* FNV-1a of every exact word + ' ' */
};

/* Fingerprint of one section of an original. */
struct sfp {
	char *key;
	int level;
	uint32_t nwords;	/* its loose words */
	uint32_t exact;		/* hash of its exact words (fprint.c: E) */
	uint32_t loose;		/* hash of its loose words (L) */
	uint32_t loose_sum;	/* sum of its loose words' hashes (S) */
	uint16_t tsec;		/* hash of the translation's section, when stamped */
	bool has_tsec;
	uint16_t *blocks;	/* per block: folded exact hash */
	size_t nblocks;
};

void words_of_section(const struct outline *o, int sec, struct words *w);
void words_free(struct words *w);
void sfp_compute(const struct outline *o, int sec, struct sfp *f);
uint16_t block_hash(const struct outline *o, const struct oblock *b);
uint16_t tsection_hash(const struct outline *o, int sec);
uint32_t words_loose_hash(const struct words *w);
uint32_t words_loose_sum(const struct words *w);
void sfp_free(struct sfp *f);

/* ---- typo.c ------------------------------------------------------------ */

/* One word of the current text whose old form was recovered. */
struct wedit {
	size_t pos;		/* index in the current words */
	char *old;		/* the old loose word */
};

#define TYPO_MAX 2
/*
 * Explain the change of a section from its old fingerprint to the words
 * @w as at most TYPO_MAX edits of one character (or a swap of two) in
 * single words.  Returns the number of edits found (1..TYPO_MAX), 0 when
 * the change is not of that kind; @ed receives them.
 */
int typo_recover(const struct sfp *old, const struct words *w,
		 struct wedit ed[TYPO_MAX]);
bool typo_trivial(const struct words *w, const struct wedit *ed);

/* ---- sha256.c ---------------------------------------------------------- */

void sha256_hex(const void *data, size_t n, char out[65]);

/* ---- stamp.c ----------------------------------------------------------- */

/*
 * The sync stamp, an RST comment at the end of the translation (where
 * --fix-stamp writes a new one; one found elsewhere is read as well):
 *
 *   .. translation-sync: v1 Documentation/mm/page_migration.rst
 *      commit 0123...(40 hex) | commit -
 *      sha256 (64 hex)
 *      section KEY LEVEL N E L S T
 *      blocks H H H ...
 *
 * (see README.md for the meaning of each field).
 */
struct stamp {
	bool present;
	bool placeholder;	/* the old one-line "sha256:pending" form */
	int version;
	char *original;
	char commit[41];	/* "" when not known */
	char sha256[65];
	struct sfp *sec;
	size_t nsec;
	char *error;		/* why it could not be parsed, or NULL */
	int line;
};

void stamp_parse(const struct outline *t, struct stamp *st);
void stamp_free(struct stamp *st);

enum sync_state {
	SY_UNKNOWN,	/* no sync point */
	SY_SAME,	/* unchanged since the sync */
	SY_TRIVIAL,	/* white space, punctuation or typo-level changes */
	SY_CHANGED,	/* substantive change */
	SY_NEW,		/* the section did not exist then */
};

struct sync_sec {
	enum sync_state state;
	int old;		/* index in the old fingerprints, or -1 */
	char *why;		/* what kind of change, for people */
	bool t_touched;		/* its translation changed since the stamp */
	bool t_known;		/* ... and that can be told */
	unsigned char *blk_changed; /* per block of the section: 1 changed */
};

/* Where the sync point came from. */
enum sync_from { SF_NONE, SF_STAMP, SF_GIT_MESSAGE, SF_GIT_DATE };

struct sync {
	enum sync_from from;
	char commit[41];	/* the original's commit at the sync, or "" */
	char *how;		/* the sync point, for people */
	bool exact;		/* the original is byte for byte the synced one */
	struct buf old_text;	/* the synced original, when history has it */
	bool have_old;
	char *no_old;		/* why the old text is not known */
	struct outline old;	/* its outline, when have_old */
	struct sfp *fp;		/* old fingerprints */
	size_t nfp;
	struct sync_sec *sec;	/* per section of the current original */
	size_t nsec;
	int *removed;		/* old sections no longer there */
	size_t nremoved;
	int nchanged, ntrivial;
};

struct tdoc;
void sync_compare(struct tdoc *td);
void sync_free(struct sync *s);
int stamp_format(const struct tdoc *td, struct buf *out);
int stamp_write(const struct tdoc *td, char *err, size_t errlen);

/* ---- git.c ------------------------------------------------------------- */

struct git {
	bool disabled;
	char *top;		/* the work tree's top directory */
};

int git_open(struct git *g, const char *path);
void git_close(struct git *g);
char *git_relpath(const struct git *g, const char *path);
int git_last_commit(const struct git *g, const char *rel, char hash[41]);
int git_show(const struct git *g, const char *commit, const char *rel,
	     struct buf *out);
int git_sync_point(const struct git *g, const char *trel, const char *orel,
		   char hash[41], enum sync_from *how);
int git_describe(const struct git *g, const char *commit, struct buf *out);

/* ---- ldiff.c ----------------------------------------------------------- */

/* A unified diff of two texts' lines [a0, a1) and [b0, b1), into @out. */
struct textlines {
	const char **s;
	size_t *n;
	size_t count;
};

void textlines_split(struct textlines *tl, const char *text, size_t len);
void textlines_free(struct textlines *tl);
void ldiff(const struct textlines *a, size_t a0, size_t a1,
	   const struct textlines *b, size_t b0, size_t b1,
	   const char *prefix, struct buf *out);

/* ---- align.c ----------------------------------------------------------- */

enum diff_kind {
	DF_LEVEL,	/* section level */
	DF_LABEL,	/* a label on one side only */
	DF_XREF,	/* a cross reference on one side only */
	DF_CODE,	/* a code block that differs or is on one side only */
	DF_DIRECTIVE,	/* literalinclude, kernel-doc, toctree... */
	DF_LIST,	/* number of list items */
	DF_TABLE,	/* number of tables */
	DF_IDENT,	/* API names on one side only */
};

struct sdiff {
	enum diff_kind kind;
	int esec, tsec;
	int line, col;		/* in the translation */
	int eline;		/* in the original */
	char *what;		/* the message */
	char *name;		/* for the baseline */
};

struct alignment {
	int *t_of_e;		/* translation section of each original's, -1 */
	int *e_of_t;
	bool *moved;		/* per original section: matched out of order */
	int *near_t;		/* unmatched original section: the translation's
				   unmatched section at its place, or -1 */
	double *score;		/* per original section: the score of its pair */
	bool in_order;		/* too many pairs to score: paired by position */
	struct sdiff *d;
	size_t nd, cap;
};

/* Identifier sets per section (from part 1's extraction). */
struct idset {
	char **name;		/* bare names, sorted, unique */
	char **show;		/* as the page writes them: "foo()", "struct bar" */
	size_t n;
};

struct tside {
	struct outline o;
	struct doc *doc;	/* part 1's references */
	struct idset *ids;	/* per section */
	const char *lang;	/* "zh_CN" for a translation, NULL for the original */
};

/* A pair scoring this much shares more than place, level and size. */
#define EVIDENCE_MIN 3.0
void align_sections(const struct tside *e, const struct tside *t,
		    struct alignment *a);
void align_compare(const struct tside *e, const struct tside *t,
		   struct alignment *a);
void alignment_free(struct alignment *a);
void idsets_build(struct tside *s);
void idsets_free(struct tside *s);
void idset_minus(const struct idset *a, const struct idset *b, struct buf *out,
		 size_t *count);
char *label_norm(const char *label, const char *lang);

/* ---- translation.c ----------------------------------------------------- */

struct topts {
	bool translations;	/* compare translations with their originals */
	bool require_stamp;	/* a translation without a stamp is a finding */
	bool fix_stamp;		/* write the stamps of clean translations */
	bool no_git;		/* never ask git */
	bool review;		/* doccheck review */
	bool summary;		/* review: one line per file */
	bool html;		/* review: an HTML fragment */
	const char *outdir;	/* review: one file per translation, in here */
	const char *examples;	/* rule coverage: the examples directory */
	const char *ktap;	/* KUnit results */
	const struct glossary *glossary;	/* the terms, or NULL */
};

struct tdoc {
	struct doc *doc;	/* the translation, as part 1 read it */
	char *opath;		/* its original, or NULL */
	char *ofield;		/* the original as :Original: names it */
	char *oerr;		/* why there is no original */
	bool skip;		/* not a translation after all */
	struct tside e, t;
	struct alignment al;
	struct stamp st;
	struct sync sy;
	struct git git;
	bool stamped;		/* --fix-stamp wrote a new stamp */
	char *stamp_msg;	/* what --fix-stamp did or why not */
};

struct tset {
	struct tdoc *v;
	size_t n;
	double seconds;
};

bool is_translation(const char *path, const char *text, size_t len);
char *lang_of_path(const char *path);
void trans_analyze(const struct topts *o, struct doc *docs, size_t ndocs,
		   struct tset *ts);
void trans_findings(const struct topts *o, struct tset *ts,
		    struct findings *fs);
int trans_fix_stamps(const struct topts *o, struct tset *ts,
		     struct findings *fs);
void tset_free(struct tset *ts);

/* ---- glossary.c: the agreed words of a translation's terms ------------ */

struct gterm {
	char **forms;		/* the English words */
	size_t nforms;
	char *agreed;		/* the translation's word */
	char **rejected;
	size_t nrejected;
};

struct glossary {
	struct gterm *v;
	size_t n;
	char *lang;		/* the translations it is for ("zh_CN"), or NULL: all */
};

int glossary_load(struct glossary *g, const char *path);
void glossary_free(struct glossary *g);
void glossary_check(const struct glossary *g, const struct tdoc *td,
		    struct findings *fs);

/* ---- zhconv.c: the zh_CN conventions (a translation patch's review) ---- */

void zh_conventions(const char *path, const char *text, size_t len,
		    struct findings *fs);
void zh_update_line(const char *path, const char *message, const char *tree,
		    struct findings *fs);

/* ---- review.c ---------------------------------------------------------- */

void review_print(FILE *out, const struct topts *o, const struct tset *ts,
		  const struct findings *fs, bool api_checked);
int review_write(const struct topts *o, const struct tset *ts,
		 const struct findings *fs, bool api_checked);

/* ---- ktap.c ------------------------------------------------------------ */

enum ktap_result { KT_NONE, KT_PASS, KT_FAIL, KT_SKIP };

struct ktap_case {
	char *suite;
	char *name;
	enum ktap_result res;
	int line;
};

struct ktap {
	struct ktap_case *v;
	size_t n, cap;
	char *error;
};

int ktap_read(struct ktap *k, const char *path);
void ktap_parse(struct ktap *k, const char *text, size_t len);
enum ktap_result ktap_case(const struct ktap *k, const char *suite,
			   const char *name);
void ktap_free(struct ktap *k);

/* ---- coverage.c -------------------------------------------------------- */

int coverage_check(const struct topts *o, struct doc *docs, size_t ndocs,
		   struct findings *fs, struct arena *names);
bool rule_id(const char *label);

#endif
