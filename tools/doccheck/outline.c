// SPDX-License-Identifier: GPL-2.0
/*
 * The outline of a reStructuredText page: what a translation must keep
 * of its original.  One pass over the lines, no recursion:
 *
 *   sections     titles (underlined, or over- and underlined), their
 *                levels in the order the styles first appear, and a key:
 *                the label right before the title, or a slug of it
 *   blocks       runs of non-blank lines of one kind (text, title, code,
 *                directive, label, comment, header field)
 *   items        labels, :ref:/:doc:/:numref:/:kunit: targets, directives
 *                with their arguments and options, code blocks
 *   counts       list items and tables per section, and the size of the
 *                prose (Chinese characters count as 1/1.7 English word)
 *   header       :Original:, :翻译:, :校译: ... fields, and the
 *                ".. translation-sync:" comment
 *
 * Any bytes are accepted: a NUL byte makes the file "binary" (not
 * parsed), invalid UTF-8 is noted with its line.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "trans.h"

enum ctx { X_NORMAL, X_LITERAL, X_CODE, X_OPTIONS, X_TOCTREE, X_COMMENT };

struct oparser {
	struct outline *o;
	enum ctx ctx;
	int ctx_indent;
	int ctx_id;		/* the current context's number in o->ctx, from 1 */
	bool code_body;		/* X_OPTIONS: the body is code */
	bool toctree_body;	/* X_OPTIONS: the body lists pages */
	bool text_body;		/* X_OPTIONS: an admonition, its next lines text */
	bool stamp;		/* X_COMMENT: the translation-sync comment */
	bool literal_next;
	int literal_indent;
	size_t directive;	/* item + 1 of the current directive */
	struct buf code;	/* lines of the current code block */
	char *code_lang;
	int code_line;
	char styles[32][2];	/* title styles: char, overline */
	int nstyles;
	int pending[16];	/* lines of labels waiting for a title */
	int npending;
	bool in_field;		/* continuation lines of a header field */
	bool in_list;
	int list_indent;
	size_t cap_sec, cap_item, cap_field, cap_ctx;
};

/* ---- small helpers ---- */

static char *trimdup(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* "migrate_pages() and friends" -> "migrate-pages-and-friends" */
char *slugify(const char *s)
{
	struct buf b = { 0 };
	bool dash = false;

	buf_add(&b, "", 0);
	for (; *s && b.len < 48; s++) {
		unsigned char c = *s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b.len)
				buf_addc(&b, '-');
			buf_addc(&b, c);
			dash = false;
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && b.len)
				buf_addc(&b, '-');
			buf_addc(&b, c - 'A' + 'a');
			dash = false;
		} else {
			dash = true;
		}
	}
	return b.data;
}

static struct oitem *add_item(struct oparser *p, enum oitem_kind k, int line,
			      int col, const char *name, size_t nn,
			      const char *arg, size_t an)
{
	struct outline *o = p->o;
	struct oitem *it;

	GROW(o->item, o->nitem, p->cap_item, 64);
	it = &o->item[o->nitem++];
	it->kind = k;
	it->line = line;
	it->col = col;
	it->section = (int)o->nsec - 1;
	it->name = xstrndup(name, nn);
	it->arg = arg ? xstrndup(arg, an) : NULL;
	it->opts = NULL;
	return it;
}

static void new_section(struct oparser *p, const char *title, size_t tn,
			int level, int line)
{
	struct outline *o = p->o;
	struct osection *s;

	GROW(o->sec, o->nsec, p->cap_sec, 16);
	if (o->nsec)
		o->sec[o->nsec - 1].end = line - 1;
	s = &o->sec[o->nsec++];
	memset(s, 0, sizeof(*s));
	s->title = trimdup(title, tn);
	s->level = level;
	s->line = line;
	s->end = o->nlines;
}

/* Column (code points, from 1) of byte @at of line @l. */
static int col_of(const struct outline *o, int l, const char *at)
{
	const char *p = o->text + o->lofs[l];
	int col = 1;

	for (; p < at; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			col++;
	return col;
}

/* ---- code blocks ---- */

/* Common indentation removed, tabs expanded, trailing blanks dropped. */
static char *code_norm(const char *s, size_t n)
{
	struct buf out = { 0 };
	const char *p, *end = s + n;
	int common = -1;

	for (p = s; p < end;) {
		const char *e = memchr(p, '\n', end - p);
		size_t skip, ln = (e ? e : end) - p;
		int ind = rst_indent(p, ln, &skip);

		if (skip < ln && (common < 0 || ind < common))
			common = ind;
		p = e ? e + 1 : end;
	}
	if (common < 0)
		common = 0;
	for (p = s; p < end;) {
		const char *e = memchr(p, '\n', end - p);
		size_t ln = (e ? e : end) - p, i;
		int col = 0;

		for (i = 0; i < ln; i++) {
			if (p[i] == '\t') {
				int to = (col + 8) & ~7;

				for (; col < to; col++)
					if (col >= common)
						buf_addc(&out, ' ');
			} else if (p[i] == ' ' && col < common) {
				col++;
			} else {
				if (col < common)
					col = common;
				buf_add(&out, p + i, ln - i);
				break;
			}
		}
		while (out.len && out.data[out.len - 1] == ' ')
			out.len--;
		buf_addc(&out, '\n');
		p = e ? e + 1 : end;
	}
	while (out.len && out.data[out.len - 1] == '\n')
		out.len--;
	buf_add(&out, "", 0);
	{
		size_t k = 0;

		while (out.data[k] == '\n')
			k++;
		memmove(out.data, out.data + k, out.len - k + 1);
	}
	return out.data;
}

static void code_flush(struct oparser *p)
{
	char *norm;

	if (!p->code_lang)
		return;
	norm = code_norm(p->code.data ? p->code.data : "", p->code.len);
	add_item(p, OI_CODE, p->code_line, 1, p->code_lang, strlen(p->code_lang),
		 norm, strlen(norm));
	free(norm);
	free(p->code_lang);
	p->code_lang = NULL;
	p->code.len = 0;
}

static void code_start(struct oparser *p, const char *lang, int line)
{
	code_flush(p);
	p->code_lang = xstrdup(lang);
	p->code_line = line;
	p->code.len = 0;
}

static void code_add(struct oparser *p, const char *s, size_t n, int line)
{
	if (!p->code_lang)
		return;
	if (!p->code.len)
		p->code_line = line;
	buf_add(&p->code, s, n);
	buf_addc(&p->code, '\n');
}

/* ---- inline roles ---- */

/* :ref:`text <target>`, :doc:`target`, :kunit:`suite.case` */
static void roles(struct oparser *p, int l, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 3 < n; i++) {
		size_t r, e, t0, t1;

		if (s[i] != ':' || (i && s[i - 1] != ' ' && s[i - 1] != '(' &&
				    (unsigned char)s[i - 1] < 0x80))
			continue;
		for (r = i + 1; r < n && ((s[r] >= 'a' && s[r] <= 'z') || s[r] == '-' ||
					  s[r] == '+' || (s[r] == ':' && r + 1 < n && s[r + 1] != '`'));
		     r++)
			;
		if (r == i + 1 || r + 1 >= n || s[r] != ':' || s[r + 1] != '`')
			continue;
		for (e = r + 2; e < n && s[e] != '`'; e++)
			;
		if (e >= n)
			return;
		t0 = r + 2;
		t1 = e;
		if (t1 > t0 && s[t1 - 1] == '>') {
			size_t k = t1 - 1;

			while (k > t0 && s[k] != '<')
				k--;
			if (s[k] == '<') {
				t0 = k + 1;
				t1 = t1 - 1;
			}
		}
		while (t0 < t1 && (s[t0] == '~' || s[t0] == '!' || s[t0] == ' '))
			t0++;
		if (word_is(s + i + 1, r - i - 1, "ref") ||
		    word_is(s + i + 1, r - i - 1, "doc") ||
		    word_is(s + i + 1, r - i - 1, "numref") ||
		    word_is(s + i + 1, r - i - 1, "kunit"))
			add_item(p, OI_XREF, l + 1, col_of(p->o, l, s + i), s + i + 1,
				 r - i - 1, s + t0, t1 - t0);
		i = e;
	}
}

/* ---- explicit markup ---- */

static bool code_directive(const char *d, size_t n)
{
	static const char *const names[] = {
		"code-block", "code", "sourcecode", "raw", "math", "graphviz",
		"kernel-render", "parsed-literal", "csv-table", NULL
	};
	int i;

	for (i = 0; names[i]; i++)
		if (word_is(d, n, names[i]))
			return true;
	return false;
}

static void set_kind(struct outline *o, int l, enum blk_kind k)
{
	o->lkind[l] = k;
}

/*
 * Line @l starts a context of @kind: the lines indented more than
 * @indent that follow belong to it (o->lctx), until one that is not.
 * @item is the directive's item + 1, or 0.
 */
static void begin_context(struct oparser *p, enum ctx ctx, enum octx_kind kind,
			  int l, int indent, size_t item)
{
	struct outline *o = p->o;

	GROW(o->ctx, o->nctx, p->cap_ctx, 16);
	o->ctx[o->nctx++] = (struct octx){ .kind = kind, .line = l + 1, .item = item };
	p->ctx = ctx;
	p->ctx_indent = indent;
	p->ctx_id = (int)o->nctx;
}

/* ".. _label:" (the name at @nm, @nn bytes) */
static void markup_label(struct oparser *p, int l, const char *nm, size_t nn,
			 int indent)
{
	if (*nm == '`' && nn >= 2 && nm[nn - 1] == '`') {
		nm++;
		nn -= 2;
	}
	set_kind(p->o, l, BK_LABEL);
	add_item(p, OI_LABEL, l + 1, indent + 4, nm, nn, NULL, 0);
	if (p->npending < 16)
		p->pending[p->npending++] = l;
}

/* A comment (maybe the sync stamp), a substitution or a footnote. */
static void markup_comment(struct oparser *p, int l, const char *q, int indent)
{
	struct outline *o = p->o;

	if (*q == '[') {	/* a footnote: text */
		set_kind(o, l, BK_TEXT);
		return;
	}
	set_kind(o, l, BK_COMMENT);
	begin_context(p, X_COMMENT, OC_COMMENT, l, indent, 0);
	p->stamp = !strncmp(q, "translation-sync:", 17);
	if (p->stamp && !o->stamp_line) {
		o->stamp_line = l + 1;
		o->stamp_end = l + 1;
		o->stamp_start = o->lofs[l];
		o->stamp_stop = o->lofs[l] + o->llen[l];
	}
}

/* ".. name:: arg": the directive @q (@dn bytes), its argument after @dc */
static void markup_directive(struct oparser *p, int l, const char *q, size_t dn,
			     const char *dc, const char *end, int indent)
{
	struct outline *o = p->o;
	const char *arg = dc + 2;
	struct oitem *it;

	while (arg < end && (*arg == ' ' || *arg == '\t'))
		arg++;
	set_kind(o, l, BK_DIRECTIVE);
	it = add_item(p, OI_DIRECTIVE, l + 1, indent + 4, q, dn, arg, end - arg);
	p->directive = it - o->item + 1;
	begin_context(p, X_OPTIONS, OC_DIRECTIVE, l, indent, p->directive);
	p->code_body = code_directive(q, dn);
	p->toctree_body = word_is(q, dn, "toctree");
	p->text_body = rst_admonition(q, dn);
	if (p->code_body)
		code_start(p, word_is(q, dn, "code-block") || word_is(q, dn, "code") ||
			   word_is(q, dn, "sourcecode") ? it->arg : it->name, l + 1);
	if (word_is(q, dn, "list-table") || word_is(q, dn, "csv-table") ||
	    word_is(q, dn, "table") || word_is(q, dn, "flat-table"))
		o->sec[o->nsec - 1].ntables++;
}

/* A line ".. something" at @indent, @tn bytes without trailing blanks. */
static void explicit_markup(struct oparser *p, int l, const char *t, size_t tn,
			    int indent)
{
	const char *q = t + 3, *end = t + tn, *dc;
	size_t dn;

	if (tn < 3) {
		markup_comment(p, l, "", indent);
		return;
	}
	if (*q == '_' && end[-1] == ':' && q + 2 < end) {
		markup_label(p, l, q + 1, end - 1 - (q + 1), indent);
		return;
	}
	if (*q == '_' && memchr(q, ':', end - q)) {
		/* a target to a URL: not translated, so compared like code */
		set_kind(p->o, l, BK_DIRECTIVE);
		begin_context(p, X_OPTIONS, OC_TARGET, l, indent, 0);
		p->code_body = p->toctree_body = p->text_body = false;
		p->directive = 0;
		return;
	}
	dc = memmem(q, end - q, "::", 2);
	for (dn = 0; dc && q + dn < dc; dn++)
		if (!is_ident_char(q[dn]) && !strchr(":-+", q[dn]))
			break;
	if (!dc || q + dn != dc || dn == 0 || *q == '_' || *q == '|' || *q == '[')
		markup_comment(p, l, q, indent);
	else
		markup_directive(p, l, q, dn, dc, end, indent);
}

static void directive_append(struct oparser *p, const char *s, size_t n)
{
	struct oitem *it;
	struct buf b = { 0 };

	if (!p->directive)
		return;
	it = &p->o->item[p->directive - 1];
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	buf_addstr(&b, it->opts ? it->opts : "");
	buf_add(&b, s, n);
	buf_addc(&b, '\n');
	free(it->opts);
	it->opts = b.data;
}

/* ---- header fields ---- */

static bool header_field_name(const char *s, size_t n)
{
	static const char *const names[] = {
		"Original", "翻译", "校译", "译者", "校对", "Translator",
		"Translators", "Reviewer", "Reviewers", "中文版维护者",
		"中文版翻译者", "中文版校译者", "Translated by", NULL
	};
	int i;

	for (i = 0; names[i]; i++)
		if (word_is(s, n, names[i]))
			return true;
	return false;
}

static void field_start(struct oparser *p, int l, const char *s, size_t n)
{
	struct outline *o = p->o;
	const char *c = memchr(s + 1, ':', n - 1);
	struct ofield *f;

	GROW(o->field, o->nfield, p->cap_field, 8);
	f = &o->field[o->nfield++];
	f->name = xstrndup(s + 1, c - s - 1);
	f->value = trimdup(c + 1, s + n - c - 1);
	f->line = l + 1;
	p->in_field = true;
	set_kind(o, l, BK_FIELD);
}

static void field_more(struct oparser *p, int l, const char *s, size_t n)
{
	struct ofield *f = &p->o->field[p->o->nfield - 1];
	struct buf b = { 0 };
	char *t = trimdup(s, n);

	buf_addstr(&b, f->value);
	if (b.len && *t)
		buf_addc(&b, ' ');
	buf_addstr(&b, t);
	free(t);
	free(f->value);
	f->value = b.data;
	set_kind(p->o, l, BK_FIELD);
}

/* ":name: value" at the left margin */
static bool field_line(const char *s, size_t n, size_t *nn)
{
	const char *c;

	if (n < 3 || s[0] != ':' || s[1] == ' ' || s[1] == ':')
		return false;
	c = memchr(s + 1, ':', n - 1);
	if (!c || (c + 1 < s + n && c[1] != ' ' && c[1] != '\t'))
		return false;
	*nn = c - s - 1;
	return true;
}

/* ---- lists, tables, sizes ---- */

static void count_units(struct osection *sec, const char *s, size_t n)
{
	size_t i = 0;
	int cjk = 0, words = 0;

	while (i < n) {
		unsigned char c = s[i];

		if (c < 0x80) {
			if (is_ident_char(c)) {
				words++;
				while (i < n && (unsigned char)s[i] < 0x80 && is_ident_char(s[i]))
					i++;
			} else {
				i++;
			}
		} else {
			if (c >= 0xe3 && c <= 0xe9)	/* U+3000..U+9FFF: CJK */
				cjk++;
			i++;
			while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
				i++;
		}
	}
	sec->units += words + cjk / 1.7;
}

/* ---- titles ---- */

static int style_level(struct oparser *p, char c, bool over)
{
	int i;

	for (i = 0; i < p->nstyles; i++)
		if (p->styles[i][0] == c && p->styles[i][1] == over)
			return i + 1;
	if (p->nstyles < 32) {
		p->styles[p->nstyles][0] = c;
		p->styles[p->nstyles][1] = over;
		return ++p->nstyles;
	}
	return 32;
}

static bool blank_line(const struct outline *o, int l)
{
	size_t skip;

	rst_indent(o->text + o->lofs[l], o->llen[l], &skip);
	return skip == o->llen[l];
}

/* The title's labels (waiting since the last content) move with it. */
static void take_labels(struct oparser *p)
{
	struct outline *o = p->o;
	struct osection *s = &o->sec[o->nsec - 1];
	size_t i;
	int k;

	for (k = 0; k < p->npending; k++) {
		o->lsec[p->pending[k]] = (int)o->nsec - 1;
		for (i = o->nitem; i-- > 0;)
			if (o->item[i].kind == OI_LABEL && o->item[i].line == p->pending[k] + 1) {
				o->item[i].section = (int)o->nsec - 1;
				if (!s->label)
					s->label = o->item[i].name;
				break;
			}
	}
	p->npending = 0;
}

/* A title at line @l (its text at @tl); returns the lines it takes. */
static int title_at(struct oparser *p, int l)
{
	struct outline *o = p->o;
	const char *s = o->text + o->lofs[l];
	size_t n = o->llen[l], skip;
	int tl, last, level;
	bool over = false;

	if (l > 0 && !blank_line(o, l - 1) && o->lkind[l - 1] != BK_LABEL &&
	    o->lkind[l - 1] != BK_TITLE && o->lkind[l - 1] != BK_COMMENT)
		return 0;
	if (rst_adornment(s, n) && l + 2 < o->nlines && !blank_line(o, l + 1) &&
	    rst_adornment(o->text + o->lofs[l + 2], o->llen[l + 2]) &&
	    o->text[o->lofs[l + 2]] == s[0]) {
		over = true;
		tl = l + 1;
		last = l + 2;
	} else if (!rst_adornment(s, n) && l + 1 < o->nlines &&
		   rst_adornment(o->text + o->lofs[l + 1], o->llen[l + 1])) {
		if (rst_indent(s, n, &skip) > 0)
			return 0;
		tl = l;
		last = l + 1;
	} else {
		return 0;
	}
	level = style_level(p, o->text[o->lofs[last]], over);
	new_section(p, o->text + o->lofs[tl], o->llen[tl], level, l + 1);
	for (; l <= last; l++) {
		set_kind(o, l, BK_TITLE);
		o->lsec[l] = (int)o->nsec - 1;
	}
	take_labels(p);
	count_units(&o->sec[o->nsec - 1], o->text + o->lofs[tl], o->llen[tl]);
	return last - (tl - over) + 1;
}

/* ---- the line loop ---- */

static void end_context(struct oparser *p)
{
	if (p->ctx == X_CODE || p->ctx == X_LITERAL || p->ctx == X_OPTIONS)
		code_flush(p);
	p->ctx = X_NORMAL;
	p->directive = 0;
}

/* Inside a context: true when the line belongs to it. */
static bool context_line(struct oparser *p, int l, const char *s, size_t n,
			 int indent, size_t skip)
{
	struct outline *o = p->o;

	if (indent <= p->ctx_indent)
		return false;
	switch (p->ctx) {
	case X_COMMENT:
		set_kind(o, l, BK_COMMENT);
		if (p->stamp) {
			o->stamp_end = l + 1;
			o->stamp_stop = o->lofs[l] + o->llen[l];
		}
		return true;
	case X_OPTIONS:
		if (p->text_body && s[skip] != ':') {
			end_context(p);		/* the admonition's text */
			return false;
		}
		/* fall through */
	case X_TOCTREE:
		set_kind(o, l, BK_DIRECTIVE);
		directive_append(p, s + skip, n - skip);
		return true;
	case X_CODE:
	case X_LITERAL:
		set_kind(o, l, BK_CODE);
		code_add(p, s, n, l + 1);
		return true;
	default:
		return false;
	}
}

static void blank(struct oparser *p, int l)
{
	struct outline *o = p->o;

	o->lkind[l] = LK_BLANK;
	if (p->ctx == X_OPTIONS) {
		if (p->code_body) {
			p->ctx = X_CODE;
			p->directive = 0;
		} else if (p->toctree_body) {
			p->ctx = X_TOCTREE;
		} else {
			p->ctx = X_NORMAL;
			p->directive = 0;
		}
	}
	if (p->ctx == X_CODE || p->ctx == X_LITERAL)
		code_add(p, "", 0, l + 1);
	if (p->stamp && p->ctx == X_COMMENT)
		p->stamp = false;	/* the stamp ends at its first blank line */
}

static void text_line(struct oparser *p, int l, const char *s, size_t n,
		      int indent, size_t skip)
{
	struct outline *o = p->o;
	struct osection *sec = &o->sec[o->nsec - 1];
	const char *t = s + skip;
	size_t tn = n - skip, nn, m;
	bool prev_blank = l == 0 || o->lkind[l - 1] == LK_BLANK, item;

	if (indent == 0 && field_line(t, tn, &nn) &&
	    (o->nsec == 1 || (o->nsec == 2 && header_field_name(t + 1, nn)))) {
		field_start(p, l, t, tn);
		return;
	}
	if (p->in_field && indent > 0) {
		field_more(p, l, t, tn);
		return;
	}
	p->in_field = false;
	set_kind(o, l, BK_TEXT);
	p->npending = 0;
	m = rst_list_marker(t, tn);
	item = m && (prev_blank || (p->in_list && indent == p->list_indent));
	if (item) {
		if (m == 1)
			sec->nbullets++;
		else
			sec->nenums++;
		p->in_list = true;
		p->list_indent = indent;
	} else if (prev_blank && indent <= p->list_indent) {
		p->in_list = false;
	}
	if (prev_blank && tn >= 2 && t[0] == '+' && (t[1] == '-' || t[1] == '='))
		sec->ntables++;
	else if (prev_blank && tn >= 3 && t[0] == '=' && memchr(t, ' ', tn) &&
		 strspn(t, "= ") == tn)
		sec->ntables++;
	roles(p, l, t, tn);
	count_units(sec, t, tn);
	/* the block must be indented more than the paragraph: in a list
	 * item, more than the item's text */
	if (tn >= 2 && t[tn - 1] == ':' && t[tn - 2] == ':') {
		p->literal_next = true;
		p->literal_indent = item ? indent + (int)m + 1 : indent;
	}
}

static void one_line(struct oparser *p, int *lp)
{
	struct outline *o = p->o;
	int l = *lp;
	const char *s = o->text + o->lofs[l];
	size_t n = o->llen[l], skip;
	int indent = rst_indent(s, n, &skip), took;

	o->lsec[l] = (int)o->nsec - 1;
	if (skip == n) {
		blank(p, l);
		return;
	}
	if (p->ctx != X_NORMAL) {
		if (context_line(p, l, s, n, indent, skip))
			return;
		end_context(p);
	}
	if (p->literal_next) {
		p->literal_next = false;
		if (l > 0 && o->lkind[l - 1] == LK_BLANK && indent > p->literal_indent) {
			begin_context(p, X_LITERAL, OC_LITERAL, l, p->literal_indent, 0);
			code_start(p, "literal", l + 1);
			set_kind(o, l, BK_CODE);
			code_add(p, s, n, l + 1);
			return;
		}
	}
	if (n - skip >= 2 && s[skip] == '.' && s[skip + 1] == '.' &&
	    (n - skip == 2 || s[skip + 2] == ' ')) {
		size_t tn = n - skip;

		while (tn > 2 && (s[skip + tn - 1] == ' ' || s[skip + tn - 1] == '\t'))
			tn--;
		p->in_field = false;
		explicit_markup(p, l, s + skip, tn, indent);
		return;
	}
	took = title_at(p, l);
	if (took) {
		p->in_field = false;
		p->in_list = false;
		*lp = l + took - 1;
		return;
	}
	text_line(p, l, s, n, indent, skip);
}

/* ---- lines and blocks ---- */

static void split_lines(struct outline *o)
{
	size_t cap, i = 0, crlf = 0;
	const char *p = o->text, *end = o->text + o->len;

	if (o->len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	cap = count_lines(p, end - p) + 1;
	o->lofs = xmalloc(cap * sizeof(*o->lofs));
	o->llen = xmalloc(cap * sizeof(*o->llen));
	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		size_t n = (nl ? nl : end) - p;

		if (n && p[n - 1] == '\r') {
			n--;
			crlf++;
		}
		o->lofs[i] = p - o->text;
		o->llen[i] = n;
		i++;
		p = nl ? nl + 1 : end;
	}
	o->nlines = (int)i;
	o->crlf = crlf * 2 > i;
	o->lkind = xmalloc(i + 1);
	o->lsec = xcalloc(i + 1, sizeof(*o->lsec));
	o->lctx = xcalloc(i + 1, sizeof(*o->lctx));
}

static void make_blocks(struct outline *o)
{
	size_t cap = 0;
	int l;

	for (l = 0; l < o->nlines; l++) {
		struct oblock *b;

		if (o->lkind[l] == LK_BLANK)
			continue;
		if (l > 0 && o->lkind[l - 1] == o->lkind[l] && o->lsec[l - 1] == o->lsec[l] &&
		    o->nblk) {
			b = &o->blk[o->nblk - 1];
			b->end = l + 1;
			b->stop = o->lofs[l] + o->llen[l];
			continue;
		}
		GROW(o->blk, o->nblk, cap, 64);
		b = &o->blk[o->nblk++];
		b->kind = o->lkind[l];
		b->line = b->end = l + 1;
		b->section = o->lsec[l];
		b->start = o->lofs[l];
		b->stop = o->lofs[l] + o->llen[l];
	}
}

static void find_bad_utf8(struct outline *o)
{
	size_t bad = utf8_invalid(o->text, o->len), i;
	int line = 1;

	o->bad_utf8_at = bad;
	if (bad == o->len)
		return;
	for (i = 0; i < bad; i++)
		line += o->text[i] == '\n';
	o->bad_utf8_line = line;
}

static void assign_keys(struct outline *o);

void outline_parse(struct outline *o, const char *path, const char *text,
		   size_t len)
{
	struct oparser p = { .o = o, .list_indent = -1 };
	int l;

	memset(o, 0, sizeof(*o));
	o->path = xstrdup(path);
	o->text = xstrndup(text, len);
	o->len = len;
	new_section(&p, "", 0, 0, 1);
	o->sec[0].key = xstrdup("-");
	if (memchr(text, '\0', len)) {
		o->binary = true;
		o->lofs = xmalloc(sizeof(*o->lofs));
		o->llen = xmalloc(sizeof(*o->llen));
		o->lkind = xmalloc(1);
		o->lsec = xcalloc(1, sizeof(*o->lsec));
		o->lctx = xcalloc(1, sizeof(*o->lctx));
		return;
	}
	find_bad_utf8(o);
	split_lines(o);
	o->sec[0].end = o->nlines;
	for (l = 0; l < o->nlines; l++) {
		int first = l;

		one_line(&p, &l);
		for (; first <= l; first++)
			o->lctx[first] = p.ctx == X_NORMAL ? 0 : p.ctx_id;
	}
	end_context(&p);
	if (p.stamp && p.ctx == X_COMMENT)
		p.stamp = false;
	o->sec[o->nsec - 1].end = o->nlines;
	make_blocks(o);
	assign_keys(o);
	buf_free(&p.code);
	free(p.code_lang);
}

/* Section keys: the label, or a slug of the title; unique. */
static void assign_keys(struct outline *o)
{
	for (size_t i = 1; i < o->nsec; i++) {
		struct osection *s = &o->sec[i];
		char *k = s->label ? xstrdup(s->label) : slugify(s->title);
		size_t j;
		int dup = 1;

		if (!*k) {
			free(k);
			k = xmalloc(32);
			snprintf(k, 32, "section-%zu", i);
		}
		for (j = 1; j < i; j++)
			if (!strcmp(o->sec[j].key, k))
				dup++;
		if (dup > 1) {
			char *d = xmalloc(strlen(k) + 16);

			sprintf(d, "%s-%d", k, dup);
			free(k);
			k = d;
		}
		s->key = k;
	}
}

void outline_free(struct outline *o)
{
	size_t i;

	for (i = 0; i < o->nsec; i++) {
		free(o->sec[i].title);
		free(o->sec[i].key);
	}
	for (i = 0; i < o->nitem; i++) {
		free(o->item[i].name);
		free(o->item[i].arg);
		free(o->item[i].opts);
	}
	for (i = 0; i < o->nfield; i++) {
		free(o->field[i].name);
		free(o->field[i].value);
	}
	free(o->sec);
	free(o->item);
	free(o->field);
	free(o->blk);
	free(o->lofs);
	free(o->llen);
	free(o->lkind);
	free(o->lsec);
	free(o->lctx);
	free(o->ctx);
	free(o->text);
	free(o->path);
	free(o->vdir);
	memset(o, 0, sizeof(*o));
}

int outline_section_at(const struct outline *o, int line)
{
	if (line < 1 || line > o->nlines)
		return 0;
	return o->lsec[line - 1];
}

const char *outline_line(const struct outline *o, int line, size_t *n)
{
	if (line < 1 || line > o->nlines) {
		*n = 0;
		return "";
	}
	*n = o->llen[line - 1];
	return o->text + o->lofs[line - 1];
}

const struct ofield *outline_field(const struct outline *o, const char *name)
{
	size_t i;

	for (i = 0; i < o->nfield; i++)
		if (!strcmp(o->field[i].name, name))
			return &o->field[i];
	return NULL;
}
