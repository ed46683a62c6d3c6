// SPDX-License-Identifier: GPL-2.0
/*
 * Patches: an mbox holding a series (git format-patch, or what a mail
 * client saves), one format-patch file, or a plain unified diff; split
 * into patches, each into the files it changes and their hunks, and
 * applied in memory, in order, to the files of a tree.  The tree is
 * never written.
 *
 *   From 1234abcd... Mon Sep 17 00:00:00 2001     a patch begins
 *   Subject: [PATCH 1/3] docs: ...               (folded lines joined)
 *   (the commit message, up to "---")
 *   diff --git a/X b/X, --- a/X, +++ b/X, @@ -l,n +l,n @@ and its lines
 *
 * Line ends may be CRLF (a mail client's): a line compares without its
 * '\r'.  A hunk that does not apply where it says is looked for nearby,
 * as patch(1) does without fuzz; when it is nowhere, the error names the
 * patch, the file and the hunk.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "patch.h"

/* ---- reading ---- */

static int read_stdin(struct buf *b, char *err, size_t errlen)
{
	char chunk[65536];
	ssize_t n;

	while ((n = read(0, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errlen, "read error: %s", strerror(errno));
			return -1;
		}
		buf_add(b, chunk, n);
	}
	buf_pad(b);
	return 0;
}

int series_parse(struct series *s, const char *name, char *err, size_t errlen)
{
	struct buf text = { 0 };

	if (!strcmp(name, "-") ? read_stdin(&text, err, errlen) < 0 :
	    read_file(name, &text, err, errlen) < 0) {
		buf_free(&text);
		return -1;
	}
	return series_parse_text(s, name, &text, err, errlen);
}

/* ---- lines ---- */

struct cursor {
	const char *p, *end;
};

/* The next line, without its end ("\n" or "\r\n"); false at the end. */
static bool next_line(struct cursor *c, const char **s, size_t *n)
{
	const char *nl;

	if (c->p >= c->end)
		return false;
	nl = memchr(c->p, '\n', c->end - c->p);
	*s = c->p;
	*n = (nl ? nl : c->end) - c->p;
	c->p = nl ? nl + 1 : c->end;
	if (*n && (*s)[*n - 1] == '\r')
		(*n)--;
	return true;
}

static bool starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && !memcmp(s, w, k);
}

/* "From <40 hex> Mon Sep 17 ..." of git format-patch, or "From <who> <date>" */
static bool mbox_from(const char *s, size_t n)
{
	const char *sp;

	if (!starts(s, n, "From ") || n < 8)
		return false;
	sp = memchr(s + 5, ' ', n - 5);
	return sp && sp > s + 5;
}

static bool diff_start(const char *s, size_t n)
{
	return starts(s, n, "diff --git ") || starts(s, n, "--- ") || starts(s, n, "Index: ");
}

/* ---- building the series ---- */

static struct patch *new_patch(struct series *s, const char *at)
{
	struct patch *p;

	GROW(s->v, s->n, s->cap, 8);
	p = &s->v[s->n++];
	memset(p, 0, sizeof(*p));
	p->number = (int)s->n;
	p->text = at;
	return p;
}

static struct filediff *new_file(struct patch *p)
{
	struct filediff *f;

	GROW(p->v, p->n, p->cap, 4);
	f = &p->v[p->n++];
	memset(f, 0, sizeof(*f));
	return f;
}

static struct hunk *new_hunk(struct filediff *f)
{
	struct hunk *h;

	GROW(f->v, f->n, f->cap, 4);
	h = &f->v[f->n++];
	memset(h, 0, sizeof(*h));
	return h;
}

static void add_hline(struct hunk *h, char op, const char *s, size_t n)
{
	GROW(h->v, h->n, h->cap, 16);
	h->v[h->n++] = (struct hline){ .op = op, .s = s, .len = n };
}

/* "a/Documentation/x.rst" -> "Documentation/x.rst"; "/dev/null" -> NULL */
static char *diff_path(const char *s, size_t n)
{
	const char *tab = memchr(s, '\t', n);

	if (tab)
		n = tab - s;	/* "--- x.rst\t2026-12-01 ..." */
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 9 && !memcmp(s, "/dev/null", 9))
		return NULL;
	if (n > 2 && (s[0] == 'a' || s[0] == 'b') && s[1] == '/') {
		s += 2;
		n -= 2;
	}
	return xstrndup(s, n);
}

/* A line number or count of a hunk head: digits, at most nine of them. */
static const char *hunk_number(const char *p, const char *end, int *v)
{
	int digits = 0;

	*v = 0;
	while (p < end && *p >= '0' && *p <= '9' && digits < 9) {
		*v = *v * 10 + (*p++ - '0');
		digits++;
	}
	return digits && (p == end || *p < '0' || *p > '9') ? p : NULL;
}

/* "12,5", or "12" for a range of one line */
static const char *hunk_range(const char *p, const char *end, int *start,
			      int *len)
{
	p = hunk_number(p, end, start);
	*len = 1;
	if (p && p < end && *p == ',')
		p = hunk_number(p + 1, end, len);
	return p;
}

/* "@@ -12,5 +12,7 @@ title": false when it is not one (an error) */
static bool hunk_head(const char *s, size_t n, struct hunk *h)
{
	const char *p = s + 4, *end = s + n;

	if (!starts(s, n, "@@ -"))
		return false;
	p = hunk_range(p, end, &h->old_start, &h->old_len);
	if (!p || end - p < 2 || p[0] != ' ' || p[1] != '+')
		return false;
	p = hunk_range(p + 2, end, &h->new_start, &h->new_len);
	if (!p || end - p < 3 || memcmp(p, " @@", 3))
		return false;
	h->head = s;
	h->head_len = n;
	return true;
}

/* "Subject: ..." and its folded lines */
static char *header_value(struct cursor *c, const char *s, size_t n, size_t skip)
{
	struct buf v = { 0 };
	struct cursor look = *c;
	const char *t;
	size_t tn;

	buf_add(&v, s + skip, n - skip);
	while (next_line(&look, &t, &tn) && tn && (t[0] == ' ' || t[0] == '\t')) {
		buf_add(&v, t, tn);
		*c = look;
	}
	buf_addc(&v, '\0');
	return v.data;
}

struct parser {
	struct series *s;
	struct patch *p;
	struct filediff *f;
	struct hunk *h;
	int old_left, new_left;	/* lines the hunk still has */
	bool git_head;		/* f is a "diff --git" waiting for its ---/+++ */
	char *err;
	size_t errlen;
	const char *name;
};

/* One line of the diff part of a patch. */
static int diff_line(struct parser *ps, struct cursor *c, const char *s, size_t n)
{
	if (ps->h && (ps->old_left > 0 || ps->new_left > 0)) {
		char op = n ? s[0] : ' ';

		if (op == '\\')
			return 0;	/* "\ No newline at end of file" */
		if (op != ' ' && op != '-' && op != '+') {
			snprintf(ps->err, ps->errlen, "%s: patch %d: a hunk of %s ends early "
				 "(\"%.*s\")", ps->name, ps->p->number,
				 ps->f->new_path ? ps->f->new_path : ps->f->old_path,
				 (int)(n < 40 ? n : 40), s);
			return -1;
		}
		add_hline(ps->h, op, n ? s + 1 : s, n ? n - 1 : 0);
		ps->old_left -= op != '+';
		ps->new_left -= op != '-';
		return 0;
	}
	ps->h = NULL;
	if (starts(s, n, "diff --git ")) {
		ps->f = new_file(ps->p);
		ps->git_head = true;
		return 0;
	}
	if (starts(s, n, "--- ")) {
		const char *t;
		size_t tn;
		struct cursor look = *c;

		if (!next_line(&look, &t, &tn) || !starts(t, tn, "+++ "))
			return 0;	/* "---" of a commit message, or noise */
		if (!ps->f || !ps->git_head)
			ps->f = new_file(ps->p);
		ps->git_head = false;
		free(ps->f->old_path);
		free(ps->f->new_path);
		ps->f->old_path = diff_path(s + 4, n - 4);
		ps->f->new_path = diff_path(t + 4, tn - 4);
		*c = look;
		return 0;
	}
	if (ps->f && (starts(s, n, "GIT binary patch") || starts(s, n, "Binary files "))) {
		ps->f->binary = true;
		if (starts(s, n, "Binary files ") && !ps->f->new_path) {
			/* "Binary files a/x and b/x differ" */
			const char *and = memmem(s, n, " and ", 5);
			const char *dif = memmem(s, n, " differ", 7);

			if (and && dif && dif > and)
				ps->f->new_path = diff_path(and + 5, dif - and - 5);
		}
		return 0;
	}
	if (ps->f && starts(s, n, "new file mode ")) {
		free(ps->f->old_path);
		ps->f->old_path = NULL;
		ps->f->created = true;
		return 0;
	}
	if (ps->f && starts(s, n, "deleted file mode ")) {
		free(ps->f->new_path);
		ps->f->new_path = NULL;
		ps->f->deleted = true;
		return 0;
	}
	if (ps->f && starts(s, n, "rename to ")) {
		free(ps->f->new_path);
		ps->f->new_path = xstrndup(s + 10, n - 10);
		return 0;
	}
	if (ps->f && starts(s, n, "rename from ")) {
		free(ps->f->old_path);
		ps->f->old_path = xstrndup(s + 12, n - 12);
		return 0;
	}
	if (ps->f && starts(s, n, "@@ ")) {
		struct hunk *h = new_hunk(ps->f);

		if (!hunk_head(s, n, h)) {
			snprintf(ps->err, ps->errlen, "%s: patch %d: not a hunk header: %.*s",
				 ps->name, ps->p->number, (int)(n < 60 ? n : 60), s);
			return -1;
		}
		ps->h = h;
		ps->old_left = h->old_len;
		ps->new_left = h->new_len;
	}
	return 0;	/* index, mode, similarity, diffstat, signature */
}

/* The binary diff of a file that came before its "diff --git" names: take them */
static void git_names(struct filediff *f, const char *s, size_t n)
{
	const char *b = memmem(s, n, " b/", 3);

	if (!f || f->old_path || f->new_path || !b || !starts(s, n, "diff --git a/"))
		return;
	if (!f->created)
		f->old_path = xstrndup(s + 13, b - s - 13);
	if (!f->deleted)
		f->new_path = xstrndup(b + 3, s + n - b - 3);
}

int series_parse_text(struct series *s, const char *name, struct buf *text,
		      char *err, size_t errlen)
{
	struct parser ps = { .s = s, .err = err, .errlen = errlen, .name = name };
	struct cursor c;
	const char *l;
	size_t n;
	bool in_headers = false, in_message = false, blank_before = true;
	struct buf msg = { 0 };

	memset(s, 0, sizeof(*s));
	s->text = *text;
	memset(text, 0, sizeof(*text));
	if (memchr(s->text.data, '\0', s->text.len)) {
		snprintf(err, errlen, "%s: a binary file (NUL byte), not a patch", name);
		return -1;
	}
	c.p = s->text.data;
	c.end = s->text.data + s->text.len;
	while (c.p < c.end) {
		const char *at = c.p;

		next_line(&c, &l, &n);
		if (blank_before && mbox_from(l, n)) {
			if (ps.p) {
				ps.p->len = at - ps.p->text;
				if (in_message && msg.len)
					ps.p->message = xstrndup(msg.data, msg.len);
			}
			ps.p = new_patch(s, at);
			ps.f = NULL;
			ps.h = NULL;
			in_headers = true;
			in_message = false;
			msg.len = 0;
			blank_before = false;
			continue;
		}
		blank_before = n == 0;
		if (in_headers) {
			if (!n) {
				in_headers = false;
				in_message = true;
			} else if (starts(l, n, "Subject: ")) {
				free(ps.p->subject);
				ps.p->subject = header_value(&c, l, n, 9);
			} else if (starts(l, n, "From: ")) {
				free(ps.p->from);
				ps.p->from = header_value(&c, l, n, 6);
			}
			continue;
		}
		if (!ps.p) {	/* a plain diff: one patch, named after the input */
			const char *base = strrchr(name, '/');

			ps.p = new_patch(s, at);
			ps.p->subject = xstrdup(base ? base + 1 : name);
		}
		if (in_message) {
			if ((n == 3 && !memcmp(l, "---", 3)) || diff_start(l, n)) {
				in_message = false;
				if (msg.len)
					ps.p->message = xstrndup(msg.data, msg.len);
				if (n == 3 && !memcmp(l, "---", 3))
					continue;
			} else {
				buf_add(&msg, l, n);
				buf_addc(&msg, '\n');
				continue;
			}
		}
		if (diff_line(&ps, &c, l, n) < 0) {
			buf_free(&msg);
			return -1;
		}
		if (starts(l, n, "diff --git "))
			git_names(ps.f, l, n);
	}
	if (ps.p) {
		ps.p->len = c.end - ps.p->text;
		if (in_message && msg.len && !ps.p->message)
			ps.p->message = xstrndup(msg.data, msg.len);
	}
	buf_free(&msg);
	if (ps.h && (ps.old_left > 0 || ps.new_left > 0)) {
		snprintf(err, errlen, "%s: patch %d: the last hunk of %s is cut short",
			 name, ps.p->number, ps.f->new_path ? ps.f->new_path : "a file");
		return -1;
	}
	if (!s->n || !s->v[0].n) {
		size_t i, files = 0;

		for (i = 0; i < s->n; i++)
			files += s->v[i].n;
		if (!files) {
			snprintf(err, errlen, "%s: no patch in it (no diff)", name);
			return -1;
		}
	}
	return 0;
}

void series_free(struct series *s)
{
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		struct patch *p = &s->v[i];

		for (j = 0; j < p->n; j++) {
			size_t k;

			for (k = 0; k < p->v[j].n; k++)
				free(p->v[j].v[k].v);
			free(p->v[j].v);
			free(p->v[j].old_path);
			free(p->v[j].new_path);
		}
		free(p->v);
		free(p->subject);
		free(p->from);
		free(p->message);
	}
	free(s->v);
	buf_free(&s->text);
	memset(s, 0, sizeof(*s));
}

/* ---- applying ---- */

struct image *images_find(struct images *imgs, const char *path)
{
	size_t i;

	for (i = 0; i < imgs->n; i++)
		if (!strcmp(imgs->v[i].path, path))
			return &imgs->v[i];
	return NULL;
}

static struct image *image_add(struct images *imgs, const char *path)
{
	struct image *im;

	GROW(imgs->v, imgs->n, imgs->cap, 8);
	im = &imgs->v[imgs->n++];
	memset(im, 0, sizeof(*im));
	im->path = xstrdup(path);
	return im;
}

void images_free(struct images *imgs)
{
	size_t i;

	for (i = 0; i < imgs->n; i++) {
		free(imgs->v[i].path);
		buf_free(&imgs->v[i].text);
	}
	free(imgs->v);
	memset(imgs, 0, sizeof(*imgs));
}

/* The lines of a text: where each starts, its length without the end. */
struct lines {
	const char **s;
	size_t *len, *full;	/* without and with the line end */
	size_t n;
};

static void split_lines(const struct buf *b, struct lines *l)
{
	struct cursor c = { b->data, b->data + b->len };
	size_t cap = 0;
	const char *s;
	size_t n;

	memset(l, 0, sizeof(*l));
	while (c.p < c.end) {
		const char *at = c.p;

		next_line(&c, &s, &n);
		if (l->n == cap) {
			cap = grow_cap(cap, 256);
			l->s = xrealloc(l->s, cap * sizeof(*l->s));
			l->len = xrealloc(l->len, cap * sizeof(*l->len));
			l->full = xrealloc(l->full, cap * sizeof(*l->full));
		}
		l->s[l->n] = s;
		l->len[l->n] = n;
		l->full[l->n++] = c.p - at;
	}
}

static void lines_free(struct lines *l)
{
	free(l->s);
	free(l->len);
	free(l->full);
}

/* The hunk's old lines (context and removed) match the file at @at. */
static bool matches(const struct hunk *h, const struct lines *l, size_t at)
{
	size_t i, k = at;

	for (i = 0; i < h->n; i++) {
		const struct hline *hl = &h->v[i];

		if (hl->op == '+')
			continue;
		if (k >= l->n || l->len[k] != hl->len || memcmp(l->s[k], hl->s, hl->len))
			return false;
		k++;
	}
	return true;
}

/* Where the hunk applies: @want, else the nearest place at or after @from. */
static long place(const struct hunk *h, const struct lines *l, long want, size_t from)
{
	long d, max = (long)l->n + 1;

	if (want < (long)from)
		want = from;
	for (d = 0; d <= max; d++) {
		if (want + d <= (long)l->n && matches(h, l, want + d))
			return want + d;
		if (d && want - d >= (long)from && matches(h, l, want - d))
			return want - d;
	}
	return -1;
}

static int read_pre(const char *tree, const char *path, preimage_fn pre, void *ctx,
		    struct buf *out, struct buf *err)
{
	char e[256];
	struct buf p = { 0 };
	int ret;

	if (pre)
		return pre(ctx, path, out);
	buf_addf(&p, "%s/%s", tree, path);
	ret = read_file(p.data, out, e, sizeof(e));
	if (ret < 0)
		buf_addf(err, "%s: %s", path, e);
	buf_free(&p);
	return ret;
}

static int apply_file(const struct patch *p, struct filediff *f, struct images *imgs,
		      const char *tree, preimage_fn pre, void *ctx, struct buf *err)
{
	const char *path = f->new_path ? f->new_path : f->old_path;
	struct image *src = f->old_path ? images_find(imgs, f->old_path) : NULL;
	struct buf old = { 0 }, out = { 0 };
	struct lines l;
	struct image *dst;
	long offset = 0;
	size_t cur = 0, i, k;
	int line = 1;

	if (!path)
		return 0;
	if (src && !src->exists) {
		buf_addf(err, "patch %d: %s: the series deleted it before", p->number,
			 f->old_path);
		return -1;
	}
	if (f->binary)
		return 0;	/* not applied: the file stays as it was, unchecked */
	if (src)
		buf_add(&old, src->text.data, src->text.len);
	else if (f->old_path && read_pre(tree, f->old_path, pre, ctx, &old, err) < 0) {
		buf_free(&old);
		err->len = 0;
		buf_addf(err, "patch %d: %s: no such file in the tree to patch", p->number,
			 f->old_path);
		return -1;
	}
	split_lines(&old, &l);
	for (i = 0; i < f->n; i++) {
		struct hunk *h = &f->v[i];
		long want = (h->old_len ? h->old_start - 1 : h->old_start) + offset;
		long at = place(h, &l, want, cur);

		if (at < 0) {
			buf_addf(err, "patch %d (%s): %s: hunk #%zu does not apply (%.*s)",
				 p->number, p->subject ? p->subject : "", path, i + 1,
				 (int)h->head_len, h->head);
			lines_free(&l);
			buf_free(&old);
			buf_free(&out);
			return -1;
		}
		for (; cur < (size_t)at; cur++, line++)
			buf_add(&out, l.s[cur], l.full[cur]);
		for (k = 0; k < h->n; k++) {
			struct hline *hl = &h->v[k];

			if (hl->op == '-') {
				cur++;
				continue;
			}
			hl->new_line = line++;
			if (hl->op == ' ') {
				buf_add(&out, l.s[cur], l.full[cur]);
				cur++;
			} else {
				buf_add(&out, hl->s, hl->len);
				buf_addc(&out, '\n');
			}
		}
		/* the next hunk is looked for as far off as this one was */
		offset = at - (h->old_len ? h->old_start - 1 : h->old_start);
	}
	for (; cur < l.n; cur++)
		buf_add(&out, l.s[cur], l.full[cur]);
	lines_free(&l);
	buf_free(&old);
	if (src && f->old_path && f->new_path && strcmp(f->old_path, f->new_path))
		src->exists = false;	/* renamed away */
	else if (!src && f->old_path && f->new_path && strcmp(f->old_path, f->new_path))
		image_add(imgs, f->old_path)->exists = false;
	dst = images_find(imgs, path);
	if (!dst)
		dst = image_add(imgs, path);
	buf_free(&dst->text);
	dst->text = out;
	dst->exists = f->new_path != NULL;
	buf_pad(&dst->text);
	return 0;
}

int patch_apply(const struct patch *p, struct images *imgs, const char *tree,
		preimage_fn pre, void *ctx, struct buf *err)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (apply_file(p, (struct filediff *)&p->v[i], imgs, tree, pre, ctx, err) < 0)
			return -1;
	return 0;
}
