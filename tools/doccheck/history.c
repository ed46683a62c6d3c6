// SPDX-License-Identifier: GPL-2.0
/*
 * Older trees.  Each is a saved index (index.c), usually written as a
 * delta against the target tree (--base): only the names, and the member
 * owners, that the target does not have.  Only the names a check asks
 * about are kept; every name is offered to did-you-mean.
 *
 * The replacements file says what took the place of a removed name:
 *
 *   # comment
 *   OLD-NAME <TAB or spaces> free text, e.g. "PG_movable_ops_isolated"
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

void history_init(struct history *h)
{
	memset(h, 0, sizeof(*h));
	names_init(&h->known);
}

int history_add(struct history *h, const char *label, const char *path)
{
	if (h->ntrees >= HISTORY_MAX) {
		warnx_("too many history trees (at most %d)", HISTORY_MAX);
		return -1;
	}
	h->labels[h->ntrees] = xstrdup(label);
	h->paths[h->ntrees] = xstrdup(path);
	h->ntrees++;
	return 0;
}

/* Oldest first, so that bit i of a presence mask is the i-th oldest. */
static void sort_trees(struct history *h)
{
	int i, j;

	for (i = 1; i < h->ntrees; i++)
		for (j = i; j > 0 && version_cmp(h->labels[j - 1], h->labels[j]) > 0; j--) {
			char *t = h->labels[j];

			h->labels[j] = h->labels[j - 1];
			h->labels[j - 1] = t;
			t = h->paths[j];
			h->paths[j] = h->paths[j - 1];
			h->paths[j - 1] = t;
		}
}

static struct past *past_of(struct history *h, const char *s, size_t n)
{
	struct name *nm = names_add(&h->known, s, n, 0);

	if (!nm->data)
		nm->data = arena_alloc(&h->known.arena, sizeof(struct past));
	if (!nm->kinds) {
		memset((void *)nm->data, 0, sizeof(struct past));
		nm->kinds = 1;
	}
	return (struct past *)nm->data;
}

static void add_owner(struct history *h, struct past *p, const char *tag,
		      size_t n, int tree)
{
	struct pastowner *o;

	for (o = p->owners; o; o = o->next)
		if (strlen(o->tag) == n && !memcmp(o->tag, tag, n)) {
			o->trees |= 1u << tree;
			return;
		}
	o = arena_alloc(&h->known.arena, sizeof(*o));
	o->tag = arena_strndup(&h->known.arena, tag, n);
	o->trees = 1u << tree;
	o->next = p->owners;
	p->owners = o;
}

static void owners_line(struct history *h, struct past *p, const char *s,
			const char *eol, int tree)
{
	while (s < eol) {
		const char *sp = memchr(s, ' ', eol - s), *end = sp ? sp : eol;
		const char *colon;

		if (*s == '*')
			s++;
		colon = memchr(s, ':', end - s);
		if (colon)
			end = colon;
		if (end > s && !(end - s == 1 && *s == '-'))
			add_owner(h, p, s, end - s, tree);
		s = (sp ? sp : eol) + 1;
	}
}

static void offer_kconfig(struct suggest *sg, const char *s, size_t n,
			  uint32_t hist)
{
	char buf[80];

	if (n + 8 > sizeof(buf))
		return;
	memcpy(buf, "CONFIG_", 7);
	memcpy(buf + 7, s, n);
	suggest_offer(sg, buf, n + 7, hist, sg->v);
}

static int read_tree(struct history *h, int tree, const struct names *asked,
		     struct suggest *sg)
{
	struct buf text = { 0 };
	const char *p, *end;
	char err[256];

	if (read_file(h->paths[tree], &text, err, sizeof(err)) < 0) {
		warnx_("%s: %s", h->paths[tree], err);
		return -1;
	}
	if (strncmp(text.data, "# doccheck index 1\n", 19)) {
		warnx_("%s: not a doccheck index", h->paths[tree]);
		buf_free(&text);
		return -1;
	}
	for (p = text.data, end = p + text.len; p < end;) {
		const char *eol = memchr(p, '\n', end - p), *tab, *tab2;

		if (!eol)
			eol = end;
		tab = memchr(p, '\t', eol - p);
		if (tab && *p != '#') {
			size_t n = tab - p;
			uint32_t kinds;

			tab2 = memchr(tab + 1, '\t', eol - tab - 1);
			kinds = parse_kinds(tab + 1, (tab2 ? tab2 : eol) - tab - 1);
			if (names_find(asked, p, n)) {
				struct past *ps = past_of(h, p, n);

				ps->kinds |= kinds;
				if (kinds & ~K_MEMBER || !tab2)
					ps->present |= 1u << tree;
				if (tab2)
					owners_line(h, ps, tab2 + 1, eol, tree);
			}
			if (sg && sg->n && (kinds & K_KCONFIG))
				offer_kconfig(sg, p, n, 1u << tree);
			if (sg && sg->n && (kinds & K_CODE) && kinds != K_MACROARG)
				suggest_offer(sg, p, n, 1u << tree, sg->v);
		}
		p = eol + 1;
	}
	buf_free(&text);
	return 0;
}

int history_resolve(struct history *h, const struct names *asked,
		    struct suggest *sg)
{
	int i, ret = 0;

	sort_trees(h);
	for (i = 0; i < h->ntrees; i++)
		if (read_tree(h, i, asked, sg) < 0)
			ret = -1;
	return ret;
}

/*
 * Only trees older than the target are its history: the shipped data of
 * 7.2 says nothing about a 6.12 tree.  A target whose label is no
 * version (a work tree named "linux") keeps them all.
 */
void history_keep_older(struct history *h, const char *target)
{
	int i, n = 0;

	if (!target || target[0] < '0' || target[0] > '9')
		return;
	for (i = 0; i < h->ntrees; i++) {
		if (version_cmp(h->labels[i], target) < 0) {
			h->labels[n] = h->labels[i];
			h->paths[n++] = h->paths[i];
		} else {
			free(h->labels[i]);
			free(h->paths[i]);
		}
	}
	h->ntrees = n;
}

const struct past *history_past(const struct history *h, const char *name)
{
	const struct name *nm = names_find(&h->known, name, strlen(name));

	return nm ? nm->data : NULL;
}

/* "6.1, 6.12 and 7.2" for a presence mask. */
void history_where(const struct history *h, uint32_t present, struct buf *out)
{
	int i, n = 0, total = __builtin_popcount(present);

	for (i = 0; i < h->ntrees; i++) {
		if (!(present >> i & 1))
			continue;
		if (n)
			buf_addstr(out, n == total - 1 ? " and " : ", ");
		buf_addstr(out, h->labels[i]);
		n++;
	}
}

/* The newest tree that has the name. */
const char *history_last(const struct history *h, uint32_t present)
{
	int i;

	for (i = h->ntrees - 1; i >= 0; i--)
		if (present >> i & 1)
			return h->labels[i];
	return NULL;
}

int history_load_replacements(struct history *h, const char *path)
{
	struct buf text = { 0 };
	char err[256];
	char *p, *end;

	if (read_file(path, &text, err, sizeof(err)) < 0) {
		warnx_("%s: %s", path, err);
		return -1;
	}
	for (p = text.data, end = p + text.len; p < end;) {
		char *eol = memchr(p, '\n', end - p), *sp;

		if (!eol)
			eol = end;
		*eol = '\0';
		sp = p + strcspn(p, " \t");
		if (*p != '#' && *sp) {
			char *text2 = sp + strspn(sp, " \t");

			h->repl = xrealloc(h->repl, (h->nrepl + 1) * sizeof(*h->repl));
			h->repl[h->nrepl].old = xstrndup(p, sp - p);
			h->repl[h->nrepl].text = xstrdup(text2);
			h->nrepl++;
		}
		p = eol + 1;
	}
	buf_free(&text);
	return 0;
}

const char *history_replacement(const struct history *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->nrepl; i++)
		if (!strcmp(h->repl[i].old, name))
			return h->repl[i].text;
	return NULL;
}

void history_free(struct history *h)
{
	size_t i;
	int t;

	for (t = 0; t < h->ntrees; t++) {
		free(h->labels[t]);
		free(h->paths[t]);
	}
	for (i = 0; i < h->nrepl; i++) {
		free(h->repl[i].old);
		free(h->repl[i].text);
	}
	free(h->repl);
	names_free(&h->known);
}
