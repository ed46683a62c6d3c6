// SPDX-License-Identifier: GPL-2.0
/*
 * doccheck --patch and --git: the review of a patch or a series, as
 * checkpatch.pl reviews one.  Each patch is applied in memory, in order
 * (patch.c); the pages it leaves behind are checked against the tree's
 * index and its history (part 1), a translation against its original as
 * the series leaves that (part 2) and the zh_CN conventions (zhconv.c).
 * Part 1 reports only what is on a line the patch adds; the others count
 * as "N findings on lines this patch does not touch".  Part 2 judges the
 * whole translation the patch leaves.
 *
 *   [PATCH 1/2] docs/zh_CN: update page_migration.rst
 *   Documentation/...:12:5: error: ... [check]
 *   3 findings on lines this patch does not touch
 *   total: 1 errors, 0 warnings, 40 lines checked
 *
 * --format=email quotes the hunks with "> " and writes each finding
 * under the line it concerns, as a maintainer's reply does.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "patch.h"
#include "trans.h"

/* A page as a patch of the series leaves it. */
struct pdoc {
	int patch;		/* index in the series */
	const struct filediff *f;
	char *rel;		/* its path in the tree */
	struct buf text;
	unsigned char *touched;	/* by line from 1: the patch added it */
	size_t nlines;
	bool translation;
	bool existed;		/* the page was there before the patch */
};

/* With --git, a page as the range's base has it, before the series touches it. */
struct base_page {
	char *path;		/* TREE/rel, as the docs name it */
	struct buf text;
};

struct pcheck {
	const struct popts *o;
	const char *input;	/* --patch's FILE, "-" for standard input */
	struct series s;
	struct images imgs;
	struct pdoc *pd;
	struct doc *docs;	/* docs[i] is pd[i]'s */
	size_t n, cap;
	struct findings fs;
	struct base_page *base;
	size_t nbase;
	int status;
};

static bool is_rst(const char *path)
{
	size_t n = strlen(path);

	return n > 4 && !strcmp(path + n - 4, ".rst");
}

/* ---- the pre-images of --git: the range's base revision ---- */

static int range_base_file(void *ctx, const char *path, struct buf *out)
{
	const struct popts *o = ctx;
	const char *dots = strstr(o->git_range, "..");
	struct buf cmd = { 0 };
	char chunk[65536];
	size_t n;
	FILE *p;
	int st;

	buf_addf(&cmd, "git -C '%s' show '%.*s:%s' 2>/dev/null", o->kernel,
		 (int)(dots ? dots - o->git_range : (long)strlen(o->git_range)),
		 o->git_range, path);
	p = popen(cmd.data, "r");
	buf_free(&cmd);
	if (!p)
		return -1;
	out->len = 0;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_add(out, chunk, n);
	st = pclose(p);
	buf_pad(out);
	return st == 0 ? 0 : -1;
}

static int git_series(struct pcheck *pc, char *err, size_t errlen)
{
	struct buf cmd = { 0 }, text = { 0 };
	char chunk[65536];
	size_t n;
	FILE *p;
	int st;

	if (strchr(pc->o->git_range, '\'')) {
		snprintf(err, errlen, "--git %s: not a range", pc->o->git_range);
		return -1;
	}
	buf_addf(&cmd, "git -C '%s' format-patch --stdout --no-signature '%s'",
		 pc->o->kernel, pc->o->git_range);
	p = popen(cmd.data, "r");
	buf_free(&cmd);
	if (!p) {
		snprintf(err, errlen, "cannot run git");
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_add(&text, chunk, n);
	st = pclose(p);
	buf_pad(&text);
	if (st != 0) {
		snprintf(err, errlen, "git format-patch %s failed in %s", pc->o->git_range,
			 pc->o->kernel);
		buf_free(&text);
		return -1;
	}
	if (!text.len) {
		snprintf(err, errlen, "--git %s: no commit in the range", pc->o->git_range);
		buf_free(&text);
		return -1;
	}
	return series_parse_text(&pc->s, pc->o->git_range, &text, err, errlen);
}

/* ---- applying, and the pages each patch leaves ---- */

static void add_pdoc(struct pcheck *pc, int patch, const struct filediff *f,
		     const struct image *im)
{
	struct pdoc *d;
	struct buf path = { 0 };
	size_t i, k, lines = 1;

	if (pc->n == pc->cap) {
		pc->cap = grow_cap(pc->cap, 8);
		pc->pd = xrealloc(pc->pd, pc->cap * sizeof(*pc->pd));
		pc->docs = xrealloc(pc->docs, pc->cap * sizeof(*pc->docs));
	}
	d = &pc->pd[pc->n];
	memset(d, 0, sizeof(*d));
	d->patch = patch;
	d->f = f;
	d->rel = xstrdup(f->new_path);
	d->existed = f->old_path != NULL;
	buf_add(&d->text, im->text.data, im->text.len);
	buf_pad(&d->text);
	for (i = 0; i < d->text.len; i++)
		lines += d->text.data[i] == '\n';
	d->nlines = lines;
	d->touched = xcalloc(lines + 2, 1);
	for (i = 0; i < f->n; i++)
		for (k = 0; k < f->v[i].n; k++)
			if (f->v[i].v[k].op == '+' && f->v[i].v[k].new_line > 0 &&
			    (size_t)f->v[i].v[k].new_line <= lines)
				d->touched[f->v[i].v[k].new_line] = 1;
	buf_addf(&path, "%s/%s", pc->o->kernel, d->rel);
	doc_init(&pc->docs[pc->n], path.data);
	buf_free(&path);
	rst_extract(&pc->docs[pc->n], d->text.data, d->text.len);
	d->translation = is_translation(d->rel, d->text.data, d->text.len);
	pc->n++;
}

/*
 * --git: the work tree is at the range's end, not its base; the pages
 * the series changes are kept as the base has them, so that a
 * translation is compared with its original as it was at that commit.
 */
static void keep_base(struct pcheck *pc, const struct patch *p)
{
	struct buf path = { 0 };
	size_t j, k;

	for (j = 0; j < p->n; j++) {
		const char *rel = p->v[j].old_path;

		if (!rel || !is_rst(rel) || images_find(&pc->imgs, rel))
			continue;
		path.len = 0;
		buf_addf(&path, "%s/%s", pc->o->kernel, rel);
		for (k = 0; k < pc->nbase; k++)
			if (!strcmp(pc->base[k].path, path.data))
				break;
		if (k < pc->nbase)
			continue;
		pc->base = xrealloc(pc->base, (pc->nbase + 1) * sizeof(*pc->base));
		memset(&pc->base[pc->nbase], 0, sizeof(*pc->base));
		if (range_base_file((void *)pc->o, rel, &pc->base[pc->nbase].text) < 0) {
			buf_free(&pc->base[pc->nbase].text);
			continue;
		}
		pc->base[pc->nbase++].path = xstrdup(path.data);
	}
	buf_free(&path);
}

static int apply_all(struct pcheck *pc)
{
	struct buf err = { 0 };
	size_t i, j;

	for (i = 0; i < pc->s.n; i++) {
		const struct patch *p = &pc->s.v[i];

		if (pc->o->git_range)
			keep_base(pc, p);
		if (patch_apply(p, &pc->imgs, pc->o->kernel,
				pc->o->git_range ? range_base_file : NULL, (void *)pc->o, &err) < 0) {
			fprintf(stderr, "doccheck: error: %s: %s\n",
				pc->o->git_range ? pc->o->git_range : pc->input, err.data);
			buf_free(&err);
			return 2;
		}
		for (j = 0; j < p->n; j++) {
			const struct filediff *f = &p->v[j];
			const struct image *im = f->new_path ? images_find(&pc->imgs, f->new_path) : NULL;

			if (f->binary) {
				fprintf(stderr, "doccheck: patch %d: %s: a binary change, not checked\n",
					p->number, f->new_path ? f->new_path : f->old_path);
				continue;
			}
			if (im && im->exists && is_rst(f->new_path))
				add_pdoc(pc, (int)i, f, im);
		}
	}
	buf_free(&err);
	return 0;
}

/* ---- part 1, over every page of the series at once ---- */

static int check_part1(struct pcheck *pc)
{
	const struct popts *o = pc->o;
	struct index idx;
	struct index_opts io = { .jobs = o->jobs, .cache = o->cache };
	struct names want;
	int ret = 0;

	names_init(&want);
	wanted_names(&want, pc->docs, pc->n);
	io.want = &want;
	if (index_tree(&idx, o->kernel, &io) < 0) {
		names_free(&want);
		return 2;
	}
	names_free(&want);
	idx.roots = (const char **)o->roots;
	idx.nroots = o->nroots;
	if (o->default_history)
		history_keep_older(o->hist, idx.label);
	if (o->replacements && !o->hist->nrepl &&
	    history_load_replacements(o->hist, o->replacements) < 0)
		ret = 2;
	if (!ret && check_docs(&idx, o->hist, pc->docs, pc->n, &pc->fs, NULL) < 0)
		ret = 2;
	index_free(&idx);
	return ret;
}

/* ---- part 2 and the conventions, one patch at a time ---- */

/* The view of the tree after patch @upto: the latest text of each page. */
static size_t overlay_upto(struct pcheck *pc, int upto, struct overlay_file *v)
{
	size_t i, j, n = 0;

	for (i = 0; i < pc->nbase; i++)
		v[n++] = (struct overlay_file){ .path = pc->base[i].path,
			.data = pc->base[i].text.data, .len = pc->base[i].text.len,
			.exists = true };
	for (i = 0; i < pc->n; i++) {
		if (pc->pd[i].patch > upto)
			continue;
		for (j = 0; j < n; j++)
			if (!strcmp(v[j].path, pc->docs[i].path))
				break;
		v[j] = (struct overlay_file){ .path = pc->docs[i].path,
			.data = pc->pd[i].text.data, .len = pc->pd[i].text.len,
			.exists = true };
		if (j == n)
			n++;
	}
	return n;
}

static void check_translations(struct pcheck *pc)
{
	struct overlay_file *v = xcalloc(pc->n + pc->nbase + 1, sizeof(*v));
	struct topts t = { .translations = true, .no_git = true };
	size_t i, j;

	for (i = 0; i < pc->s.n; i++) {
		struct doc *td = xcalloc(pc->n + 1, sizeof(*td));
		size_t *of = xcalloc(pc->n + 1, sizeof(*of));
		struct tset ts = { 0 };
		size_t k = 0;

		for (j = 0; j < pc->n; j++)
			if (pc->pd[j].patch == (int)i && pc->pd[j].translation) {
				td[k] = pc->docs[j];	/* a shallow copy: same path */
				of[k++] = j;
			}
		if (k) {
			overlay_set(v, overlay_upto(pc, (int)i, v));
			trans_analyze(&t, td, k, &ts);
			trans_findings(&t, &ts, &pc->fs);
			tset_free(&ts);
			overlay_set(NULL, 0);
			for (j = 0; j < k; j++) {
				const struct pdoc *d = &pc->pd[of[j]];

				zh_conventions(pc->docs[of[j]].path, d->text.data, d->text.len,
					       &pc->fs);
				if (d->existed && pc->s.v[i].message)
					zh_update_line(pc->docs[of[j]].path, pc->s.v[i].message,
						       pc->o->kernel, &pc->fs);
			}
		}
		free(td);
		free(of);
	}
	free(v);
}

/* ---- the report ---- */

static const struct pdoc *pdoc_of(const struct pcheck *pc, const char *file, size_t *at)
{
	size_t i;

	for (i = 0; i < pc->n; i++)
		if (pc->docs[i].path == file) {
			*at = i;
			return &pc->pd[i];
		}
	return NULL;
}

/* Part 1 on an added line, or part 2 and the conventions anywhere. */
static bool reported(const struct pdoc *d, const struct finding *f)
{
	if (f->check >= C_T_ORIGINAL)
		return true;
	return f->line > 0 && (size_t)f->line <= d->nlines && d->touched[f->line];
}

struct ptotals {
	size_t errors, warnings, untouched, lines;
};

/* The findings of patch @i that it reports, with the paths of the tree. */
static void patch_findings(const struct pcheck *pc, int i, struct findings *out,
			   struct ptotals *t)
{
	size_t k, at;

	memset(t, 0, sizeof(*t));
	for (k = 0; k < pc->n; k++)
		if (pc->pd[k].patch == i) {
			size_t h, l;

			for (h = 0; h < pc->pd[k].f->n; h++)
				for (l = 0; l < pc->pd[k].f->v[h].n; l++)
					t->lines += pc->pd[k].f->v[h].v[l].op == '+';
		}
	for (k = 0; k < pc->fs.n; k++) {
		const struct finding *f = &pc->fs.v[k];
		const struct pdoc *d = pdoc_of(pc, f->file, &at);

		if (!d || d->patch != i)
			continue;
		if (!reported(d, f)) {
			t->untouched++;
			continue;
		}
		findings_add(out, d->rel, f->line, f->col, f->error, f->check, f->name,
			     "%s", f->msg);
		if (f->error)
			t->errors++;
		else
			t->warnings++;
	}
}

static void print_totals(const struct ptotals *t)
{
	if (t->untouched)
		printf("%zu finding%s on lines this patch does not touch\n", t->untouched,
		       t->untouched == 1 ? "" : "s");
	printf("total: %zu errors, %zu warnings, %zu lines checked\n", t->errors,
	       t->warnings, t->lines);
}

/* The hunks of @f with a finding, quoted; each finding below its line. */
static void email_file(const struct filediff *f, const struct findings *fs)
{
	size_t h, l, k;

	for (h = 0; h < f->n; h++) {
		const struct hunk *hk = &f->v[h];
		bool any = false;

		for (k = 0; k < fs->n && !any; k++)
			for (l = 0; l < hk->n && !any; l++)
				any = !strcmp(fs->v[k].file, f->new_path) && hk->v[l].op != '-' &&
				      fs->v[k].line == hk->v[l].new_line;
		if (!any)
			continue;
		printf("> diff --git a/%s b/%s\n", f->old_path ? f->old_path : f->new_path,
		       f->new_path);
		printf("> %.*s\n", (int)hk->head_len, hk->head);
		for (l = 0; l < hk->n; l++) {
			const struct hline *hl = &hk->v[l];

			printf("> %c%.*s\n", hl->op, (int)hl->len, hl->s);
			for (k = 0; k < fs->n && hl->op != '-'; k++)
				if (!strcmp(fs->v[k].file, f->new_path) &&
				    fs->v[k].line == hl->new_line)
					printf("\n%s:%d:%d: %s: %s [%s]\n\n", fs->v[k].file,
					       fs->v[k].line, fs->v[k].col,
					       fs->v[k].error ? "error" : "warning",
					       fs->v[k].msg, check_label(fs->v[k].check));
		}
		printf("\n");
	}
}

/* Findings not on a line of a hunk (part 2: a section missing) */
static void email_rest(const struct patch *p, const struct findings *fs)
{
	size_t k, j, h, l;

	for (k = 0; k < fs->n; k++) {
		bool in_hunk = false;

		for (j = 0; j < p->n && !in_hunk; j++)
			for (h = 0; h < p->v[j].n && !in_hunk; h++)
				for (l = 0; l < p->v[j].v[h].n && !in_hunk; l++)
					in_hunk = p->v[j].new_path &&
						  !strcmp(fs->v[k].file, p->v[j].new_path) &&
						  p->v[j].v[h].v[l].op != '-' &&
						  p->v[j].v[h].v[l].new_line == fs->v[k].line;
		if (!in_hunk)
			printf("%s:%d:%d: %s: %s [%s]\n", fs->v[k].file, fs->v[k].line,
			       fs->v[k].col, fs->v[k].error ? "error" : "warning",
			       fs->v[k].msg, check_label(fs->v[k].check));
	}
}

static void report_email(const struct pcheck *pc, int i, const struct findings *fs,
			 const struct ptotals *t)
{
	const struct patch *p = &pc->s.v[i];
	size_t j;

	printf("Subject: Re: %s\n\n", p->subject ? p->subject : "");
	if (p->from)
		printf("%s wrote:\n\n", p->from);
	for (j = 0; j < p->n; j++)
		if (p->v[j].new_path && is_rst(p->v[j].new_path))
			email_file(&p->v[j], fs);
	email_rest(p, fs);
	print_totals(t);
	printf("\n");
}

static int report_all(struct pcheck *pc)
{
	struct findings all = { 0 };
	size_t i;
	int status = 0;

	for (i = 0; i < pc->s.n; i++) {
		struct findings fs = { 0 };
		struct ptotals t;

		patch_findings(pc, (int)i, &fs, &t);
		findings_sort(&fs);
		if (fs.n)
			status = 1;
		if (pc->o->format == F_EMAIL) {
			report_email(pc, (int)i, &fs, &t);
		} else if (pc->o->format == F_TEXT) {
			printf("%s\n", pc->s.v[i].subject ? pc->s.v[i].subject : "(no subject)");
			report(stdout, &fs, F_TEXT, "");
			print_totals(&t);
			if (i + 1 < pc->s.n)
				printf("\n");
		} else {
			size_t k;

			for (k = 0; k < fs.n; k++)
				findings_add(&all, fs.v[k].file, fs.v[k].line, fs.v[k].col,
					     fs.v[k].error, fs.v[k].check, fs.v[k].name,
					     "%s", fs.v[k].msg);
		}
		findings_free(&fs);
	}
	if (pc->o->format == F_JSON || pc->o->format == F_SARIF)
		report(stdout, &all, pc->o->format, pc->o->kernel);
	findings_free(&all);
	return status;
}

int patch_check(const char *input, const struct popts *o)
{
	struct pcheck pc = { .o = o, .input = input };
	char err[512];
	size_t i;
	int status;

	if ((o->git_range ? git_series(&pc, err, sizeof(err)) :
	     series_parse(&pc.s, input, err, sizeof(err))) < 0) {
		fprintf(stderr, "doccheck: error: %s\n", err);
		series_free(&pc.s);
		return 2;
	}
	status = apply_all(&pc);
	if (!status && pc.n)
		status = check_part1(&pc);
	if (!status) {
		check_translations(&pc);
		status = report_all(&pc);
	}
	for (i = 0; i < pc.n; i++) {
		doc_free(&pc.docs[i]);
		free(pc.pd[i].rel);
		free(pc.pd[i].touched);
		buf_free(&pc.pd[i].text);
	}
	free(pc.pd);
	free(pc.docs);
	for (i = 0; i < pc.nbase; i++) {
		free(pc.base[i].path);
		buf_free(&pc.base[i].text);
	}
	free(pc.base);
	findings_free(&pc.fs);
	images_free(&pc.imgs);
	series_free(&pc.s);
	return status;
}
