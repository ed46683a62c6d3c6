/* SPDX-License-Identifier: GPL-2.0 */
/*
 * doccheck on a patch (patch.c, patchcheck.c): a git format-patch file,
 * an mbox holding a series, or a plain unified diff, applied in memory
 * to the target tree's files; the post-image is checked and only what
 * the patch adds is reported.
 */
#ifndef PATCH_H
#define PATCH_H

#include "doccheck.h"

/* A line of a hunk: ' ' context, '-' removed, '+' added. */
struct hline {
	char op;
	const char *s;		/* in the series' text, without the op */
	size_t len;		/* without the line end */
	int new_line;		/* ' ' and '+': its line in the post-image */
};

struct hunk {
	int old_start, old_len, new_start, new_len;
	const char *head;	/* the "@@ ... @@" line */
	size_t head_len;
	struct hline *v;
	size_t n, cap;
};

struct filediff {
	char *old_path, *new_path;	/* without a/ and b/; NULL for /dev/null */
	bool binary;			/* a binary change: not applied */
	bool created, deleted;		/* "new file mode", "deleted file mode" */
	struct hunk *v;
	size_t n, cap;
};

struct patch {
	int number;		/* 1, 2, ... in the input */
	char *subject;		/* "[PATCH 2/3] docs: ...", or the file's name */
	char *from;
	char *message;		/* the commit message, or NULL */
	const char *text;	/* the patch's own text, for --format=email */
	size_t len;
	struct filediff *v;
	size_t n, cap;
};

struct series {
	struct buf text;	/* the input; the lines point into it */
	struct patch *v;
	size_t n, cap;
};

/* Split an mbox, a format-patch file or a plain diff into patches. */
int series_parse(struct series *s, const char *name, char *err, size_t errlen);
int series_parse_text(struct series *s, const char *name, struct buf *text,
		      char *err, size_t errlen);
void series_free(struct series *s);

/* A file as the series leaves it, so far. */
struct image {
	char *path;		/* relative to the tree */
	struct buf text;
	bool exists;
};

struct images {
	struct image *v;
	size_t n, cap;
};

/*
 * Apply @p to @imgs, reading a file the series has not touched yet from
 * @tree (or through @pre, when set: --git reads the base revision).  On
 * a hunk that does not apply, a message naming the file and the hunk in
 * @err and -1.
 */
typedef int (*preimage_fn)(void *ctx, const char *path, struct buf *out);
int patch_apply(const struct patch *p, struct images *imgs, const char *tree,
		preimage_fn pre, void *ctx, struct buf *err);
struct image *images_find(struct images *imgs, const char *path);
void images_free(struct images *imgs);

/* patchcheck.c: the checks and the report of a series */
struct popts {
	const char *kernel;	/* the target tree */
	const char *git_range;	/* --git A..B: the patches of a range */
	const char *cache;
	int jobs;
	enum format format;	/* text, json, sarif, or F_EMAIL */
	struct history *hist;
	bool default_history;	/* hist is the shipped data: only older trees count */
	const char *replacements;
	const char *const *roots;
	int nroots;
};

int patch_check(const char *input, const struct popts *o);

#endif
