// SPDX-License-Identifier: GPL-2.0
/*
 * Fingerprints of the sections of an original, as a sync stamp keeps
 * them, so that "which sections changed since the sync" can be told
 * without the old text.
 *
 * The words of a section are the white-space separated tokens of its
 * blocks, comments and header fields left out.  Each word has an exact
 * form (its bytes) and a loose form: for prose (text and titles) ASCII
 * letters in lower case and ASCII punctuation other than '_' removed; for
 * code, directives and labels the exact form.  Words whose loose form is
 * empty (a dash, an underline) count only in the exact hash.
 *
 *   N  number of loose words
 *   E  FNV-1a (32 bits) of every exact word followed by one space
 *   L  the same over the loose words
 *   S  sum modulo 2^32 of the FNV-1a of each loose word (no space)
 *   b  per block, E of the block's words folded to 16 bits
 *
 * E equal: at most white space changed.  L equal: at most punctuation
 * and case.  S with N and L lets typo.c find the old form of up to two
 * words edited by one character each.
 */
#include <stdlib.h>
#include <string.h>

#include "trans.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

static bool prose_block(enum blk_kind k)
{
	return k == BK_TEXT || k == BK_TITLE;
}

static bool counted_block(enum blk_kind k)
{
	return k != BK_COMMENT && k != BK_FIELD;
}

static char *loosen(const char *s, size_t n, uint32_t *ln)
{
	char *out = xmalloc(n + 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c >= 'A' && c <= 'Z')
			out[k++] = c - 'A' + 'a';
		else if (c >= 0x80 || is_ident_char(c))
			out[k++] = c;
	}
	out[k] = '\0';
	*ln = k;
	return out;
}

static void add_word(struct words *w, const char *s, size_t n, bool code)
{
	struct word *wd;
	uint32_t ln;
	char *loose;

	w->e = hash_add(hash_add(w->e, s, n), " ", 1);
	if (code) {
		loose = xstrndup(s, n);
		ln = n;
	} else {
		loose = loosen(s, n, &ln);
	}
	if (!ln) {
		free(loose);
		return;
	}
	GROW(w->v, w->n, w->cap, 256);
	wd = &w->v[w->n++];
	wd->s = s;
	wd->n = n;
	wd->loose = loose;
	wd->ln = ln;
	wd->code = code;
}

static void block_words(const struct outline *o, const struct oblock *b,
			struct words *w)
{
	const char *p = o->text + b->start, *end = o->text + b->stop;

	while (p < end) {
		const char *q;

		while (p < end && is_space(*p))
			p++;
		for (q = p; q < end && !is_space(*q); q++)
			;
		if (q > p)
			add_word(w, p, q - p, !prose_block(b->kind));
		p = q;
	}
}

void words_of_section(const struct outline *o, int sec, struct words *w)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	w->e = HASH_INIT;
	for (i = 0; i < o->nblk; i++)
		if (o->blk[i].section == sec && counted_block(o->blk[i].kind))
			block_words(o, &o->blk[i], w);
}

void words_free(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i].loose);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

uint32_t words_loose_hash(const struct words *w)
{
	uint32_t h = HASH_INIT;
	size_t i;

	for (i = 0; i < w->n; i++)
		h = hash_add(hash_add(h, w->v[i].loose, w->v[i].ln), " ", 1);
	return h;
}

uint32_t words_loose_sum(const struct words *w)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i < w->n; i++)
		s += hash_str(w->v[i].loose, w->v[i].ln);
	return s;
}

static uint16_t fold(uint32_t h)
{
	return (uint16_t)((h >> 16) ^ (h & 0xffff));
}

uint16_t block_hash(const struct outline *o, const struct oblock *b)
{
	struct words w = { .e = HASH_INIT };
	uint16_t h;

	block_words(o, b, &w);
	h = fold(w.e);
	words_free(&w);
	return h;
}

/* The exact words of a translation's section, folded: "was it edited?" */
uint16_t tsection_hash(const struct outline *o, int sec)
{
	struct words w;
	uint16_t h;

	words_of_section(o, sec, &w);
	h = fold(w.e);
	words_free(&w);
	return h;
}

void sfp_compute(const struct outline *o, int sec, struct sfp *f)
{
	struct words w;
	size_t i, k = 0;

	memset(f, 0, sizeof(*f));
	words_of_section(o, sec, &w);
	f->key = xstrdup(o->sec[sec].key);
	f->level = o->sec[sec].level;
	f->nwords = (uint32_t)w.n;
	f->exact = w.e;
	f->loose = words_loose_hash(&w);
	f->loose_sum = words_loose_sum(&w);
	words_free(&w);
	for (i = 0; i < o->nblk; i++)
		if (o->blk[i].section == sec && counted_block(o->blk[i].kind))
			k++;
	f->blocks = xcalloc(k, sizeof(*f->blocks));
	for (i = 0; i < o->nblk; i++)
		if (o->blk[i].section == sec && counted_block(o->blk[i].kind))
			f->blocks[f->nblocks++] = block_hash(o, &o->blk[i]);
}

void sfp_free(struct sfp *f)
{
	free(f->key);
	free(f->blocks);
	memset(f, 0, sizeof(*f));
}
