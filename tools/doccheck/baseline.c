// SPDX-License-Identifier: GPL-2.0
/*
 * The baseline: findings already known, so that CI fails only on new
 * ones.  One finding a line, without line numbers so that edits above a
 * finding do not make it new:
 *
 *   FILE<TAB>CHECK<TAB>NAME
 *
 * A line suppresses one finding; the same line twice suppresses two.
 */
#include <errno.h>
#include <string.h>

#include "doccheck.h"

static void key(struct buf *b, const char *file, const char *check,
		const char *name)
{
	b->len = 0;
	buf_addf(b, "%s\t%s\t%s", file, check, name);
}

int baseline_apply(struct findings *fs, const char *path)
{
	struct buf text = { 0 }, k = { 0 };
	struct names known;
	char err[256];
	const char *p, *end;
	size_t i;

	if (read_file(path, &text, err, sizeof(err)) < 0) {
		warnx_("%s: %s", path, err);
		return -1;
	}
	names_init(&known);
	for (p = text.data, end = p + text.len; p < end;) {
		const char *eol = memchr(p, '\n', end - p);
		size_t n = (eol ? eol : end) - p;

		if (n && p[n - 1] == '\r')
			n--;
		if (n && *p != '#') {
			struct name *nm = names_add(&known, p, n, 0);

			nm->data = (void *)((size_t)nm->data + 1);	/* a count */
		}
		p = eol ? eol + 1 : end;
	}
	for (i = 0; i < fs->n; i++) {
		struct finding *f = &fs->v[i];
		struct name *nm;

		key(&k, f->file, check_label(f->check), f->name);
		nm = names_find(&known, k.data, k.len);
		if (nm && nm->data) {
			nm->data = (void *)((size_t)nm->data - 1);
			f->suppressed = true;
		}
	}
	names_free(&known);
	buf_free(&text);
	buf_free(&k);
	return 0;
}

int baseline_write(const struct findings *fs, const char *path)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (!f) {
		warnx_("%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	fputs("# doccheck baseline: FILE<TAB>CHECK<TAB>NAME\n", f);
	for (i = 0; i < fs->n; i++)
		fprintf(f, "%s\t%s\t%s\n", fs->v[i].file,
			check_label(fs->v[i].check), fs->v[i].name);
	if (fclose(f) != 0) {
		warnx_("%s: write error: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
