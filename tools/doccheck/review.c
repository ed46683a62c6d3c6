// SPDX-License-Identifier: GPL-2.0
/*
 * doccheck review: a translation's state by section, for the translator
 * and the reviewer.  For each section of the original: up to date,
 * outdated (with the original's diff since the sync), missing, moved, or
 * differing (code, labels, names); the translation's extra sections; the
 * names to update; the stale names part 1 found; the header fields.
 *
 * Three forms: plain text for the terminal, an HTML fragment for the
 * "translation status" pages of make htmldocs, and --summary: one line
 * per translation with totals, for a whole translations/<lang>/ tree.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trans.h"

enum st { ST_OK, ST_TRANSLATED, ST_OUTDATED, ST_DIFFERS, ST_MISSING, ST_MOVED };

static const char *const st_name[] = {
	[ST_OK] = "up to date", [ST_TRANSLATED] = "translated",
	[ST_OUTDATED] = "outdated", [ST_DIFFERS] = "differs",
	[ST_MISSING] = "missing", [ST_MOVED] = "moved",
};

static const char *const st_class[] = {
	[ST_OK] = "ok", [ST_TRANSLATED] = "ok", [ST_OUTDATED] = "outdated",
	[ST_DIFFERS] = "differs", [ST_MISSING] = "missing", [ST_MOVED] = "moved",
};

struct out {
	FILE *f;
	bool html;
};

/* ---- text or HTML ---- */

static void esc(struct out *o, const char *s, size_t n)
{
	size_t i;

	if (!o->html) {
		fwrite(s, 1, n, o->f);
		return;
	}
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '<':
			fputs("&lt;", o->f);
			break;
		case '>':
			fputs("&gt;", o->f);
			break;
		case '&':
			fputs("&amp;", o->f);
			break;
		case '"':
			fputs("&quot;", o->f);
			break;
		default:
			fputc(s[i], o->f);
		}
	}
}

static void put(struct out *o, const char *s)
{
	esc(o, s, strlen(s));
}

/* Raw markup, only in HTML. */
static void tag(struct out *o, const char *s)
{
	if (o->html)
		fputs(s, o->f);
}

static void text(struct out *o, const char *s)
{
	if (!o->html)
		fputs(s, o->f);
}

/* ---- what to say about a section ---- */

static bool has_diffs(const struct tdoc *td, int e)
{
	size_t i;

	for (i = 0; i < td->al.nd; i++)
		if (td->al.d[i].esec == e)
			return true;
	return false;
}

static enum st section_state(const struct tdoc *td, int e)
{
	const struct sync_sec *ss = td->sy.sec ? &td->sy.sec[e] : NULL;

	if (td->al.t_of_e[e] < 0)
		return ST_MISSING;
	if (ss && (ss->state == SY_CHANGED || ss->state == SY_NEW) && e > 0)
		return ST_OUTDATED;
	if (td->al.moved[e])
		return ST_MOVED;
	if (has_diffs(td, e))
		return ST_DIFFERS;
	return td->sy.from == SF_NONE ? ST_TRANSLATED : ST_OK;
}

static int count_part1(const struct tdoc *td, const struct findings *fs)
{
	size_t i;
	int n = 0;

	for (i = 0; i < fs->n; i++)
		if (!fs->v[i].suppressed && fs->v[i].check < C_T_ORIGINAL &&
		    fs->v[i].check != C_BAD_INPUT && !strcmp(fs->v[i].file, td->doc->path))
			n++;
	return n;
}

struct tally {
	int sections, st[6], extra, diffs, stale;
};

static void tally(const struct tdoc *td, const struct findings *fs, struct tally *t)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	if (!td->opath || td->e.o.binary)
		return;
	for (i = 1; i < td->e.o.nsec; i++) {
		t->sections++;
		t->st[section_state(td, (int)i)]++;
	}
	for (i = 1; i < td->t.o.nsec; i++)
		t->extra += td->al.e_of_t[i] < 0;
	t->diffs = (int)td->al.nd;
	t->stale = count_part1(td, fs);
}

/* ---- the header ---- */

static void field_row(struct out *o, const char *label, const char *value,
		      const char *empty)
{
	tag(o, "<tr><th>");
	put(o, label);
	tag(o, "</th><td>");
	text(o, ": ");
	if (value && *value) {
		put(o, value);
	} else {
		tag(o, "<span class=\"pmd-empty\">");
		put(o, empty);
		tag(o, "</span>");
	}
	tag(o, "</td></tr>");
	text(o, "\n");
}

static const char *field_value(const struct outline *t, const char *const *names)
{
	int i;

	for (i = 0; names[i]; i++) {
		const struct ofield *f = outline_field(t, names[i]);

		if (f)
			return f->value;
	}
	return NULL;
}

static void sync_line(struct out *o, const struct tdoc *td)
{
	const struct sync *sy = &td->sy;
	struct buf b = { 0 };

	if (sy->from == SF_NONE) {
		buf_addf(&b, "unknown (%s): only the structure is compared, not what "
			 "changed since", sy->no_old ? sy->no_old : "no sync point");
	} else {
		buf_addstr(&b, sy->how ? sy->how : "");
		if (sy->commit[0]) {
			buf_addstr(&b, ", commit ");
			if (git_describe(&td->git, sy->commit, &b) < 0)
				buf_add(&b, sy->commit, 12);
		}
		buf_addstr(&b, "; ");
		if (sy->exact)
			buf_addstr(&b, "the original is unchanged since");
		else if (!sy->nchanged && !sy->ntrivial)
			buf_addstr(&b, "the original changed since in white space or "
				   "comments only");
		else
			buf_addf(&b, "%d section%s of the original changed since, %d "
				 "trivially", sy->nchanged, sy->nchanged == 1 ? "" : "s",
				 sy->ntrivial);
		if (!sy->have_old && sy->no_old && !sy->exact)
			buf_addf(&b, "; old text not known: %s", sy->no_old);
	}
	field_row(o, "Sync", b.data, "");
	buf_free(&b);
}

static void header(struct out *o, const struct tdoc *td)
{
	static const char *const translator[] = {
		"翻译", "Translator", "Translators", "译者", "中文版翻译者", NULL
	};
	static const char *const reviewer[] = {
		"校译", "Reviewer", "Reviewers", "校对", "中文版校译者", NULL
	};

	tag(o, "<table class=\"pmd-review-head\">\n");
	if (o->html)
		field_row(o, "Translation", td->doc->path, "");
	field_row(o, "Original", td->ofield, "none found");
	if (td->oerr)
		field_row(o, "Problem", td->oerr, "");
	field_row(o, "Translator", field_value(&td->t.o, translator),
		  "(empty: no translator named)");
	field_row(o, "Reviewer", field_value(&td->t.o, reviewer),
		  "(empty: nobody reviewed this translation yet)");
	if (td->opath)
		sync_line(o, td);
	tag(o, "</table>\n");
}

/* ---- the change of a section since the sync ---- */

static void old_diff(struct out *o, const struct tdoc *td, int e)
{
	const struct sync *sy = &td->sy;
	const struct sync_sec *ss = &sy->sec[e];
	const struct osection *ns = &td->e.o.sec[e];
	struct textlines a, b;
	struct buf d = { 0 };
	int oe = -1;
	size_t i;

	/* the old section: the one with the same key in the old outline */
	for (i = 0; ss->old >= 0 && i < sy->old.nsec; i++)
		if (!strcmp(sy->old.sec[i].key, sy->fp[ss->old].key)) {
			oe = (int)i;
			break;
		}
	textlines_split(&a, sy->old.text, sy->old.len);
	textlines_split(&b, td->e.o.text, td->e.o.len);
	if (oe >= 0)
		ldiff(&a, sy->old.sec[oe].line - 1, sy->old.sec[oe].end, &b, ns->line - 1,
		      ns->end, o->html ? "" : "        ", &d);
	else
		ldiff(&a, 0, 0, &b, ns->line - 1, ns->end, o->html ? "" : "        ", &d);
	tag(o, "<pre class=\"pmd-diff\">");
	esc(o, d.data ? d.data : "", d.len);
	tag(o, "</pre>");
	buf_free(&d);
	textlines_free(&a);
	textlines_free(&b);
}

/* Without the old text: the blocks that are new or changed. */
static void changed_blocks(struct out *o, const struct tdoc *td, int e)
{
	const struct sync_sec *ss = &td->sy.sec[e];
	const struct outline *eo = &td->e.o;
	struct buf d = { 0 };
	size_t i, k = 0;
	int n = 0;

	for (i = 0; i < eo->nblk; i++) {
		const struct oblock *b = &eo->blk[i];
		int l;

		if (b->section != e)
			continue;
		if (ss->blk_changed && ss->blk_changed[k]) {
			n++;
			for (l = b->line; l <= b->end; l++) {
				size_t ln;
				const char *s = outline_line(eo, l, &ln);

				buf_addf(&d, "%s+%.*s\n", o->html ? "" : "        ", (int)ln, s);
			}
		}
		k++;
	}
	tag(o, "<p class=\"pmd-note\">");
	text(o, "        ");
	if (n) {
		put(o, "New or changed blocks of the original (their old wording is not "
		       "known without history):");
	} else {
		put(o, "Blocks of the original were removed (their old wording is not "
		       "known without history).");
	}
	tag(o, "</p>");
	text(o, "\n");
	tag(o, "<pre class=\"pmd-diff\">");
	esc(o, d.data ? d.data : "", d.len);
	tag(o, "</pre>");
	buf_free(&d);
}

/* ---- the sections ---- */

static void note(struct out *o, const char *s)
{
	tag(o, "<li>");
	text(o, "        ");
	put(o, s);
	tag(o, "</li>");
	text(o, "\n");
}

static void section_notes(struct out *o, const struct tdoc *td, int e, enum st st,
			  const struct findings *fs)
{
	const struct sync_sec *ss = td->sy.sec ? &td->sy.sec[e] : NULL;
	int t = td->al.t_of_e[e];
	struct buf b = { 0 };
	size_t i, n;

	tag(o, "<ul>");
	if (st == ST_MISSING) {
		buf_addstr(&b, "names to translate: ");
		idset_minus(&td->e.ids[e], NULL, &b, &n);
		if (n)
			note(o, b.data);
		if (td->al.near_t[e] >= 0) {
			b.len = 0;
			buf_addf(&b, "in its place: '%s' (line %d), which does not translate it",
				 td->t.o.sec[td->al.near_t[e]].title,
				 td->t.o.sec[td->al.near_t[e]].line);
			note(o, b.data);
		}
	}
	if (ss && (ss->state == SY_TRIVIAL || ss->state == SY_CHANGED) && ss->why) {
		b.len = 0;
		buf_addf(&b, "%s since the sync: %s", ss->state == SY_TRIVIAL ?
			 "trivial change" : "changed", ss->why);
		note(o, b.data);
	}
	if (ss && ss->t_known && (ss->state == SY_CHANGED))
		note(o, ss->t_touched ? "the translation of this section was edited "
		     "since the stamp" : "the translation of this section was not "
		     "edited since the stamp");
	for (i = 0; i < td->al.nd; i++)
		if (td->al.d[i].esec == e)
			note(o, td->al.d[i].what);
	for (i = 0; t >= 0 && i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		if (f->suppressed || f->check >= C_T_ORIGINAL || f->check == C_BAD_INPUT ||
		    strcmp(f->file, td->doc->path) ||
		    outline_section_at(&td->t.o, f->line) != t)
			continue;
		b.len = 0;
		buf_addf(&b, "stale name, line %d: %s", f->line, f->msg);
		note(o, b.data);
	}
	tag(o, "</ul>");
	buf_free(&b);
	if (st == ST_OUTDATED && ss && ss->state == SY_CHANGED) {
		if (td->sy.have_old)
			old_diff(o, td, e);
		else
			changed_blocks(o, td, e);
	}
}

static void section_row(struct out *o, const struct tdoc *td, int e,
			const struct findings *fs)
{
	const struct osection *s = &td->e.o.sec[e];
	enum st st = section_state(td, e);
	int t = td->al.t_of_e[e];
	char where[64];

	if (o->html)
		fprintf(o->f, "<tr class=\"pmd-st-%s\"><td class=\"pmd-st\">%s</td><td>",
			st_class[st], st_name[st]);
	else
		fprintf(o->f, "  %-11s ", st_name[st]);
	put(o, e ? s->title : "(before the title)");
	tag(o, "</td><td class=\"pmd-line\">");
	if (t >= 0)
		snprintf(where, sizeof(where), "%d -> %d", s->line, td->t.o.sec[t].line);
	else
		snprintf(where, sizeof(where), "%d -> -", s->line);
	if (!o->html)
		fprintf(o->f, "  [%s]", where);
	else
		put(o, where);
	tag(o, "</td><td>");
	text(o, "\n");
	section_notes(o, td, e, st, fs);
	tag(o, "</td></tr>\n");
}

static void extra_row(struct out *o, const struct tdoc *td, int t)
{
	const struct osection *s = &td->t.o.sec[t];
	struct buf b = { 0 };
	size_t e, n;

	if (o->html)
		fputs("<tr class=\"pmd-st-extra\"><td class=\"pmd-st\">extra</td><td>", o->f);
	else
		fputs("  extra       ", o->f);
	put(o, s->title);
	tag(o, "</td><td class=\"pmd-line\">");
	if (!o->html)
		fprintf(o->f, "  [- -> %d]", s->line);
	else
		fprintf(o->f, "- -&gt; %d", s->line);
	tag(o, "</td><td>");
	text(o, "\n");
	tag(o, "<ul>");
	for (e = 1; e < td->e.o.nsec; e++)
		if (td->al.t_of_e[e] < 0 && td->al.near_t[e] == t) {
			buf_addf(&b, "stands where the original has '%s' (line %d): an "
				 "outdated translation of it?", td->e.o.sec[e].title,
				 td->e.o.sec[e].line);
			note(o, b.data);
			b.len = 0;
			buf_addstr(&b, "names here and not there: ");
			idset_minus(&td->t.ids[t], &td->e.ids[e], &b, &n);
			if (n)
				note(o, b.data);
			break;
		}
	if (e == td->e.o.nsec)
		note(o, "no counterpart in the original");
	tag(o, "</ul></td></tr>\n");
	buf_free(&b);
}

static void summary_line(struct out *o, const struct tdoc *td, const struct tally *t,
			 bool prefix)
{
	struct buf b = { 0 };

	if (!td->opath) {
		buf_addstr(&b, "no original");
	} else {
		buf_addf(&b, "%d sections: %d %s, %d outdated, %d missing, %d moved, "
			 "%d differ; %d extra; %d stale name%s",
			 t->sections, t->st[ST_OK] + t->st[ST_TRANSLATED],
			 td->sy.from == SF_NONE ? "translated" : "up to date",
			 t->st[ST_OUTDATED], t->st[ST_MISSING], t->st[ST_MOVED],
			 t->st[ST_DIFFERS], t->extra, t->stale, t->stale == 1 ? "" : "s");
		if (td->oerr)
			buf_addf(&b, "; %s", td->oerr);
	}
	tag(o, "<p class=\"pmd-review-summary\">");
	if (prefix)
		text(o, "Summary: ");
	put(o, b.data);
	tag(o, "</p>");
	text(o, "\n");
	buf_free(&b);
}

static void one(struct out *o, const struct tdoc *td, const struct findings *fs,
		bool api)
{
	struct tally t;
	size_t i;

	tally(td, fs, &t);
	tag(o, "<div class=\"pmd-review\">\n");
	text(o, "Translation review: ");
	text(o, td->doc->path);
	text(o, "\n");
	header(o, td);
	summary_line(o, td, &t, true);
	if (!api) {
		tag(o, "<p class=\"pmd-note\">");
		put(o, "Stale names were not checked: give doccheck a kernel tree (-k) "
		       "or an index (-i).");
		tag(o, "</p>");
		text(o, "\n");
	}
	if (td->opath && !td->e.o.binary) {
		tag(o, "<table class=\"pmd-review-sections\"><thead><tr><th>State</th>"
		       "<th>Section of the original</th><th>Lines</th><th>Notes</th></tr>"
		       "</thead><tbody>\n");
		text(o, "\nSections of the original (line there -> line here):\n");
		for (i = 0; i < td->e.o.nsec; i++) {
			if (i == 0 && section_state(td, 0) != ST_DIFFERS)
				continue;
			section_row(o, td, (int)i, fs);
		}
		for (i = 1; i < td->t.o.nsec; i++)
			if (td->al.e_of_t[i] < 0)
				extra_row(o, td, (int)i);
		tag(o, "</tbody></table>\n");
	}
	tag(o, "</div>\n");
	text(o, "\n");
}

void review_print(FILE *f, const struct topts *opt, const struct tset *ts,
		  const struct findings *fs, bool api_checked)
{
	struct out o = { .f = f, .html = opt->html };
	struct tally sum = { 0 };
	size_t i;
	int k;

	for (i = 0; i < ts->n; i++) {
		const struct tdoc *td = &ts->v[i];
		struct tally t;

		if (opt->summary) {
			tally(td, fs, &t);
			fprintf(f, "%s: ", td->doc->path);
			summary_line(&(struct out){ .f = f }, td, &t, false);
			sum.sections += t.sections;
			for (k = 0; k < 6; k++)
				sum.st[k] += t.st[k];
			sum.extra += t.extra;
			sum.diffs += t.diffs;
			sum.stale += t.stale;
			continue;
		}
		one(&o, td, fs, api_checked);
	}
	if (opt->summary)
		fprintf(f, "total: %zu translations, %d sections of originals: %d up to "
			"date or translated, %d outdated, %d missing, %d moved, %d differ; "
			"%d extra; %d stale names; %.3f s\n", ts->n, sum.sections,
			sum.st[ST_OK] + sum.st[ST_TRANSLATED], sum.st[ST_OUTDATED],
			sum.st[ST_MISSING], sum.st[ST_MOVED], sum.st[ST_DIFFERS], sum.extra,
			sum.stale, ts->seconds);
}

/* DIR/<the translation's path>.html (or .txt); ".." and "/" made safe. */
static char *out_path(const char *dir, const char *path, bool html)
{
	struct buf b = { 0 };
	const char *p = path;
	size_t n = strlen(path);

	if (n > 4 && !strcmp(path + n - 4, ".rst"))
		n -= 4;
	buf_addf(&b, "%s/", dir);
	while (*p == '/' || (p[0] == '.' && p[1] == '/'))
		p += *p == '/' ? 1 : 2;
	for (; p < path + n; p++) {
		if (p[0] == '.' && p[1] == '.' && (p == path || p[-1] == '/')) {
			buf_addstr(&b, "__");
			p++;
		} else {
			buf_addc(&b, *p);
		}
	}
	buf_addstr(&b, html ? ".html" : ".txt");
	return b.data;
}

static int mkdirs(char *path)
{
	char *s;

	for (s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			*s = '/';
			return -1;
		}
		*s = '/';
	}
	return 0;
}

/* Same file as one doccheck reads? */
static bool read_by_us(const struct tset *ts, const char *out)
{
	struct stat a, b;
	size_t i;

	if (stat(out, &a) < 0)
		return false;
	for (i = 0; i < ts->n; i++)
		if ((stat(ts->v[i].doc->path, &b) == 0 && a.st_ino == b.st_ino &&
		     a.st_dev == b.st_dev) ||
		    (ts->v[i].opath && stat(ts->v[i].opath, &b) == 0 &&
		     a.st_ino == b.st_ino && a.st_dev == b.st_dev))
			return true;
	return false;
}

/* --output-dir: one report per translation; returns 0 or 2. */
int review_write(const struct topts *opt, const struct tset *ts,
		 const struct findings *fs, bool api_checked)
{
	size_t i;
	int status = 0;

	for (i = 0; i < ts->n; i++) {
		struct tset one = { .v = &ts->v[i], .n = 1, .seconds = ts->seconds };
		char *path = out_path(opt->outdir, ts->v[i].doc->path, opt->html);
		char *tmp = xmalloc(strlen(path) + 8);
		FILE *f;

		sprintf(tmp, "%s.tmp", path);
		f = NULL;
		if (!read_by_us(ts, path) && mkdirs(path) == 0)
			f = fopen(tmp, "w");
		if (!f) {
			warnx_("%s: cannot write: %s", path,
			       read_by_us(ts, path) ? "doccheck reads it" : strerror(errno));
			status = 2;
		} else {
			review_print(f, opt, &one, fs, api_checked);
			if (fclose(f) != 0 || rename(tmp, path) < 0) {
				warnx_("%s: write error: %s", path, strerror(errno));
				unlink(tmp);
				status = 2;
			}
		}
		free(tmp);
		free(path);
	}
	return status;
}
