// SPDX-License-Identifier: GPL-2.0
/*
 * The terms of a translation (doccheck -T --glossary FILE, or the
 * glossary doccheck ships for the page's language): for each section
 * of the original that uses a term, the translation's section must use
 * the agreed word, and not a rejected one:
 *
 *   isolate|isolated|isolation<TAB>隔离<TAB>孤立
 *   compaction<TAB>内存规整|规整         (variants of the agreed word)
 *
 * A rejected word is judged only where the original uses the term, so
 * that 压缩 may still say "compressed" where the original says so.  The
 * prose is compared, not code, literals or directives.
 */
#include <stdlib.h>
#include <string.h>

#include "trans.h"

static void split_list(char *s, char sep, char ***out, size_t *n)
{
	char *p = s;

	*out = NULL;
	*n = 0;
	while (p && *p) {
		char *e = strchr(p, sep);

		if (e)
			*e = '\0';
		if (*p) {
			*out = xrealloc(*out, (*n + 1) * sizeof(**out));
			(*out)[(*n)++] = xstrdup(p);
		}
		p = e ? e + 1 : NULL;
	}
}

static void lower_forms(struct gterm *t)
{
	size_t k;
	char *c;

	for (k = 0; k < t->nforms; k++)
		for (c = t->forms[k]; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c += 'a' - 'A';
}

int glossary_load(struct glossary *g, const char *path)
{
	struct buf text = { 0 };
	char err[256], *p, *end;
	int lineno = 0;

	memset(g, 0, sizeof(*g));
	if (read_file(path, &text, err, sizeof(err)) < 0) {
		warnx_("%s: %s", path, err);
		return -1;
	}
	for (p = text.data, end = p + text.len; p < end;) {
		char *eol = memchr(p, '\n', end - p), *t1, *t2;
		struct gterm *t;

		lineno++;
		if (!eol)
			eol = end;
		*eol = '\0';
		if (*p && *p != '#') {
			t1 = strchr(p, '\t');
			if (!t1 || t1 == p || !t1[1]) {
				warnx_("%s:%d: not FORMS<TAB>AGREED[<TAB>REJECTED]", path, lineno);
				buf_free(&text);
				glossary_free(g);
				return -1;
			}
			*t1++ = '\0';
			t2 = strchr(t1, '\t');
			if (t2)
				*t2++ = '\0';
			g->v = xrealloc(g->v, (g->n + 1) * sizeof(*g->v));
			t = &g->v[g->n++];
			memset(t, 0, sizeof(*t));
			split_list(p, '|', &t->forms, &t->nforms);
			lower_forms(t);
			t->agreed = xstrdup(t1);
			split_list(t2, ',', &t->rejected, &t->nrejected);
		}
		p = eol + 1;
	}
	buf_free(&text);
	return 0;
}

void glossary_free(struct glossary *g)
{
	size_t i, k;

	for (i = 0; i < g->n; i++) {
		for (k = 0; k < g->v[i].nforms; k++)
			free(g->v[i].forms[k]);
		for (k = 0; k < g->v[i].nrejected; k++)
			free(g->v[i].rejected[k]);
		free(g->v[i].forms);
		free(g->v[i].rejected);
		free(g->v[i].agreed);
	}
	free(g->v);
	memset(g, 0, sizeof(*g));
}

/*
 * The prose of a section, each line's text with its inline literals
 * (``x``) and roles (:ref:`x`) blanked; lines of titles and text only.
 */
static void section_prose(const struct outline *o, int sec, struct buf *out,
			  struct buf *lines)
{
	int l;

	out->len = 0;
	lines->len = 0;
	for (l = o->sec[sec].line; l <= o->sec[sec].end && l <= o->nlines; l++) {
		unsigned char k = o->lkind[l - 1];
		size_t n, i, at = out->len;
		const char *s;
		bool lit = false;

		if (k != BK_TEXT && k != BK_TITLE)
			continue;
		s = outline_line(o, l, &n);
		for (i = 0; i < n; i++) {
			if (s[i] == '`') {
				/* ``literal`` and `role text`: one delimiter each */
				if (i + 1 < n && s[i + 1] == '`') {
					buf_addc(out, ' ');
					i++;
				}
				lit = !lit;
				buf_addc(out, ' ');
				continue;
			}
			buf_addc(out, lit ? ' ' : s[i]);
		}
		buf_addc(out, '\n');
		buf_add(lines, &at, sizeof(at));
		buf_add(lines, &l, sizeof(l));
	}
}

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* The English form (lower case) as a whole word of @text (lower case). */
static bool has_word(const char *text, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	for (p = text; (p = strstr(p, w)); p++)
		if ((p == text || !word_char(p[-1])) && !word_char(p[n]))
			return true;
	return false;
}

static bool uses_term(const struct gterm *t, const char *lower)
{
	size_t k;

	for (k = 0; k < t->nforms; k++)
		if (has_word(lower, t->forms[k]))
			return true;
	return false;
}

/* The line of the translation where @s first occurs in its prose. */
static int line_of(const struct buf *prose, const struct buf *lines, const char *at)
{
	size_t off = at - prose->data, i, rec = sizeof(size_t) + sizeof(int);
	int line = 0;

	for (i = 0; i + rec <= lines->len; i += rec) {
		size_t start;
		int l;

		memcpy(&start, lines->data + i, sizeof(start));
		memcpy(&l, lines->data + i + sizeof(start), sizeof(l));
		if (start > off)
			break;
		line = l;
	}
	return line;
}

/* AGREED may name variants: "内存规整|规整" (direct compaction is 直接规整) */
static bool has_agreed(const struct gterm *t, const struct buf *prose)
{
	const char *p = t->agreed;
	bool found = false;

	while (*p && !found) {
		size_t n = strcspn(p, "|");
		char *v = xstrndup(p, n);

		found = prose->data && strstr(prose->data, v);
		free(v);
		p += n;
		if (*p)
			p++;
	}
	return found;
}

void glossary_check(const struct glossary *g, const struct tdoc *td,
		    struct findings *fs)
{
	struct buf ep = { 0 }, tp = { 0 }, el = { 0 }, tl = { 0 };
	size_t i, k, r;

	for (i = 1; i < td->e.o.nsec; i++) {
		int ts = td->al.t_of_e[i];

		if (ts <= 0)
			continue;
		section_prose(&td->e.o, (int)i, &ep, &el);
		section_prose(&td->t.o, ts, &tp, &tl);
		for (k = 0; k < ep.len; k++)
			if (ep.data[k] >= 'A' && ep.data[k] <= 'Z')
				ep.data[k] += 'a' - 'A';
		for (k = 0; k < g->n; k++) {
			const struct gterm *t = &g->v[k];

			if (!ep.data || !uses_term(t, ep.data))
				continue;
			if (!has_agreed(t, &tp))
				findings_add(fs, td->doc->path, td->t.o.sec[ts].line, 1, false,
					     C_T_TERM, t->forms[0],
					     "'%s' of the original's section is '%s' in the "
					     "glossary, and this section does not have it",
					     t->forms[0], t->agreed);
			for (r = 0; r < t->nrejected; r++) {
				const char *at = tp.data ? strstr(tp.data, t->rejected[r]) : NULL;

				if (at)
					findings_add(fs, td->doc->path,
						     line_of(&tp, &tl, at), 1, false, C_T_TERM,
						     t->rejected[r],
						     "'%s' for '%s': the glossary's word is '%s'",
						     t->rejected[r], t->forms[0], t->agreed);
			}
		}
	}
	buf_free(&ep);
	buf_free(&tp);
	buf_free(&el);
	buf_free(&tl);
}
