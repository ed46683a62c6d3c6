// SPDX-License-Identifier: GPL-2.0
/*
 * Line diffs for the review: the change of an original's section since
 * the sync, a code block against its translation's.  Sections are short,
 * so a longest-common-subsequence table is fine; above a size limit the
 * whole range is shown as replaced.  Output: unified hunks with two
 * lines of context, each line after @prefix.
 */
#include <stdlib.h>
#include <string.h>

#include "trans.h"

#define CONTEXT 2
#define CELLS_MAX (4u << 20)

void textlines_split(struct textlines *tl, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t cap = count_lines(text, len) + 1;

	tl->count = 0;
	tl->s = xmalloc(cap * sizeof(*tl->s));
	tl->n = xmalloc(cap * sizeof(*tl->n));
	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		size_t n = (nl ? nl : end) - p;

		if (n && p[n - 1] == '\r')
			n--;
		tl->s[tl->count] = p;
		tl->n[tl->count++] = n;
		p = nl ? nl + 1 : end;
	}
}

void textlines_free(struct textlines *tl)
{
	free(tl->s);
	free(tl->n);
	memset(tl, 0, sizeof(*tl));
}

static bool same(const struct textlines *a, size_t i, const struct textlines *b,
		 size_t j)
{
	return a->n[i] == b->n[j] && !memcmp(a->s[i], b->s[j], a->n[i]);
}

/* ops: ' ' same, '-' only in a, '+' only in b; with the line indexes */
struct op {
	char c;
	size_t i, j;
};

static size_t script(const struct textlines *a, size_t a0, size_t a1,
		     const struct textlines *b, size_t b0, size_t b1,
		     struct op *ops)
{
	size_t n = a1 - a0, m = b1 - b0, i, j, k = 0;
	uint32_t *t;

	if ((n + 1) * (m + 1) > CELLS_MAX) {
		for (i = a0; i < a1; i++)
			ops[k++] = (struct op){ '-', i, b0 };
		for (j = b0; j < b1; j++)
			ops[k++] = (struct op){ '+', a1, j };
		return k;
	}
	t = xcalloc((n + 1) * (m + 1), sizeof(*t));
#define T(x, y) t[(x) * (m + 1) + (y)]
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;)
			T(i, j) = same(a, a0 + i, b, b0 + j) ? T(i + 1, j + 1) + 1 :
				  T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
	for (i = 0, j = 0; i < n || j < m;) {
		if (i < n && j < m && same(a, a0 + i, b, b0 + j)) {
			ops[k++] = (struct op){ ' ', a0 + i, b0 + j };
			i++;
			j++;
		} else if (i < n && (j == m || T(i + 1, j) >= T(i, j + 1))) {
			ops[k++] = (struct op){ '-', a0 + i, b0 + j };
			i++;
		} else {
			ops[k++] = (struct op){ '+', a0 + i, b0 + j };
			j++;
		}
	}
#undef T
	free(t);
	return k;
}

static void line_out(struct buf *out, const char *prefix, char c,
		     const char *s, size_t n)
{
	buf_addstr(out, prefix);
	buf_addc(out, c);
	buf_add(out, s, n);
	buf_addc(out, '\n');
}

void ldiff(const struct textlines *a, size_t a0, size_t a1,
	   const struct textlines *b, size_t b0, size_t b1,
	   const char *prefix, struct buf *out)
{
	struct op *ops = xmalloc((a1 - a0 + b1 - b0 + 1) * sizeof(*ops));
	size_t n = script(a, a0, a1, b, b0, b1, ops), k = 0;

	while (k < n) {
		size_t s, e, x, na = 0, nb = 0;

		while (k < n && ops[k].c == ' ')
			k++;
		if (k == n)
			break;
		/* a hunk: from CONTEXT before the change to CONTEXT after the last
		 * change that is at most 2 * CONTEXT lines from the next */
		s = k > CONTEXT ? k - CONTEXT : 0;
		e = k;
		for (x = k; x < n; x++) {
			if (ops[x].c != ' ')
				e = x;
			else if (x - e > 2 * CONTEXT)
				break;
		}
		e = e + CONTEXT + 1 < n ? e + CONTEXT + 1 : n;
		for (x = s; x < e; x++) {
			na += ops[x].c != '+';
			nb += ops[x].c != '-';
		}
		buf_addf(out, "%s@@ -%zu,%zu +%zu,%zu @@\n", prefix,
			 ops[s].i + 1, na, ops[s].j + 1, nb);
		for (x = s; x < e; x++) {
			if (ops[x].c == '+')
				line_out(out, prefix, '+', b->s[ops[x].j], b->n[ops[x].j]);
			else
				line_out(out, prefix, ops[x].c, a->s[ops[x].i], a->n[ops[x].i]);
		}
		k = e;
	}
	free(ops);
}
