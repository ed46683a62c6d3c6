// SPDX-License-Identifier: GPL-2.0
/*
 * The findings of every check, part 1's and part 2's: a growing array,
 * sorted by file, line, column and check before it is reported.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

const char *const check_names[C__COUNT] = {
	[C_UNKNOWN_NAME] = "unknown-name",
	[C_REMOVED_NAME] = "removed-name",
	[C_WRONG_MEMBER] = "wrong-member",
	[C_REMOVED_MEMBER] = "removed-member",
	[C_UNKNOWN_KCONFIG] = "unknown-kconfig",
	[C_REMOVED_KCONFIG] = "removed-kconfig",
	[C_BROKEN_PATH] = "broken-path",
	[C_BAD_INPUT] = "bad-input",
};

void findings_add(struct findings *fs, const char *file, int line, int col,
		  bool error, enum check_id c, const char *name,
		  const char *fmt, ...)
{
	struct finding *f;
	va_list ap;

	GROW(fs->v, fs->n, fs->cap, 64);
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof(*f));
	f->file = file;
	f->line = line;
	f->col = col;
	f->error = error;
	f->check = c;
	f->name = xstrdup(name);
	va_start(ap, fmt);
	f->msg = xvstrfmt(fmt, ap);
	va_end(ap);
}

static int finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line - y->line;
	if (x->col != y->col)
		return x->col - y->col;
	return (int)x->check - (int)y->check;
}

void findings_sort(struct findings *fs)
{
	if (fs->n)
		qsort(fs->v, fs->n, sizeof(*fs->v), finding_cmp);
}

void findings_free(struct findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].name);
		free(fs->v[i].msg);
	}
	free(fs->v);
	memset(fs, 0, sizeof(*fs));
}
