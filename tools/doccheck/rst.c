// SPDX-License-Identifier: GPL-2.0
/*
 * The block structure of reStructuredText, line by line, without
 * recursion: which lines are prose (prose.c), which are C code (csnip.c),
 * which are skipped (comments, other languages, toctrees).
 *
 *   text::  + indented block       literal block: C-looking lines only
 *   .. code-block:: c              C code block ("code", "sourcecode" too)
 *   .. code-block:: sh             skipped, like any other language
 *   .. c:function:: decl           C domain: the declared name is strong
 *   .. kernel-doc:: path           a path; :functions: and :identifiers:
 *                                  options list strong names
 *   .. toctree::, raw, math, ...   skipped
 *   .. anything else                a comment when not a directive
 *   title + ==== underline         a new section (callback contexts end),
 *                                  numbered as the page's outline numbers
 *                                  it (outline.c), the one parse of titles
 *
 * The input may hold a BOM, CRLF line ends, invalid UTF-8, NUL bytes or
 * very long lines: each gets a diagnostic where it matters, none a crash.
 */
#include <string.h>

#include "doccheck.h"

enum block { B_NONE, B_LITERAL, B_CODE, B_SKIP, B_KDOC };

struct rst {
	struct doc *d;
	enum block block;
	int ctx;		/* the outline's context of the last line (lctx) */
	bool hist_next;		/* a comment naming doccheck: a history table follows */
	bool in_hist;		/* inside that table */
	int hist_indent, cell_indent, column;
	struct csnip cs;
	size_t pending_local;	/* ref + 1 of a definition waiting for its body */
	size_t pending_first;	/* with it, the first of a line of them */
	size_t sig_ref;		/* ref + 1 of a signature on several lines */
	int sig_depth;		/* its parentheses still open */
	size_t block_first;	/* the first ref of the current block */
	bool block_user;	/* it is a user-space program (foreign.c) */
	int block_shell;	/* shell commands: -1 unknown yet, 0 no, 1 yes */
};

/* "void foo(...)", "static int bar(", after an optional line number */
static bool c_definition(const char *s, size_t n)
{
	size_t i = 0, k;
	int words = 0;

	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ' ' || s[i] == '\t'))
		i++;
	for (;;) {
		for (k = i; k < n && is_ident_char(s[k]); k++)
			;
		if (k == i || !is_ident_start(s[i]))
			return false;
		words++;
		if (k < n && s[k] == '(') {
			while (n > k && (s[n - 1] == ' ' || s[n - 1] == '\t'))
				n--;
			/* the line ends the declaration: ")", "{", "," or ";" */
			return words >= 2 && strchr("){,;", s[n - 1]);
		}
		i = k;
		while (i < n && (s[i] == ' ' || s[i] == '*'))
			i++;
	}
}

/*
 * "add()          search_and_reference()": a line of a literal block
 * that is only names of functions, such as the heads of a listing in
 * two columns, with their "{" on the next line.
 */
static bool only_calls(const char *s, size_t n)
{
	size_t i = 0, k;
	int calls = 0;

	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == n)
			return calls > 0;
		k = ident_span(s, n, i);
		if (!k || i + k + 1 >= n || s[i + k] != '(' || s[i + k + 1] != ')')
			return false;
		calls++;
		i += k + 2;
	}
}

static bool c_looking(const char *s, size_t n)
{
	return memchr(s, ';', n) || memchr(s, '{', n) || memchr(s, '}', n) ||
	       memmem(s, n, "->", 2) || memmem(s, n, "#define", 7) ||
	       memmem(s, n, "(*", 2) || memmem(s, n, "struct ", 7) ||
	       c_definition(s, n) || only_calls(s, n);
}

/* ".. c:function:: int foo(int a)": the declared name. */
static void c_domain(struct doc *d, const char *dir, size_t dn,
		     const char *s, size_t n)
{
	const char *paren = memchr(s, '(', n);
	size_t end = paren ? (size_t)(paren - s) : n, b;

	if (!word_is(dir, dn, "c:macro") && !word_is(dir, dn, "c:function") &&
	    !word_is(dir, dn, "c:struct") && !word_is(dir, dn, "c:union") &&
	    !word_is(dir, dn, "c:enum") && !word_is(dir, dn, "c:type") &&
	    !word_is(dir, dn, "c:var") && !word_is(dir, dn, "c:enumerator"))
		return;
	if (word_is(dir, dn, "c:macro") && paren)
		end = paren - s;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	for (b = end; b > 0 && is_ident_char(s[b - 1]); b--)
		;
	if (b == end || !is_ident_start(s[b]))
		return;
	doc_ref(d, word_is(dir, dn, "c:function") ? R_CALL :
		   word_is(dir, dn, "c:struct") || word_is(dir, dn, "c:union") ||
		   word_is(dir, dn, "c:enum") ? R_TAG : R_NAME,
		S_STRONG, s + b, s + b, end - b);
}

/* ":functions: a b c" under a kernel-doc directive. */
static void kdoc_option(struct doc *d, const char *s, size_t n)
{
	const char *colon;
	size_t i;

	if (!n || s[0] != ':')
		return;
	colon = memchr(s + 1, ':', n - 1);
	if (!colon)
		return;
	if (!word_is(s + 1, colon - s - 1, "functions") &&
	    !word_is(s + 1, colon - s - 1, "identifiers"))
		return;
	for (i = colon - s + 1; i < n;) {
		size_t k = i;

		while (k < n && is_ident_char(s[k]))
			k++;
		if (k > i && is_ident_start(s[i]))
			doc_ref(d, R_NAME, S_STRONG, s + i, s + i, k - i);
		i = k + 1;
	}
}

static void begin_block(struct rst *r)
{
	r->sig_ref = 0;
	r->block_first = r->d->nrefs;
	r->block_user = false;
	r->block_shell = -1;
}

/* The names of a user-space program's block are the program's. */
static void end_block(struct rst *r)
{
	size_t i;

	for (i = r->block_first; r->block_user && i < r->d->nrefs; i++)
		r->d->refs[i].user = true;
	r->block_user = false;
}

/*
 * A comment (the outline's OC_COMMENT, OC_TARGET): its lines hold no
 * reference.  One that names doccheck announces a history table.
 */
static void comment(struct rst *r, const char *s, size_t n)
{
	r->block = B_SKIP;
	if (memmem(s, n, "doccheck", 8))
		r->hist_next = true;
}

/* What a code block's lines are, by its language (@arg, @an bytes). */
static void code_block(struct rst *r, const char *arg, size_t an)
{
	if (!an)
		r->block = B_LITERAL;
	else
		r->block = (word_is(arg, an, "c") || word_is(arg, an, "C")) ?
			   B_CODE : B_SKIP;
	if (shell_language(arg, an)) {
		r->block = B_LITERAL;
		r->block_shell = 1;
	}
	r->cs.in_comment = false;
	r->cs.in_enum = false;
	r->cs.in_struct = false;
}

/* Directives whose argument, options and body hold no reference. */
static bool skipped_directive(const char *p, size_t dn)
{
	static const char *const names[] = {
		"toctree", "raw", "math", "literalinclude", "include",
		"kernel-include", "kernel-figure", "image", "figure", "graphviz",
		"csv-table", "kernel-abi", "kernel-feat", "highlight",
		"parsed-literal", "kernel-render", NULL
	};
	int i;

	for (i = 0; names[i]; i++)
		if (word_is(p, dn, names[i]))
			return true;
	return false;
}

/*
 * The first line of a directive (the outline's OC_DIRECTIVE, @it its
 * item): the line @s, @n bytes without the indentation.  Its name
 * starts after ".. ", its argument is the item's, at the line's end.
 */
static void directive(struct rst *r, const struct oitem *it, const char *s, size_t n,
		      int indent)
{
	const char *p = s + 3, *arg;
	size_t dn = strlen(it->name), an = strlen(it->arg);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (an > n || dn + 3 > n)
		return;		/* not the line the outline parsed */
	arg = s + n - an;
	if (word_is(p, dn, "list-table") && r->hist_next) {
		r->in_hist = true;
		r->hist_indent = indent;
		r->column = -1;
	}
	r->hist_next = false;
	r->block = B_NONE;	/* admonitions, tables, only...: their content is text */
	if (word_is(p, dn, "code-block") || word_is(p, dn, "code") ||
	    word_is(p, dn, "sourcecode")) {
		begin_block(r);
		code_block(r, arg, an);
	} else if (dn > 2 && !memcmp(p, "c:", 2)) {
		c_domain(r->d, p, dn, arg, an);
	} else if (word_is(p, dn, "kernel-doc")) {
		enum ref_strength st;
		size_t k = path_at(arg, an, 0, &st);

		if (k)
			doc_ref(r->d, R_PATH, S_STRONG, arg, arg, k);
		r->block = B_KDOC;
	} else if (skipped_directive(p, dn)) {
		r->block = B_SKIP;
	} else if (rst_admonition(p, dn)) {
		prose_scan(r->d, arg, an);	/* ".. note:: text" */
	}
}

/* A literal block after "::" (the outline's OC_LITERAL). */
static void literal_block(struct rst *r)
{
	begin_block(r);
	r->block = B_LITERAL;
	r->cs.in_comment = false;
	r->cs.in_enum = false;
	r->cs.in_struct = false;
}

/*
 * "void foo(int x)" in a block is the example's own function only when
 * a body follows: a '{' at the end of the line or on the next one.  A
 * lone signature restates a kernel function.
 */
static void settle_local(struct rst *r, const char *s, size_t n)
{
	struct doc *d = r->d;

	/* "4 {" in a block with line numbers */
	while (n && ((*s >= '0' && *s <= '9') || *s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (r->pending_local && r->pending_local <= d->nrefs &&
	    !(n && s[0] == '{')) {
		size_t i = r->pending_first < r->pending_local ?
			   r->pending_first : r->pending_local - 1;

		for (; i < r->pending_local; i++)
			d->refs[i].local = false;
	}
	r->pending_local = 0;
	r->pending_first = 0;
}

static int paren_balance(const char *s, size_t n)
{
	int depth = 0;
	size_t i;

	for (i = 0; i < n; i++)
		depth += (s[i] == '(') - (s[i] == ')');
	return depth;
}

/*
 * "static int est_power(struct device *dev," and the parameters on the
 * next lines: when the parentheses close, the signature is a definition
 * if a body follows (as on one line), a prototype if ';' ends it.
 */
static void signature_line(struct rst *r, size_t first, const char *s, size_t n)
{
	struct doc *d = r->d;
	size_t i;

	if (r->sig_ref) {
		r->sig_depth += paren_balance(s, n);
		if (r->sig_depth > 0)
			return;
		if (r->sig_ref <= d->nrefs && n && s[n - 1] != ';' && s[n - 1] != ',') {
			d->refs[r->sig_ref - 1].local = true;
			if (s[n - 1] != '{') {
				r->pending_local = r->sig_ref;
				r->pending_first = r->sig_ref - 1;
			}
		}
		r->sig_ref = 0;
		return;
	}
	if (!n || (s[n - 1] != ',' && s[n - 1] != '(') || paren_balance(s, n) <= 0)
		return;
	for (i = first; i < d->nrefs; i++)
		if (d->refs[i].kind == R_CALL && d->refs[i].strength == S_WEAK &&
		    !d->refs[i].local) {
			r->sig_ref = i + 1;
			r->sig_depth = paren_balance(s, n);
			return;
		}
}

static void note_local(struct rst *r, size_t first, const char *s, size_t n)
{
	size_t i;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	signature_line(r, first, s, n);
	for (i = first; i < r->d->nrefs; i++)
		if (r->d->refs[i].local && r->d->refs[i].kind == R_CALL &&
		    !(n && s[n - 1] == '{')) {
			r->pending_local = i + 1;
			r->pending_first = i;
		}
	/* "soc_pm_init()" alone, its body on the next lines: a definition */
	if (r->d->nrefs > first && only_calls(s, n)) {
		for (i = first; i < r->d->nrefs; i++)
			r->d->refs[i].local = true;
		r->pending_first = first;
		r->pending_local = r->d->nrefs;
	}
}

/*
 * "config NEW_NAME" in a block: a Kconfig entry of the page's own
 * example defines CONFIG_NEW_NAME.
 */
static void kconfig_entry(struct doc *d, const char *s, size_t n)
{
	size_t k = ident_span(s, n, 0), j, m;
	struct buf b = { 0 };
	struct ref *r;

	if (!word_is(s, k, "config") && !word_is(s, k, "menuconfig"))
		return;
	for (j = k; j < n && s[j] == ' '; j++)
		;
	m = ident_span(s, n, j);
	if (j == k || !m || j + m != n || !is_upper_name(s + j, m))
		return;
	buf_addf(&b, "CONFIG_%.*s", (int)m, s + j);
	r = doc_ref(d, R_KCONFIG, S_WEAK, s + j, b.data, b.len);
	if (r)
		r->local = true;
	buf_free(&b);
}

static void block_line(struct rst *r, const char *s, size_t n)
{
	size_t first = r->d->nrefs;

	settle_local(r, s, n);
	kconfig_entry(r->d, s, n);
	if ((r->block == B_CODE || r->block == B_LITERAL) && user_space_line(s, n))
		r->block_user = true;
	/* a block of shell commands: its calls are the commands' (foreign.c) */
	if (r->block == B_LITERAL && r->block_shell < 0)
		r->block_shell = shell_line(s, n);
	if (r->block == B_LITERAL && r->block_shell == 1) {
		shell_calls(r->d, s, n);
		return;
	}
	switch (r->block) {
	case B_CODE:
		r->cs.block = true;
		csnip_scan(r->d, &r->cs, s, n);
		break;
	case B_LITERAL:
		if (c_looking(s, n) || r->cs.in_enum) {
			r->cs.block = true;
			csnip_scan(r->d, &r->cs, s, n);
		}
		break;
	case B_KDOC:
		kdoc_option(r->d, s, n);
		break;
	default:
		break;
	}
	note_local(r, first, s, n);
}

/*
 * A history table: a list-table right after a comment that names
 * doccheck.  Its first column lists old names, which are expected to be
 * gone from the tree: they are not reported as removed.
 */
static void history_table(struct rst *r, const char *t, size_t tn, int indent)
{
	if (indent <= r->hist_indent) {
		r->in_hist = false;
		r->d->historical = false;
		return;
	}
	if (tn >= 3 && t[0] == '*' && t[1] == ' ' && t[2] == '-') {
		r->column = 0;
		r->cell_indent = indent + 2;
	} else if (tn >= 2 && t[0] == '-' && t[1] == ' ' && indent == r->cell_indent) {
		r->column++;
	}
	r->d->historical = r->column == 0;
}

/* A line that leaves the current block: the block's names are settled. */
static void leave_block(struct rst *r)
{
	if (r->block == B_NONE)
		return;
	settle_local(r, "", 0);
	end_block(r);
	r->block = B_NONE;
}

/*
 * Line @l (from 0) of the page, @s and @n bytes.  Where blocks begin and
 * end is the outline's (lctx): this decides only what each holds.
 */
static void rst_line(struct rst *r, int l, const char *s, size_t n)
{
	const struct outline *o = r->d->outline;
	size_t skip;
	int indent = rst_indent(s, n, &skip), ctx = o->lctx[l];
	const char *t = s + skip;
	size_t tn = n - skip;

	if (skip == n)
		return;
	if (r->in_hist)
		history_table(r, t, tn, indent);
	if (ctx != r->ctx) {
		const struct octx *c = ctx ? &o->ctx[ctx - 1] : NULL;

		leave_block(r);
		r->ctx = ctx;
		if (c && c->kind == OC_LITERAL) {
			literal_block(r);
		} else if (c && c->kind == OC_DIRECTIVE) {
			directive(r, &o->item[c->item - 1], t, tn, indent);
			return;
		} else if (c) {
			comment(r, t, tn);
			return;
		}
	}
	if (r->block != B_NONE) {
		block_line(r, t, tn);
		return;
	}
	if (o->lkind[l] == BK_LABEL || o->lkind[l] == BK_COMMENT)
		return;
	if (rst_adornment(t, tn))
		return;		/* an underline, an overline or a transition */
	prose_scan(r->d, t, tn);
}

/* Report the first invalid UTF-8 sequence of the file, if any. */
static void check_utf8(struct doc *d, const char *text, size_t len)
{
	size_t i = d->outline->bad_utf8_at;	/* the outline looked */
	const char *nl = text, *q;

	if (i == len)
		return;
	d->lineno = 1;
	for (q = text; q < text + i; q++)
		if (*q == '\n') {
			d->lineno++;
			nl = q + 1;
		}
	d->line = nl;
	d->colp = NULL;
	doc_diag(d, text + i, "invalid UTF-8 (byte 0x%02x); checked as bytes",
		 (unsigned char)text[i]);
}

void rst_extract(struct doc *d, const char *text, size_t len)
{
	struct rst r = { .d = d };
	const char *p = text, *end = text + len;
	const char *nul = memchr(text, '\0', len);

	if (!d->outline)
		d->outline = xmalloc(sizeof(*d->outline));
	else
		outline_free(d->outline);
	outline_parse(d->outline, d->path, text, len);
	if (nul) {
		d->lineno = 1;
		for (p = text; p < nul; p++)
			d->lineno += *p == '\n';
		d->line = nul;
		doc_diag(d, NULL, "binary file (NUL byte at offset %zu): not checked",
			 (size_t)(nul - text));
		return;
	}
	check_utf8(d, text, len);
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		p = text + 3;	/* byte order mark */
	else
		p = text;
	d->lineno = 0;
	while (p < end && d->lineno < d->outline->nlines) {
		const char *nl = memchr(p, '\n', end - p);
		const char *e = nl ? nl : end;
		size_t n = e - p;

		d->lineno++;
		d->section = outline_section_at(d->outline, d->lineno);
		d->line = p;
		d->colp = NULL;
		if (n && p[n - 1] == '\r')
			n--;
		rst_line(&r, d->lineno - 1, p, n);
		p = e + 1;
	}
	leave_block(&r);
}
