// SPDX-License-Identifier: GPL-2.0
/*
 * References in C snippets: inline literals and lines of C code blocks.
 *
 * An inline literal that is one name is read by its shape:
 *   ``name()``, ``name(args)``      function: strong
 *   ``PG_x``, ``CONFIG_X[=y]``      strong
 *   ``struct name``                 tag: strong when the name has a '_'
 *   ``some_name``, ``CamelCase``    medium: reported when unknown only
 *                                   with a close match, or when removed
 *   ``word``                        nothing
 * A literal that looks like a shell command or a file system path gives
 * only its CONFIG_ symbols and tree paths.
 *
 * Anything else is read as C tokens, for code blocks and long literals:
 *   name(...)                       call (medium); a definition when a
 *                                   type precedes it and no ';' or ','
 *                                   ends the line ("local"), else a
 *                                   prototype the page documents (weak)
 *   #define NAME                    weak
 *   struct name                     tag (medium); "struct name {" local
 *   T name; T *name = ...; (T name,  a variable or parameter the code
 *                                   declares, outside a struct body and
 *                                   not extern: weak, "declared"
 *   (*name)                         function pointer member (medium)
 *   a->b                            members (weak)
 *   UPPER_CASE (any line), snake_case (inline literal only): weak
 */
#include <string.h>

#include "doccheck.h"

static bool looks_shell(const char *s, size_t n)
{
	size_t w = 0;

	if (!n)
		return true;
	if (s[0] == '/' || s[0] == '$' || s[0] == '~' || s[0] == '-' ||
	    s[0] == '.' || (s[0] == '#' && n > 1 && s[1] == ' '))
		return true;
	while (w < n && s[w] != ' ')
		w++;
	if (w == n)
		return false;
	if (is_shell_command(s, w))
		return true;
	return memmem(s, n, " | ", 3) || memmem(s, n, " > ", 3);
}

static bool is_camel(const char *s, size_t n)
{
	bool lower = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			lower = true;
		else if (s[i] >= 'A' && s[i] <= 'Z' && lower)
			return true;
	}
	return false;
}

static void special_name(struct doc *d, const char *s, size_t n,
			 enum ref_strength other)
{
	if (n > 3 && !memcmp(s, "PG_", 3) && s[3] >= 'a' && s[3] <= 'z')
		doc_ref(d, R_NAME, S_STRONG, s, s, n);	/* PG_lru, not PG_SZ */
	else if (n > 7 && !memcmp(s, "CONFIG_", 7) && s[n - 1] != '_' &&
		 is_upper_name(s, n))
		doc_ref(d, R_KCONFIG, S_STRONG, s, s, n);
	else if (other != S_WEAK || memchr(s, '_', n) || is_camel(s, n))
		doc_ref(d, R_NAME, other, s, s, n);
}

/* The only things taken from a shell command or file system path. */
static void shell_scan(struct doc *d, const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		enum ref_strength st;

		if (!is_ident_start(s[i]) || (i && is_ident_char(s[i - 1]))) {
			i++;
			continue;
		}
		k = path_at(s, n, i, &st);
		if (k) {
			doc_ref(d, R_PATH, st, s + i, s + i, k);
			i += k;
			continue;
		}
		k = ident_span(s, n, i);
		if (k > 7 && !memcmp(s + i, "CONFIG_", 7) && (i == 0 || s[i - 1] != '/') &&
		    s[i + k - 1] != '_' && is_upper_name(s + i, k))
			doc_ref(d, R_KCONFIG, S_STRONG, s + i, s + i, k);
		i += k;
	}
}

/* A literal that is one name, maybe with a call or "=y".  True if so. */
static bool whole_name(struct doc *d, const char *s, size_t n)
{
	size_t k = ident_span(s, n, 0);

	if (!k)
		return false;
	if (k == n || (n > k + 1 && s[k] == '=' && !memchr(s, ' ', n))) {
		if ((k == n && memchr(s, '_', k)) || is_camel(s, k) ||
		    (k > 7 && !memcmp(s, "CONFIG_", 7)))
			special_name(d, s, k, S_MEDIUM);
		return true;
	}
	if (s[k] == '(' && s[n - 1] == ')' && !memchr(s, ';', n) &&
	    !memchr(s + k + 1, '(', n - k - 2)) {
		/* name(2) is a man page */
		if (!(n == k + 3 && s[k + 1] >= '0' && s[k + 1] <= '9'))
			doc_ref(d, R_CALL, S_STRONG, s, s, k);
		return true;
	}
	if ((k == 6 && !memcmp(s, "struct", 6)) || (k == 5 && !memcmp(s, "union", 5))) {
		size_t j = k, t;

		while (j < n && s[j] == ' ')
			j++;
		t = ident_span(s, n, j);
		while (j + t < n && (s[j + t] == ' ' || s[j + t] == '*'))
			t++;
		if (j > k && j + t == n) {
			t = ident_span(s, n, j);
			doc_ref(d, R_TAG, memchr(s + j, '_', t) ? S_STRONG : S_MEDIUM,
				s + j, s + j, t);
			return true;
		}
	}
	return false;
}

struct ctok {
	const char *s;
	size_t n;		/* 0 for punctuation */
	char c;
};

/* Members after "a->": a chain of weak references. */
static size_t arrow_chain(struct doc *d, const char *s, size_t n, size_t i,
			  size_t k, enum ref_strength st)
{
	const char *base = s + i;
	size_t basen = k - i;
	long prev = -1;

	while (k + 2 < n && ((s[k] == '-' && s[k + 1] == '>') || s[k] == '.')) {
		size_t step = s[k] == '.' ? 1 : 2, m = ident_span(s, n, k + step);

		if (!m)
			break;
		doc_member_ref(d, st, s + k + step, m, base, basen, &prev, step == 2);
		base = s + k + step;
		basen = m;
		k += step + m;
	}
	return k;
}

static bool prototype(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n && (s[n - 1] == ';' || s[n - 1] == ',');
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/*
 * "name(struct device *dev," or "name(int id)": the parentheses open a
 * list of parameters, not of arguments: a declaration whose type is on
 * the line before, not a call.  @i is just after the '('.
 */
static bool parameters(const char *s, size_t n, size_t i)
{
	static const char *const types[] = {
		"struct", "union", "enum", "const", "unsigned", "signed", "int",
		"char", "long", "short", "void", "bool", "u8", "u16", "u32",
		"u64", "s8", "s16", "s32", "s64", "size_t", NULL
	};
	size_t k, j;
	int t;

	i = skip_ws(s, n, i);
	k = ident_span(s, n, i);
	if (!k)
		return false;
	for (t = 0; types[t]; t++)
		if (word_is(s + i, k, types[t]))
			break;
	if (!types[t])
		return false;
	j = skip_ws(s, n, i + k);
	if (word_is(s + i, k, "void") && j < n && s[j] == ')')
		return true;
	return j > i + k && j < n && (is_ident_start(s[j]) || s[j] == '*');
}

/*
 * "int err;", "struct task_struct *parent;", "long v[4] = ...": the name
 * just before @k ends a variable's declaration in a code block, after a
 * type (@prev, or "*" after one in @prev2).  Not an "extern" one: that
 * restates a kernel variable.  Not after a word that starts a statement
 * ("return ret;", "goto out;").
 */
static bool declares_variable(const char *s, size_t n, size_t k,
			      const struct ctok *prev, const struct ctok *prev2)
{
	static const char *const stmt[] = {
		"return", "goto", "case", "sizeof", "else", "do", "typeof",
		"break", "continue", NULL
	};
	const struct ctok *type = prev->n ? prev : prev2;
	size_t j = skip_ws(s, n, k);

	if (j >= n || !strchr(";=,[", s[j]))
		return false;
	if (!prev->n && !(prev->c == '*' && prev2->n))
		return false;
	for (int i = 0; stmt[i]; i++)
		if (word_is(type->s, type->n, stmt[i]))
			return false;
	return !memmem(s, n, "extern", 6);
}

/* " tag {" at s[k], after "enum": the page defines that enum */
static bool enum_body(const char *s, size_t n, size_t k)
{
	size_t j = skip_ws(s, n, k), m = ident_span(s, n, j);

	if (!m)
		return false;
	j = skip_ws(s, n, j + m);
	return j < n && s[j] == '{';
}

/* C tokens of one line. */
static void c_scan(struct doc *d, struct csnip *st, const char *s, size_t n)
{
	enum ref_strength call = st->block ? S_MEDIUM : S_STRONG;
	struct ctok prev = { 0 }, prev2 = { 0 };
	bool define = false;
	size_t i = 0, k;

	while (i < n) {
		unsigned char c = s[i];
		struct ctok t = { 0 };

		if (st->in_comment) {
			const char *e = memmem(s + i, n - i, "*/", 2);

			if (!e)
				return;
			st->in_comment = false;
			i = e - s + 2;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			st->in_comment = true;
			i += 2;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '/')
			return;
		if (c == '"' || c == '\'') {
			for (i++; i < n && s[i] != c; i++)
				if (s[i] == '\\')
					i++;
			i++;
			continue;
		}
		if (c == '#' && skip_ws(s, n, i + 1) + 6 <= n &&
		    !memcmp(s + skip_ws(s, n, i + 1), "define", 6)) {
			define = true;
			i = skip_ws(s, n, i + 1) + 6;
			continue;
		}
		if (c >= '0' && c <= '9') {
			while (i < n && is_ident_char(s[i]))
				i++;
			prev2 = prev;
			prev.n = 0;
			prev.c = '0';
			continue;
		}
		if (!is_ident_start(c)) {
			if (c == '}')
				st->in_enum = st->in_struct = false;
			if (c != ' ' && c != '\t') {
				prev2 = prev;
				prev.n = 0;
				prev.c = c;
			}
			i++;
			continue;
		}
		k = i + ident_span(s, n, i);
		t.s = s + i;
		t.n = k - i;
		if (i >= 1 && s[i - 1] == '>' && (i < 2 || s[i - 2] != '-') &&
		    memchr(s, '<', i)) {
			/* <name>__attach(): the rest of a placeholder's name */
			prev2 = prev;
			prev = t;
			i = k;
			continue;
		}
		if (define) {
			/* #define in a page restates a kernel macro, mostly */
			struct ref *r = doc_ref(d, R_NAME, S_WEAK, t.s, t.s, t.n);

			if (r && st->block)
				r->defined = true;
			define = false;
		} else if ((word_is(t.s, t.n, "struct") || word_is(t.s, t.n, "union") ||
			    (word_is(t.s, t.n, "enum") && enum_body(s, n, k))) &&
			   ident_span(s, n, skip_ws(s, n, k))) {
			size_t j = skip_ws(s, n, k), m = ident_span(s, n, j);
			struct ref *r = doc_ref(d, R_TAG, S_MEDIUM, s + j, s + j, m);
			bool body = skip_ws(s, n, j + m) < n && s[skip_ws(s, n, j + m)] == '{';

			if (r && body)
				r->local = true;
			if (body && st->block && word_is(t.s, t.n, "enum") &&
			    m < sizeof(st->enum_tag)) {
				/* its constants are named on the next lines */
				memcpy(st->enum_tag, s + j, m);
				st->enum_tag[m] = '\0';
				st->in_enum = true;
			}
			if (body && st->block && !word_is(t.s, t.n, "enum"))
				st->in_struct = true;	/* members, not variables */
			k = j + m;
		} else if (is_c_keyword(t.s, t.n) || is_c_plain_word(t.s, t.n)) {
			/* nothing */
		} else if (k < n && (s[k] == '(' ||
				     (!st->block && s[skip_ws(s, n, k)] == '(')) &&
			   !(prev.n == 0 && prev.c == '.')) {
			bool decl = (prev.n && !word_is(prev.s, prev.n, "return") &&
				     !word_is(prev.s, prev.n, "else")) ||
				    (!prev.n && prev.c == '*' && prev2.n) ||
				    (st->block && parameters(s, n, k + 1));
			/*
			 * "void foo(int x);" or "...(int x," declares a
			 * function the text documents; "void foo(int x)"
			 * followed by a body is the example's own.
			 */
			bool def = decl && !prototype(s, n);
			struct ref *r = doc_ref(d, R_CALL, decl ? S_WEAK : call, t.s, t.s, t.n);

			if (r)
				r->local = def;
		} else if (prev.c == '*' && !prev.n && prev2.c == '(' && !prev2.n &&
			   skip_ws(s, n, k) < n && s[skip_ws(s, n, k)] == ')') {
			/* in a code block, most likely of the block's own struct */
			doc_ref(d, R_MEMBER, st->block ? S_WEAK : S_MEDIUM, t.s, t.s, t.n);
		} else if (k + 2 < n && s[k] == '-' && s[k + 1] == '>') {
			k = arrow_chain(d, s, n, i, k, st->block ? S_WEAK : S_MEDIUM);
		} else if (st->in_enum && !prev.n && (!prev.c || prev.c == '{' || prev.c == ',') &&
			   (skip_ws(s, n, k) == n || strchr("=,}", s[skip_ws(s, n, k)]))) {
			/* "PM_SUSPEND = 1,": a constant of the page's enum */
			struct ref *r = doc_ref(d, R_NAME, S_WEAK, t.s, t.s, t.n);

			if (r) {
				r->enumerator = true;
				r->base = xstrdup(st->enum_tag);
			}
		} else if (st->block && !st->in_struct && !is_upper_name(t.s, t.n) &&
			   declares_variable(s, n, k, &prev, &prev2)) {
			/* the example's own variable: the text may name it */
			struct ref *r = doc_ref(d, R_NAME, S_WEAK, t.s, t.s, t.n);

			if (r)
				r->declared = true;
		} else if ((!st->block || is_upper_name(t.s, t.n)) && !(k < n && s[k] == '*')) {
			/* variables of an example are no references; CONFIG_FOO* a family */
			special_name(d, t.s, t.n, S_WEAK);
		}
		prev2 = prev;
		prev = t;
		i = k;
	}
}

void csnip_scan(struct doc *d, struct csnip *st, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!st->block) {
		if (looks_shell(s, n)) {
			shell_scan(d, s, n);
			return;
		}
		if (whole_name(d, s, n))
			return;
		{
			enum ref_strength ps;
			size_t k = path_at(s, n, 0, &ps);

			if (k == n) {
				doc_ref(d, R_PATH, ps, s, s, k);
				return;
			}
		}
	}
	c_scan(d, st, s, n);
}
