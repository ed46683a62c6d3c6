// SPDX-License-Identifier: GPL-2.0
/*
 * The conventions of the kernel's zh_CN pages, which a reviewer of a
 * translation patch checks by eye:
 *
 *   :Original: Documentation/...       the page it translates
 *   :翻译:                             a name and an address
 *    张三 <zhang.san@example.org>
 *   :校译:                             the reviewers (may follow later)
 *
 *   a title's underline at least as wide as the title, a CJK character
 *   counting two columns; at most 40 CJK characters on a line of text;
 *   and, in the commit message of a patch that updates a translation,
 *   "Update the translation through commit <12 hex> ("<subject>")".
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "trans.h"

#define CJK_PER_LINE 40
#define HEADER_LINES 60		/* the fields come before the first title */

/* A page below translations/zh_CN/ (or zh_TW/) */
static bool zh_page(const char *path)
{
	char *lang = lang_of_path(path);
	bool zh = lang && !strncmp(lang, "zh_", 3);

	free(lang);
	return zh;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The code point at s (of n bytes), and its length in *len. */
static uint32_t code_point(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k, l = u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 : u[0] >= 0xc0 ? 2 : 1;
	uint32_t cp;

	if (l > n)
		l = 1;
	*len = l;
	if (l == 1)
		return u[0];
	cp = u[0] & (0x3f >> (l - 1));
	for (k = 1; k < l; k++)
		cp = cp << 6 | (u[k] & 0x3f);
	return cp;
}

/* East Asian wide: two columns */
static bool wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	       (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	       (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/* Columns of s[0..n), and how many of its characters are wide. */
static size_t columns(const char *s, size_t n, size_t *nwide)
{
	size_t i = 0, cols = 0, l;

	*nwide = 0;
	while (i < n) {
		uint32_t cp = code_point(s + i, n - i, &l);

		if (wide(cp)) {
			cols += 2;
			(*nwide)++;
		} else {
			cols++;
		}
		i += l;
	}
	return cols;
}

static bool adornment(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || !strchr("=-~^\"'`#*+:._", s[0]))
		return false;
	for (i = 1; i < n; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

struct zline {
	const char *s;
	size_t n;
};

static struct zline *split(const char *text, size_t len, size_t *count)
{
	struct zline *v = NULL;
	size_t n = 0, cap = 0;
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p), *e = nl ? nl : end;
		size_t k = e - p;

		if (k && p[k - 1] == '\r')
			k--;
		GROW(v, n, cap, 256);
		v[n++] = (struct zline){ p, k };
		p = nl ? nl + 1 : end;
	}
	*count = n;
	return v;
}

static bool indented(const struct zline *l)
{
	return l->n && (l->s[0] == ' ' || l->s[0] == '\t');
}

static bool field(const struct zline *l, const char *name)
{
	size_t k = strlen(name);

	return l->n > k + 1 && l->s[0] == ':' && !memcmp(l->s + 1, name, k) &&
	       l->s[k + 1] == ':';
}

/* The value of the field at line i: the rest of its line, and indented lines after. */
static bool field_has_address(const struct zline *v, size_t n, size_t i, bool *named)
{
	bool addr = false;
	size_t j;

	*named = false;
	for (j = i; j < n && (j == i || indented(&v[j]) || !v[j].n); j++) {
		const char *s = v[j].s;
		size_t k = v[j].n, start = 0;

		if (j > i && !v[j].n && j + 1 < n && !indented(&v[j + 1]))
			break;
		if (j == i) {
			const char *c = memchr(s + 1, ':', k - 1);

			start = c ? (size_t)(c - s) + 1 : k;
		}
		if (memchr(s + start, '@', k - start))
			addr = true;
		for (; start < k; start++)
			if (s[start] != ' ' && s[start] != '\t' && s[start] != '<')
				*named = true;
	}
	return addr;
}

static void header(const char *path, const struct zline *v, size_t n,
		   struct findings *fs)
{
	size_t i, lim = n < HEADER_LINES ? n : HEADER_LINES;
	long orig = -1, trans = -1, rev = -1;

	for (i = 0; i < lim; i++) {
		if (field(&v[i], "Original"))
			orig = i;
		else if (field(&v[i], "翻译"))
			trans = i;
		else if (field(&v[i], "校译"))
			rev = i;
	}
	if (orig < 0)
		findings_add(fs, path, 1, 1, true, C_T_HEADER, "Original",
			     "no :Original: field: which page does this translate?");
	if (trans < 0) {
		findings_add(fs, path, 1, 1, false, C_T_HEADER, "翻译",
			     "no :翻译: field (the translator's name and address)");
	} else {
		bool named;

		if (!field_has_address(v, n, trans, &named))
			findings_add(fs, path, trans + 1, 1, false, C_T_HEADER, "翻译",
				     named ? ":翻译: names no address: a name and <address>, "
				     "as the kernel's zh_CN pages give them" :
				     ":翻译: is empty: the translator's name and address");
	}
	if (rev < 0)
		findings_add(fs, path, 1, 1, false, C_T_HEADER, "校译",
			     "no :校译: field (the reviewers; it may stay empty until then)");
}

/*
 * Titles whose underline is shorter than the title, and lines of text
 * with more CJK characters than the convention allows.  Literal blocks
 * and directive bodies (indented after "::" or ".. ") are not text.
 */
static void widths(const char *path, const struct zline *v, size_t n,
		   struct findings *fs)
{
	bool in_block = false;
	size_t i, nw;

	for (i = 0; i < n; i++) {
		const struct zline *l = &v[i];

		if (in_block) {
			if (!l->n || indented(l))
				continue;
			in_block = false;
		}
		if (l->n >= 2 && !memcmp(l->s + l->n - 2, "::", 2))
			in_block = true;
		if (l->n >= 3 && !memcmp(l->s, ".. ", 3)) {
			in_block = true;
			continue;
		}
		if (i + 1 < n && l->n && !indented(l) && !adornment(l->s, l->n) &&
		    adornment(v[i + 1].s, v[i + 1].n)) {
			size_t cols = columns(l->s, l->n, &nw);

			if (v[i + 1].n < cols) {
				struct buf m = { 0 };

				buf_addf(&m, "the title's underline has %zu columns, the title %zu "
					 "(a CJK character is two)", v[i + 1].n, cols);
				findings_add(fs, path, i + 2, 1, false, C_T_UNDERLINE, "", "%s", m.data);
				buf_free(&m);
			}
			i++;
			continue;
		}
		columns(l->s, l->n, &nw);
		if (nw > CJK_PER_LINE)
			findings_add(fs, path, i + 1, 1, false, C_T_WIDTH, "",
				     "%zu CJK characters on the line, more than %d", nw,
				     CJK_PER_LINE);
	}
}

void zh_conventions(const char *path, const char *text, size_t len,
		    struct findings *fs)
{
	size_t n;
	struct zline *v;

	if (!zh_page(path))
		return;
	v = split(text, len, &n);
	header(path, v, n, fs);
	widths(path, v, n, fs);
	free(v);
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* "Update the translation through commit 0123456789ab", and where the hash is */
static const char *update_hash(const char *msg, size_t *hn)
{
	static const char phrase[] = "Update the translation through commit";
	const char *p = msg;

	while ((p = strstr(p, phrase))) {
		const char *h = p + sizeof(phrase) - 1;
		size_t k = 0;

		while (*h == ' ' || *h == '\n' || *h == '\t')
			h++;
		while (is_hex(h[k]))
			k++;
		if (k >= 12) {
			*hn = k;
			return h;
		}
		p = h;
	}
	return NULL;
}

void zh_update_line(const char *path, const char *message, const char *tree,
		    struct findings *fs)
{
	struct buf cmd = { 0 };
	const char *h;
	size_t hn;

	if (!zh_page(path))
		return;
	h = update_hash(message, &hn);
	if (!h) {
		findings_add(fs, path, 1, 1, false, C_T_UPDATE, "",
			     "the commit message has no \"Update the translation through "
			     "commit <12 hex> (\"<subject>\")\" line");
		return;
	}
	if (!h[hn] || !strchr(" \n\t", h[hn]) || !strstr(h + hn, "(\""))
		findings_add(fs, path, 1, 1, false, C_T_UPDATE, "",
			     "\"Update the translation through commit %.*s\" wants the "
			     "subject after it: (\"<subject>\")", (int)hn, h);
	buf_addf(&cmd, "%s/.git", tree);
	if (file_exists(cmd.data) || is_dir(cmd.data)) {	/* a work tree, or a worktree's .git file */
		cmd.len = 0;
		buf_addf(&cmd, "git -C '%s' cat-file -e '%.*s^{commit}' 2>/dev/null", tree,
			 (int)hn, h);
		if (system(cmd.data) != 0)
			findings_add(fs, path, 1, 1, true, C_T_UPDATE, "",
				     "commit %.*s of the update line is not in the tree's history",
				     (int)hn, h);
	}
	buf_free(&cmd);
}
