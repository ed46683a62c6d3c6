// SPDX-License-Identifier: GPL-2.0
/*
 * Which section of a translation translates which section of its
 * original.  Titles are translated, so they rarely match; what survives
 * translation is the evidence: labels (zh_CN-foo for foo), identifiers
 * in the title, the API names of the section (part 1's extraction), code
 * blocks, directives, cross references, the level, and the size of the
 * prose (a Chinese character counts as 1/1.7 English word).
 *
 * Each pair of sections gets a score from that evidence; the sections
 * are aligned in order by dynamic programming (a weighted longest common
 * subsequence: only pairs that score above zero can pair).  Sections left
 * over on both sides that still match strongly are "reordered"; the
 * others are missing (original) and extra (translation), and an extra
 * section that stands where a missing one was is named as such.
 *
 * Pairs are then compared: level, labels, cross references, code blocks,
 * directives, list items, tables, identifiers.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "trans.h"

/* ---- sets of hashes ---- */

struct hset {
	uint32_t *v;
	size_t n, cap;
};

static void hs_add(struct hset *h, const char *s, size_t n)
{
	GROW(h->v, h->n, h->cap, 8);
	h->v[h->n++] = hash_str(s, n);
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void hs_finish(struct hset *h)
{
	size_t i, k = 0;

	if (!h->n)
		return;
	qsort(h->v, h->n, sizeof(*h->v), u32_cmp);
	for (i = 0; i < h->n; i++)
		if (!k || h->v[k - 1] != h->v[i])
			h->v[k++] = h->v[i];
	h->n = k;
}

static size_t hs_shared(const struct hset *a, const struct hset *b)
{
	size_t i = 0, j = 0, n = 0;

	while (i < a->n && j < b->n) {
		if (a->v[i] == b->v[j]) {
			n++;
			i++;
			j++;
		} else if (a->v[i] < b->v[j]) {
			i++;
		} else {
			j++;
		}
	}
	return n;
}

/* Evidence of one section. */
struct feat {
	struct hset lab, tok_id, tok_all, ids, code, dir, xref;
	uint32_t number;	/* hash of "6.3" in "6.3 - Energy Model", or 0 */
};

/* ---- labels, targets, directives ---- */

/* zh_CN-foo, zh_cn_foo, cn_foo, zh-foo, foo_zh, foo-cn -> foo; lower case */
char *label_norm(const char *label, const char *lang)
{
	char *l = xstrdup(label), *p;
	char pre[4][24];
	int i, k = 0;

	for (p = l; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	if (lang && strlen(lang) < 16) {
		const char *us = strchr(lang, '_');

		snprintf(pre[k++], sizeof(pre[0]), "%s", lang);
		if (us) {
			snprintf(pre[k++], sizeof(pre[0]), "%s", us + 1);
			snprintf(pre[k++], sizeof(pre[0]), "%.*s", (int)(us - lang), lang);
		}
		for (i = 0; i < k; i++) {
			size_t n = strlen(pre[i]);

			if (!strncasecmp(l, pre[i], n) && (l[n] == '-' || l[n] == '_')) {
				/* "zh_CN-" alone is kept, not cut to "cn-" */
				if (l[n + 1])
					memmove(l, l + n + 1, strlen(l + n + 1) + 1);
				break;
			}
		}
		for (i = 0; i < k; i++) {	/* or a suffix: foo_zh, foo-cn */
			size_t n = strlen(pre[i]), ln = strlen(l);

			if (ln > n + 1 && !strcasecmp(l + ln - n, pre[i]) &&
			    (l[ln - n - 1] == '-' || l[ln - n - 1] == '_')) {
				l[ln - n - 1] = '\0';
				break;
			}
		}
	}
	return l;
}

/* A :doc: target as a path below the documentation root. */
static char *doc_target(const char *vdir, const char *lang, const char *t)
{
	struct buf b = { 0 };
	char *parts[64], *s, *tok, *save = NULL;
	int n = 0, i;

	if (*t != '/' && vdir && *vdir)
		buf_addf(&b, "%s/", vdir);
	buf_addstr(&b, t);
	s = b.data;
	for (tok = strtok_r(s, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, ".") || !*tok)
			continue;
		if (!strcmp(tok, "..")) {
			if (n)
				n--;
			continue;
		}
		if (n < 64)
			parts[n++] = tok;
	}
	i = 0;
	if (n > 2 && !strcmp(parts[0], "translations") && lang && !strcmp(parts[1], lang))
		i = 2;
	if (n > i && !strcmp(parts[i], "Documentation"))
		i++;
	{
		struct buf r = { 0 };

		buf_add(&r, "doc:", 4);
		for (; i < n; i++)
			buf_addf(&r, "%s%s", parts[i], i + 1 < n ? "/" : "");
		if (r.len > 4 && r.len > 8 && !strcmp(r.data + r.len - 4, ".rst"))
			r.data[r.len -= 4] = '\0';
		buf_free(&b);
		return r.data;
	}
}

static char *xref_norm(const struct tside *s, const struct oitem *it)
{
	char *r, *n;

	if (!strcmp(it->name, "doc"))
		return doc_target(s->o.vdir, s->lang, it->arg);
	if (!strcmp(it->name, "kunit")) {
		r = xmalloc(strlen(it->arg) + 8);
		sprintf(r, "kunit:%s", it->arg);
		return r;
	}
	n = label_norm(it->arg, s->lang);
	r = xmalloc(strlen(n) + 8);
	sprintf(r, "ref:%s", n);
	free(n);
	return r;
}

static bool compared_directive(const char *name)
{
	static const char *const names[] = {
		"literalinclude", "kernel-doc", "include", "kernel-include",
		"toctree", "image", "figure", "kernel-figure", "kernel-abi",
		"kernel-feat", "kunit-rules", NULL
	};
	int i;

	for (i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/* Options that are words for people: translated, not compared. */
static bool translated_option(const char *s, size_t n)
{
	return (n > 9 && !memcmp(s, ":caption:", 9)) || (n > 5 && !memcmp(s, ":alt:", 5)) ||
	       (n > 6 && !memcmp(s, ":name:", 6)) || (n > 7 && !memcmp(s, ":class:", 7));
}

/* The directives whose argument is a file relative to the page */
static bool file_directive(const char *name)
{
	return !strcmp(name, "literalinclude") || !strcmp(name, "include") ||
	       !strcmp(name, "kernel-include") || !strcmp(name, "image") ||
	       !strcmp(name, "figure") || !strcmp(name, "kernel-figure");
}

/*
 * A relative file argument as the file it names: the English page's
 * ../../samples/a.c and the translation's ../../../../samples/a.c are
 * the same file.
 */
static void directive_arg(const struct tside *s, const struct oitem *it, struct buf *b)
{
	const char *arg = it->arg ? it->arg : "";
	const char *slash = strrchr(s->o.path, '/');
	struct buf joined = { 0 }, norm = { 0 };

	if (!file_directive(it->name) || arg[0] == '/' || !*arg || !slash) {
		buf_addstr(b, arg);
		return;
	}
	buf_addf(&joined, "%.*s/%s", (int)(slash - s->o.path), s->o.path, arg);
	lexical_path(joined.data, &norm);
	buf_addstr(b, norm.data);
	buf_free(&joined);
	buf_free(&norm);
}

/* "literalinclude /examples/a.c :start-after: ..." or NULL */
static char *directive_sig(const struct tside *s, const struct oitem *it)
{
	struct buf b = { 0 };
	const char *p;

	if (!compared_directive(it->name) || !strcmp(it->name, "toctree"))
		return NULL;
	if (!strcmp(it->name, "include") && it->arg && strstr(it->arg, "disclaimer-"))
		return NULL;
	buf_addf(&b, "%s ", it->name);
	directive_arg(s, it, &b);
	for (p = it->opts; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		while (n && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		if (n && !translated_option(p, n)) {
			buf_addc(&b, ' ');
			buf_add(&b, p, n);
		}
		p = nl ? nl + 1 : p + n;
	}
	return b.data;
}

/* Each page a toctree lists, as "toctree:path", into @out (n entries). */
static size_t toctree_entries(const struct oitem *it, char ***out)
{
	const char *p;
	size_t n = 0;

	*out = NULL;
	if (it->kind != OI_DIRECTIVE || strcmp(it->name, "toctree"))
		return 0;
	for (p = it->opts; p && *p;) {
		const char *nl = strchr(p, '\n'), *e, *lt;
		size_t k = nl ? (size_t)(nl - p) : strlen(p);

		while (k && (*p == ' ' || *p == '\t')) {
			p++;
			k--;
		}
		e = p + k;
		if (k && *p != ':' && !(k >= 2 && p[0] == '.' && p[1] == '.')) {
			lt = memchr(p, '<', k);
			if (lt && e[-1] == '>') {
				p = lt + 1;
				e--;
			}
			*out = xrealloc(*out, (n + 1) * sizeof(char *));
			(*out)[n] = xmalloc(e - p + 9);
			sprintf((*out)[n], "toctree:%.*s", (int)(e - p), p);
			n++;
		}
		p = nl ? nl + 1 : e;
		if (!nl)
			break;
	}
	return n;
}

/* ---- identifiers ---- */

/* The byte of @line (@n bytes) at column @col, counted in code points. */
static const char *at_col(const char *line, size_t n, int col)
{
	size_t i;
	int c = 1;

	for (i = 0; i < n; i++) {
		if (((unsigned char)line[i] & 0xc0) == 0x80)
			continue;
		if (c == col)
			return line + i;
		c++;
	}
	return line + n;
}

/* "struct foo" when the page writes it so, else "foo()" or "foo" */
static char *show_ref(const struct outline *o, const struct ref *r)
{
	static const char *const kw[] = { "struct ", "union ", "enum " };
	size_t n, i;
	const char *line = outline_line(o, r->line, &n), *p;
	char *s;

	if (r->kind == R_CALL) {
		s = xmalloc(strlen(r->name) + 3);
		sprintf(s, "%s()", r->name);
		return s;
	}
	if (r->kind == R_MEMBER && r->base) {
		s = xmalloc(strlen(r->name) + strlen(r->base) + 3);
		sprintf(s, "%s->%s", r->base, r->name);
		return s;
	}
	if (r->kind != R_TAG)
		return xstrdup(r->name);
	p = at_col(line, n, r->col);
	for (i = 0; i < 3; i++) {
		size_t k = strlen(kw[i]);

		if ((size_t)(p - line) >= k && !memcmp(p - k, kw[i], k)) {
			s = xmalloc(strlen(r->name) + k + 1);
			sprintf(s, "%s%s", kw[i], r->name);
			return s;
		}
		if (!strncmp(p, kw[i], k)) {
			s = xmalloc(strlen(r->name) + k + 1);
			sprintf(s, "%s%s", kw[i], r->name);
			return s;
		}
	}
	return xstrdup(r->name);
}

static bool counted_ref(const struct outline *o, const struct ref *r)
{
	int l = r->line - 1;

	if (r->local || l < 0 || l >= o->nlines)
		return false;
	if (o->lkind[l] == BK_FIELD || o->lkind[l] == BK_COMMENT)
		return false;
	/* a plain upper-case word (NUMA, THP) is no API name to compare */
	if (r->strength == S_WEAK && r->kind == R_NAME && !strchr(r->name, '_'))
		return false;
	return true;
}

/*
 * A path compares without its translations/LANG/ part: a translation
 * points at the translated page where there is one, as the kernel's
 * zh_CN pages do (Documentation/translations/zh_CN/mm/hmm.rst for
 * Documentation/mm/hmm.rst).
 */
static char *path_key(const struct ref *r)
{
	static const char dir[] = "Documentation/translations/";
	const char *lang, *slash;
	char *k;

	if (r->kind != R_PATH || strncmp(r->name, dir, sizeof(dir) - 1))
		return xstrdup(r->name);
	lang = r->name + sizeof(dir) - 1;
	slash = strchr(lang, '/');
	if (!slash || slash - lang < 2 || slash - lang > 5)
		return xstrdup(r->name);
	k = xmalloc(strlen(slash) + sizeof("Documentation"));
	sprintf(k, "Documentation%s", slash);
	return k;
}

/* A name of a section, where it occurs and how it is shown */
struct occurrence {
	char *key;
	char *show;
	size_t order;
};

/* By name, then in the order they occur: qsort() itself is not stable. */
static int occurrence_cmp(const void *a, const void *b)
{
	const struct occurrence *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	return (x->order > y->order) - (x->order < y->order);
}

void idsets_build(struct tside *s)
{
	size_t i, nsec = s->o.nsec;
	struct { struct occurrence *v; size_t n, cap; } *tmp;

	s->ids = xcalloc(nsec ? nsec : 1, sizeof(*s->ids));
	if (!s->doc)
		return;
	tmp = xcalloc(nsec ? nsec : 1, sizeof(*tmp));
	for (i = 0; i < s->doc->nrefs; i++) {
		const struct ref *r = &s->doc->refs[i];
		int sec = outline_section_at(&s->o, r->line);

		if (!counted_ref(&s->o, r))
			continue;
		GROW(tmp[sec].v, tmp[sec].n, tmp[sec].cap, 16);
		tmp[sec].v[tmp[sec].n++] = (struct occurrence){
			.key = path_key(r), .show = show_ref(&s->o, r), .order = i };
	}
	for (i = 0; i < nsec; i++) {
		struct idset *d = &s->ids[i];
		size_t j;

		if (!tmp[i].n)
			continue;
		/* each name once, shown as it first occurs */
		qsort(tmp[i].v, tmp[i].n, sizeof(*tmp[i].v), occurrence_cmp);
		d->name = xmalloc(tmp[i].n * sizeof(char *));
		d->show = xmalloc(tmp[i].n * sizeof(char *));
		for (j = 0; j < tmp[i].n; j++) {
			struct occurrence *e = &tmp[i].v[j];

			if (d->n && !strcmp(d->name[d->n - 1], e->key)) {
				free(e->key);
				free(e->show);
				continue;
			}
			d->name[d->n] = e->key;
			d->show[d->n] = e->show;
			d->n++;
		}
		free(tmp[i].v);
	}
	free(tmp);
}

void idsets_free(struct tside *s)
{
	size_t i, j;

	if (!s->ids)
		return;
	for (i = 0; i < s->o.nsec; i++) {
		for (j = 0; j < s->ids[i].n; j++) {
			free(s->ids[i].name[j]);
			free(s->ids[i].show[j]);
		}
		free(s->ids[i].name);
		free(s->ids[i].show);
	}
	free(s->ids);
	s->ids = NULL;
}

static bool id_in(const struct idset *s, const char *name)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->name[mid], name);

		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* The names of @a that @b lacks, as "x(), struct y" into @out. */
void idset_minus(const struct idset *a, const struct idset *b, struct buf *out,
		 size_t *count)
{
	size_t i;

	*count = 0;
	for (i = 0; i < a->n; i++) {
		if (b && id_in(b, a->name[i]))
			continue;
		buf_addf(out, "%s%s", (*count)++ ? ", " : "", a->show[i]);
	}
}

/* ---- features ---- */

static void title_tokens(const char *t, struct feat *f)
{
	size_t i = 0, n = strlen(t);

	while (i < n) {
		size_t k = i, up = 0;
		bool id = false;
		char low[64];

		if ((unsigned char)t[i] >= 0x80 || !is_ident_char(t[i])) {
			i++;
			continue;
		}
		while (k < n && (unsigned char)t[k] < 0x80 && is_ident_char(t[k])) {
			if (t[k] >= 'A' && t[k] <= 'Z')
				up++;
			if (t[k] == '_' || (t[k] >= '0' && t[k] <= '9'))
				id = true;
			k++;
		}
		if (up >= 2 || (k < n && t[k] == '(') || (i && t[i - 1] == '`'))
			id = true;
		if (k - i >= 2 && k - i < sizeof(low)) {
			size_t j;

			for (j = 0; j < k - i; j++)
				low[j] = t[i + j] >= 'A' && t[i + j] <= 'Z' ? t[i + j] + 32 : t[i + j];
			hs_add(&f->tok_all, low, k - i);
			if (id)
				hs_add(&f->tok_id, low, k - i);
		}
		i = k;
	}
}

/* A leading section number: "6.3 -", "2. ", "1)" */
static uint32_t title_number(const char *t)
{
	size_t n = strspn(t, "0123456789.");

	while (n && t[n - 1] == '.')
		n--;
	if (!n || !(t[0] >= '0' && t[0] <= '9'))
		return 0;
	if (t[strspn(t, "0123456789.")] && !strchr(" -)", t[strspn(t, "0123456789.")]))
		return 0;
	return hash_str(t, n) | 1;
}

/* What an item adds to the evidence of its section. */
static void item_feature(const struct tside *s, const struct oitem *it,
			 struct feat *x)
{
	char **ent, *t;
	size_t ne, k;

	switch (it->kind) {
	case OI_LABEL:
		t = label_norm(it->name, s->lang);
		hs_add(&x->lab, t, strlen(t));
		free(t);
		break;
	case OI_XREF:
		t = xref_norm(s, it);
		hs_add(&x->xref, t, strlen(t));
		free(t);
		break;
	case OI_CODE:
		if (*it->arg)
			hs_add(&x->code, it->arg, strlen(it->arg));
		break;
	case OI_DIRECTIVE:
		ne = toctree_entries(it, &ent);
		for (k = 0; k < ne; k++) {
			hs_add(&x->dir, ent[k], strlen(ent[k]));
			free(ent[k]);
		}
		free(ent);
		t = directive_sig(s, it);
		if (t)
			hs_add(&x->dir, t, strlen(t));
		free(t);
		break;
	}
}

static struct feat *features(const struct tside *s)
{
	struct feat *f = xcalloc(s->o.nsec ? s->o.nsec : 1, sizeof(*f));
	size_t i, j;

	for (i = 0; i < s->o.nsec; i++) {
		title_tokens(s->o.sec[i].title, &f[i]);
		f[i].number = title_number(s->o.sec[i].title);
		for (j = 0; j < s->ids[i].n; j++)
			hs_add(&f[i].ids, s->ids[i].name[j], strlen(s->ids[i].name[j]));
	}
	for (i = 0; i < s->o.nitem; i++)
		item_feature(s, &s->o.item[i],
			     &f[s->o.item[i].section < 0 ? 0 : s->o.item[i].section]);
	for (i = 0; i < s->o.nsec; i++) {
		hs_finish(&f[i].lab);
		hs_finish(&f[i].tok_id);
		hs_finish(&f[i].tok_all);
		hs_finish(&f[i].ids);
		hs_finish(&f[i].code);
		hs_finish(&f[i].dir);
		hs_finish(&f[i].xref);
	}
	return f;
}

static void features_free(struct feat *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(f[i].lab.v);
		free(f[i].tok_id.v);
		free(f[i].tok_all.v);
		free(f[i].ids.v);
		free(f[i].code.v);
		free(f[i].dir.v);
		free(f[i].xref.v);
	}
	free(f);
}

/* ---- scores ---- */

static double shared_score(const struct hset *a, const struct hset *b,
			   double each, double none)
{
	size_t k;

	if (!a->n || !b->n)
		return 0;
	k = hs_shared(a, b);
	return k ? each * k : none;
}

/*
 * The weights of the evidence that an original's section and a
 * translation's are the same section: what each shared (or missing)
 * feature adds to section_similarity(), in points; dp_align() pairs two
 * sections only when their total is positive.
 */
static const struct {
	double base;			/* no evidence at all: pair by order */
	double label, no_label;		/* per shared label; none shared */
	double token, no_token;		/* per shared rare token ("Sphinx") */
	double no_token_either;		/*   ... the translation has none at all */
	double number, other_number;	/* the same section number; another */
	double names;			/* the share of names in common, times this */
	double few_names;		/* less this, for six names or more */
	double code, no_code;		/* per shared code block; none shared */
	double same_code_count;		/* as many code blocks */
	double same_enums, same_bullets, same_tables;	/* as many of each */
	double directive, no_directive;	/* per shared directive argument */
	double xref;			/* per shared cross-reference */
	double level, other_level;	/* the same title level; another */
	double size, other_size;	/* lengths within 0.4x-2.5x; outside */
} W = {
	.base = 0.5,
	.label = 10, .no_label = -4,
	.token = 2.5, .no_token = -2, .no_token_either = -1,
	.number = 4, .other_number = -3,
	.names = 8.0, .few_names = 2.5,
	.code = 4, .no_code = -1,
	.same_code_count = 1.5,
	.same_enums = 1, .same_bullets = 1, .same_tables = 1,
	.directive = 3, .no_directive = -1,
	.xref = 1.5,
	.level = 1, .other_level = -1.5,
	.size = 1, .other_size = -1.5,
};

static double section_similarity(const struct osection *es, const struct feat *e,
				 const struct osection *ts, const struct feat *t)
{
	double s = W.base;
	size_t u, k;

	s += shared_score(&e->lab, &t->lab, W.label, W.no_label);
	k = hs_shared(&e->tok_all, &t->tok_all);	/* "Sphinx", "migrate_pages" */
	if (k)
		s += W.token * k;
	else if (e->tok_id.n)
		s += t->tok_all.n ? W.no_token : W.no_token_either;
	if (e->number && t->number)
		s += e->number == t->number ? W.number : W.other_number;
	u = e->ids.n + t->ids.n;
	if (u >= 2) {
		k = hs_shared(&e->ids, &t->ids);
		/* few names say little: a smaller penalty */
		s += W.names * k / (u - k) -
		     (u >= 6 ? W.few_names : W.few_names * u / 6);
	}
	s += shared_score(&e->code, &t->code, W.code, W.no_code);
	/* the same shape: as many code blocks, list items, tables */
	if (e->code.n && e->code.n == t->code.n)
		s += W.same_code_count;
	if (es->nenums && es->nenums == ts->nenums)
		s += W.same_enums;
	if (es->nbullets && es->nbullets == ts->nbullets)
		s += W.same_bullets;
	if (es->ntables && es->ntables == ts->ntables)
		s += W.same_tables;
	s += shared_score(&e->dir, &t->dir, W.directive, W.no_directive);
	s += shared_score(&e->xref, &t->xref, W.xref, 0);
	s += es->level == ts->level ? W.level : W.other_level;
	if (es->units > 15 && ts->units > 15) {
		double r = ts->units / es->units;

		s += r > 0.4 && r < 2.5 ? W.size : W.other_size;
	}
	return s;
}

/* ---- alignment ---- */

#define REORDER_MIN 5.0

static void dp_align(size_t m, size_t n, const double *score, struct alignment *a)
{
	double *best = xcalloc((m + 1) * (n + 1), sizeof(*best));
	size_t i, j;

#define B(x, y) best[(x) * (n + 1) + (y)]
#define S(x, y) score[(x) * n + (y)]
	for (i = m; i-- > 1;)
		for (j = n; j-- > 1;) {
			double v = B(i + 1, j) > B(i, j + 1) ? B(i + 1, j) : B(i, j + 1);

			if (S(i, j) > 0 && S(i, j) + B(i + 1, j + 1) > v)
				v = S(i, j) + B(i + 1, j + 1);
			B(i, j) = v;
		}
	for (i = 1, j = 1; i < m && j < n;) {
		if (S(i, j) > 0 && B(i, j) == S(i, j) + B(i + 1, j + 1)) {
			a->t_of_e[i] = (int)j;
			a->e_of_t[j] = (int)i;
			i++;
			j++;
		} else if (B(i + 1, j) >= B(i, j + 1)) {
			i++;
		} else {
			j++;
		}
	}
#undef B
#undef S
	free(best);
}

/* Strong pairs among the sections left over: moved. */
static void reordered(size_t m, size_t n, const double *score, struct alignment *a)
{
	for (;;) {
		double top = REORDER_MIN;
		size_t i, j, bi = 0, bj = 0;

		for (i = 1; i < m; i++) {
			if (a->t_of_e[i] >= 0)
				continue;
			for (j = 1; j < n; j++)
				if (a->e_of_t[j] < 0 && score[i * n + j] >= top) {
					top = score[i * n + j];
					bi = i;
					bj = j;
				}
		}
		if (!bi)
			return;
		a->t_of_e[bi] = (int)bj;
		a->e_of_t[bj] = (int)bi;
		a->moved[bi] = true;
	}
}

/* For each original section left over: the translation's at its place. */
static void places(size_t m, size_t n, const double *score, struct alignment *a)
{
	size_t i, j;

	for (i = 1; i < m; i++) {
		int lo = 0, hi = (int)n;
		double top = -1e9;
		size_t k;

		a->near_t[i] = -1;
		if (a->t_of_e[i] >= 0)
			continue;
		for (k = i; k-- > 0;)
			if (a->t_of_e[k] >= 0 && !a->moved[k]) {
				lo = a->t_of_e[k];
				break;
			}
		for (k = i + 1; k < m; k++)
			if (a->t_of_e[k] >= 0 && !a->moved[k]) {
				hi = a->t_of_e[k];
				break;
			}
		for (j = lo + 1; (int)j < hi; j++)
			if (a->e_of_t[j] < 0 && score[i * n + j] > top) {
				top = score[i * n + j];
				a->near_t[i] = (int)j;
			}
	}
}

/*
 * The alignment scores every pair of sections and keeps a table of the
 * same size: past this many pairs (a page of 2,000 sections against one
 * as long; the largest pair of 7.3's translations has 78 x 78 sections,
 * pt_BR/process/changes.rst), sections
 * are paired by their position, and the translation says so.
 */
#define ALIGN_PAIRS_MAX (1u << 22)

static void align_in_order(size_t m, size_t n, struct alignment *a)
{
	size_t i;

	a->in_order = true;
	a->score = xcalloc(m ? m : 1, sizeof(*a->score));
	for (i = 0; i < m && i < n; i++) {
		a->t_of_e[i] = (int)i;
		a->e_of_t[i] = (int)i;
	}
}

void align_sections(const struct tside *e, const struct tside *t,
		    struct alignment *a)
{
	size_t m = e->o.nsec, n = t->o.nsec, i, j;
	struct feat *fe, *ft;
	double *score;

	memset(a, 0, sizeof(*a));
	a->t_of_e = xmalloc((m ? m : 1) * sizeof(int));
	a->e_of_t = xmalloc((n ? n : 1) * sizeof(int));
	a->moved = xcalloc(m ? m : 1, sizeof(bool));
	a->near_t = xmalloc((m ? m : 1) * sizeof(int));
	for (i = 0; i < m; i++)
		a->t_of_e[i] = a->near_t[i] = -1;
	for (j = 0; j < n; j++)
		a->e_of_t[j] = -1;
	if ((uint64_t)m * n > ALIGN_PAIRS_MAX) {
		align_in_order(m, n, a);
		return;
	}
	fe = features(e);
	ft = features(t);
	score = xcalloc(m && n ? m * n : 1, sizeof(*score));
	for (i = 1; i < m; i++)
		for (j = 1; j < n; j++)
			score[i * n + j] = section_similarity(&e->o.sec[i], &fe[i],
							      &t->o.sec[j], &ft[j]);
	if (m && n) {	/* the parts before the first titles */
		a->t_of_e[0] = 0;
		a->e_of_t[0] = 0;
	}
	dp_align(m, n, score, a);
	reordered(m, n, score, a);
	places(m, n, score, a);
	a->score = xcalloc(m ? m : 1, sizeof(*a->score));
	for (i = 1; i < m; i++)
		if (a->t_of_e[i] > 0)
			a->score[i] = score[i * n + a->t_of_e[i]];
	free(score);
	features_free(fe, m);
	features_free(ft, n);
}

/* ---- comparing a pair ---- */

static void add_diff(struct alignment *a, enum diff_kind k, int es, int ts,
		     int line, int col, int eline, const char *name,
		     const char *fmt, ...) __attribute__((format(printf, 9, 10)));

static void add_diff(struct alignment *a, enum diff_kind k, int es, int ts,
		     int line, int col, int eline, const char *name,
		     const char *fmt, ...)
{
	struct sdiff *d;
	va_list ap;

	GROW(a->d, a->nd, a->cap, 16);
	d = &a->d[a->nd++];
	d->kind = k;
	d->esec = es;
	d->tsec = ts;
	d->line = line;
	d->col = col;
	d->eline = eline;
	d->name = xstrdup(name);
	va_start(ap, fmt);
	d->what = xvstrfmt(fmt, ap);
	va_end(ap);
}

/* Items of one kind of section @sec, with their normalized keys. */
struct keyed {
	const struct oitem *it;
	char *key;
	bool used;
};

/* Runs of white space after the indentation count as one space. */
static char *code_key(const char *s)
{
	struct buf b = { 0 };
	bool lead = true, sp = false;

	buf_add(&b, "", 0);
	for (; *s; s++) {
		if (*s == '\n') {
			buf_addc(&b, '\n');
			lead = true;
			sp = false;
		} else if (*s == ' ' || *s == '\t') {
			if (lead)
				buf_addc(&b, ' ');
			else
				sp = true;
		} else {
			if (sp)
				buf_addc(&b, ' ');
			buf_addc(&b, *s);
			lead = sp = false;
		}
	}
	return b.data;
}

/* Without comments, white space and non-ASCII text. */
static char *code_skeleton(const char *s)
{
	struct buf b = { 0 };

	buf_add(&b, "", 0);
	while (*s) {
		if (s[0] == '/' && s[1] == '*') {
			const char *e = strstr(s + 2, "*/");

			s = e ? e + 2 : s + strlen(s);
		} else if (s[0] == '/' && s[1] == '/') {
			while (*s && *s != '\n')
				s++;
		} else {
			if ((unsigned char)*s < 0x80 && *s != ' ' && *s != '\t' && *s != '\n')
				buf_addc(&b, *s);
			s++;
		}
	}
	return b.data;
}

/* The code-like names of a block: with '_' or followed by '(' */
static void code_names(const char *s, struct hset *h)
{
	while (*s) {
		size_t n = 0;
		bool code = false;

		if (!is_ident_start(*s)) {
			while (is_ident_char(*s))
				s++;	/* a number, or a name glued to it */
			if (*s)
				s++;
			continue;
		}
		while (is_ident_char(s[n])) {
			code |= s[n] == '_';
			n++;
		}
		code |= s[n] == '(';
		if (code)
			hs_add(h, s, n);
		s += n;
	}
	hs_finish(h);
}

/* Code whose translation changed only comments or prose in it. */
static bool same_code(const char *a, const char *b)
{
	char *x = code_skeleton(a), *y = code_skeleton(b);
	bool same = !strcmp(x, y);
	struct hset p = { 0 }, q = { 0 };

	free(x);
	free(y);
	if (same)
		return true;
	code_names(a, &p);
	code_names(b, &q);
	same = p.n == q.n && (!p.n || !memcmp(p.v, q.v, p.n * sizeof(*p.v)));
	free(p.v);
	free(q.v);
	return same;
}

/* Bytes of @s (@n long) that make at most @max columns, whole characters. */
static int clip(const char *s, size_t n, size_t max)
{
	size_t i, cols = 0;

	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++cols > max)
			break;
	}
	return (int)i;
}

static size_t collect(const struct tside *s, int sec, enum oitem_kind k,
		      struct keyed **out)
{
	size_t i, n = 0;
	struct keyed *v = NULL;

	for (i = 0; i < s->o.nitem; i++) {
		const struct oitem *it = &s->o.item[i];
		char *key;

		if (it->section != sec || it->kind != k)
			continue;
		switch (k) {
		case OI_LABEL:
			key = label_norm(it->name, s->lang);
			break;
		case OI_XREF:
			key = xref_norm(s, it);
			break;
		case OI_DIRECTIVE:
			key = directive_sig(s, it);
			break;
		default:
			key = code_key(it->arg);
		}
		if (!key)
			continue;
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = (struct keyed){ it, key, false };
	}
	*out = v;
	return n;
}

static void keyed_free(struct keyed *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

/* Pair equal keys; returns the unpaired count of @a. */
static void pair_keys(struct keyed *a, size_t na, struct keyed *b, size_t nb)
{
	size_t i, j;

	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (!b[j].used && !strcmp(a[i].key, b[j].key)) {
				a[i].used = b[j].used = true;
				break;
			}
}

static int title_line(const struct tside *s, int sec)
{
	return s->o.sec[sec].line;
}

static const char *role_of(const char *key)
{
	return !strncmp(key, "doc:", 4) ? "doc" : !strncmp(key, "kunit:", 6) ? "kunit" : "ref";
}

/* "label 'foo'", ":ref:`foo`", "'.. literalinclude:: a.c'" */
static void show_item(const struct keyed *k, struct buf *b)
{
	const struct oitem *it = k->it;

	if (it->kind == OI_LABEL)
		buf_addf(b, "label '%s'", it->name);
	else if (it->kind == OI_XREF)
		buf_addf(b, ":%s:`%s`", role_of(k->key), it->arg);
	else
		buf_addf(b, "'.. %s:: %s'", it->name, it->arg);
}

/* Labels, cross references or directives on one side of a pair only. */
static void cmp_items(const struct tside *e, const struct tside *t, int es,
		      int ts, enum oitem_kind kind, struct alignment *a)
{
	static const char *const same_options = ", or not with the same options";
	enum diff_kind dk = kind == OI_LABEL ? DF_LABEL : kind == OI_XREF ? DF_XREF :
			    DF_DIRECTIVE;
	struct keyed *x, *y;
	size_t nx = collect(e, es, kind, &x), ny = collect(t, ts, kind, &y), i;
	struct buf b = { 0 };

	pair_keys(x, nx, y, ny);
	for (i = 0; i < nx + ny; i++) {
		const struct keyed *k = i < nx ? &x[i] : &y[i - nx];
		const char *name = kind == OI_XREF ? k->key : k->it->name;

		if (k->used)
			continue;
		b.len = 0;
		show_item(k, &b);
		if (i < nx) {
			buf_addf(&b, " of the original (line %d) is not in this section",
				 k->it->line);
			if (kind == OI_LABEL)
				buf_addf(&b, " (expected '.. _%s%s%s:')", t->lang ? t->lang : "",
					 t->lang ? "-" : "", k->it->name);
		} else {
			buf_addstr(&b, " is not in the original's section");
		}
		if (kind == OI_DIRECTIVE)
			buf_addstr(&b, same_options);
		if (i < nx)
			add_diff(a, dk, es, ts, title_line(t, ts), 1, k->it->line, name,
				 "%s", b.data);
		else
			add_diff(a, dk, es, ts, k->it->line, k->it->col, 0, name, "%s", b.data);
	}
	buf_free(&b);
	keyed_free(x, nx);
	keyed_free(y, ny);
}

static size_t section_entries(const struct tside *s, int sec, char ***out)
{
	size_t i, n = 0;

	*out = NULL;
	for (i = 0; i < s->o.nitem; i++) {
		char **e;
		size_t k, ne;

		if (s->o.item[i].section != sec)
			continue;
		ne = toctree_entries(&s->o.item[i], &e);
		*out = xrealloc(*out, (n + ne + 1) * sizeof(char *));
		for (k = 0; k < ne; k++)
			(*out)[n++] = e[k];
		free(e);
	}
	return n;
}

static void entries_minus(char **a, size_t na, char **b, size_t nb, struct buf *out,
			  size_t *count)
{
	size_t i, j;

	*count = 0;
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb && strcmp(a[i], b[j]); j++)
			;
		if (j == nb)
			buf_addf(out, "%s%s", (*count)++ ? ", " : "", a[i] + 8);
	}
}

static void cmp_toctree(const struct tside *e, const struct tside *t, int es,
			int ts, struct alignment *a)
{
	char **x, **y;
	size_t nx = section_entries(e, es, &x), ny = section_entries(t, ts, &y), n, i;
	struct buf b = { 0 };
	int l = title_line(t, ts);

	entries_minus(x, nx, y, ny, &b, &n);
	if (n)
		add_diff(a, DF_DIRECTIVE, es, ts, l, 1, e->o.sec[es].line, "toctree",
			 "%zu page%s of the original's toctree %s not in this section's: %s",
			 n, n == 1 ? "" : "s", n == 1 ? "is" : "are", b.data);
	b.len = 0;
	entries_minus(y, ny, x, nx, &b, &n);
	if (n)
		add_diff(a, DF_DIRECTIVE, es, ts, l, 1, e->o.sec[es].line, "toctree",
			 "%zu page%s of this section's toctree %s not in the original's: %s",
			 n, n == 1 ? "" : "s", n == 1 ? "is" : "are", b.data);
	for (i = 0; i < nx; i++)
		free(x[i]);
	for (i = 0; i < ny; i++)
		free(y[i]);
	free(x);
	free(y);
	buf_free(&b);
}

/* First line where two code blocks differ, from 1. */
static int first_diff(const char *a, const char *b, const char **la, size_t *na,
		      const char **lb, size_t *nb)
{
	int line = 1;

	for (;;) {
		const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
		size_t xa = ea ? (size_t)(ea - a) : strlen(a);
		size_t xb = eb ? (size_t)(eb - b) : strlen(b);

		if (xa != xb || memcmp(a, b, xa) || !ea != !eb) {
			*la = a;
			*na = xa;
			*lb = b;
			*nb = xb;
			return line;
		}
		if (!ea)
			return 0;
		a = ea + 1;
		b = eb + 1;
		line++;
	}
}

static void cmp_code(const struct tside *e, const struct tside *t, int es,
		     int ts, struct alignment *a)
{
	struct keyed *x, *y;
	size_t nx = collect(e, es, OI_CODE, &x), ny = collect(t, ts, OI_CODE, &y), i, j = 0;

	pair_keys(x, nx, y, ny);
	/* in order, an unpaired block of each side is the same block changed */
	for (i = 0; i < nx; i++) {
		const char *la = "", *lb = "";
		size_t na = 0, nb = 0;
		int k;

		if (x[i].used)
			continue;
		while (j < ny && y[j].used)
			j++;
		if (j == ny) {
			add_diff(a, DF_CODE, es, ts, title_line(t, ts), 1, x[i].it->line, "code",
				 "code block of the original (line %d) is not here", x[i].it->line);
			continue;
		}
		y[j].used = true;
		if (same_code(x[i].key, y[j].key))
			continue;	/* comments or prose translated */
		k = first_diff(x[i].key, y[j].key, &la, &na, &lb, &nb);
		add_diff(a, DF_CODE, es, ts, y[j].it->line, 1, x[i].it->line, "code",
			 "code block differs from the original's (line %d): its line %d is "
			 "'%.*s' here, '%.*s' there", x[i].it->line, k,
			 clip(lb, nb, 72), lb, clip(la, na, 72), la);
	}
	for (; j < ny; j++)
		if (!y[j].used)
			add_diff(a, DF_CODE, es, ts, y[j].it->line, 1, 0, "code",
				 "code block is not in the original's section");
	keyed_free(x, nx);
	keyed_free(y, ny);
}

static void cmp_counts(const struct tside *e, const struct tside *t, int es,
		       int ts, struct alignment *a)
{
	const struct osection *x = &e->o.sec[es], *y = &t->o.sec[ts];
	int l = title_line(t, ts);

	if (x->level != y->level)
		add_diff(a, DF_LEVEL, es, ts, l, 1, x->line, "level",
			 "section level %d, the original's is %d", y->level, x->level);
	if (x->nenums != y->nenums)
		add_diff(a, DF_LIST, es, ts, l, 1, x->line, "enumerated",
			 "%d numbered list items, the original's section has %d",
			 y->nenums, x->nenums);
	if (x->nbullets != y->nbullets)
		add_diff(a, DF_LIST, es, ts, l, 1, x->line, "bullets",
			 "%d bulleted list items, the original's section has %d",
			 y->nbullets, x->nbullets);
	if (x->ntables != y->ntables)
		add_diff(a, DF_TABLE, es, ts, l, 1, x->line, "tables",
			 "%d tables, the original's section has %d", y->ntables, x->ntables);
}

/* @name as a whole word in the lines of section @sec */
static bool section_has_word(const struct outline *o, int sec, const char *name)
{
	const struct osection *s = &o->sec[sec];
	size_t n = strlen(name), from, to;
	const char *p, *end;

	if (!o->nlines || s->line < 1)
		return false;
	from = o->lofs[s->line - 1];
	to = s->end >= 1 && s->end <= o->nlines ? o->lofs[s->end - 1] + o->llen[s->end - 1] : o->len;
	end = o->text + to;
	for (p = o->text + from; p && p + n <= end; p++) {
		p = memmem(p, end - p, name, n);
		if (!p)
			break;
		if ((p == o->text || !is_ident_char(p[-1])) && !is_ident_char(p[n]))
			return true;
	}
	return false;
}

/* The names of @a's section that @b's neither has nor writes. */
static void ids_minus(const struct tside *a, int as, const struct tside *b, int bs,
		      struct buf *out, size_t *count)
{
	const struct idset *x = &a->ids[as], *y = &b->ids[bs];
	struct idset keep = { .name = xmalloc((x->n + 1) * sizeof(char *)),
			      .show = xmalloc((x->n + 1) * sizeof(char *)) };
	size_t i;

	for (i = 0; i < x->n; i++)
		if (!section_has_word(&b->o, bs, x->name[i])) {
			keep.name[keep.n] = x->name[i];
			keep.show[keep.n++] = x->show[i];
		}
	idset_minus(&keep, y, out, count);
	free(keep.name);
	free(keep.show);
}

static void cmp_ids(const struct tside *e, const struct tside *t, int es,
		    int ts, struct alignment *a)
{
	struct buf b = { 0 };
	size_t n;
	int l = title_line(t, ts);

	ids_minus(e, es, t, ts, &b, &n);
	if (n)
		add_diff(a, DF_IDENT, es, ts, l, 1, e->o.sec[es].line, "missing",
			 "%zu name%s of the original's section %s not here: %s", n,
			 n == 1 ? "" : "s", n == 1 ? "is" : "are", b.data);
	b.len = 0;
	ids_minus(t, ts, e, es, &b, &n);
	if (n)
		add_diff(a, DF_IDENT, es, ts, l, 1, e->o.sec[es].line, "extra",
			 "%zu name%s here %s not in the original's section: %s", n,
			 n == 1 ? "" : "s", n == 1 ? "is" : "are", b.data);
	buf_free(&b);
}

void align_compare(const struct tside *e, const struct tside *t,
		   struct alignment *a)
{
	size_t i;

	for (i = 0; i < e->o.nsec; i++) {
		int j = a->t_of_e[i];

		if (j < 0)
			continue;
		if (i > 0)
			cmp_counts(e, t, (int)i, j, a);
		cmp_items(e, t, (int)i, j, OI_LABEL, a);
		cmp_items(e, t, (int)i, j, OI_XREF, a);
		cmp_items(e, t, (int)i, j, OI_DIRECTIVE, a);
		cmp_toctree(e, t, (int)i, j, a);
		cmp_code(e, t, (int)i, j, a);
		cmp_ids(e, t, (int)i, j, a);
	}
}

void alignment_free(struct alignment *a)
{
	size_t i;

	for (i = 0; i < a->nd; i++) {
		free(a->d[i].what);
		free(a->d[i].name);
	}
	free(a->d);
	free(a->t_of_e);
	free(a->e_of_t);
	free(a->moved);
	free(a->near_t);
	free(a->score);
	memset(a, 0, sizeof(*a));
}
