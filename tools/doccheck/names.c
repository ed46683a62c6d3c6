// SPDX-License-Identifier: GPL-2.0
/*
 * The name table: a chained hash table of interned names, each with the
 * kinds it was seen as and, for members, the aggregates that hold it.
 * Nodes live in the table's arena; merging two tables relinks nodes.
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

void names_init(struct names *t)
{
	memset(t, 0, sizeof(*t));
	t->mask = 1023;
	t->buckets = xcalloc(t->mask + 1, sizeof(*t->buckets));
}

void names_free(struct names *t)
{
	free(t->buckets);
	arena_free(&t->arena);
	memset(t, 0, sizeof(*t));
}

static struct name *find_hashed(const struct names *t, const char *s,
				size_t n, uint32_t h)
{
	struct name *nm;

	for (nm = t->buckets[h & t->mask]; nm; nm = nm->next)
		if (nm->hash == h && nm->len == n && !memcmp(nm->str, s, n))
			return nm;
	return NULL;
}

struct name *names_find_h(const struct names *t, const char *s, size_t n,
			  uint32_t h)
{
	if (!t->buckets)
		return NULL;
	return find_hashed(t, s, n, h);
}

struct name *names_find(const struct names *t, const char *s, size_t n)
{
	return names_find_h(t, s, n, name_hash(s, n));
}

static void rehash(struct names *t)
{
	size_t nmask = t->mask * 2 + 1, i;
	struct name **nb = xcalloc(nmask + 1, sizeof(*nb));
	struct name *nm, *next;

	for (i = 0; i <= t->mask; i++) {
		for (nm = t->buckets[i]; nm; nm = next) {
			next = nm->next;
			nm->next = nb[nm->hash & nmask];
			nb[nm->hash & nmask] = nm;
		}
	}
	free(t->buckets);
	t->buckets = nb;
	t->mask = nmask;
}

static void link_node(struct names *t, struct name *nm)
{
	if (t->count >= t->mask)
		rehash(t);
	nm->next = t->buckets[nm->hash & t->mask];
	t->buckets[nm->hash & t->mask] = nm;
	t->count++;
}

struct name *names_add(struct names *t, const char *s, size_t n,
		       uint32_t kinds)
{
	return names_add_h(t, s, n, kinds, name_hash(s, n));
}

struct name *names_add_h(struct names *t, const char *s, size_t n,
			 uint32_t kinds, uint32_t h)
{
	struct name *nm = find_hashed(t, s, n, h);

	if (nm) {
		nm->kinds |= kinds;
		return nm;
	}
	nm = arena_alloc(&t->arena, sizeof(*nm) + n + 1);
	nm->owners = NULL;
	nm->data = NULL;
	nm->hash = h;
	nm->kinds = kinds;
	nm->len = n;
	memcpy(nm->str, s, n);
	nm->str[n] = '\0';
	link_node(t, nm);
	return nm;
}

/*
 * Record that @member belongs to the aggregate @tag.  Declarations of the
 * same aggregate in several headers repeat; only an owner equal to the
 * newest one is skipped, which keeps this linear.
 */
void names_add_owner(struct names *t, struct name *member, const char *tag,
		     size_t taglen, const char *type, size_t typelen,
		     bool fnptr)
{
	struct name *tagname = names_add(t, tag, taglen, 0);
	struct owner *o = member->owners;

	if (o && o->tag == tagname->str) {
		/*
		 * The same tag again (another file, another #ifdef side):
		 * keep what does not depend on the order files come in,
		 * the smallest type and any function pointer.
		 */
		if (type && (!o->type || strncmp(type, o->type, typelen) < 0 ||
			     (!strncmp(type, o->type, typelen) && o->type[typelen])))
			o->type = names_add(t, type, typelen, 0)->str;
		o->fnptr |= fnptr;
		return;
	}
	o = arena_alloc(&t->arena, sizeof(*o));
	o->tag = tagname->str;
	o->type = type ? names_add(t, type, typelen, 0)->str : NULL;
	o->fnptr = fnptr;
	o->next = member->owners;
	member->owners = o;
}

bool name_has_owner(const struct name *member, const char *tag)
{
	const struct owner *o;

	for (o = member->owners; o; o = o->next)
		if (!strcmp(o->tag, tag))
			return true;
	return false;
}

/*
 * Move every node of @src into @dst.  @src's arena must outlive @dst, so
 * the caller keeps it (its buckets are freed here).
 */
void names_merge(struct names *dst, struct names *src)
{
	struct name *nm, *next, *old;
	struct owner *o, *onext;
	size_t i;

	for (i = 0; i <= src->mask; i++) {
		for (nm = src->buckets[i]; nm; nm = next) {
			next = nm->next;
			old = find_hashed(dst, nm->str, nm->len, nm->hash);
			if (!old) {
				link_node(dst, nm);
				continue;
			}
			old->kinds |= nm->kinds;
			for (o = nm->owners; o; o = onext) {
				onext = o->next;
				o->next = old->owners;
				old->owners = o;
			}
		}
	}
	free(src->buckets);
	src->buckets = NULL;
	src->count = 0;
}
