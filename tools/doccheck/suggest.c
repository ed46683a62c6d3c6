// SPDX-License-Identifier: GPL-2.0
/*
 * Did-you-mean.  For each unknown name, the best of these candidates,
 * in order:
 *   1. the same letters, other case or underscores  (PageMovable ~ page_movable)
 *   2. the same words in another order              (__ClearMovablePage ~ __ClearPageMovable)
 *   3. one edit away (insert, delete, replace, swap; length >= 5)
 *   4. the name plus "_words"                       (PG_movable ~ PG_movable_ops)
 *   5. two edits away (length >= 10)
 * Candidates are every name a scanned tree declared (the index's logs)
 * and every name of the older trees.  Keys make each candidate cost a
 * few lookups in small tables, not a comparison with every unknown.
 */
#include <pthread.h>
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

/* Calls fn for each word: "__ClearPageMovable" -> clear, page, movable. */
static int words(const char *s, size_t n, uint64_t *sum)
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

uint64_t perm_key(const char *s, size_t n)
{
	uint64_t sum;

	return words(s, n, &sum) > 1 ? sum | 1 : 0;
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

/* Restricted Damerau-Levenshtein distance, or max + 1 when larger. */
int edit_distance(const char *a, size_t n, const char *b, size_t m, int max)
{
	size_t i, j;
	int row0[72], row1[72], row2[72], *pp = row0, *p = row1, *c = row2;

	if (n > 64 || m > 64)
		return max + 1;
	if ((n > m ? n - m : m - n) > (size_t)max)
		return max + 1;
	for (j = 0; j <= m; j++)
		p[j] = j;
	for (i = 1; i <= n; i++) {
		int best;
		int *t;

		c[0] = i;
		best = c[0];
		for (j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = p[j - 1] + cost;

			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[m];
}

/* ---- the tables of keys ---- */

static void key_str(char buf[40], char tag, uint64_t k)
{
	snprintf(buf, 40, "%c%016llx", tag, (unsigned long long)k);
}

static void add_key(struct suggest *sg, char tag, uint64_t k, size_t ui)
{
	char buf[40];
	struct name *nm;
	size_t *slot;

	key_str(buf, tag, k);
	nm = names_add(&sg->keys, buf, strlen(buf), 0);
	slot = arena_alloc(&sg->keys.arena, 2 * sizeof(size_t));
	slot[0] = ui;
	slot[1] = (size_t)nm->data;	/* previous list head, as index + 1 */
	nm->data = slot;
}

void suggest_init(struct suggest *sg)
{
	memset(sg, 0, sizeof(*sg));
	names_init(&sg->keys);
}

void suggest_want(struct suggest *sg, const char *name)
{
	struct unknown *u;
	size_t n = strlen(name), ui;
	char buf[40];

	if (n < 4 || n > 64 || names_find(&sg->keys, name, n))
		return;
	if (sg->n == sg->cap) {
		sg->cap = sg->cap ? sg->cap * 2 : 64;
		sg->v = xrealloc(sg->v, sg->cap * sizeof(*sg->v));
	}
	ui = sg->n++;
	u = &sg->v[ui];
	memset(u, 0, sizeof(*u));
	u->name = xstrdup(name);
	u->score = 100;
	add_key(sg, 's', skel_key(name, n), ui);
	if (perm_key(name, n))
		add_key(sg, 'p', perm_key(name, n), ui);
	add_key(sg, 'x', hash_str(name, n), ui);
	/* buckets for typos: length, first and last byte */
	snprintf(buf, sizeof(buf), "t%zu%c%c", n, name[0], name[n - 1]);
	add_key(sg, 't', hash_str(buf, strlen(buf)), ui);
	names_add(&sg->keys, name, n, 1)->data = (void *)(ui + 1);
}

/* Keep the best: lower score, then a name of the target, then shorter. */
static void offer(struct unknown *u, const char *cand, size_t n, int score,
		  uint32_t hist)
{
	if (score > u->score)
		return;
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

static const size_t *lookup(const struct suggest *sg, char tag, uint64_t k)
{
	char buf[40];
	const struct name *nm;

	key_str(buf, tag, k);
	nm = names_find(&sg->keys, buf, strlen(buf));
	return nm ? nm->data : NULL;
}

#define for_each_slot(sl, sg, tag, key) \
	for (sl = lookup(sg, tag, key); sl; sl = (const size_t *)sl[1])

/* One candidate name; @hist is the history bits when it is an old name. */
void suggest_offer(const struct suggest *sg, const char *c, size_t n,
		   uint32_t hist, struct unknown *best)
{
	const size_t *sl;
	char buf[40];
	size_t i;
	uint64_t pk;

	if (n < 3 || n > 64)
		return;
	for_each_slot(sl, sg, 's', skel_key(c, n))
		if (!same(sg->v[sl[0]].name, c, n))
			offer(&best[sl[0]], c, n, 1, hist);
	pk = perm_key(c, n);
	if (pk)
		for_each_slot(sl, sg, 'p', pk)
			if (!same(sg->v[sl[0]].name, c, n))
				offer(&best[sl[0]], c, n, 2, hist);
	for (i = 2; i < n; i++) {
		if (c[i] != '_' || n - i > 16)
			continue;
		for_each_slot(sl, sg, 'x', hash_str(c, i))
			if (same(sg->v[sl[0]].name, c, i))
				offer(&best[sl[0]], c, n, 4, hist);
	}
	for (i = n - 1; i <= n + 1; i++) {
		snprintf(buf, sizeof(buf), "t%zu%c%c", i, c[0], c[n - 1]);
		for_each_slot(sl, sg, 't', hash_str(buf, strlen(buf))) {
			const char *u = sg->v[sl[0]].name;
			size_t un = strlen(u);
			int d;

			if (un < 5 || un != i || same(u, c, n))
				continue;
			d = edit_distance(u, un, c, n, un >= 10 ? 2 : 1);
			if (d == 1)
				offer(&best[sl[0]], c, n, 3, hist);
			else if (d == 2)
				offer(&best[sl[0]], c, n, 5, hist);
		}
	}
}

/* ---- scanning the logs on threads ---- */

struct scan_job {
	pthread_t thread;
	bool started;
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
			jobs[i].best[k].score = 100;
		jobs[i].started = i && !pthread_create(&jobs[i].thread, NULL,
						       scan_log, &jobs[i]);
	}
	for (i = 0; i < nlogs; i++) {
		if (jobs[i].started)
			pthread_join(jobs[i].thread, NULL);
		else
			scan_log(&jobs[i]);
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
	names_free(&sg->keys);
}
