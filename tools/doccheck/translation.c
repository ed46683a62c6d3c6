// SPDX-License-Identifier: GPL-2.0
/*
 * A translation against its original: pair them, align their sections,
 * compare the pairs, find what changed since the sync, and turn it all
 * into findings.
 *
 * A page is a translation when it has an :Original: field or lies below
 * translations/<lang>/ (the kernel's disclaimer-*.rst, included by the
 * others, are not pages).  Its original is what :Original: names (a path
 * from the root of the tree, :ref:`path <label>`, or :doc:`relative`),
 * found from the translation's directory upwards; failing that, the
 * kernel's path rule: the same path without translations/<lang>/.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trans.h"

/* ---- which pages, which originals ---- */

static const char *translations_dir(const char *path)
{
	const char *p = path;

	while ((p = strstr(p, "translations/"))) {
		if (p == path || p[-1] == '/')
			return p;
		p++;
	}
	return NULL;
}

/* "zh_CN" for .../translations/zh_CN/..., or NULL */
char *lang_of_path(const char *path)
{
	const char *p = translations_dir(path), *e;

	if (!p)
		return NULL;
	p += strlen("translations/");
	e = strchr(p, '/');
	return e && e > p ? xstrndup(p, e - p) : NULL;
}

static bool has_original_field(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	int lines = 0;

	while (p < end && lines++ < 80) {
		const char *nl = memchr(p, '\n', end - p);

		if ((size_t)(end - p) > 10 && !memcmp(p, ":Original:", 10))
			return true;
		p = nl ? nl + 1 : end;
	}
	return false;
}

bool is_translation(const char *path, const char *text, size_t len)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (!strncmp(base, "disclaimer-", 11))
		return false;
	{
		char *lang = lang_of_path(path);
		bool yes = lang || has_original_field(text, len);

		free(lang);
		return yes;
	}
}

static bool is_file(const char *path)
{
	return file_exists(path);	/* as a patch under review leaves it, too */
}

static char *dir_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? xstrndup(path, s - path) : xstrdup(".");
}

static char *join(const char *a, const char *b)
{
	char *s = xmalloc(strlen(a) + strlen(b) + 2);

	if (!strcmp(a, "."))
		strcpy(s, b);
	else
		sprintf(s, "%s/%s", a, b);
	return s;
}

/* @rel found in the translation's directory or one above it. */
static char *upwards(const char *tpath, const char *rel)
{
	char *dir = dir_of(tpath);

	for (;;) {
		char *cand = join(dir, rel), *s;

		if (is_file(cand)) {
			free(dir);
			return cand;
		}
		free(cand);
		s = strrchr(dir, '/');
		if (s && s != dir) {
			*s = '\0';
		} else if (!s && strcmp(dir, ".")) {
			strcpy(dir, ".");
		} else {
			break;
		}
	}
	free(dir);
	return NULL;
}

/* The path :Original: names: plain, in :ref:`path <label>` or :doc:`x`. */
static char *field_path(const char *v, bool *relative)
{
	const char *p = v, *e;

	*relative = false;
	if (!strncmp(p, ":ref:`", 6)) {
		p += 6;
		e = strpbrk(p, " <`");
		return e ? xstrndup(p, e - p) : xstrdup(p);
	}
	if (!strncmp(p, ":doc:`", 6)) {
		char *s;

		p += 6;
		e = strchr(p, '`');
		s = xmalloc((e ? (size_t)(e - p) : strlen(p)) + 5);
		sprintf(s, "%.*s.rst", (int)(e ? e - p : (long)strlen(p)), p);
		*relative = *p != '/';
		return s;
	}
	e = strpbrk(p, " \t");
	return e ? xstrndup(p, e - p) : xstrdup(p);
}

/* The kernel's rule: the same path without translations/<lang>/. */
static char *path_rule(const char *tpath, char **shown)
{
	const char *p = translations_dir(tpath), *rest;
	char *root, *cand;

	*shown = NULL;
	if (!p)
		return NULL;
	rest = strchr(p + strlen("translations/"), '/');
	if (!rest)
		return NULL;
	rest++;
	root = xstrndup(tpath, p - tpath);	/* ".../Documentation/" or "" */
	cand = xmalloc(strlen(root) + strlen(rest) + 32);
	sprintf(cand, "%s%s", *root ? root : "./", rest);
	if (!is_file(cand))
		sprintf(cand, "%sDocumentation/%s", *root ? root : "./", rest);
	free(root);
	if (!is_file(cand)) {
		free(cand);
		return NULL;
	}
	*shown = xstrdup(strstr(cand, "Documentation/") ? strstr(cand, "Documentation/") : rest);
	return cand;
}

static void find_original(struct tdoc *td)
{
	const struct ofield *f = outline_field(&td->t.o, "Original");
	char *shown = NULL, *rule;
	bool rel = false;

	if (f && *f->value) {
		char *fp = field_path(f->value, &rel);

		if (rel) {
			char *dir = dir_of(td->t.o.path), *c = join(dir, fp);

			if (is_file(c))
				td->opath = c;
			else
				free(c);
			free(dir);
		} else {
			td->opath = upwards(td->t.o.path, fp);
		}
		td->ofield = fp;
		if (td->opath)
			return;
	}
	rule = path_rule(td->t.o.path, &shown);
	if (f && *f->value) {
		struct buf b = { 0 };

		buf_addf(&b, "the original '%s' that :Original: names does not exist", td->ofield);
		if (rule)
			buf_addf(&b, "; compared with %s (the path rule)", shown);
		td->oerr = b.data;
	} else if (!rule) {
		td->oerr = xstrdup("no :Original: field, and no original at the "
				   "translation's path without translations/<lang>/");
	}
	if (rule) {
		free(td->ofield);
		td->ofield = shown;
		td->opath = rule;
	} else {
		free(shown);
	}
}

/* The page's directory below the documentation root. */
static char *vdir_original(const char *ofield)
{
	const char *p = !strncmp(ofield, "Documentation/", 14) ? ofield + 14 : ofield;

	return dir_of(p);
}

static char *vdir_translation(const char *tpath)
{
	const char *p = translations_dir(tpath);

	return p ? dir_of(p) : xstrdup("");
}

/* ---- one translation ---- */

struct gitcache {
	char *dir[64];
	char *top[64];
	int n;
	bool disabled;
};

static void git_for(struct gitcache *gc, struct tdoc *td)
{
	char *dir = dir_of(td->t.o.path);
	int i;

	td->git.disabled = gc->disabled;
	for (i = 0; i < gc->n; i++)
		if (!strcmp(gc->dir[i], dir)) {
			td->git.top = gc->top[i] ? xstrdup(gc->top[i]) : NULL;
			free(dir);
			return;
		}
	git_open(&td->git, td->t.o.path);
	if (gc->n < 64) {
		gc->dir[gc->n] = dir;
		gc->top[gc->n++] = td->git.top ? xstrdup(td->git.top) : NULL;
	} else {
		free(dir);
	}
}

/*
 * A side's outline is its document's, parsed once by rst_extract() for
 * both halves: the side borrows it (a copy of the struct, the arrays
 * shared) and owns only the directory it sets for :doc: targets.
 */
static void side_outline(struct tside *s, const struct doc *d)
{
	s->o = *d->outline;
}

static void side_outline_free(struct tside *s)
{
	free(s->o.vdir);
	memset(&s->o, 0, sizeof(s->o));
}

static void read_original(struct tdoc *td)
{
	char err[256];
	struct buf b = { 0 };

	if (read_file(td->opath, &b, err, sizeof(err)) < 0) {
		struct buf m = { 0 };

		buf_addf(&m, "cannot read the original %s: %s", td->opath, err);
		free(td->oerr);
		td->oerr = m.data;
		free(td->opath);
		td->opath = NULL;
		buf_free(&b);
		return;
	}
	td->e.doc = xmalloc(sizeof(*td->e.doc));
	doc_init(td->e.doc, td->opath);
	rst_extract(td->e.doc, b.data, b.len);
	side_outline(&td->e, td->e.doc);
	if (td->e.o.binary) {
		struct buf m = { 0 };

		buf_addf(&m, "the original %s is a binary file (NUL byte): not compared",
			 td->opath);
		free(td->oerr);
		td->oerr = m.data;
	}
	buf_free(&b);
}

/* Does any section pair on evidence (more than place, level and size)? */
static bool matched(const struct tdoc *td)
{
	size_t i;

	for (i = 1; i < td->e.o.nsec; i++)
		if (td->al.t_of_e[i] > 0 && td->al.score[i] >= EVIDENCE_MIN)
			return true;
	return false;
}

static void compare(struct tdoc *td)
{
	td->e.o.vdir = vdir_original(td->ofield);
	idsets_build(&td->e);
	align_sections(&td->e, &td->t, &td->al);
	align_compare(&td->e, &td->t, &td->al);
}

static void drop_original(struct tdoc *td)
{
	idsets_free(&td->e);
	if (td->e.doc) {
		doc_free(td->e.doc);
		free(td->e.doc);
		td->e.doc = NULL;
	}
	side_outline_free(&td->e);
	alignment_free(&td->al);
}

/*
 * Not one section translates the original :Original: names: when the
 * path rule gives another page, compare with that one instead.
 */
static void try_path_rule(struct tdoc *td)
{
	char *shown = NULL, *rule = path_rule(td->t.o.path, &shown);
	struct buf b = { 0 };

	if (!rule || !strcmp(rule, td->opath)) {
		free(rule);
		free(shown);
		return;
	}
	buf_addf(&b, "no section of %s is translated here: does :Original: name "
		 "the right page? Compared with %s (the path rule) instead",
		 td->ofield, shown);
	drop_original(td);
	free(td->opath);
	free(td->ofield);
	free(td->oerr);
	td->opath = rule;
	td->ofield = shown;
	td->oerr = b.data;
	read_original(td);
	if (td->opath && !td->e.o.binary)
		compare(td);
}

static void analyze_one(struct gitcache *gc, struct tdoc *td)
{
	if (!td->doc->outline) {
		td->skip = true;	/* part 1 reported the read error */
		return;
	}
	side_outline(&td->t, td->doc);
	if (td->t.o.binary || !is_translation(td->doc->path, td->t.o.text, td->t.o.len)) {
		td->skip = true;
		return;
	}
	td->t.doc = td->doc;
	td->t.lang = lang_of_path(td->doc->path);
	td->t.o.vdir = vdir_translation(td->doc->path);
	stamp_parse(&td->t.o, &td->st);
	find_original(td);
	if (td->opath)
		read_original(td);
	if (!td->opath || td->e.o.binary)
		return;
	idsets_build(&td->t);
	compare(td);
	if (!td->oerr && td->e.o.nsec > 1 && td->t.o.nsec > 1 && !matched(td))
		try_path_rule(td);
	if (!td->opath || td->e.o.binary)
		return;
	git_for(gc, td);
	sync_compare(td);
}

void trans_analyze(const struct topts *o, struct doc *docs, size_t ndocs,
		   struct tset *ts)
{
	struct gitcache gc = { .disabled = o->no_git };
	struct tick t0 = tick_now();
	size_t i;
	int k;

	memset(ts, 0, sizeof(*ts));
	ts->v = xcalloc(ndocs ? ndocs : 1, sizeof(*ts->v));
	for (i = 0; i < ndocs; i++) {
		struct tdoc *td = &ts->v[ts->n];

		if (docs[i].io_error)
			continue;
		td->doc = &docs[i];
		analyze_one(&gc, td);
		if (td->skip) {
			side_outline_free(&td->t);
			stamp_free(&td->st);
			memset(td, 0, sizeof(*td));
			continue;
		}
		ts->n++;
	}
	for (k = 0; k < gc.n; k++) {
		free(gc.dir[k]);
		free(gc.top[k]);
	}
	ts->seconds = tick_since(t0).wall;
}

void tset_free(struct tset *ts)
{
	size_t i;

	for (i = 0; i < ts->n; i++) {
		struct tdoc *td = &ts->v[i];

		idsets_free(&td->e);
		idsets_free(&td->t);
		if (td->e.doc) {
			doc_free(td->e.doc);
			free(td->e.doc);
		}
		side_outline_free(&td->e);
		side_outline_free(&td->t);
		free((char *)td->t.lang);
		alignment_free(&td->al);
		sync_free(&td->sy);
		stamp_free(&td->st);
		git_close(&td->git);
		free(td->opath);
		free(td->ofield);
		free(td->oerr);
		free(td->stamp_msg);
	}
	free(ts->v);
	memset(ts, 0, sizeof(*ts));
}

/* ---- findings ---- */

/* Where a missing section of the original would be in the translation. */
static int missing_line(const struct tdoc *td, size_t e)
{
	size_t k;

	for (k = e + 1; k < td->e.o.nsec; k++)
		if (td->al.t_of_e[k] > 0 && !td->al.moved[k])
			return td->t.o.sec[td->al.t_of_e[k]].line;
	return td->t.o.nlines ? td->t.o.nlines : 1;
}

static void add_finding(struct findings *fs, const struct tdoc *td, int line, bool error,
			enum check_id c, const char *name, const struct buf *msg)
{
	findings_add(fs, td->doc->path, line ? line : 1, 1, error, c, name, "%s", msg->data);
}

static void missing(const struct tdoc *td, size_t e, struct findings *fs)
{
	const struct osection *s = &td->e.o.sec[e];
	struct buf b = { 0 };
	size_t n;
	int near = td->al.near_t[e];

	buf_addf(&b, "section '%s' of the original (%s:%d) is missing",
		 s->title, td->ofield, s->line);
	if (td->sy.sec && td->sy.sec[e].state == SY_NEW)
		buf_addstr(&b, " (new in the original since the sync)");
	if (near >= 0)
		buf_addf(&b, "; in its place the translation has '%s' (line %d), which "
			 "does not translate it", td->t.o.sec[near].title,
			 td->t.o.sec[near].line);
	buf_addstr(&b, "; names in it: ");
	idset_minus(&td->e.ids[e], NULL, &b, &n);
	if (!n)
		buf_addstr(&b, "none");
	add_finding(fs, td, missing_line(td, e), true, C_T_MISSING, s->key, &b);
	buf_free(&b);
}

static void extra(const struct tdoc *td, size_t t, struct findings *fs)
{
	const struct osection *s = &td->t.o.sec[t];
	struct buf b = { 0 };
	size_t e, n;

	buf_addf(&b, "section '%s' has no counterpart in the original", s->title);
	for (e = 1; e < td->e.o.nsec; e++)
		if (td->al.t_of_e[e] < 0 && td->al.near_t[e] == (int)t)
			break;
	if (e < td->e.o.nsec) {
		buf_addf(&b, "; it stands where the original has '%s' (%s:%d): an "
			 "outdated translation of it?", td->e.o.sec[e].title,
			 td->ofield, td->e.o.sec[e].line);
		buf_addstr(&b, " names here and not there: ");
		idset_minus(&td->t.ids[t], &td->e.ids[e], &b, &n);
		if (!n)
			buf_addstr(&b, "none");
	}
	add_finding(fs, td, s->line, false, C_T_EXTRA, s->key, &b);
	buf_free(&b);
}

static void moved(const struct tdoc *td, size_t e, struct findings *fs)
{
	const struct osection *s = &td->e.o.sec[e];
	int t = td->al.t_of_e[e];
	struct buf b = { 0 };

	buf_addf(&b, "section '%s' translates '%s' (%s:%d), which is at another "
		 "place in the original", td->t.o.sec[t].title, s->title, td->ofield,
		 s->line);
	if (e > 0)
		buf_addf(&b, ", after '%s'", td->e.o.sec[e - 1].title);
	add_finding(fs, td, td->t.o.sec[t].line, false, C_T_REORDERED, s->key, &b);
	buf_free(&b);
}

static void diffs(const struct tdoc *td, struct findings *fs)
{
	static const enum check_id ids[] = {
		[DF_LEVEL] = C_T_STRUCT, [DF_LABEL] = C_T_LABEL, [DF_XREF] = C_T_XREF,
		[DF_CODE] = C_T_CODE, [DF_DIRECTIVE] = C_T_STRUCT, [DF_LIST] = C_T_STRUCT,
		[DF_TABLE] = C_T_STRUCT, [DF_IDENT] = C_T_IDENT,
	};
	size_t i;

	for (i = 0; i < td->al.nd; i++) {
		const struct sdiff *d = &td->al.d[i];
		const char *key = td->e.o.sec[d->esec].key;
		struct buf name = { 0 };

		buf_addf(&name, "%s:%s", key, d->name);
		findings_add(fs, td->doc->path, d->line, d->col, d->kind == DF_CODE,
			     ids[d->kind], name.data, "%s", d->what);
		buf_free(&name);
	}
}

static void stamp_findings(const struct topts *o, const struct tdoc *td,
			   struct findings *fs)
{
	const struct stamp *st = &td->st;
	struct buf b = { 0 };

	if (!st->present && o->require_stamp)
		buf_addstr(&b, "no sync stamp: once the translation is complete, "
			   "write one with doccheck --fix-stamp");
	else if (st->placeholder)
		buf_addstr(&b, "the sync stamp is a placeholder: once the translation "
			   "is complete, write it with doccheck --fix-stamp");
	else if (st->error)
		buf_addf(&b, "malformed sync stamp: %s", st->error);
	else if (st->present && td->ofield && strcmp(st->original, td->ofield))
		buf_addf(&b, "the sync stamp is for %s, the original is %s",
			 st->original, td->ofield);
	if (b.len)
		add_finding(fs, td, st->line, true, C_T_STAMP, "stamp", &b);
	buf_free(&b);
}

static void outdated(const struct tdoc *td, size_t e, struct findings *fs)
{
	const struct sync_sec *ss = &td->sy.sec[e];
	const struct osection *s = &td->e.o.sec[e];
	int t = td->al.t_of_e[e];
	struct buf b = { 0 };

	if (t < 0 || (ss->state != SY_CHANGED && ss->state != SY_NEW))
		return;
	if (ss->state == SY_NEW)
		buf_addf(&b, "the original's section '%s' (%s:%d) is not in the sync "
			 "stamp's text", s->title, td->ofield, s->line);
	else
		buf_addf(&b, "the original's section '%s' (%s:%d) changed since the "
			 "sync%s%s", s->title, td->ofield, s->line, ss->why ? ": " : "",
			 ss->why ? ss->why : "");
	if (ss->t_known)
		buf_addstr(&b, ss->t_touched ?
			   "; this section was edited since the stamp: if it is up to "
			   "date, refresh the stamp with --fix-stamp" :
			   "; this section was not edited since the stamp");
	buf_addstr(&b, " (doccheck review shows the change)");
	add_finding(fs, td, td->t.o.sec[t].line, true, C_T_OUTDATED, s->key, &b);
	buf_free(&b);
}

static void one_findings(const struct topts *o, const struct tdoc *td,
			 struct findings *fs)
{
	size_t i;

	if (td->oerr) {
		const struct ofield *f = outline_field(&td->t.o, "Original");
		struct buf b = { 0 };

		buf_addstr(&b, td->oerr);
		add_finding(fs, td, f ? f->line : 1, true, C_T_ORIGINAL, "original", &b);
		buf_free(&b);
	}
	stamp_findings(o, td, fs);
	if (!td->opath || td->e.o.binary)
		return;
	if (td->al.in_order) {
		struct buf b = { 0 };

		buf_addf(&b, "%zu sections against the original's %zu: too many to align, "
			 "paired by their position", td->t.o.nsec, td->e.o.nsec);
		add_finding(fs, td, 1, false, C_T_STRUCT, "", &b);
		buf_free(&b);
	}
	for (i = 1; i < td->e.o.nsec; i++) {
		if (td->al.t_of_e[i] < 0)
			missing(td, i, fs);
		else if (td->al.moved[i])
			moved(td, i, fs);
	}
	for (i = 1; i < td->t.o.nsec; i++)
		if (td->al.e_of_t[i] < 0)
			extra(td, i, fs);
	diffs(td, fs);
	if (o->glossary && (!o->glossary->lang ||
			    (td->t.lang && !strcmp(td->t.lang, o->glossary->lang))))
		glossary_check(o->glossary, td, fs);
	if (td->sy.from != SF_NONE)
		for (i = 0; i < td->e.o.nsec; i++)
			outdated(td, i, fs);
}

void trans_findings(const struct topts *o, struct tset *ts, struct findings *fs)
{
	size_t i;

	for (i = 0; i < ts->n; i++)
		one_findings(o, &ts->v[i], fs);
}

/* ---- --fix-stamp ---- */

static int blocking(const struct tdoc *td, const struct findings *fs)
{
	size_t i;
	int n = 0;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		if (f->suppressed || strcmp(f->file, td->doc->path))
			continue;
		if (f->check == C_T_OUTDATED || f->check == C_T_STAMP)
			continue;
		n++;
	}
	return n;
}

/* Changed sections whose translation nobody touched since the stamp. */
static int untouched(const struct tdoc *td, struct buf *which)
{
	size_t i;
	int n = 0;

	for (i = 0; i < td->sy.nsec; i++) {
		const struct sync_sec *ss = &td->sy.sec[i];

		if (ss->state == SY_CHANGED && ss->t_known && !ss->t_touched) {
			buf_addf(which, "%s'%s'", n ? ", " : "", td->e.o.sec[i].title);
			n++;
		}
	}
	return n;
}

static void settle(struct findings *fs, const struct tdoc *td)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (!strcmp(fs->v[i].file, td->doc->path) &&
		    (fs->v[i].check == C_T_OUTDATED || fs->v[i].check == C_T_STAMP))
			fs->v[i].suppressed = true;
}

int trans_fix_stamps(const struct topts *o, struct tset *ts,
		     struct findings *fs)
{
	int status = 0;
	size_t i;

	(void)o;
	for (i = 0; i < ts->n; i++) {
		struct tdoc *td = &ts->v[i];
		struct buf b = { 0 }, w = { 0 };
		char err[512];
		int nb, nu, r;

		if (!td->opath || td->e.o.binary) {
			fprintf(stderr, "%s: not stamped: no original\n", td->doc->path);
			status = status < 1 ? 1 : status;
			continue;
		}
		nb = blocking(td, fs);
		nu = untouched(td, &w);
		if (nb || nu) {
			if (nb)
				buf_addf(&b, "%d finding%s", nb, nb == 1 ? "" : "s");
			if (nu)
				buf_addf(&b, "%schanged in the original and not edited here "
					 "since the stamp: %s", nb ? "; " : "", w.data);
			fprintf(stderr, "%s: not stamped: %s\n", td->doc->path, b.data);
			status = status < 1 ? 1 : status;
		} else {
			r = stamp_write(td, err, sizeof(err));
			if (r < 0) {
				fprintf(stderr, "%s: error: stamp not written: %s\n",
					td->doc->path, err);
				status = 2;
			} else {
				fprintf(stderr, "%s: %s (%s)\n", td->doc->path,
					r ? "sync stamp written" : "sync stamp already current",
					td->ofield);
				settle(fs, td);
				td->stamped = true;
			}
		}
		buf_free(&b);
		buf_free(&w);
	}
	return status;
}
