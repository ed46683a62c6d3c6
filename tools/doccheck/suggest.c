// SPDX-License-Identifier: GPL-2.0
/*
 * Did-you-mean.  For each unknown name, the best of these candidates,
 * in order (score 10, 20, ...; one more when the lengths differ):
 *   1. the same letters, other case or underscores  (PageMovable ~ page_movable)
 *   2. the same words in another order              (__ClearMovablePage ~ __ClearPageMovable)
 *   3. one edit away (insert, delete, replace, swap; length >= 5)
 *   4. the name plus "_words"                       (PG_movable ~ PG_movable_ops)
 * Candidates are every name a scanned tree declared (the index's logs)
 * and every name of the older trees.  Keys make each candidate cost a
 * few lookups in small tables, not a comparison with every unknown.
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool is_up(char c)
{
	return c >= 'A' && c <= 'Z';
}

/*
 * The words of a name, case aside ("__ClearPageMovable": clear, page,
 * movable): their number, and in *@sum an order-free sum of their hashes
 * (the leading underscores count), so that a name with its words
 * reordered has the same sum.
 */
static int word_sum(const char *s, size_t n, uint64_t *sum)
{
	size_t i = 0;
	int count = 0;

	*sum = 0;
	while (i < n && s[i] == '_')
		i++;
	*sum = i * 0x9e3779b97f4a7c15ull;
	while (i < n) {
		size_t j = i + 1;
		uint64_t h = 1469598103934665603ull;

		if (s[i] == '_') {
			i++;
			continue;
		}
		while (j < n && s[j] != '_' && !(is_up(s[j]) && !is_up(s[j - 1])))
			j++;
		for (; i < j; i++) {
			h ^= (unsigned char)lower(s[i]);
			h *= 1099511628211ull;
		}
		*sum += h * 0xff51afd7ed558ccdull + (h >> 29);
		count++;
	}
	return count;
}

int word_count(const char *s)
{
	uint64_t sum;

	return word_sum(s, strlen(s), &sum);
}

uint64_t perm_key(const char *s, size_t n)
{
	uint64_t sum;

	return word_sum(s, n, &sum) > 1 ? sum | 1 : 0;
}

uint64_t skel_key(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '_')
			continue;
		h ^= (unsigned char)lower(s[i]);
		h *= 1099511628211ull;
	}
	return h | 1;
}

/* ---- the table of keys: 64-bit key -> list of unknowns ---- */

enum { KEY_SKEL = 1, KEY_PERM, KEY_EXACT, KEY_TYPO, KEY_PREFIX };

static uint64_t mix(uint64_t k, int tag)
{
	k ^= (uint64_t)tag * 0x9e3779b97f4a7c15ull;
	k ^= k >> 31;
	k *= 0xbf58476d1ce4e5b9ull;
	return k ^ (k >> 29);
}

/*
 * A bit per key: most candidates have none of the keys of the unknowns,
 * and the bit set (256 KB) answers that without touching the buckets.
 */
#define BLOOM_BITS (1u << 21)

static size_t bloom_bit(uint64_t k)
{
	return (k >> 40) & (BLOOM_BITS - 1);
}

static void add_key(struct suggest *sg, int tag, uint64_t k, size_t ui)
{
	struct skey *e;
	size_t i;

	k = mix(k, tag);
	if (sg->nkeys * 2 >= sg->nbuckets) {
		size_t nb = sg->nbuckets ? sg->nbuckets * 2 : 1024;

		free(sg->buckets);
		sg->buckets = xcalloc(nb, sizeof(*sg->buckets));
		sg->nbuckets = nb;
		for (i = 0; i < sg->nkeys; i++) {
			e = &sg->keyv[i];
			e->next = sg->buckets[e->key & (nb - 1)];
			sg->buckets[e->key & (nb - 1)] = i + 1;
		}
	}
	if (!sg->bloom)
		sg->bloom = xcalloc(BLOOM_BITS / 64, sizeof(*sg->bloom));
	sg->bloom[bloom_bit(k) / 64] |= 1ull << (bloom_bit(k) % 64);
	GROW(sg->keyv, sg->nkeys, sg->keys_cap, 1024);
	e = &sg->keyv[sg->nkeys];
	e->key = k;
	e->ui = ui;
	e->next = sg->buckets[k & (sg->nbuckets - 1)];
	sg->buckets[k & (sg->nbuckets - 1)] = ++sg->nkeys;
}

/* First entry of @k's list (index + 1), or 0; go on with next_slot(). */
static size_t first_slot(const struct suggest *sg, int tag, uint64_t k)
{
	size_t i;

	if (!sg->nbuckets)
		return 0;
	k = mix(k, tag);
	if (!(sg->bloom[bloom_bit(k) / 64] >> (bloom_bit(k) % 64) & 1))
		return 0;
	for (i = sg->buckets[k & (sg->nbuckets - 1)]; i; i = sg->keyv[i - 1].next)
		if (sg->keyv[i - 1].key == k)
			return i;
	return 0;
}

static size_t next_slot(const struct suggest *sg, size_t i)
{
	uint64_t k = sg->keyv[i - 1].key;

	for (i = sg->keyv[i - 1].next; i; i = sg->keyv[i - 1].next)
		if (sg->keyv[i - 1].key == k)
			return i;
	return 0;
}

#define for_each_slot(i, sg, tag, key) \
	for (i = first_slot(sg, tag, key); i; i = next_slot(sg, i))
#define UNK(sg, i) (&(sg)->v[(sg)->keyv[(i) - 1].ui])
#define UI(sg, i) ((sg)->keyv[(i) - 1].ui)

/*
 * Typo buckets: a name one edit away from another of length n has the
 * same first and last byte, or the same first three bytes, unless the
 * edit is there.
 */
static uint64_t typo_key(size_t n, char first, char last)
{
	return (uint64_t)n << 16 | (unsigned char)first << 8 | (unsigned char)last;
}

static uint64_t prefix_key(size_t n, const char *s)
{
	return (uint64_t)n << 24 | (unsigned char)s[0] << 16 |
	       (unsigned char)s[1] << 8 | (unsigned char)s[2];
}

/*
 * Quick tests before a candidate's keys are computed: the bits of the
 * unknowns' letters (what a skeleton or a permutation keeps: the letters
 * as a multiset, case and '_' aside) and first three bytes (an unknown
 * that a candidate extends).  Most candidates fail both, and cost one
 * pass of a table lookup and an add per byte.
 */
#define QUICK_BITS (1u << 20)
enum { Q_LETTERS = 1, Q_FIRST3 };

static uint64_t letter_val[128];

static uint64_t letters_key(const char *s, size_t n)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += letter_val[(unsigned char)s[i] & 0x7f];
	return sum;
}

static uint32_t quick_bit(int tag, uint64_t k)
{
	return mix(k, tag + 16) & (QUICK_BITS / 2 - 1);
}

static void quick_set(struct suggest *sg, int tag, uint64_t k)
{
	uint32_t b = quick_bit(tag, k);

	sg->quick[b / 64] |= 1ull << (b % 64);
}

static bool quick_has(const struct suggest *sg, int tag, uint64_t k)
{
	uint32_t b = quick_bit(tag, k);

	return sg->quick && sg->quick[b / 64] >> (b % 64) & 1;
}

/*
 * The typo keys are small: their bit is taken from their bytes without
 * a hash (length, first and last byte; length and first three bytes),
 * in the second half of the quick bits.
 */
static uint32_t typo_bit(size_t n, const char *s, size_t sn)
{
	return QUICK_BITS / 2 +
	       ((n & 63) << 13 ^ (s[0] & 0x7f) << 6 ^ (s[sn - 1] & 0x7f));
}

static uint32_t prefix_bit(size_t n, const char *s)
{
	return QUICK_BITS / 2 + QUICK_BITS / 4 +
	       (((n & 63) << 12 ^ (s[0] & 0x7f) << 8 ^ (s[1] & 0x7f) << 4 ^
		 (s[2] & 0x7f)) & (QUICK_BITS / 4 - 1));
}

static void bit_set(uint64_t *bits, uint32_t b)
{
	bits[b / 64] |= 1ull << (b % 64);
}

static bool bit_has(const uint64_t *bits, uint32_t b)
{
	return bits[b / 64] >> (b % 64) & 1;
}

void suggest_init(struct suggest *sg)
{
	uint64_t x = 0x2545f4914f6cdd1dull;
	int c;

	memset(sg, 0, sizeof(*sg));
	names_init(&sg->keys);
	/* case and '_' do not count: the same value for a and A, 0 for _ */
	for (c = 0; c < 128; c++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		letter_val[c] = c == '_' ? 0 : x;
	}
	for (c = 'A'; c <= 'Z'; c++)
		letter_val[c] = letter_val[c - 'A' + 'a'];
}

void suggest_want(struct suggest *sg, const char *name)
{
	struct unknown *u;
	size_t n = strlen(name), ui;

	if (n < 4 || n > 64 || names_find(&sg->keys, name, n))
		return;
	GROW(sg->v, sg->n, sg->cap, 64);
	ui = sg->n++;
	u = &sg->v[ui];
	memset(u, 0, sizeof(*u));
	u->name = xstrdup(name);
	u->score = 1000;
	if (!sg->quick)
		sg->quick = xcalloc(QUICK_BITS / 64, sizeof(*sg->quick));
	quick_set(sg, Q_LETTERS, letters_key(name, n));
	quick_set(sg, Q_FIRST3, prefix_key(0, name));
	add_key(sg, KEY_SKEL, skel_key(name, n), ui);
	if (perm_key(name, n))
		add_key(sg, KEY_PERM, perm_key(name, n), ui);
	add_key(sg, KEY_EXACT, hash_str(name, n), ui);
	add_key(sg, KEY_TYPO, typo_key(n, name[0], name[n - 1]), ui);
	add_key(sg, KEY_PREFIX, prefix_key(n, name), ui);
	bit_set(sg->quick, typo_bit(n, name, n));
	bit_set(sg->quick, prefix_bit(n, name));
	names_add(&sg->keys, name, n, 1)->data = (void *)(ui + 1);
}

/* Keep the best: lower score, then a name of the target, then shorter. */
static void offer(struct unknown *u, const char *cand, size_t n, int score,
		  uint32_t hist)
{
	if (score > u->score)
		return;
	if (u->best && strlen(u->best) == n && !strncmp(u->best, cand, n)) {
		u->hist = hist && u->hist ? u->hist | hist : 0;
		return;
	}
	if (score == u->score && u->best) {
		size_t bn = strlen(u->best);

		if (!u->hist && hist)
			return;
		if (!u->hist == !hist &&
		    (bn < n || (bn == n && strncmp(u->best, cand, n) <= 0)))
			return;
	}
	free(u->best);
	u->best = xstrndup(cand, n);
	u->score = score;
	u->hist = hist;
}

static bool same(const char *a, const char *b, size_t n)
{
	return strlen(a) == n && !memcmp(a, b, n);
}

/* 0, 1, or 2 for "more than one edit": the common case, without a table */
int within_one(const char *a, size_t an, const char *b, size_t bn)
{
	size_t p = 0, s = 0, m = an < bn ? an : bn;

	if (an > bn + 1 || bn > an + 1)
		return 2;
	while (p < m && a[p] == b[p])
		p++;
	if (p == an && p == bn)
		return 0;
	while (s < m - p && a[an - 1 - s] == b[bn - 1 - s])
		s++;
	if (an != bn)
		return p + s >= m ? 1 : 2;
	if (p + s + 1 >= an)
		return 1;	/* one replaced */
	/* two swapped neighbours */
	return p + s + 2 == an && a[p] == b[p + 1] && a[p + 1] == b[p] ? 1 : 2;
}

static void typo(const struct suggest *sg, size_t ui, const char *c, size_t n,
		 uint32_t hist, struct unknown *best)
{
	const char *u = sg->v[ui].name;
	size_t un = strlen(u);

	if (un < 6 || same(u, c, n))
		return;
	if (within_one(u, un, c, n) == 1)
		offer(&best[ui], c, n, 30 + (un != n), hist);
}

/*
 * The keys of a candidate in one pass: its skeleton and its words
 * (their sum), as skel_key() and word_sum() compute them.
 */
struct ckeys {
	uint64_t skel, perm;
};

static void cand_keys(const char *c, size_t n, struct ckeys *k)
{
	uint64_t skel = 1469598103934665603ull, sum, w = 0;
	size_t i = 0;
	int count = 0;
	bool in_word = false;

	while (i < n && c[i] == '_')
		i++;
	sum = i * 0x9e3779b97f4a7c15ull;
	for (; i < n; i++) {
		char ch = c[i];

		/* a word ends at '_' and before an upper case after a lower */
		if (in_word && (ch == '_' || (is_up(ch) && !is_up(c[i - 1])))) {
			sum += w * 0xff51afd7ed558ccdull + (w >> 29);
			count++;
			in_word = false;
		}
		if (ch == '_')
			continue;
		skel = (skel ^ (unsigned char)lower(ch)) * 1099511628211ull;
		if (!in_word) {
			w = 1469598103934665603ull;
			in_word = true;
		}
		w = (w ^ (unsigned char)lower(ch)) * 1099511628211ull;
	}
	if (in_word) {
		sum += w * 0xff51afd7ed558ccdull + (w >> 29);
		count++;
	}
	k->skel = skel | 1;
	k->perm = count > 1 ? sum | 1 : 0;
}

/* A candidate with the letters of an unknown: the same skeleton or words? */
static void letters_offer(const struct suggest *sg, const char *c, size_t n,
			  uint32_t hist, struct unknown *best)
{
	struct ckeys k;
	size_t sl;

	cand_keys(c, n, &k);
	for_each_slot(sl, sg, KEY_SKEL, k.skel)
		if (!same(UNK(sg, sl)->name, c, n))
			offer(&best[UI(sg, sl)], c, n, 10, hist);
	if (k.perm)
		for_each_slot(sl, sg, KEY_PERM, k.perm)
			if (!same(UNK(sg, sl)->name, c, n))
				offer(&best[UI(sg, sl)], c, n, 20, hist);
}

/* A candidate that starts like an unknown: is it the unknown plus "_words"? */
static void prefix_offer(const struct suggest *sg, const char *c, size_t n,
			 uint32_t hist, struct unknown *best)
{
	uint32_t raw = HASH_INIT;
	size_t i, sl;

	for (i = 0; i < n; i++) {
		if (c[i] == '_' && i >= 2 && n - i <= 16)
			for_each_slot(sl, sg, KEY_EXACT, raw)
				if (same(UNK(sg, sl)->name, c, i))
					offer(&best[UI(sg, sl)], c, n, 40, hist);
		raw = hash_add(raw, c + i, 1);
	}
}

/* One candidate name; @hist is the history bits when it is an old name. */
void suggest_offer(const struct suggest *sg, const char *c, size_t n,
		   uint32_t hist, struct unknown *best)
{
	size_t i, sl;

	if (n < 3 || n > 64 || !sg->quick)
		return;
	if (quick_has(sg, Q_LETTERS, letters_key(c, n)))
		letters_offer(sg, c, n, hist, best);
	if (quick_has(sg, Q_FIRST3, prefix_key(0, c)))
		prefix_offer(sg, c, n, hist, best);
	for (i = n - 1; i <= n + 1; i++) {
		if (bit_has(sg->quick, typo_bit(i, c, n)))
			for_each_slot(sl, sg, KEY_TYPO, typo_key(i, c[0], c[n - 1]))
				typo(sg, UI(sg, sl), c, n, hist, best);
		if (bit_has(sg->quick, prefix_bit(i, c)))
			for_each_slot(sl, sg, KEY_PREFIX, prefix_key(i, c))
				typo(sg, UI(sg, sl), c, n, hist, best);
	}
}

/* ---- scanning the logs on threads ---- */

struct scan_job {
	struct suggest *sg;
	const struct buf *log;
	struct unknown *best;
};

static void *scan_log(void *arg)
{
	struct scan_job *j = arg;
	const char *p = j->log->data, *end = p + j->log->len;

	while (p && p < end) {
		size_t n = strlen(p);

		suggest_offer(j->sg, p, n, 0, j->best);
		p += n + 1;
	}
	return NULL;
}

static void take(struct unknown *into, struct unknown *from, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (from[i].best)
			offer(&into[i], from[i].best, strlen(from[i].best),
			      from[i].score, from[i].hist);
		free(from[i].best);
	}
}

void suggest_scan_logs(struct suggest *sg, const struct buf *logs, int nlogs)
{
	struct scan_job *jobs;
	int i;

	if (!sg->n)
		return;
	jobs = xcalloc(nlogs, sizeof(*jobs));
	for (i = 0; i < nlogs; i++) {
		jobs[i].sg = sg;
		jobs[i].log = &logs[i];
		jobs[i].best = xcalloc(sg->n, sizeof(*jobs[i].best));
		for (size_t k = 0; k < sg->n; k++)
			jobs[i].best[k].score = 1000;
	}
	run_parallel(jobs, sizeof(*jobs), nlogs, scan_log);
	for (i = 0; i < nlogs; i++) {
		take(sg->v, jobs[i].best, sg->n);
		free(jobs[i].best);
	}
	free(jobs);
}

const struct unknown *suggest_for(const struct suggest *sg, const char *name)
{
	const struct name *nm = names_find(&sg->keys, name, strlen(name));
	const struct unknown *u;

	if (!nm || nm->kinds != 1)
		return NULL;
	u = &sg->v[(size_t)nm->data - 1];
	return u->best ? u : NULL;
}

void suggest_free(struct suggest *sg)
{
	size_t i;

	for (i = 0; i < sg->n; i++) {
		free(sg->v[i].name);
		free(sg->v[i].best);
	}
	free(sg->v);
	free(sg->keyv);
	free(sg->bloom);
	free(sg->quick);
	free(sg->buckets);
	names_free(&sg->keys);
}
