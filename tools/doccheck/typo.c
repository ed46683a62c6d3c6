// SPDX-License-Identifier: GPL-2.0
/*
 * Was a section's change only typo-level?  Without the old text, the
 * stamp's fingerprint still knows the old number of loose words N, their
 * sequence hash L and the sum S of their hashes.  If N is unchanged and
 * one word w was edited into w', then S_old - S_new = h(old) - h(w'):
 * trying every one-character edit v of every current word (deletion,
 * swap of neighbours, substitution, insertion over [a-z0-9_]) finds the
 * v with h(v) = S_old - S_new + h(w'), and L confirms it.  Two edited
 * words are found the same way, meeting in the middle over a table of
 * h(v) - h(w') for every word and edit.  The old word is recovered, so
 * the review can show it.
 *
 * An edit is typo-level when it is in prose, the current word is a plain
 * word (letters only, no identifier markup, no camelCase) and the longer
 * of the two has at least four letters.
 */
#include <stdlib.h>
#include <string.h>

#include "trans.h"

static const char alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
#define NALPHA (sizeof(alpha) - 1)
/* Above this many candidate edits, two-word edits are not searched. */
#define PAIR_LIMIT 3000000u

static size_t nvariants(size_t m)
{
	return m + (m ? m - 1 : 0) + m * NALPHA + (m + 1) * NALPHA;
}

/* Edit number @k of word @w (@m bytes) into @out; false if it is @w. */
static bool variant(const char *w, size_t m, size_t k, char *out, size_t *on)
{
	size_t i;

	if (k < m) {				/* delete w[k] */
		memcpy(out, w, k);
		memcpy(out + k, w + k + 1, m - k - 1);
		*on = m - 1;
		return m > 1;
	}
	k -= m;
	if (m && k < m - 1) {			/* swap w[k], w[k + 1] */
		memcpy(out, w, m);
		out[k] = w[k + 1];
		out[k + 1] = w[k];
		*on = m;
		return w[k] != w[k + 1];
	}
	k -= m ? m - 1 : 0;
	if (k < m * NALPHA) {			/* substitute */
		i = k / NALPHA;
		memcpy(out, w, m);
		out[i] = alpha[k % NALPHA];
		*on = m;
		return out[i] != w[i];
	}
	k -= m * NALPHA;
	i = k / NALPHA;				/* insert before w[i] */
	memcpy(out, w, i);
	out[i] = alpha[k % NALPHA];
	memcpy(out + i + 1, w + i, m - i);
	*on = m + 1;
	return !(i > 0 && w[i - 1] == out[i]);	/* counted once */
}

static bool ascii_word(const struct word *wd)
{
	uint32_t i;

	for (i = 0; i < wd->ln; i++)
		if ((unsigned char)wd->loose[i] >= 0x80)
			return false;
	return wd->ln < 64;
}

/* L of the words with word @a replaced by @va (and @b by @vb, if set) */
static uint32_t loose_with(const struct words *w, size_t a, const char *va,
			   size_t na, size_t b, const char *vb, size_t nb)
{
	uint32_t h = HASH_INIT;
	size_t i;

	for (i = 0; i < w->n; i++) {
		const char *s = w->v[i].loose;
		size_t n = w->v[i].ln;

		if (i == a) {
			s = va;
			n = na;
		} else if (vb && i == b) {
			s = vb;
			n = nb;
		}
		h = hash_add(hash_add(h, s, n), " ", 1);
	}
	return h;
}

static int one_edit(const struct sfp *old, const struct words *w, uint32_t d,
		    struct wedit ed[TYPO_MAX])
{
	char v[72];
	size_t i, k, vn;

	for (i = 0; i < w->n; i++) {
		const struct word *wd = &w->v[i];
		uint32_t target = d + hash_str(wd->loose, wd->ln);

		if (!ascii_word(wd))
			continue;
		for (k = 0; k < nvariants(wd->ln); k++) {
			if (!variant(wd->loose, wd->ln, k, v, &vn) ||
			    hash_str(v, vn) != target)
				continue;
			if (loose_with(w, i, v, vn, 0, NULL, 0) == old->loose) {
				ed[0].pos = i;
				ed[0].old = xstrndup(v, vn);
				return 1;
			}
		}
	}
	return 0;
}

struct cand {
	uint32_t key;		/* h(v) - h(w) */
	uint32_t pos;
	uint32_t k;		/* edit number */
};

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static size_t lower_bound(const struct cand *c, size_t n, uint32_t key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool try_pair(const struct sfp *old, const struct words *w,
		     const struct cand *a, const struct cand *b,
		     struct wedit ed[TYPO_MAX])
{
	char va[72], vb[72];
	size_t na, nb;

	if (a->pos >= b->pos)
		return false;
	variant(w->v[a->pos].loose, w->v[a->pos].ln, a->k, va, &na);
	variant(w->v[b->pos].loose, w->v[b->pos].ln, b->k, vb, &nb);
	if (loose_with(w, a->pos, va, na, b->pos, vb, nb) != old->loose)
		return false;
	ed[0].pos = a->pos;
	ed[0].old = xstrndup(va, na);
	ed[1].pos = b->pos;
	ed[1].old = xstrndup(vb, nb);
	return true;
}

static int two_edits(const struct sfp *old, const struct words *w, uint32_t d,
		     struct wedit ed[TYPO_MAX])
{
	struct cand *c;
	size_t total = 0, n = 0, i, k, vn;
	char v[72];
	int found = 0;

	for (i = 0; i < w->n; i++)
		if (ascii_word(&w->v[i]))
			total += nvariants(w->v[i].ln);
	if (total > PAIR_LIMIT || !total)
		return 0;
	c = xmalloc(total * sizeof(*c));
	for (i = 0; i < w->n; i++) {
		uint32_t hw = hash_str(w->v[i].loose, w->v[i].ln);

		if (!ascii_word(&w->v[i]))
			continue;
		for (k = 0; k < nvariants(w->v[i].ln); k++)
			if (variant(w->v[i].loose, w->v[i].ln, k, v, &vn))
				c[n++] = (struct cand){ hash_str(v, vn) - hw, i, k };
	}
	qsort(c, n, sizeof(*c), cand_cmp);
	for (i = 0; i < n && !found; i++) {
		uint32_t want = d - c[i].key;
		size_t j = lower_bound(c, n, want);

		for (; j < n && c[j].key == want; j++)
			if (try_pair(old, w, &c[i], &c[j], ed)) {
				found = 2;
				break;
			}
	}
	free(c);
	return found;
}

int typo_recover(const struct sfp *old, const struct words *w,
		 struct wedit ed[TYPO_MAX])
{
	uint32_t d;
	int got;

	if (old->nwords != w->n || !w->n)
		return 0;
	d = old->loose_sum - words_loose_sum(w);
	got = one_edit(old, w, d, ed);
	if (!got)
		got = two_edits(old, w, d, ed);
	return got;
}

/* A word of prose that a typo fix may touch: no identifier, no markup. */
static bool plain(const struct word *wd)
{
	uint32_t i;

	if (wd->code)
		return false;
	for (i = 0; i < wd->ln; i++)
		if (wd->loose[i] < 'a' || wd->loose[i] > 'z')
			return false;
	for (i = 0; i < wd->n; i++) {
		char c = wd->s[i];

		if (strchr("`_()<>/|=[]{}", c))
			return false;
		if (i > 0 && c >= 'A' && c <= 'Z' && wd->s[i - 1] >= 'a' &&
		    wd->s[i - 1] <= 'z')
			return false;	/* camelCase */
	}
	return true;
}

bool typo_trivial(const struct words *w, const struct wedit *ed)
{
	const struct word *wd = &w->v[ed->pos];
	size_t on = strlen(ed->old);

	if (!plain(wd))
		return false;
	if (strspn(ed->old, "abcdefghijklmnopqrstuvwxyz") != on)
		return false;
	return (on > wd->ln ? on : wd->ln) >= 4;
}
