// SPDX-License-Identifier: GPL-2.0
/*
 * Rule coverage: a rule id (mops-* or mig-*) ties a label of an English
 * page to a sample region of examples/ (between the marker comments
 * "[id]" and "[/id]") and to the KUnit cases named for it
 * (the README's "Rules, samples and tests"; README.md here).  Checked:
 *
 *   rule-sample        a rule includes no sample region "[id]" in its
 *                      scope (from its label to the next rule label or
 *                      section title), or a page includes a region that
 *                      the file does not have, or a marker is unpaired
 *   rule-test          no KUnit case id_with_underscores[__variant] in a
 *                      kunit_case array of examples/ *_test.c
 *   rule-translation   a translation of the page lacks the rule's label
 *                      (zh_CN-id), or has one the page does not
 *   unused-sample      a region of examples/ that no page includes
 *   unknown-rule-case  a case named mops_* or mig_* for no rule
 *   rule-result        with KTAP results: a case of the rule failed or was
 *                      skipped
 *
 * Section labels that are not rules do not use the two prefixes.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "trans.h"

/* mops-foo-bar, mig-x */
bool rule_id(const char *label)
{
	const char *p;

	if (strncmp(label, "mops-", 5) && strncmp(label, "mig-", 4))
		return false;
	p = strchr(label, '-') + 1;
	if (!*p || *p == '-')
		return false;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      (*p == '-' && p[1] && p[1] != '-')))
			return false;
	return true;
}

/* ---- examples/: regions and cases ---- */

struct region {
	char *id, *file;	/* file: as the pages name it, "/examples/x.c" */
	int line, end;
	bool used;
};

struct kcase {
	char *name, *suite, *file;
	int line;
};

struct cov {
	const char *dir;	/* examples/ */
	struct region *rg;
	size_t nrg;
	struct kcase *kc;
	size_t nkc;
	struct findings *fs;
	struct arena *a;	/* file names of findings, freed by the caller */
};

static const char *keep(struct cov *c, const char *s)
{
	return arena_strndup(c->a, s, strlen(s));
}

static void cov_report(struct cov *c, const char *file, int line, bool error,
		       enum check_id id, const char *name, const struct buf *msg)
{
	findings_add(c->fs, keep(c, file), line, 1, error, id, name, "%s", msg->data);
}

/* The marker comment "[id]" or "[/id]" at @s: the id, with *close */
static bool marker(const char *s, const char *end, const char **id, size_t *n,
		   bool *close)
{
	const char *p = s + 4, *e;

	if (end - s < 8 || memcmp(s, "/* [", 4))
		return false;
	*close = *p == '/';
	p += *close;
	for (e = p; e < end && (is_ident_char(*e) || *e == '-'); e++)
		;
	if (e == p || end - e < 4 || memcmp(e, "] */", 4))
		return false;
	*id = p;
	*n = e - p;
	return true;
}

static void scan_markers(struct cov *c, const char *rel, const char *path,
			 const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	int line = 1;
	size_t first = c->nrg, i;

	for (; p < end; p++) {
		const char *id;
		size_t n;
		bool close;

		if (*p == '\n') {
			line++;
			continue;
		}
		if (*p != '/' || !marker(p, end, &id, &n, &close))
			continue;
		if (!close) {
			c->rg = xrealloc(c->rg, (c->nrg + 1) * sizeof(*c->rg));
			c->rg[c->nrg++] = (struct region){ xstrndup(id, n), xstrdup(rel), line, 0, false };
			continue;
		}
		for (i = c->nrg; i-- > first;)
			if (!c->rg[i].end && strlen(c->rg[i].id) == n && !memcmp(c->rg[i].id, id, n))
				break;
		if (i + 1 > first && i < c->nrg) {
			c->rg[i].end = line;
		} else {
			struct buf b = { 0 };

			buf_addf(&b, "closing marker [/%.*s] without an opening one", (int)n, id);
			cov_report(c, path, line, true, C_R_SAMPLE, "marker", &b);
			buf_free(&b);
		}
	}
	for (i = first; i < c->nrg; i++)
		if (!c->rg[i].end) {
			struct buf b = { 0 };

			buf_addf(&b, "sample region [%s] is not closed by /* [/%s] */",
				 c->rg[i].id, c->rg[i].id);
			cov_report(c, path, c->rg[i].line, true, C_R_SAMPLE, c->rg[i].id, &b);
			buf_free(&b);
		}
}

/* "static struct kunit_case NAME[] = { KUNIT_CASE(fn), ... };" */
static void scan_cases(struct cov *c, const char *path, const char *text)
{
	const char *p = text;

	while ((p = strstr(p, "struct kunit_case "))) {
		const char *arr = p + 18, *e = strstr(p, "};"), *q;
		size_t an = 0;

		while (is_ident_char(arr[an]))
			an++;
		p = arr;
		if (!e || !strchr(arr, '{') || strchr(arr, '{') > e || !an)
			continue;
		for (q = strstr(arr, "KUNIT_CASE"); q && q < e; q = strstr(q + 1, "KUNIT_CASE")) {
			const char *o = strchr(q, '('), *s;
			size_t n = 0;
			int line = 1;

			if (!o || o > e)
				break;
			for (o++; *o == ' ' || *o == '\t' || *o == '\n'; o++)
				;
			while (is_ident_char(o[n]))
				n++;
			if (!n)
				continue;
			for (s = text; s < o; s++)
				line += *s == '\n';
			c->kc = xrealloc(c->kc, (c->nkc + 1) * sizeof(*c->kc));
			c->kc[c->nkc++] = (struct kcase){ xstrndup(o, n), xstrndup(arr, an),
							  xstrdup(path), line };
		}
	}
}

/* ".test_cases = NAME" in a suite with ".name = "suite"": suite names. */
static void name_suites(struct cov *c, size_t first, const char *text)
{
	const char *p = text;

	while ((p = strstr(p, ".test_cases"))) {
		const char *v = p + 11, *b, *nm;
		size_t n = 0, i;

		while (*v == ' ' || *v == '\t' || *v == '=')
			v++;
		while (is_ident_char(v[n]))
			n++;
		p = v;
		for (b = v; b > text && *b != '{'; b--)
			;
		nm = strstr(b, ".name");
		if (nm)
			nm = strchr(nm, '"');
		if (!nm)
			continue;
		for (i = first; i < c->nkc; i++)
			if (strlen(c->kc[i].suite) == n && !memcmp(c->kc[i].suite, v, n)) {
				const char *q = strchr(nm + 1, '"');

				if (!q)
					break;
				free(c->kc[i].suite);
				c->kc[i].suite = xstrndup(nm + 1, q - nm - 1);
			}
	}
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan_examples(struct cov *c)
{
	DIR *d = opendir(c->dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;

	if (!d) {
		fprintf(stderr, "%s: error: cannot open the examples directory\n", c->dir);
		return;
	}
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l > 2 && (!strcmp(de->d_name + l - 2, ".c") || !strcmp(de->d_name + l - 2, ".h"))) {
			names = xrealloc(names, (n + 1) * sizeof(*names));
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		struct buf path = { 0 }, rel = { 0 }, text = { 0 };
		char err[256];
		size_t first = c->nkc, l = strlen(names[i]);

		buf_addf(&path, "%s/%s", c->dir, names[i]);
		buf_addf(&rel, "/examples/%s", names[i]);
		if (read_file(path.data, &text, err, sizeof(err)) < 0) {
			fprintf(stderr, "%s: error: %s\n", path.data, err);
		} else {
			scan_markers(c, rel.data, path.data, text.data, text.len);
			if (l > 7 && !strcmp(names[i] + l - 7, "_test.c")) {
				scan_cases(c, path.data, text.data);
				name_suites(c, first, text.data);
			}
		}
		buf_free(&path);
		buf_free(&rel);
		buf_free(&text);
		free(names[i]);
	}
	free(names);
}

/* ---- rules of the pages ---- */

/* The case names for rule @id: "mops_foo" or "mops_foo__variant". */
static bool case_of(const char *kcase, const char *id)
{
	size_t n = strlen(id), i;

	for (i = 0; i < n; i++)
		if (kcase[i] != (id[i] == '-' ? '_' : id[i]))
			return false;
	return !kcase[n] || (kcase[n] == '_' && kcase[n + 1] == '_' && kcase[n + 2]);
}

/* The rule's scope: its label up to the next rule label or title. */
static int scope_end(const struct outline *o, size_t label_item)
{
	const struct oitem *it = &o->item[label_item];
	int sec = it->section, end = o->sec[sec].end, l;
	size_t i;

	for (i = label_item + 1; i < o->nitem; i++)
		if (o->item[i].kind == OI_LABEL && rule_id(o->item[i].name) &&
		    o->item[i].line < end + 1) {
			end = o->item[i].line - 1;
			break;
		}
	for (l = it->line + 1; l <= end && l <= o->nlines; l++)
		if (o->lkind[l - 1] == BK_TITLE && o->lsec[l - 1] != sec)
			return l - 1;
	return end;
}

/* The region a literalinclude's :start-after: marker names, or NULL */
static char *included_region(const struct oitem *it)
{
	const char *s, *id;
	size_t n;
	bool close;

	if (strcmp(it->name, "literalinclude") || !it->opts)
		return NULL;
	s = strstr(it->opts, ":start-after:");
	if (!s)
		return NULL;
	s += 13;
	while (*s == ' ')
		s++;
	if (!marker(s, s + strlen(s), &id, &n, &close) || close)
		return NULL;
	return xstrndup(id, n);
}

static struct region *region(struct cov *c, const char *file, const char *id)
{
	size_t i;

	for (i = 0; i < c->nrg; i++)
		if (!strcmp(c->rg[i].id, id) && (!file || !strcmp(c->rg[i].file, file)))
			return &c->rg[i];
	return NULL;
}

/* Every literalinclude of a region: it must exist; mark it used. */
static void includes(struct cov *c, const struct outline *o)
{
	size_t i;

	for (i = 0; i < o->nitem; i++) {
		char *id = included_region(&o->item[i]);
		struct region *r;

		if (!id)
			continue;
		r = region(c, o->item[i].arg, id);
		if (r) {
			r->used = true;
		} else {
			struct buf b = { 0 };

			buf_addf(&b, "the sample region [%s] is not in %s", id, o->item[i].arg);
			cov_report(c, o->path, o->item[i].line, true, C_R_SAMPLE, id, &b);
			buf_free(&b);
		}
		free(id);
	}
}

static void rule_sample(struct cov *c, const struct outline *o, size_t li)
{
	const struct oitem *lab = &o->item[li];
	int end = scope_end(o, li);
	size_t i;
	struct buf b = { 0 };

	for (i = 0; i < o->nitem; i++) {
		char *id;
		bool ok;

		if (o->item[i].line <= lab->line || o->item[i].line > end)
			continue;
		id = included_region(&o->item[i]);
		ok = id && !strcmp(id, lab->name) && region(c, o->item[i].arg, id);
		free(id);
		if (ok)
			return;
	}
	buf_addf(&b, "rule '%s' includes no sample region /* [%s] */ of examples/ "
		 "(literalinclude with :start-after:, before the next rule or title)",
		 lab->name, lab->name);
	cov_report(c, o->path, lab->line, true, C_R_SAMPLE, lab->name, &b);
	buf_free(&b);
}

static void rule_tests(struct cov *c, const struct outline *o, const struct oitem *lab,
		       const struct ktap *k)
{
	struct buf b = { 0 };
	size_t i, n = 0;

	for (i = 0; i < c->nkc; i++) {
		enum ktap_result r;

		if (!case_of(c->kc[i].name, lab->name))
			continue;
		n++;
		if (!k)
			continue;
		r = ktap_case(k, c->kc[i].suite, c->kc[i].name);
		if (r != KT_FAIL && r != KT_SKIP)
			continue;
		b.len = 0;
		buf_addf(&b, "rule '%s': KUnit case %s.%s %s in the last run", lab->name,
			 c->kc[i].suite, c->kc[i].name, r == KT_FAIL ? "failed" : "was skipped");
		cov_report(c, o->path, lab->line, r == KT_FAIL, C_R_RESULT, c->kc[i].name, &b);
	}
	if (!n) {
		b.len = 0;
		buf_addf(&b, "rule '%s' has no KUnit case named for it (", lab->name);
		for (i = 0; lab->name[i]; i++)
			buf_addc(&b, lab->name[i] == '-' ? '_' : lab->name[i]);
		buf_addstr(&b, "[__variant]) in examples/*_test.c");
		cov_report(c, o->path, lab->line, true, C_R_TEST, lab->name, &b);
	}
	buf_free(&b);
}

/* The translation of @page among the outlines, by :Original:. */
static bool translates(const struct outline *t, const char *page)
{
	const struct ofield *f = outline_field(t, "Original");
	size_t fl, pl;

	if (!f)
		return false;
	fl = strcspn(f->value, " \t");
	pl = strlen(page);
	return fl <= pl && !strncmp(page + pl - fl, f->value, fl) &&
	       (fl == pl || page[pl - fl - 1] == '/');
}

static bool has_rule_label(const struct outline *t, const char *id, const char *lang)
{
	size_t i;
	bool ok = false;

	for (i = 0; i < t->nitem && !ok; i++)
		if (t->item[i].kind == OI_LABEL) {
			char *n = label_norm(t->item[i].name, lang);

			ok = !strcmp(n, id);
			free(n);
		}
	return ok;
}

static void rule_translations(struct cov *c, const struct outline *o,
			      const struct oitem *lab, struct outline *pages,
			      size_t npages)
{
	size_t i;

	for (i = 0; i < npages; i++) {
		char *lang = lang_of_path(pages[i].path);

		if (translates(&pages[i], o->path) && !has_rule_label(&pages[i], lab->name, lang)) {
			struct buf b = { 0 };

			buf_addf(&b, "rule '%s' has no label in its translation %s (.. _%s-%s:)",
				 lab->name, pages[i].path, lang ? lang : "zh_CN", lab->name);
			cov_report(c, o->path, lab->line, true, C_R_TRANSLATION, lab->name, &b);
			buf_free(&b);
		}
		free(lang);
	}
}

/* Rule labels of a translation that its original does not have. */
static void foreign_rules(struct cov *c, const struct outline *t,
			  struct outline *pages, size_t npages)
{
	char *lang = lang_of_path(t->path);
	size_t i, j;

	for (i = 0; i < t->nitem; i++) {
		char *n;
		bool ok = false;

		if (t->item[i].kind != OI_LABEL)
			continue;
		n = label_norm(t->item[i].name, lang);
		if (rule_id(n)) {
			for (j = 0; j < npages && !ok; j++)
				if (translates(t, pages[j].path))
					ok = has_rule_label(&pages[j], n, NULL);
			if (!ok) {
				struct buf b = { 0 };

				buf_addf(&b, "rule label '%s' names no rule of the original",
					 t->item[i].name);
				cov_report(c, t->path, t->item[i].line, true, C_R_TRANSLATION, n, &b);
				buf_free(&b);
			}
		}
		free(n);
	}
	free(lang);
}

static bool rule_exists(struct outline *pages, size_t npages, const char *kcase)
{
	size_t i, j;

	for (i = 0; i < npages; i++) {
		if (!pages[i].path || is_translation(pages[i].path, pages[i].text, pages[i].len))
			continue;
		for (j = 0; j < pages[i].nitem; j++)
			if (pages[i].item[j].kind == OI_LABEL && rule_id(pages[i].item[j].name) &&
			    case_of(kcase, pages[i].item[j].name))
				return true;
	}
	return false;
}

static void check_page(struct cov *c, const struct outline *o,
		       struct outline *pages, size_t npages, const struct ktap *k)
{
	size_t j;

	includes(c, o);
	if (is_translation(o->path, o->text, o->len)) {
		foreign_rules(c, o, pages, npages);
		return;
	}
	for (j = 0; j < o->nitem; j++) {
		if (o->item[j].kind != OI_LABEL || !rule_id(o->item[j].name))
			continue;
		rule_sample(c, o, j);
		rule_tests(c, o, &o->item[j], k);
		rule_translations(c, o, &o->item[j], pages, npages);
	}
}

static void unused_regions(struct cov *c)
{
	size_t i;

	for (i = 0; i < c->nrg; i++)
		if (!c->rg[i].used && c->rg[i].end) {
			struct buf b = { 0 }, path = { 0 };

			buf_addf(&path, "%s/%s", c->dir, strrchr(c->rg[i].file, '/') + 1);
			buf_addf(&b, "sample region [%s] is included by no page", c->rg[i].id);
			cov_report(c, path.data, c->rg[i].line, false, C_R_UNUSED, c->rg[i].id, &b);
			buf_free(&b);
			buf_free(&path);
		}
}

static void foreign_cases(struct cov *c, struct outline *pages, size_t npages)
{
	size_t i;

	for (i = 0; i < c->nkc; i++) {
		const char *n = c->kc[i].name;
		struct buf b = { 0 };

		if ((strncmp(n, "mops_", 5) && strncmp(n, "mig_", 4)) ||
		    rule_exists(pages, npages, n))
			continue;
		buf_addf(&b, "KUnit case %s.%s is named for a rule no page has",
			 c->kc[i].suite, n);
		cov_report(c, c->kc[i].file, c->kc[i].line, true, C_R_CASE, n, &b);
		buf_free(&b);
	}
}

static void cov_free(struct cov *c)
{
	size_t i;

	for (i = 0; i < c->nrg; i++) {
		free(c->rg[i].id);
		free(c->rg[i].file);
	}
	for (i = 0; i < c->nkc; i++) {
		free(c->kc[i].name);
		free(c->kc[i].suite);
		free(c->kc[i].file);
	}
	free(c->rg);
	free(c->kc);
}

int coverage_check(const struct topts *opt, struct doc *docs, size_t ndocs,
		   struct findings *fs, struct arena *names)
{
	struct cov c = { .dir = opt->examples, .fs = fs, .a = names };
	struct outline *pages = xcalloc(ndocs ? ndocs : 1, sizeof(*pages));
	struct ktap k = { 0 };
	bool have_ktap = false;
	size_t i;
	int ret = 0;

	if (opt->ktap && ktap_read(&k, opt->ktap) < 0) {
		fprintf(stderr, "%s: error: %s\n", opt->ktap, k.error);
		ret = -1;
	} else {
		have_ktap = opt->ktap;
	}
	scan_examples(&c);
	/* the documents' outlines, borrowed (rst_extract() parsed them) */
	for (i = 0; i < ndocs; i++)
		if (!docs[i].io_error && docs[i].outline)
			pages[i] = *docs[i].outline;
	for (i = 0; i < ndocs; i++)
		if (pages[i].path && !pages[i].binary)
			check_page(&c, &pages[i], pages, ndocs, have_ktap ? &k : NULL);
	unused_regions(&c);
	foreign_cases(&c, pages, ndocs);
	free(pages);
	cov_free(&c);
	ktap_free(&k);
	return ret;
}
