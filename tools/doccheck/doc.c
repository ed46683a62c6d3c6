// SPDX-License-Identifier: GPL-2.0
/*
 * A document and the references found in it, with line and column.
 * Columns count characters (UTF-8 code points), from 1.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

void doc_init(struct doc *d, const char *path)
{
	memset(d, 0, sizeof(*d));
	d->path = xstrdup(path);
}

void doc_free(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->nrefs; i++) {
		free(d->refs[i].name);
		free(d->refs[i].base);
	}
	for (i = 0; i < d->ndiags; i++)
		free(d->diags[i].msg);
	free(d->refs);
	free(d->diags);
	free(d->path);
	if (d->outline) {
		outline_free(d->outline);
		free(d->outline);
	}
	memset(d, 0, sizeof(*d));
}

/*
 * Column of @at in the current line.  References come mostly left to
 * right, so counting goes on from the last answer: a 10 MB line with many
 * references costs one pass, not one per reference.
 */
int doc_col(struct doc *d, const char *at)
{
	const char *p = d->line;
	int col = 1;

	if (d->colp && d->colp >= d->line && d->colp <= at) {
		p = d->colp;
		col = d->colc;
	}
	for (; p < at; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			col++;
	d->colp = at;
	d->colc = col;
	return col;
}

struct ref *doc_ref(struct doc *d, enum ref_kind kind, enum ref_strength s,
		    const char *at, const char *name, size_t n)
{
	struct ref *r;

	if (n > NAME_MAX_LEN) {
		/* no kernel name is that long: say so, check the rest */
		doc_diag(d, at, "a name of %zu characters, longer than %d: not checked",
			 n, NAME_MAX_LEN);
		return NULL;
	}
	if (!n)
		return NULL;
	if (kind != R_PATH && name[n - 1] == '_')
		return NULL;	/* a prefix: "pci_bus_" as in pci_bus_*() */
	GROW(d->refs, d->nrefs, d->cap, 64);
	r = &d->refs[d->nrefs++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->strength = s;
	r->line = d->lineno;
	r->col = doc_col(d, at);
	r->section = d->section;
	r->name = xstrndup(name, n);
	r->chain = -1;
	r->historical = d->historical;
	return r;
}

/*
 * A member of a chain (a->b.c): @name after the member or variable
 * @base, with the ref of @base, if any, at index *@prev.  *@prev becomes
 * this ref's index; @arrow: it follows "->", not ".".  Returns the ref,
 * or NULL as doc_ref() does.
 */
struct ref *doc_member_ref(struct doc *d, enum ref_strength s,
			   const char *name, size_t n, const char *base,
			   size_t basen, long *prev, bool arrow)
{
	struct ref *r = doc_ref(d, R_MEMBER, s, name, name, n);

	if (r) {
		r->arrow = arrow;
		r->base = xstrndup(base, basen);
		r->chain = *prev;
		*prev = r - d->refs;
	}
	return r;
}

void doc_diag(struct doc *d, const char *at, const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	GROW(d->diags, d->ndiags, d->diags_cap, 4);
	g = &d->diags[d->ndiags++];
	g->line = d->lineno ? d->lineno : 1;
	g->col = at ? doc_col(d, at) : 1;
	va_start(ap, fmt);
	g->msg = xvstrfmt(fmt, ap);
	va_end(ap);
}
