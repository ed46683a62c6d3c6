// SPDX-License-Identifier: GPL-2.0
/*
 * The checks of part 1, phase by phase (check.h):
 *
 *   1. the facts of every reference of every document (facts.c);
 *   2. the older trees (history.c) and did-you-mean (suggest.c), asked
 *      once for the names the facts leave open;
 *   3. the judgement of each reference by the rules (rules.c), and its
 *      finding when a rule reports.
 *
 *   unknown-name      no tree has the name            (did you mean?)
 *   removed-name      an older tree had it            (since when, replaced by)
 *   wrong-member      not a member of the struct the text names
 *   removed-member    the struct had that member in an older tree
 *   unknown-kconfig   no Kconfig entry of that name
 *   removed-kconfig   an older tree had the entry
 *   broken-path       no such file or directory in the tree
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Phase 2: what the facts leave open, asked of history and did-you-mean. */
static int ask(struct checker *c, struct facts *const *fv,
	       const struct doc *docs, size_t ndocs)
{
	const struct index *idx = c->idx;
	struct names asked;
	size_t i, k;
	int ret = 0;

	names_init(&asked);
	for (i = 0; i < ndocs; i++)
		for (k = 0; k < docs[i].nrefs; k++) {
			const struct facts *f = &fv[i][k];

			if (facts_want_history(f))
				names_add(&asked, f->key, strlen(f->key), 0);
			if (facts_want_suggestion(f))
				suggest_want(&c->sg, f->ref->name);
		}
	if (idx->nlogs) {
		suggest_scan_logs(&c->sg, idx->logs, idx->nlogs);
	} else if (c->sg.n) {
		const struct name *nm;
		struct buf kc = { 0 };

		names_for_each(&idx->names, i, nm) {
			if (nm->kinds & K_CODE && nm->kinds != K_MACROARG)
				suggest_offer(&c->sg, nm->str, nm->len, 0, c->sg.v);
			if (nm->kinds & K_KCONFIG) {
				kc.len = 0;
				buf_addf(&kc, "CONFIG_%s", nm->str);
				suggest_offer(&c->sg, kc.data, kc.len, 0, c->sg.v);
			}
		}
		buf_free(&kc);
	}
	if (history_resolve(c->h, &asked, &c->sg) < 0)
		ret = -1;
	names_free(&asked);
	/* hand the answers forward */
	for (i = 0; i < ndocs; i++)
		for (k = 0; k < docs[i].nrefs; k++) {
			struct facts *f = &fv[i][k];

			f->past = history_past(c->h, f->key);
			f->sugg = suggest_for(&c->sg, f->ref->name);
		}
	return ret;
}

/* Phase 3 for one document: judge each reference, report what a rule reports. */
static void judge_doc(struct checker *c, const struct doc *d,
		      const struct facts *fv, struct findings *out)
{
	struct buf msg = { 0 };
	size_t i;

	c->doc = d;
	for (i = 0; i < d->ndiags; i++)
		findings_add(out, d->path, d->diags[i].line, d->diags[i].col,
			     false, C_BAD_INPUT, "", "%s", d->diags[i].msg);
	for (i = 0; i < d->nrefs; i++) {
		const struct facts *f = &fv[i];
		const struct rule *rl = judge(c, f);
		struct judge j = { .c = c, .f = f };

		if (c->o && c->o->explain_out && explain_wants(c->o, d, f->ref))
			explain(c->o->explain_out, c, f, rl);
		if (!rl || rl->check == C__COUNT)
			continue;
		msg.len = 0;
		rl->say(&j, &msg);
		findings_add(out, d->path, f->ref->line, f->ref->col,
			     rl->error(&j), rl->check, f->ref->name, "%s", msg.data);
	}
	buf_free(&msg);
}

/* --stats: how many references each rule decided, quiet rules first. */
static void print_decisions(const struct checker *c)
{
	int pass;
	size_t i;

	for (pass = 0; pass < 2; pass++) {
		fprintf(stderr, "doccheck: %s rules:", pass ? "report" : "quiet");
		for (i = 0; i < nrules; i++)
			if ((rules[i].check == C__COUNT) == !pass && c->decided[i])
				fprintf(stderr, " %s %zu", rules[i].name, c->decided[i]);
		fputc('\n', stderr);
	}
}

int check_docs(const struct index *idx, struct history *h, struct doc *docs,
	       size_t ndocs, struct findings *out, const struct check_opts *o)
{
	struct checker c = { .idx = idx, .h = h, .o = o };
	struct facts **fv = xcalloc(ndocs ? ndocs : 1, sizeof(*fv));
	size_t i;
	int ret;

	names_init(&c.params);
	if (idx->root)
		bootparams_load(&c.params, idx->root);
	suggest_init(&c.sg);
	pathhint_init(&c.ph);
	if (o && o->stats)
		c.decided = xcalloc(nrules, sizeof(*c.decided));
	for (i = 0; i < ndocs; i++) {
		fv[i] = xcalloc(docs[i].nrefs ? docs[i].nrefs : 1, sizeof(**fv));
		facts_doc(&c, &docs[i], fv[i]);
	}
	ret = ask(&c, fv, docs, ndocs);
	for (i = 0; i < ndocs; i++)
		judge_doc(&c, &docs[i], fv[i], out);
	if (c.decided)
		print_decisions(&c);
	for (i = 0; i < ndocs; i++)
		free(fv[i]);
	free(fv);
	free(c.decided);
	arena_free(&c.keys);
	suggest_free(&c.sg);
	pathhint_free(&c.ph);
	names_free(&c.params);
	return ret;
}
