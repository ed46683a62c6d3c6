// SPDX-License-Identifier: GPL-2.0
/*
 * The sync stamp: which text of the original a translation follows.
 * An RST comment (Sphinx ignores it), at the end of the translation:
 *
 *   .. translation-sync: v1 Documentation/mm/page_migration.rst
 *      commit 57a104d...       the original's last commit, when git has
 *                              exactly this text; "-" otherwise
 *      sha256 3f1c...          of the original's bytes
 *      section KEY LEVEL N E L S T
 *      blocks b b b ...        (16 per line)
 *
 * one "section" line per section of the original, in order: its key (the
 * label before the title, or a slug of it; "-" for the part before the
 * first title), its level, and the fingerprint of fprint.c (N words, E,
 * L, S in hex); T is the 16-bit hash of the translation's section that
 * translated it when the stamp was written ("-" if none), so that a
 * later check can tell whether that section was edited since.  "blocks"
 * lines hold the 16-bit hash of each block of the section.
 *
 * What the stamp cannot tell without history: the old wording of a
 * section that changed substantively (only which blocks changed, and
 * typo-level edits, whose old words typo.c recovers).  With git, the
 * commit gives the old text and the review shows a real diff.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trans.h"

/* ---- parsing ---- */

static bool hexval(const char *s, size_t n, size_t want, uint32_t *v)
{
	size_t i;

	if (n != want)
		return false;
	*v = 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*v |= c - 'a' + 10;
		else
			return false;
	}
	return true;
}

struct toks {
	const char *s[16];
	size_t n[16];
	int count;
};

static void tokenize(const char *s, size_t n, struct toks *t)
{
	size_t i = 0;

	t->count = 0;
	while (i < n && t->count < 16) {
		size_t k;

		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		for (k = i; k < n && s[k] != ' ' && s[k] != '\t'; k++)
			;
		if (k > i) {
			t->s[t->count] = s + i;
			t->n[t->count++] = k - i;
		}
		i = k;
	}
}

static void fail(struct stamp *st, int line, const char *what)
{
	if (st->error)
		return;
	st->error = xmalloc(strlen(what) + 32);
	sprintf(st->error, "line %d: %s", line, what);
}

static bool tok_is(const struct toks *t, int i, const char *w)
{
	return i < t->count && word_is(t->s[i], t->n[i], w);
}

static void parse_section(struct stamp *st, const struct toks *t, int line)
{
	struct sfp *f;
	uint32_t t16;

	if (t->count != 8) {
		fail(st, line, "a section line has 7 fields: KEY LEVEL N E L S T");
		return;
	}
	st->sec = xrealloc(st->sec, (st->nsec + 1) * sizeof(*st->sec));
	f = &st->sec[st->nsec++];
	memset(f, 0, sizeof(*f));
	f->key = xstrndup(t->s[1], t->n[1]);
	f->level = atoi(t->s[2]);
	f->nwords = (uint32_t)strtoul(t->s[3], NULL, 10);
	if (!hexval(t->s[4], t->n[4], 8, &f->exact) || !hexval(t->s[5], t->n[5], 8, &f->loose) ||
	    !hexval(t->s[6], t->n[6], 8, &f->loose_sum))
		fail(st, line, "E, L and S are 8 hex digits");
	if (word_is(t->s[7], t->n[7], "-"))
		return;
	if (!hexval(t->s[7], t->n[7], 4, &t16))
		fail(st, line, "T is 4 hex digits or '-'");
	f->tsec = (uint16_t)t16;
	f->has_tsec = true;
}

static void parse_blocks(struct stamp *st, const struct toks *t, int line)
{
	struct sfp *f;
	int i;

	if (!st->nsec) {
		fail(st, line, "'blocks' before any 'section'");
		return;
	}
	f = &st->sec[st->nsec - 1];
	f->blocks = xrealloc(f->blocks, (f->nblocks + t->count) * sizeof(*f->blocks));
	for (i = 1; i < t->count; i++) {
		uint32_t v;

		if (!hexval(t->s[i], t->n[i], 4, &v)) {
			fail(st, line, "block hashes are 4 hex digits");
			return;
		}
		f->blocks[f->nblocks++] = (uint16_t)v;
	}
}

static void parse_first(struct stamp *st, const struct toks *t, int line)
{
	if (t->count == 3 && tok_is(t, 2, "sha256:pending")) {
		st->placeholder = true;
		st->original = xstrndup(t->s[1], t->n[1]);
		return;
	}
	if (t->count != 3 || !tok_is(t, 1, "v1")) {
		fail(st, line, "expected '.. translation-sync: v1 ORIGINAL'");
		return;
	}
	st->version = 1;
	st->original = xstrndup(t->s[2], t->n[2]);
}

static void parse_line(struct stamp *st, const struct toks *t, int line)
{
	uint32_t dummy;
	int i;

	if (tok_is(t, 0, "commit") && t->count == 2) {
		if (tok_is(t, 1, "-"))
			return;
		for (i = 0; i < 5; i++)
			if (!hexval(t->s[1] + 8 * i, 8, 8, &dummy))
				break;
		if (t->n[1] != 40 || i < 5)
			fail(st, line, "commit is 40 hex digits or '-'");
		else
			memcpy(st->commit, t->s[1], 40);
	} else if (tok_is(t, 0, "sha256") && t->count == 2) {
		for (i = 0; i < 8; i++)
			if (t->n[1] != 64 || !hexval(t->s[1] + 8 * i, 8, 8, &dummy))
				break;
		if (i < 8)
			fail(st, line, "sha256 is 64 hex digits");
		else
			memcpy(st->sha256, t->s[1], 64);
	} else if (tok_is(t, 0, "section")) {
		parse_section(st, t, line);
	} else if (tok_is(t, 0, "blocks")) {
		parse_blocks(st, t, line);
	} else if (t->count) {
		fail(st, line, "unknown field (commit, sha256, section, blocks)");
	}
}

void stamp_parse(const struct outline *t, struct stamp *st)
{
	int l;

	memset(st, 0, sizeof(*st));
	if (!t->stamp_line)
		return;
	st->present = true;
	st->line = t->stamp_line;
	for (l = t->stamp_line; l <= t->stamp_end && !st->error; l++) {
		size_t n;
		const char *s = outline_line(t, l, &n);
		struct toks tk;

		if (l == t->stamp_line) {
			const char *c = memchr(s, ':', n);	/* after "translation-sync" */

			tokenize(c + 1, s + n - c - 1, &tk);
			/* shift: the first token stands for the directive name */
			memmove(&tk.s[1], &tk.s[0], sizeof(tk.s[0]) * (tk.count < 15 ? tk.count : 15));
			memmove(&tk.n[1], &tk.n[0], sizeof(tk.n[0]) * (tk.count < 15 ? tk.count : 15));
			tk.count = tk.count < 15 ? tk.count + 1 : 16;
			parse_first(st, &tk, l);
			continue;
		}
		if (st->placeholder)
			continue;
		tokenize(s, n, &tk);
		parse_line(st, &tk, l);
	}
	if (!st->error && !st->placeholder) {
		if (!st->sha256[0])
			fail(st, st->line, "no sha256 line");
		else if (!st->nsec)
			fail(st, st->line, "no section lines");
	}
}

void stamp_free(struct stamp *st)
{
	size_t i;

	for (i = 0; i < st->nsec; i++)
		sfp_free(&st->sec[i]);
	free(st->sec);
	free(st->original);
	free(st->error);
	memset(st, 0, sizeof(*st));
}

/* ---- writing ---- */

/* The commit whose original is byte for byte @text, or "" */
static void exact_commit(const struct tdoc *td, char out[41])
{
	struct buf old = { 0 };
	char *rel = git_relpath(&td->git, td->opath);
	char h1[65], h2[65];

	out[0] = '\0';
	if (rel && git_last_commit(&td->git, rel, out) == 0 &&
	    git_show(&td->git, out, rel, &old) == 0) {
		sha256_hex(old.data, old.len, h1);
		sha256_hex(td->e.o.text, td->e.o.len, h2);
		if (strcmp(h1, h2))
			out[0] = '\0';
	} else {
		out[0] = '\0';
	}
	buf_free(&old);
	free(rel);
}

int stamp_format(const struct tdoc *td, struct buf *out)
{
	const char *nl = td->t.o.crlf ? "\r\n" : "\n";
	char commit[41], sha[65];
	size_t i, k;

	exact_commit(td, commit);
	sha256_hex(td->e.o.text, td->e.o.len, sha);
	buf_addf(out, ".. translation-sync: v1 %s%s", td->ofield, nl);
	buf_addf(out, "   commit %s%s", commit[0] ? commit : "-", nl);
	buf_addf(out, "   sha256 %s", sha);
	for (i = 0; i < td->e.o.nsec; i++) {
		struct sfp f;
		int j = td->al.t_of_e[i];

		sfp_compute(&td->e.o, (int)i, &f);
		buf_addf(out, "%s   section %s %d %u %08x %08x %08x ", nl, f.key, f.level,
			 f.nwords, f.exact, f.loose, f.loose_sum);
		if (j >= 0)
			buf_addf(out, "%04x", tsection_hash(&td->t.o, j));
		else
			buf_addc(out, '-');
		for (k = 0; k < f.nblocks; k++) {
			if (k % 16 == 0)
				buf_addf(out, "%s   blocks", nl);
			buf_addf(out, " %04x", f.blocks[k]);
		}
		sfp_free(&f);
	}
	return 0;
}

/*
 * The new file: the old one with the stamp's lines replaced, or the stamp
 * appended at the end, where it stands in nobody's way while translating.
 */
static void with_stamp(const struct tdoc *td, const struct buf *stamp, struct buf *out)
{
	const struct outline *o = &td->t.o;
	const char *nl = o->crlf ? "\r\n" : "\n";
	size_t len = o->len;

	if (o->stamp_line) {
		buf_add(out, o->text, o->stamp_start);
		buf_add(out, stamp->data, stamp->len);
		buf_add(out, o->text + o->stamp_stop, o->len - o->stamp_stop);
		return;
	}
	/* Trailing blank lines go; one blank line parts text and stamp. */
	while (len && (o->text[len - 1] == '\n' || o->text[len - 1] == '\r'))
		len--;
	buf_add(out, o->text, len);
	if (len) {
		buf_addstr(out, nl);
		buf_addstr(out, nl);
	}
	buf_add(out, stamp->data, stamp->len);
	buf_addstr(out, nl);
}

static int write_atomic(const char *path, const struct buf *data, char *err,
			size_t errlen)
{
	char real[PATH_MAX], *tmp;
	struct stat st;
	size_t off = 0;
	int fd;

	if (!realpath(path, real) || stat(real, &st) < 0) {
		snprintf(err, errlen, "cannot resolve: %s", strerror(errno));
		return -1;
	}
	tmp = xmalloc(strlen(real) + 16);
	sprintf(tmp, "%s.stamp-XXXXXX", real);
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a temporary file: %s", strerror(errno));
		free(tmp);
		return -1;
	}
	while (off < data->len) {
		ssize_t w = write(fd, data->data + off, data->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < data->len || fchmod(fd, st.st_mode & 07777) < 0 || fsync(fd) < 0) {
		snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	close(fd);
	if (rename(tmp, real) < 0) {
		snprintf(err, errlen, "cannot rename %s: %s", tmp, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* Returns 1 written, 0 already current, -1 error (in @err). */
int stamp_write(const struct tdoc *td, char *err, size_t errlen)
{
	struct buf stamp = { 0 }, now = { 0 }, out = { 0 };
	int ret = -1;

	if (read_file(td->t.o.path, &now, err, errlen) < 0)
		goto out;
	if (now.len != td->t.o.len || memcmp(now.data, td->t.o.text, now.len)) {
		snprintf(err, errlen, "the file changed while it was checked");
		goto out;
	}
	stamp_format(td, &stamp);
	with_stamp(td, &stamp, &out);
	if (out.len == now.len && !memcmp(out.data, now.data, now.len)) {
		ret = 0;
		goto out;
	}
	ret = write_atomic(td->t.o.path, &out, err, errlen) < 0 ? -1 : 1;
out:
	buf_free(&stamp);
	buf_free(&now);
	buf_free(&out);
	return ret;
}
