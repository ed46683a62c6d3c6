// SPDX-License-Identifier: GPL-2.0
/*
 * Did-you-mean for a broken path: the file of the same name elsewhere
 * in the tree, the way files move (include/linux/can.h is now
 * include/uapi/linux/can.h; drivers/pci/pci_driver.c is pci-driver.c).
 *
 * Names compare without case, with '-' and '_' alike.  Of the files of
 * that name, the one that shares the most directories with the page's
 * path, counted from the top and from the file up, wins
 * (include/linux/can/netlink.h is include/uapi/linux/can/netlink.h, not
 * include/linux/netlink.h); a tie is no answer, nor is a file that
 * shares no directory with it unless it is the only file of that name.
 * A translation is no answer for a path outside the translations, nor
 * another architecture's file for one of arch/.
 *
 * When no file has that name, a misspelt name: the one file of the same
 * directory and extension whose name is one edit away
 * (include/linux/kmemmleak.h is include/linux/kmemleak.h).
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

static const char *base_of(const char *path)
{
	const char *b = strrchr(path, '/');

	return b ? b + 1 : path;
}

/* The name of a file as it compares: lower case, '-' as '_'. */
static size_t fold_name(const char *s, char *out, size_t cap)
{
	size_t n = 0;

	for (; *s && n + 1 < cap; s++, n++)
		out[n] = *s == '-' ? '_' :
			 *s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s;
	out[n] = '\0';
	return *s ? 0 : n;	/* 0: too long to compare */
}

/*
 * The files of each folded name, as lists through ph->next: a name's
 * data is its first file's index + 1, ph->next[i] the next one's.
 */
static void build(struct pathhint *ph, const struct names *tree)
{
	const struct name *nm;
	char key[256];
	size_t i, n, cap = 0;

	names_for_each(tree, i, nm) {
		struct name *slot;

		if (!(nm->kinds & K_FILE))
			continue;
		n = fold_name(base_of(nm->str), key, sizeof(key));
		if (!n)
			continue;
		if (ph->n == cap) {
			cap = grow_cap(cap, 4096);
			ph->path = xrealloc(ph->path, cap * sizeof(*ph->path));
			ph->next = xrealloc(ph->next, cap * sizeof(*ph->next));
		}
		slot = names_add(&ph->byname, key, n, 1);
		ph->path[ph->n] = nm->str;
		ph->next[ph->n] = (size_t)slot->data;
		ph->n++;
		slot->data = (const void *)ph->n;
	}
	ph->built = true;
}

/* How many directories @a and @b share from the top. */
static int leading_dirs(const char *a, const char *b)
{
	int dirs = 0;

	for (; *a && *a == *b; a++, b++)
		if (*a == '/')
			dirs++;
	return dirs;
}

/* How many directories above the file @a and @b share, from the file up. */
static int trailing_dirs(const char *a, const char *b)
{
	const char *ea = base_of(a), *eb = base_of(b);
	int dirs = 0;

	while (ea > a && eb > b) {
		const char *sa = ea - 1, *sb = eb - 1;	/* at the '/' */

		while (sa > a && sa[-1] != '/')
			sa--;
		while (sb > b && sb[-1] != '/')
			sb--;
		if (ea - sa != eb - sb || memcmp(sa, sb, ea - sa))
			break;
		dirs++;
		ea = sa;
		eb = sb;
	}
	return dirs;
}

static bool is_translation(const char *path)
{
	return !strncmp(path, "Documentation/translations/", 27);
}

/* Both below arch/, of two architectures. */
static bool other_arch(const char *a, const char *b)
{
	const char *ea, *eb;

	if (strncmp(a, "arch/", 5) || strncmp(b, "arch/", 5))
		return false;
	ea = strchr(a + 5, '/');
	eb = strchr(b + 5, '/');
	return !ea || !eb || ea - a != eb - b || memcmp(a, b, ea - a);
}

void pathhint_init(struct pathhint *ph)
{
	memset(ph, 0, sizeof(*ph));
	names_init(&ph->byname);
}

/* The one file of @path's directory whose name is one edit from its name. */
static const char *misspelt(const struct pathhint *ph, const char *path)
{
	const char *base = base_of(path), *best = NULL, *ext = strrchr(base, '.');
	size_t dir = base - path, bn = strlen(base), i;

	if (bn < 5 || !ext)
		return NULL;
	for (i = 0; i < ph->n; i++) {
		const char *cand = ph->path[i], *cext;

		if (strncmp(cand, path, dir) || strchr(cand + dir, '/') ||
		    within_one(base, bn, cand + dir, strlen(cand + dir)) != 1)
			continue;
		cext = strrchr(cand + dir, '.');
		if (!cext || strcmp(cext, ext))
			continue;
		if (best)
			return NULL;	/* two of them: no answer */
		best = cand;
	}
	return best;
}

const char *pathhint_for(struct pathhint *ph, const struct names *tree,
			 const char *path)
{
	const struct name *slot;
	const char *best = NULL, *cand;
	int best_dirs = -1, d, count = 0;
	bool tie = false;
	char key[256];
	size_t i, n;

	if (!ph->built)
		build(ph, tree);
	n = fold_name(base_of(path), key, sizeof(key));
	slot = n ? names_find(&ph->byname, key, n) : NULL;
	if (!slot)
		return misspelt(ph, path);
	for (i = (size_t)slot->data; i; i = ph->next[i - 1]) {
		cand = ph->path[i - 1];
		count++;
		if (!strcmp(cand, path) || other_arch(path, cand) ||
		    (is_translation(cand) && !is_translation(path)))
			continue;
		d = leading_dirs(path, cand) + trailing_dirs(path, cand);
		if (d > best_dirs) {
			best = cand;
			best_dirs = d;
			tie = false;
		} else if (d == best_dirs) {
			tie = true;
		}
	}
	if (!best || tie || (best_dirs == 0 && count > 1))
		return NULL;
	return best;
}

void pathhint_free(struct pathhint *ph)
{
	free(ph->path);
	free(ph->next);
	names_free(&ph->byname);
}
