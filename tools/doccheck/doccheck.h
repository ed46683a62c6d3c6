/* SPDX-License-Identifier: GPL-2.0 */
/*
 * doccheck - find stale and unknown kernel API references in
 * reStructuredText documentation.
 *
 * The program has four parts, one file per idea:
 *   index:   names of a kernel tree (index.c, cindex.c, paste.c, kconfig.c,
 *            walk.c, names.c), kept in a cache (cache.c)
 *   extract: references in .rst files (rst.c, prose.c, csnip.c, doc.c),
 *            on threads (extract.c)
 *   check:   references against the index and older trees, in phases
 *            (check.h: facts.c, check.c, rules.c, explain.c), with
 *            history.c, suggest.c, plausible.c, pathhint.c, bootparams.c;
 *            other namespaces (foreign.c), word lists (words.c)
 *   report:  text, JSON and SARIF output, baseline (report.c, baseline.c)
 */
#ifndef DOCCHECK_H
#define DOCCHECK_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* ---- util.c ------------------------------------------------------------ */

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);

/* The capacity of an array that grows: twice @cap, or @first at first. */
static inline size_t grow_cap(size_t cap, size_t first)
{
	return cap ? cap * 2 : first;
}

/*
 * Make room for element @n of the array @v of @cap elements, growing it
 * by doubling (as git's ALLOC_GROW).
 */
#define GROW(v, n, cap, first)						\
	do {								\
		if ((n) >= (cap)) {					\
			(cap) = grow_cap((cap), (first));		\
			(v) = xrealloc((v), (cap) * sizeof(*(v)));	\
		}							\
	} while (0)
char *xstrndup(const char *s, size_t n);
char *xstrdup(const char *s);
void warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern const char *progname;

/* A bump allocator: many small strings, freed all at once. */
struct arena {
	struct arena_chunk *chunks;
	char *cur, *end;
};
void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* Growable byte buffer. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_add(struct buf *b, const void *data, size_t n);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* A new string of the formatted text (the caller frees it). */
char *xvstrfmt(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
void buf_addstr(struct buf *b, const char *s);
void buf_free(struct buf *b);
void buf_pad(struct buf *b);

int rst_indent(const char *s, size_t n, size_t *skip);
bool rst_adornment(const char *s, size_t n);
size_t rst_list_marker(const char *t, size_t tn);
bool rst_admonition(const char *name, size_t n);
size_t count_lines(const char *text, size_t len);
size_t utf8_invalid(const char *s, size_t n);

/*
 * A file read into memory, followed by FILE_PAD NUL bytes so that
 * scanners can look a few bytes ahead without bounds checks.
 */
#define FILE_PAD 8
int read_file(const char *path, struct buf *b, char *err, size_t errlen);
bool file_exists(const char *path);
void lexical_path(const char *p, struct buf *out);

/* The files a patch changes, as it leaves them: read_file() reads these. */
struct overlay_file {
	const char *path;
	const char *data;
	size_t len;
	bool exists;
};
void overlay_set(const struct overlay_file *v, size_t n);

/*
 * For --stats: the monotonic clock and the CPU time the process has used
 * so far (all its threads, user and system).
 */
struct tick {
	double wall, cpu;
};

struct tick tick_now(void);
struct tick tick_since(struct tick t0);	/* the time from t0 to now */

/* ---- parallel.c: work on several threads -------------------------------- */

/* The CPUs online, at least 1 and at most @limit. */
int cpu_count(int limit);
/*
 * Run @fn on each of the @n jobs of the array @jobs (elements of @size
 * bytes), one thread per job, the caller's thread taking the first; it
 * returns when all are done.
 */
void run_parallel(void *jobs, size_t size, int n, void *(*fn)(void *));

/*
 * Two string hashes, for two jobs.  hash_str() is FNV-1a, 32 bits, the
 * one kept on disk (sync stamps, section fingerprints, the cache's
 * keys), so it never changes; hash_add() continues one.  name_hash() is
 * the name tables' hash, eight bytes at a time, never kept, free to
 * change.  (cindex.c's keyword slots use a cheaper mix of three bytes.)
 */
#define HASH_INIT 2166136261u

static inline uint32_t hash_add(uint32_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static inline uint32_t hash_str(const char *s, size_t n)
{
	return hash_add(HASH_INIT, s, n);
}

uint32_t name_hash(const char *s, size_t n);

extern const unsigned char ident_tab[256];	/* 1: may start, 2: may continue */

static inline bool is_ident_start(unsigned char c)
{
	return ident_tab[c] & 1;
}

static inline bool is_ident_char(unsigned char c)
{
	return ident_tab[c] & 2;
}

static inline bool is_upper_name(const char *s, size_t n)
{
	bool letter = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return false;
		if (s[i] >= 'A' && s[i] <= 'Z')
			letter = true;
	}
	return letter;
}

/* Length of the identifier at s[i] (of n bytes), 0 if none starts there. */
static inline size_t ident_span(const char *s, size_t n, size_t i)
{
	size_t k = i;

	if (k >= n || !is_ident_start(s[k]))
		return 0;
	while (k < n && is_ident_char(s[k]))
		k++;
	return k - i;
}

/* s[0..n) is the word w */
static inline bool word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(s, w, n);
}

/* Compare kernel versions "6.1" < "6.12" < "7.2". */
int version_cmp(const char *a, const char *b);

/* ---- names.c: the name table ------------------------------------------- */

enum name_kind {
	K_FUNC		= 1 << 0,	/* function, declared or defined */
	K_MACRO		= 1 << 1,	/* #define NAME */
	K_TYPEDEF	= 1 << 2,
	K_STRUCT	= 1 << 3,	/* struct tag */
	K_UNION		= 1 << 4,	/* union tag */
	K_ENUM		= 1 << 5,	/* enum tag */
	K_ENUMCONST	= 1 << 6,
	K_MEMBER	= 1 << 7,	/* member of a struct or union */
	K_VAR		= 1 << 8,	/* global variable */
	K_SYSCALL	= 1 << 9,	/* SYSCALL_DEFINEn name, and sys_NAME */
	K_EXPORT	= 1 << 10,	/* EXPORT_SYMBOL*() */
	K_GEN		= 1 << 11,	/* generated by a token-pasting macro */
	K_MACROARG	= 1 << 12,	/* argument of a top-level macro call */
	K_KCONFIG	= 1 << 13,	/* Kconfig symbol, without CONFIG_ */
	K_FILE		= 1 << 14,	/* path of a file in the tree */
	K_DIR		= 1 << 15,	/* path of a directory in the tree */
	K_OPS		= 1 << 16,	/* tag of an aggregate with function pointers */
	K_FMACRO	= 1 << 17,	/* function-like macro */
	K_CORE		= 1 << 18,	/* aggregate defined under include/ */
	K_PARAM		= 1 << 19,	/* parameter of a file-scope prototype */
	K_SRC		= 1 << 20,	/* seen outside tools/ */
	K_TOOLS		= 1 << 21,	/* seen under tools/ (user-space code) */
	K_BUILT		= 1 << 22,	/* a path a .gitignore lists: a build's */
};

#define K_CODE (K_FUNC | K_MACRO | K_TYPEDEF | K_STRUCT | K_UNION | K_ENUM | \
		K_ENUMCONST | K_MEMBER | K_VAR | K_SYSCALL | K_EXPORT | \
		K_GEN | K_MACROARG | K_PARAM)
#define K_TAG (K_STRUCT | K_UNION | K_ENUM)
#define K_PATH (K_FILE | K_DIR)

/* A member of an aggregate: which tag holds it. */
struct owner {
	struct owner *next;
	const char *tag;	/* aggregate tag, "" for anonymous */
	const char *type;	/* struct/union tag of the member's type, or NULL */
	bool fnptr;		/* declared as (*name)(...) */
};

struct name {
	struct name *next;
	struct owner *owners;
	const void *data;	/* for the table's user */
	uint32_t hash;
	uint32_t kinds;
	uint32_t len;
	char str[];
};

struct names {
	struct name **buckets;
	size_t mask;
	size_t count;
	struct arena arena;
};

void names_init(struct names *t);
void names_free(struct names *t);
struct name *names_find(const struct names *t, const char *s, size_t n);
struct name *names_add(struct names *t, const char *s, size_t n, uint32_t kinds);
/* The same, with h = name_hash(s, n) known already. */
struct name *names_find_h(const struct names *t, const char *s, size_t n,
			  uint32_t h);
struct name *names_add_h(struct names *t, const char *s, size_t n,
			 uint32_t kinds, uint32_t h);
void names_add_owner(struct names *t, struct name *member, const char *tag,
		     size_t taglen, const char *type, size_t typelen, bool fnptr);
bool name_has_owner(const struct name *member, const char *tag);
void names_merge(struct names *dst, struct names *src);
/* The first name of bucket *@i or a later one; NULL after the last. */
static inline struct name *names_from(const struct names *t, size_t *i,
				      struct name *nm)
{
	while (!nm && ++*i <= t->mask)
		nm = t->buckets[*i];
	return nm;
}

/* Every name of @t, bucket by bucket (@i is the bucket) */
#define names_for_each(t, i, nm)					\
	for (i = 0, nm = names_from((t), &(i), (t)->buckets[0]); nm;	\
	     nm = names_from((t), &(i), nm->next))

/* ---- index.c: a kernel tree's names ------------------------------------ */

/* A call of a function-like macro at file scope, with simple arguments. */
struct macro_call {
	const char *name;
	const char **args;
	int nargs;
	uint32_t file;		/* the file it is in */
	uint32_t file_bytes;	/* that file's size: its expansion budget */
	bool header;		/* that file is a .h file */
};

/* A function-like macro whose expansion may generate names. */
struct macro_def {
	const char *name;
	const char **params;	/* "..." is __VA_ARGS__ */
	int nparams;
	bool variadic;		/* the last parameter takes the rest */
	bool header;		/* defined in a .h file, else local to a .c */
	uint32_t file;
	const char *body;
};

/* What one file or one thread found; merged into the index at the end. */
struct found {
	struct names names;	/* every name, or only those in want */
	const struct names *want; /* NULL: keep every name */
	const uint64_t *filter;	/* quick "surely not wanted" test */
	const struct wanttab *wt; /* the wanted names by hash (index.c) */
	struct name **slot;	/* by wanted name: its entry in names */
	struct buf log;		/* with want: every name, NUL-terminated */
	bool nolog;		/* the file being scanned is not logged */
	bool keep_log;		/* log as with a wanted set, without one */
	bool core;		/* the file being scanned is under include/ */
	uint32_t where;		/* K_SRC or K_TOOLS for the file being scanned */
	uint32_t file;		/* a number for the file being scanned */
	uint32_t file_bytes;	/* its size */
	bool header;		/* it is a .h file */
	uint32_t *seen;		/* hashes of logged names, SEEN_SLOTS */
	struct macro_call *calls;
	size_t ncalls, calls_cap;
	struct macro_def *defs;
	size_t ndefs, defs_cap;
	/* paste.c: the files whose expansion went over its budget */
	uint32_t *stopped;
	size_t nstopped, stopped_cap;
	/* ... and the most work per byte of a file that did not (--stats) */
	uint64_t most_work;
	uint32_t most_bytes, most_file;
};

#define SEEN_SLOTS (1u << 17)
void found_init(struct found *f, const struct names *want);
void found_free(struct found *f);
struct name *found_name(struct found *f, const char *s, size_t n,
			uint32_t kinds);
#define FILTER_BITS (1u << 20)
uint32_t filter_hash(uint32_t h);
uint64_t *filter_build(const struct names *want);
struct wanttab;
struct wanttab *wanttab_build(const struct names *want);
void wanttab_free(struct wanttab *wt);
void found_add_call(struct found *f, const char *name, size_t n,
		    const char **args, const size_t *argn, int nargs);
void found_add_def(struct found *f, const char *name, size_t n,
		   const char **params, const size_t *paramn, int nparams,
		   bool variadic, const char *body, size_t bodyn);

struct index {
	struct names names;	/* code names, Kconfig symbols and paths */
	char *label;		/* "7.3" */
	char *root;		/* the tree's directory, or NULL when loaded */
	size_t nfiles_c, nfiles_kconfig, nbytes;
	struct arena *arenas;	/* the workers' arenas, holding merged nodes */
	int narenas;
	struct buf *logs;	/* with a wanted set: every name seen */
	int nlogs;
	const char **roots;	/* more trees where a path may exist */
	int nroots;
	void *map;		/* a cache file mapped (cache.c); logs point in */
	size_t maplen;
};

struct index_opts {
	int jobs;
	const struct names *want;	/* index only these names */
	bool stats;			/* timings of the steps on stderr */
	const char *cache;		/* directory of cached indexes, or NULL */
};

int index_tree(struct index *idx, const char *root, const struct index_opts *o);
void index_walk_ahead(const char *root, bool stat_files);	/* index_tree() takes it */

/* cache.c: a full index saved for a tree's stamp, mapped back */
int cache_save(const struct index *idx, const char *path, uint64_t stamp);
int cache_load(struct index *idx, const char *path, uint64_t stamp,
	       const struct names *want);
int index_save(const struct index *idx, const char *path,
	       const struct index *base);
int index_load(struct index *idx, const char *path);
void index_free(struct index *idx);
uint32_t parse_kinds(const char *s, size_t n);
char *tree_label(const char *root);

/* ---- cindex.c, kconfig.c, paste.c -------------------------------------- */

/* paste.c's budget of a file: words of expansion per byte, and at least */
#ifndef PASTE_WORK_PER_BYTE
#define PASTE_WORK_PER_BYTE 64
#endif
#define PASTE_WORK_MIN (1u << 23)

void cindex_scan(struct found *f, const char *text, size_t len);
void kconfig_scan(struct found *f, const char *text, size_t len);
void paste_expand(struct found *out, struct found *const *parts, int nparts);
struct paste_defs;
struct paste_defs *paste_defs_build(struct found *const *parts, int nparts);
void paste_calls(const struct paste_defs *d, struct found *out,
		 const struct found *part, size_t from, size_t to);
void paste_defs_free(struct paste_defs *d);

/* ---- walk.c ------------------------------------------------------------ */

struct walk_entry {
	char *path;		/* relative to the root */
	bool is_dir;
};

struct walk {
	struct walk_entry *v;
	size_t n, cap;
	int errors;
	bool stat_files;	/* set before the walk: files count in the stamp */
	uint64_t stamp;		/* of the names and times of directories (and files) */
};

int walk_tree(struct walk *w, const char *root);
void walk_free(struct walk *w);

/*
 * ---- outline.c: the structure of a page, the one parse of it ------------
 * Sections, blocks, labels, cross references, directives, code, header
 * fields: part 1 takes a reference's section from it, part 2 compares
 * two pages by it.
 */

enum blk_kind {
	BK_TEXT,	/* prose, list items, table cells */
	BK_TITLE,	/* a section title with its underline (and overline) */
	BK_CODE,	/* literal block or code-block content */
	BK_DIRECTIVE,	/* a directive line with its options (and toctree entries) */
	BK_LABEL,	/* .. _label: */
	BK_COMMENT,	/* comments, the sync stamp; never compared */
	BK_FIELD,	/* a field of the page's header (:Original:, :翻译:) */
};
#define LK_BLANK 0xff

/* A run of non-blank lines of one kind. */
struct oblock {
	enum blk_kind kind;
	int line, end;		/* first and last line, from 1 */
	int section;
	size_t start, stop;	/* bytes of the text: [start, stop) */
};

enum oitem_kind {
	OI_LABEL,	/* name: the label */
	OI_XREF,	/* name: the role (ref, doc, kunit, numref), arg: target */
	OI_DIRECTIVE,	/* name: directive, arg: argument and options */
	OI_CODE,	/* name: language, arg: normalized content */
};

struct oitem {
	enum oitem_kind kind;
	int line, col;
	int section;
	char *name;
	char *arg;
	char *opts;		/* OI_DIRECTIVE: option and body lines, "\n" after each */
};

struct osection {
	char *title;		/* "" for the part before the first title */
	char *key;		/* first label before the title, or a slug */
	char *label;		/* that label, or NULL */
	int level;		/* 0: before the first title; 1: page title */
	int line, end;		/* first (overline or title) and last line */
	int nbullets, nenums, ntables;
	double units;		/* size of the prose, in English words */
};

/*
 * A context: the lines an explicit markup line or a literal block's first
 * line owns (those indented more than it that follow, blank lines
 * between them included).  Both halves take their block structure from
 * here: part 1 which lines are code, comments or a directive's options,
 * part 2 what it compares.
 */
enum octx_kind {
	OC_LITERAL,	/* a literal block after "::" (its first line) */
	OC_DIRECTIVE,	/* ".. name:: arg", its options and body */
	OC_COMMENT,	/* ".. text", ".. |sub| ...": never text */
	OC_TARGET,	/* ".. _name: URL" */
};

struct octx {
	enum octx_kind kind;
	int line;		/* its first line, from 1 */
	size_t item;		/* OC_DIRECTIVE: the directive's item + 1 */
};

struct ofield {
	char *name;		/* "Original", "翻译" */
	char *value;		/* text of the field body, spaces collapsed */
	int line;
};

struct outline {
	char *path;
	char *text;		/* the file, NUL-terminated */
	size_t len;
	int nlines;
	size_t *lofs, *llen;	/* per line (from 0): offset and length */
	unsigned char *lkind;	/* per line: enum blk_kind, or LK_BLANK */
	int *lsec;		/* per line: its section */
	int *lctx;		/* per line: its context + 1 in ctx[], or 0 */
	struct octx *ctx;
	size_t nctx;
	struct osection *sec;
	size_t nsec;
	struct oblock *blk;
	size_t nblk;
	struct oitem *item;
	size_t nitem;
	struct ofield *field;
	size_t nfield;
	char *vdir;		/* for :doc: targets: the page's directory below the
				   documentation root, translations/<lang>/ left out */
	/* the translation-sync comment, if any */
	int stamp_line, stamp_end;
	size_t stamp_start, stamp_stop;	/* its bytes, whole lines */
	bool crlf;		/* most lines end in CR LF */
	bool binary;		/* NUL bytes: not parsed */
	int bad_utf8_line;	/* first line with invalid UTF-8, or 0 */
	size_t bad_utf8_at;	/* its first invalid byte, or len */
};

void outline_parse(struct outline *o, const char *path, const char *text,
		   size_t len);
void outline_free(struct outline *o);
int outline_section_at(const struct outline *o, int line);
const char *outline_line(const struct outline *o, int line, size_t *n);
const struct ofield *outline_field(const struct outline *o, const char *name);
char *slugify(const char *s);

/* ---- rst.c, csnip.c: references in documentation ----------------------- */

enum ref_kind {
	R_NAME,		/* any C name: function, macro, type, constant */
	R_CALL,		/* name() */
	R_TAG,		/* struct/union/enum name */
	R_MEMBER,	/* a->b, a.b, (*b) inside a struct context */
	R_KCONFIG,	/* CONFIG_FOO */
	R_PATH,		/* include/linux/foo.h */
};

/*
 * How sure the extractor is that the text means a kernel API name:
 *   STRONG: report when unknown
 *   MEDIUM: report when unknown and a close name exists, or when removed
 *   WEAK:   report only when an older tree had it
 */
enum ref_strength { S_WEAK, S_MEDIUM, S_STRONG };

struct ref {
	enum ref_kind kind;
	enum ref_strength strength;
	int line, col;
	int section;	/* count of section titles before the reference */
	char *name;	/* the name; for R_MEMBER the member */
	char *base;	/* R_MEMBER: the name before -> or ., or NULL */
	long chain;	/* R_MEMBER: index of the ref of the base member, or -1 */
	bool local;	/* declared or defined by the document's own example */
	bool defined;	/* #define NAME in a code block */
	bool declared;	/* a variable the page's code block declares */
	bool user;	/* in a block that is a user-space program */
	bool historical; /* an "old name" cell of a history table */
	bool enumerator; /* a constant of the enum @base the page's code defines */
	bool cjk;	/* a bare name glued to CJK prose */
	bool arrow;	/* R_MEMBER: after "->", not "." */
};

struct diag {
	int line, col;
	char *msg;
};

struct doc {
	char *path;
	struct ref *refs;
	size_t nrefs, cap;
	struct diag *diags;	/* problems with the file itself */
	size_t ndiags, diags_cap;
	bool io_error;
	struct outline *outline;	/* the page's structure (rst_extract()) */
	/* while extracting */
	int lineno, section;
	bool historical;	/* refs found now are old names */
	const char *line;	/* start of the current line */
	const char *colp;	/* column cache: a byte of the line ... */
	int colc;		/* ... and its column */
};

/*
 * Parameters of a function-like macro and arguments of a macro call that
 * the indexer keeps, and that paste.c binds (cindex.c and paste.c share
 * it, so a definition kept is one that can be bound).  The largest real
 * values are 41 parameters and 65 arguments (bench/doccheck-bounds.md);
 * a definition with more is not kept, a call's arguments past it are
 * joined into the last.
 */
#define MACRO_ARGS_MAX 128


/* The longest name checked (the longest in 7.3's Documentation: 77). */
#define NAME_MAX_LEN 256

void doc_init(struct doc *d, const char *path);
void doc_free(struct doc *d);
struct ref *doc_ref(struct doc *d, enum ref_kind kind, enum ref_strength s,
		    const char *at, const char *name, size_t n);
struct ref *doc_member_ref(struct doc *d, enum ref_strength s,
			   const char *name, size_t n, const char *base,
			   size_t basen, long *prev, bool arrow);
void doc_diag(struct doc *d, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int doc_col(struct doc *d, const char *at);

void rst_extract(struct doc *d, const char *text, size_t len);
/* extract.c: read and extract on threads; returns how many failed */
int extract_docs(struct doc *docs, size_t n, int jobs);

/* A C snippet: an inline literal, or one line of a code block. */
struct csnip {
	bool in_comment;	/* inside a comment that began on an earlier line */
	bool in_enum;		/* inside the body of the code's "enum tag {" */
	bool in_struct;		/* ... of a "struct tag {" or "union tag {" */
	char enum_tag[64];	/* that tag */
	bool block;		/* a line of a code block, not an inline literal */
};
void csnip_scan(struct doc *d, struct csnip *st, const char *s, size_t n);
void prose_scan(struct doc *d, const char *s, size_t n);
size_t path_at(const char *s, size_t n, size_t i, enum ref_strength *st);

/* ---- check.c, history.c, suggest.c ------------------------------------- */

enum check_id {
	C_UNKNOWN_NAME,
	C_REMOVED_NAME,
	C_WRONG_MEMBER,
	C_REMOVED_MEMBER,
	C_UNKNOWN_KCONFIG,
	C_REMOVED_KCONFIG,
	C_BROKEN_PATH,
	C_BAD_INPUT,
	/* part 2 (trans.h): translations, sync stamps, rule coverage */
	C_T_ORIGINAL,
	C_T_MISSING,
	C_T_EXTRA,
	C_T_REORDERED,
	C_T_CODE,
	C_T_LABEL,
	C_T_XREF,
	C_T_STRUCT,
	C_T_IDENT,
	C_T_OUTDATED,
	C_T_STAMP,
	C_T_HEADER,
	C_T_UNDERLINE,
	C_T_WIDTH,
	C_T_UPDATE,
	C_T_TERM,
	C_R_SAMPLE,
	C_R_TEST,
	C_R_TRANSLATION,
	C_R_UNUSED,
	C_R_CASE,
	C_R_RESULT,
	C__COUNT
};
extern const char *const check_names[C__COUNT];
/* The name of any check, part 1's or part 2's (report.c). */
const char *check_label(enum check_id c);

struct finding {
	const char *file;
	int line, col;
	bool error;
	enum check_id check;
	char *name;
	char *msg;
	bool suppressed;	/* by the baseline */
};

struct findings {
	struct finding *v;
	size_t n, cap;
};

void findings_add(struct findings *fs, const char *file, int line, int col,
		  bool error, enum check_id c, const char *name,
		  const char *fmt, ...) __attribute__((format(printf, 8, 9)));
void findings_sort(struct findings *fs);
void findings_free(struct findings *fs);

/* What older trees knew about one name. */
struct pastowner {
	struct pastowner *next;
	uint32_t trees;		/* bit i: history tree i */
	char *tag;
};

struct past {
	uint32_t present;	/* bit i: history tree i had the name */
	uint32_t kinds;
	struct pastowner *owners;
};

struct replacement {
	char *old;
	char *text;
};

#define HISTORY_MAX 31

struct history {
	int ntrees;
	char *labels[HISTORY_MAX];	/* oldest first, once resolved */
	char *paths[HISTORY_MAX];	/* saved indexes */
	struct names known;		/* asked names; data: struct past */
	struct replacement *repl;
	size_t nrepl;
};

struct suggest;
void history_init(struct history *h);
int history_add(struct history *h, const char *label, const char *path);
int history_load_replacements(struct history *h, const char *path);
const char *history_replacement(const struct history *h, const char *name);
int history_resolve(struct history *h, const struct names *asked,
		    struct suggest *sg);
const struct past *history_past(const struct history *h, const char *name);
void history_keep_older(struct history *h, const char *target);
void history_where(const struct history *h, uint32_t present, struct buf *out);
const char *history_last(const struct history *h, uint32_t present);
void history_free(struct history *h);

/* foreign.c: names of other namespaces than the kernel's C code */
bool foreign_style(const char *name);
bool case_variant(const char *name, const char *best);
const char *bpf_helper_id(const char *name, char *buf, size_t size);
bool doc_topic(const char *path, const char *name);
bool user_space_line(const char *s, size_t n);
bool shell_language(const char *s, size_t n);
bool shell_line(const char *s, size_t n);
void shell_calls(struct doc *d, const char *s, size_t n);
size_t typed_field(const char *name);

struct check_opts;
int check_docs(const struct index *idx, struct history *h, struct doc *docs,
	       size_t ndocs, struct findings *out, const struct check_opts *o);
void wanted_names(struct names *want, const struct doc *docs, size_t ndocs);

/* plausible.c: is a did-you-mean a likely typo? */
struct unknown;
bool likely_typo(const char *name, const struct unknown *u, bool c_syntax);
bool digit_edit(const char *a, const char *b);
bool slip_order(const char *a, const char *b);
bool short_word_edit(const char *a, const char *b);

/* words.c: the word lists */
extern const char *const c_keywords[];
bool is_c_keyword(const char *s, size_t n);
bool is_c_plain_word(const char *s, size_t n);
bool is_shell_command(const char *s, size_t n);
bool is_libc_name(const char *name);
bool placeholder(const char *name);

/* bootparams.c: the boot parameters of kernel-parameters.txt */
void bootparams_load(struct names *params, const char *root);

/* pathhint.c: did-you-mean for a broken path */
struct pathhint {
	struct names byname;	/* a file's folded name -> its first path */
	const char **path;	/* the tree's files */
	size_t *next;		/* index + 1 of the next of the same name */
	size_t n;
	bool built;
};

void pathhint_init(struct pathhint *ph);
const char *pathhint_for(struct pathhint *ph, const struct names *tree,
			 const char *path);
void pathhint_free(struct pathhint *ph);

/* suggest.c */
struct unknown {
	char *name;
	char *best;		/* the suggestion, or NULL */
	int score;		/* lower is better: 10 * match + length differs */
	uint32_t hist;		/* the suggestion is a name of older trees only */
};

/* What kind of match a suggestion is, best first. */
enum sg_match {
	SM_NONE,
	SM_CASE,	/* the same letters, other case or underscores */
	SM_ORDER,	/* the same words in another order */
	SM_TYPO,	/* one edit away */
	SM_EXTENDS,	/* the name plus "_words" */
};

static inline enum sg_match unknown_match(const struct unknown *u)
{
	return (enum sg_match)(u->score / 10);
}

struct skey {
	uint64_t key;
	size_t ui;		/* index in v */
	size_t next;		/* next entry of the bucket, + 1 */
};

struct suggest {
	struct unknown *v;
	size_t n, cap;
	struct names keys;	/* the unknown names; data: index + 1 */
	struct skey *keyv;	/* keys of the unknowns, for candidates */
	size_t nkeys, keys_cap;
	uint64_t *bloom;	/* a bit per key */
	uint64_t *quick;	/* quick tests of candidates (suggest.c) */
	size_t *buckets;	/* index + 1 of the first entry, or 0 */
	size_t nbuckets;
};

uint64_t perm_key(const char *s, size_t n);
int within_one(const char *a, size_t an, const char *b, size_t bn);
int word_count(const char *s);
uint64_t skel_key(const char *s, size_t n);
void suggest_init(struct suggest *sg);
void suggest_want(struct suggest *sg, const char *name);
void suggest_offer(const struct suggest *sg, const char *c, size_t n,
		   uint32_t hist, struct unknown *best);
void suggest_scan_logs(struct suggest *sg, const struct buf *logs, int nlogs);
const struct unknown *suggest_for(const struct suggest *sg, const char *name);
void suggest_free(struct suggest *sg);

/* ---- report.c, baseline.c ---------------------------------------------- */

enum format { F_TEXT, F_JSON, F_SARIF, F_EMAIL };
void report(FILE *out, const struct findings *fs, enum format f,
	    const char *target);
int baseline_apply(struct findings *fs, const char *path);
int baseline_write(const struct findings *fs, const char *path);

#endif
