// SPDX-License-Identifier: GPL-2.0
/*
 * What changed in the original since the translation was synced, by
 * section.  The sync point is the stamp (our pages), or, for a kernel
 * tree in a git work tree, the commit its translators' convention names
 * (git.c).  Old sections are matched to the current ones by key, then by
 * place; each current section is then
 *
 *   same       its words are the same (white space may differ)
 *   trivial    only punctuation or case changed, or at most two words
 *              were edited by one letter each in prose (a typo fix)
 *   changed    anything else: the translation is outdated there
 *   new        the original had no such section then
 *
 * With the old text (git), the review shows the diff; without it, which
 * blocks are new or changed, and the words a typo fix replaced.
 */
#include <stdlib.h>
#include <string.h>

#include "trans.h"

static char *fmt(const char *f, const char *a, const char *b)
{
	size_t n = strlen(f) + strlen(a) + strlen(b) + 1;
	char *s = xmalloc(n);

	snprintf(s, n, f, a, b);
	return s;
}

static void old_from_git(struct tdoc *td, const char *commit, const char *rel)
{
	struct sync *sy = &td->sy;
	char got[65];

	if (git_show(&td->git, commit, rel, &sy->old_text) < 0) {
		sy->no_old = fmt("git has no %s:%s here", commit, rel);
		return;
	}
	if (sy->from == SF_STAMP) {
		sha256_hex(sy->old_text.data, sy->old_text.len, got);
		if (strcmp(got, td->st.sha256)) {
			sy->no_old = fmt("the text of %s at %s is not the one the stamp "
					 "hashed", rel, commit);
			return;
		}
	}
	outline_parse(&sy->old, td->opath, sy->old_text.data, sy->old_text.len);
	sy->have_old = true;
}

/* What the sync point is; the review adds the commit's description. */
static void describe(struct tdoc *td, const char *what)
{
	td->sy.how = xstrdup(what);
}

/* The old fingerprints: from the stamp or from history. */
static void sync_point(struct tdoc *td)
{
	struct sync *sy = &td->sy;
	char *orel = git_relpath(&td->git, td->opath);
	char *trel = git_relpath(&td->git, td->t.o.path);
	char now[65];
	size_t i;

	sha256_hex(td->e.o.text, td->e.o.len, now);
	if (td->st.present && !td->st.placeholder && !td->st.error) {
		sy->from = SF_STAMP;
		memcpy(sy->commit, td->st.commit, sizeof(sy->commit));
		sy->fp = td->st.sec;
		sy->nfp = td->st.nsec;
		sy->exact = !strcmp(now, td->st.sha256);
		describe(td, "sync stamp");
		if (!sy->commit[0])
			sy->no_old = xstrdup("the stamp names no commit (the original "
					     "was not committed when it was written)");
		else if (!orel)
			sy->no_old = xstrdup("no git history here");
		else
			old_from_git(td, sy->commit, orel);
	} else if (orel && trel &&
		   git_sync_point(&td->git, trel, orel, sy->commit, &sy->from) == 0) {
		describe(td, sy->from == SF_GIT_MESSAGE ?
			 "the commit named in the translation's last commit message" :
			 "the original's last commit authored before the translation's");
		old_from_git(td, sy->commit, orel);
		if (sy->have_old) {
			sy->nfp = sy->old.nsec;
			sy->fp = xcalloc(sy->nfp ? sy->nfp : 1, sizeof(*sy->fp));
			for (i = 0; i < sy->nfp; i++)
				sfp_compute(&sy->old, (int)i, &sy->fp[i]);
			sy->exact = sy->old_text.len == td->e.o.len &&
				    !memcmp(sy->old_text.data, td->e.o.text, td->e.o.len);
		} else {
			sy->from = SF_NONE;
		}
	}
	if (sy->from == SF_NONE && !sy->no_old)
		sy->no_old = xstrdup(td->git.top ? "no sync stamp, and git history names "
				     "no sync point" : "no sync stamp and no git history");
	free(orel);
	free(trel);
}

/* Match old sections to current ones: by key, then by place and level. */
static void match_old(struct tdoc *td, int *old_of)
{
	struct sync *sy = &td->sy;
	const struct outline *e = &td->e.o;
	bool *used = xcalloc(sy->nfp + 1, sizeof(bool));
	size_t i, j;

	for (i = 0; i < e->nsec; i++) {
		old_of[i] = -1;
		for (j = 0; j < sy->nfp; j++)
			if (!used[j] && !strcmp(sy->fp[j].key, e->sec[i].key)) {
				old_of[i] = (int)j;
				used[j] = true;
				break;
			}
	}
	for (i = 0; i < e->nsec; i++) {
		int lo = -1, hi = (int)sy->nfp;
		size_t k;

		if (old_of[i] >= 0)
			continue;
		for (k = i; k-- > 0;)
			if (old_of[k] >= 0) {
				lo = old_of[k];
				break;
			}
		for (k = i + 1; k < e->nsec; k++)
			if (old_of[k] >= 0) {
				hi = old_of[k];
				break;
			}
		for (j = lo + 1; (int)j < hi; j++)
			if (!used[j] && sy->fp[j].level == e->sec[i].level) {
				old_of[i] = (int)j;
				used[j] = true;
				break;
			}
	}
	for (j = 0; j < sy->nfp; j++)
		if (!used[j]) {
			sy->removed = xrealloc(sy->removed, (sy->nremoved + 1) * sizeof(int));
			sy->removed[sy->nremoved++] = (int)j;
		}
	free(used);
}

static void mark_blocks(const struct outline *e, int sec, const struct sfp *old,
			struct sync_sec *ss)
{
	unsigned char *left = xcalloc(old->nblocks + 1, 1);
	size_t i, j, k = 0, n = 0;

	for (i = 0; i < e->nblk; i++)
		if (e->blk[i].section == sec)
			n++;
	ss->blk_changed = xcalloc(n + 1, 1);
	for (i = 0; i < e->nblk; i++) {
		const struct oblock *b = &e->blk[i];
		uint16_t h;

		if (b->section != sec)
			continue;
		if (b->kind == BK_COMMENT || b->kind == BK_FIELD) {
			k++;
			continue;
		}
		h = block_hash(e, b);
		for (j = 0; j < old->nblocks; j++)
			if (!left[j] && old->blocks[j] == h)
				break;
		if (j < old->nblocks)
			left[j] = 1;
		else
			ss->blk_changed[k] = 1;
		k++;
	}
	free(left);
}

static void classify(struct tdoc *td, int sec, const struct sfp *old,
		     struct sync_sec *ss)
{
	struct words w;
	struct wedit ed[TYPO_MAX];
	struct buf why = { 0 };
	bool trivial = true;
	int k, i;

	words_of_section(&td->e.o, sec, &w);
	if (w.e == old->exact) {
		ss->state = SY_SAME;
		goto out;
	}
	if (w.n == old->nwords && words_loose_hash(&w) == old->loose) {
		ss->state = SY_TRIVIAL;
		ss->why = xstrdup("punctuation, case or white space");
		goto out;
	}
	k = typo_recover(old, &w, ed);
	for (i = 0; i < k; i++) {
		if (!typo_trivial(&w, &ed[i]))
			trivial = false;
		buf_addf(&why, "%s'%s' -> '%.*s'", i ? ", " : "", ed[i].old,
			 (int)w.v[ed[i].pos].ln, w.v[ed[i].pos].loose);
		free(ed[i].old);
	}
	if (k && trivial) {
		ss->state = SY_TRIVIAL;
		ss->why = xmalloc(why.len + 16);
		sprintf(ss->why, "typo-level: %s", why.data);
	} else {
		ss->state = SY_CHANGED;
		if (k) {
			ss->why = xmalloc(why.len + 16);
			sprintf(ss->why, "edited: %s", why.data);
		}
	}
out:
	if (ss->state == SY_CHANGED)
		mark_blocks(&td->e.o, sec, old, ss);
	buf_free(&why);
	words_free(&w);
}

void sync_compare(struct tdoc *td)
{
	struct sync *sy = &td->sy;
	size_t n = td->e.o.nsec, i;
	int *old_of;

	sy->sec = xcalloc(n ? n : 1, sizeof(*sy->sec));
	sy->nsec = n;
	for (i = 0; i < n; i++)
		sy->sec[i].old = -1;
	sync_point(td);
	if (sy->from == SF_NONE)
		return;
	old_of = xmalloc((n ? n : 1) * sizeof(int));
	match_old(td, old_of);
	for (i = 0; i < n; i++) {
		struct sync_sec *ss = &sy->sec[i];
		const struct sfp *old;
		int j = td->al.t_of_e[i];

		ss->old = old_of[i];
		if (ss->old < 0) {
			ss->state = SY_NEW;
			sy->nchanged++;
			continue;
		}
		old = &sy->fp[ss->old];
		classify(td, (int)i, old, ss);
		sy->nchanged += ss->state == SY_CHANGED;
		sy->ntrivial += ss->state == SY_TRIVIAL;
		if (old->has_tsec && j >= 0) {
			ss->t_known = true;
			ss->t_touched = tsection_hash(&td->t.o, j) != old->tsec;
		}
	}
	free(old_of);
}

void sync_free(struct sync *s)
{
	size_t i;

	for (i = 0; i < s->nsec; i++) {
		free(s->sec[i].why);
		free(s->sec[i].blk_changed);
	}
	free(s->sec);
	free(s->how);
	free(s->no_old);
	buf_free(&s->old_text);
	if (s->have_old)
		outline_free(&s->old);
	if (s->from == SF_GIT_MESSAGE || s->from == SF_GIT_DATE) {
		for (i = 0; i < s->nfp; i++)
			sfp_free(&s->fp[i]);
		free(s->fp);
	}
	free(s->removed);
	memset(s, 0, sizeof(*s));
}
