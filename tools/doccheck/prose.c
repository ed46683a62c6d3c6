// SPDX-License-Identifier: GPL-2.0
/*
 * References in a line of prose: inline markup first, then the patterns
 * a reader takes for kernel API names.
 *
 *   ``literal``             C snippet (csnip.c)
 *   `text`                  the same (many pages use single backquotes)
 *   `text`_  `t <url>`__    hyperlinks: ignored
 *   :c:func:`name`          C domain roles: strong references
 *   :other:`text`           other roles (ref, doc, manpage...): ignored
 *   name()                  function (automarkup turns it into a link)
 *   name(2)                 a man page: ignored
 *   struct|union|enum NAME  tag
 *   a->b->c, a.b            members
 *   PG_name, CONFIG_NAME    page flag, Kconfig symbol
 *   include/linux/x.h       path in the tree
 *   LONG_UPPER_NAME         weak: reported only when an older tree had it
 *   调用page_lock下          a name with a '_' glued to CJK text: medium
 *                           (Chinese prose puts no space around a name)
 *
 * Words holding "://" or '@' (URLs, mail addresses) are skipped whole.
 */
#include <string.h>

#include "doccheck.h"

static bool has_char(const char *s, size_t n, char c)
{
	return memchr(s, c, n) != NULL;
}

/* The top-level directories of a kernel tree. */
static bool is_top_dir(const char *s, size_t n)
{
	static const char *const dirs[] = {
		"arch", "block", "certs", "crypto", "Documentation", "drivers",
		"fs", "include", "init", "io_uring", "ipc", "kernel", "lib",
		"LICENSES", "mm", "net", "rust", "samples", "scripts",
		"security", "sound", "tools", "usr", "virt", NULL
	};
	int i;

	for (i = 0; dirs[i]; i++)
		if (strlen(dirs[i]) == n && !memcmp(dirs[i], s, n))
			return true;
	return false;
}

static bool is_path_char(unsigned char c)
{
	return is_ident_char(c) || c == '/' || c == '.' || c == '-' || c == '+';
}

static bool placeholder_component(const char *s, size_t n)
{
	if (memmem(s, n, "XXX", 3) || memmem(s, n, "xxx", 3) || memmem(s, n, "xyz", 3) ||
	    memchr(s, '<', n))
		return true;
	static const char *const words[] = {
		"foo", "bar", "baz", "xxx", "yyy", "xyz", "XXX", "example", "your",
		"my", "...", "ARCH", NULL
	};
	int i;

	for (i = 0; words[i]; i++)
		if (strlen(words[i]) <= n && !memcmp(words[i], s, strlen(words[i])) &&
		    (strlen(words[i]) == n || !is_ident_char(s[strlen(words[i])])))
			return true;
	return false;
}

/* "kernel/...": a directory every architecture has below arch/ARCH/ */
static bool arch_subdir(const char *s, size_t n)
{
	static const char *const dirs[] = {
		"kernel", "mm", "lib", "boot", "include", NULL
	};
	size_t k;
	int i;

	for (k = 0; k < n && s[k] != '/'; k++)
		;
	for (i = 0; dirs[i]; i++)
		if (k < n && word_is(s, k, dirs[i]))
			return true;
	return false;
}

/* Files a build makes: not in a source tree, and not a broken path. */
static bool built_file(const char *ext, size_t n)
{
	static const char *const exts[] = {
		"o", "ko", "a", "pem", "x509", "cmd", "mod", "order", "dtb",
		"img", "bin", "cpio", "gz", "xz", "lds", "so", "symvers", NULL
	};
	int i;

	for (i = 0; exts[i]; i++)
		if (strlen(exts[i]) == n && !memcmp(exts[i], ext, n))
			return true;
	return false;
}

/*
 * Length of a tree path starting at s[i] ("include/linux/mm.h",
 * "mm/"), or 0.  A path with a file extension or a trailing '/' is a
 * strong reference; "mm/compaction" is weak.
 */
size_t path_at(const char *s, size_t n, size_t i, enum ref_strength *st)
{
	size_t k = i, top, last;
	const char *slash;

	if (i > 0 && (is_path_char(s[i - 1]) || s[i - 1] == '~' || s[i - 1] == '$' ||
		      s[i - 1] == '<' || s[i - 1] == '@' || s[i - 1] == ':'))
		return 0;
	/* the first component, a top directory, is a word followed by '/' */
	k = i + ident_span(s, n, i);
	if (k >= n || s[k] != '/')
		return 0;
	while (k < n && is_path_char(s[k]))
		k++;
	slash = memchr(s + i, '/', k - i);
	if (!slash)
		return 0;
	top = slash - (s + i);
	if (!is_top_dir(s + i, top))
		return 0;
	/* trailing punctuation of the sentence */
	while (k > i && (s[k - 1] == '.' || s[k - 1] == '-'))
		k--;
	if (k < n && (s[k] == '*' || s[k] == '<' || s[k] == '{' || s[k] == '$' ||
		      s[k] == '?' || s[k] == '['))
		return 0;
	if (memmem(s + i, k - i, "..", 2) || memmem(s + i, k - i, "//", 2))
		return 0;
	/*
	 * What a build writes (include/generated/, include/config/, the
	 * usr/include/ of headers_install), and include/asm/ and
	 * include/mach/, which stand for every arch/ARCH/include/asm/ and
	 * arch/arm/mach-NAME/include/mach/, and the old include/asm-ARCH/
	 * (include/asm-generic/ is a real directory).
	 */
	if ((k - i >= 18 && !memcmp(s + i, "include/generated/", 18)) ||
	    (k - i >= 15 && !memcmp(s + i, "include/config/", 15)) ||
	    (k - i >= 12 && !memcmp(s + i, "usr/include/", 12)) ||
	    (k - i >= 12 && !memcmp(s + i, "include/asm/", 12)) ||
	    (k - i >= 13 && !memcmp(s + i, "include/mach/", 13)) ||
	    (k - i >= 11 && !memcmp(s + i, "include/asm", 11) && s[i + 11] == '-' &&
	     (k - i < 19 || memcmp(s + i + 11, "-generic", 8))))
		return 0;
	/* arch/kernel/entry.S: the kernel/ of any arch/ARCH/ */
	if (k - i > 5 && !memcmp(s + i, "arch/", 5) && arch_subdir(s + i + 5, k - i - 5))
		return 0;
	for (last = i; last < k;) {
		const char *e = memchr(s + last, '/', k - last);
		size_t end = e ? (size_t)(e - s) : k;

		if (placeholder_component(s + last, end - last))
			return 0;
		last = end + 1;
	}
	if (k - i <= top + 1 && s[k - 1] != '/')
		return 0;
	{
		const char *base = memrchr(s + i, '/', k - i);
		const char *dot = base ? memrchr(base, '.', s + k - base) : NULL;
		bool ext = dot != NULL;

		if (dot && built_file(dot + 1, s + k - dot - 1))
			return 0;

		*st = ext || s[k - 1] == '/' ? S_STRONG : S_WEAK;
	}
	return k - i;
}

static bool ends_word(const char *s, size_t n, size_t k)
{
	return k >= n || !is_ident_char(s[k]);
}

static bool is_file_ext(const char *s, size_t n)
{
	static const char *const ext[] = {
		"c", "h", "S", "o", "ko", "rst", "txt", "py", "sh", "pl", "html",
		"pdf", "org", "com", "net", "io", "git", "json", "yaml", "dts",
		"dtsi", "md", "e", "g", "x", "y", "in", NULL
	};
	int i;

	for (i = 0; ext[i]; i++)
		if (strlen(ext[i]) == n && !memcmp(ext[i], s, n))
			return true;
	return false;
}

/* A CJK character or punctuation mark: ideographs, kana, fullwidth forms. */
static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) ||
	       (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
	       (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x2fa1f);
}

/* The code point of the UTF-8 sequence that starts at s[i], or 0. */
static uint32_t cp_at(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t len = u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 : u[0] >= 0xc0 ? 2 : 0;
	uint32_t cp;
	size_t k;

	if (!len || i + len > n)
		return 0;
	cp = u[0] & (0x3f >> (len - 1));
	for (k = 1; k < len; k++) {
		if ((u[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (u[k] & 0x3f);
	}
	return cp;
}

/* The code point that ends just before s[i], or 0. */
static uint32_t cp_before(const char *s, size_t n, size_t i)
{
	size_t j = i;

	while (j > 0 && i - j < 4 && ((unsigned char)s[j - 1] & 0xc0) == 0x80)
		j--;
	return j > 0 && j < i ? cp_at(s, n, j - 1) : 0;
}

/* s[i..k) touches CJK text on one side at least */
static bool glued_to_cjk(const char *s, size_t n, size_t i, size_t k)
{
	return (i > 0 && is_cjk(cp_before(s, n, i))) || (k < n && is_cjk(cp_at(s, n, k)));
}

static bool is_lower_ident(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return false;
	return true;
}

static bool is_wild(const char *s, size_t n, size_t end)
{
	return (end < n && s[end] == '*') || s[end - 1] == '_';
}

/* After "a->" or "a.": the members of a chain.  Returns the end. */
static size_t member_chain(struct doc *d, const char *s, size_t n, size_t i,
			   size_t k, enum ref_strength st)
{
	const char *base = s + i;
	size_t basen = k - i;
	long prev = -1;

	for (;;) {
		size_t step, m;

		if (k + 2 < n && s[k] == '-' && s[k + 1] == '>')
			step = 2;
		else if (k + 1 < n && s[k] == '.' && is_ident_start(s[k + 1]))
			step = 1;
		else
			return k;
		m = ident_span(s, n, k + step);
		if (!m)
			return k;
		if (step == 1 && (!is_lower_ident(s + k + 1, m) ||
				  is_file_ext(s + k + 1, m) ||
				  (k + 1 + m < n && (s[k + 1 + m] == '/' ||
						      (s[k + 1 + m] == '.' &&
						       k + 2 + m < n && is_ident_char(s[k + 2 + m]))))))
			return k;
		/* "cgroup.procs" is more often a file name than a member */
		doc_member_ref(d, step == 1 ? S_WEAK : st, s + k + step, m,
			       base, basen, &prev, step == 2);
		base = s + k + step;
		basen = m;
		k += step + m;
	}
}

/* "the struct is", "a struct with": words that are no tag */
static bool english(const char *s, size_t n)
{
	static const char *const words[] = {
		"a", "an", "the", "is", "are", "was", "be", "and", "or", "of",
		"to", "in", "on", "for", "with", "that", "this", "which", "as",
		"by", "has", "have", "its", "it", "member", "members", "field",
		"fields", "pointer", "pointers", "type", "types", "instance",
		"object", "itself", "definition", "declaration", "can", "must",
		"will", "should", "from", "into", NULL
	};
	int i;

	for (i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !memcmp(words[i], s, n))
			return true;
	return false;
}

/*
 * "You can provide a cache_obj_rename() which ...", "if there were to
 * be a foo(), ...": a function the text imagines or proposes, after "a"
 * or "an" and ending the phrase, or after "be called".  ("a reserve_memtype()/free_memtype()
 * interface" and "a foo()-like" name real functions.)  s[i..k) is the
 * name, "()" follows.
 */
/* The word before s[j] (after one space), or NULL; its start in *w. */
static bool word_before(const char *s, size_t j, const char *word)
{
	size_t w;

	if (j < 2 || s[j - 1] != ' ')
		return false;
	for (w = j - 1; w > 0 && s[w - 1] != ' '; w--)
		;
	return word_is(s + w, j - 1 - w, word);
}

static bool imagined(const char *s, size_t n, size_t i, size_t k)
{
	size_t j = i, w, e = k + 2, m;

	if (j < 2 || s[j - 1] != ' ')
		return false;
	for (w = j - 1; w > 0 && s[w - 1] != ' '; w--)
		;
	/* "it should really be called spin_lock_softirq()": a proposed name */
	if (word_is(s + w, j - 1 - w, "called") && word_before(s, w, "be"))
		return true;
	if (!word_is(s + w, j - 1 - w, "a") && !word_is(s + w, j - 1 - w, "an") &&
	    !word_is(s + w, j - 1 - w, "A") && !word_is(s + w, j - 1 - w, "An"))
		return false;
	if (e == n || strchr(",.;:", s[e]))
		return true;
	if (s[e] != ' ')
		return false;
	m = ident_span(s, n, e + 1);
	return word_is(s + e + 1, m, "which") || word_is(s + e + 1, m, "that");
}

/* A page flag, PG_locked, or a page type, PGTY_offline (not PG_SZ). */
static bool page_flag(const char *s, size_t n)
{
	size_t p = n > 3 && !memcmp(s, "PG_", 3) ? 3 :
		   n > 5 && !memcmp(s, "PGTY_", 5) ? 5 : 0;

	return p && s[p] >= 'a' && s[p] <= 'z';
}

/* One identifier in prose at s[i], of length k - i.  Returns the end. */
static size_t prose_ident(struct doc *d, const char *s, size_t n, size_t i,
			  size_t k)
{
	const char *name = s + i;
	size_t len = k - i;

	if (k + 1 < n && s[k] == '(' && s[k + 1] == ')') {
		doc_ref(d, R_CALL, imagined(s, n, i, k) ? S_WEAK : S_STRONG, name,
			name, len);
		return k + 2;
	}
	if (k < n && s[k] == '(')
		return k;	/* name(2), name(args): not ours */
	if ((len == 6 && (!memcmp(name, "struct", 6))) ||
	    (len == 5 && !memcmp(name, "union", 5)) ||
	    (len == 4 && !memcmp(name, "enum", 4))) {
		size_t j = k, t;

		while (j < n && s[j] == ' ')
			j++;
		t = ident_span(s, n, j);
		if (j > k && t && !english(s + j, t)) {
			bool strong = has_char(s + j, t, '_');

			doc_ref(d, R_TAG, strong ? S_STRONG : S_WEAK, s + j, s + j, t);
			return member_chain(d, s, n, j, j + t, S_STRONG);
		}
		return k;
	}
	if ((k + 2 < n && s[k] == '-' && s[k + 1] == '>') ||
	    (k + 1 < n && s[k] == '.' && is_lower_ident(name, len)))
		return member_chain(d, s, n, i, k, S_MEDIUM);
	if (page_flag(name, len) && !is_wild(s, n, k)) {
		doc_ref(d, R_NAME, S_STRONG, name, name, len);
	} else if (len > 7 && !memcmp(name, "CONFIG_", 7)) {
		/* $(CONFIG_SHELL) is a make variable */
		bool make_var = i >= 2 && s[i - 1] == '(' && s[i - 2] == '$';

		if (!is_wild(s, n, k) && is_upper_name(name, len) && !make_var)
			doc_ref(d, R_KCONFIG, S_STRONG, name, name, len);
	} else if (glued_to_cjk(s, n, i, k) && has_char(name, len, '_') && !is_wild(s, n, k)) {
		/*
		 * page_lock, __SetPageMovable: a name with a '_' (a word of
		 * CamelCase is as often a product's name, SipHash)
		 */
		struct ref *r = doc_ref(d, R_NAME, S_MEDIUM, name, name, len);

		if (r)
			r->cjk = true;
	} else if (is_upper_name(name, len) && has_char(name, len, '_') && len >= 10 &&
		   !is_wild(s, n, k)) {
		/*
		 * PAGE_MAPPING_MOVABLE: weak, reported when an older tree
		 * had it.  Shorter upper-case words are register and
		 * protocol names more often than macros; lower-case words
		 * in prose are sysfs files and options more often than code.
		 */
		doc_ref(d, R_NAME, S_WEAK, name, name, len);
	}
	return k;
}

/* :c:func:`name`, :c:type:`struct foo`, ... */
static void role(struct doc *d, const char *r, size_t rn, const char *s,
		 size_t n)
{
	const char *lt = memchr(s, '<', n);
	size_t k;

	if (rn < 3 || memcmp(r, "c:", 2))
		return;
	r += 2;
	rn -= 2;
	if (lt && s[n - 1] == '>') {
		n -= lt + 1 - s + 1;
		s = lt + 1;
	}
	while (n && (*s == '~' || *s == '!' || *s == ' ')) {
		s++;
		n--;
	}
	if (n > 2 && s[n - 2] == '(' && s[n - 1] == ')')
		n -= 2;
	if ((rn == 4 && !memcmp(r, "type", 4)) || (rn == 6 && !memcmp(r, "struct", 6)) ||
	    (rn == 5 && !memcmp(r, "union", 5)) || (rn == 4 && !memcmp(r, "enum", 4))) {
		size_t skip = 0;

		if (n > 7 && !memcmp(s, "struct ", 7))
			skip = 7;
		else if (n > 6 && !memcmp(s, "union ", 6))
			skip = 6;
		else if (n > 5 && !memcmp(s, "enum ", 5))
			skip = 5;
		k = ident_span(s + skip, n - skip, 0);
		if (k == n - skip)
			doc_ref(d, skip || rn != 4 ? R_TAG : R_NAME, S_STRONG,
				s + skip, s + skip, k);
		return;
	}
	k = ident_span(s, n, 0);
	if (k != n)
		return;
	if (rn == 4 && !memcmp(r, "func", 4))
		doc_ref(d, R_CALL, S_STRONG, s, s, k);
	else if (k > 7 && !memcmp(s, "CONFIG_", 7))
		doc_ref(d, R_KCONFIG, S_STRONG, s, s, k);
	else if ((rn == 5 && !memcmp(r, "macro", 5)) || (rn == 4 && !memcmp(r, "data", 4)) ||
		 (rn == 3 && !memcmp(r, "var", 3)) ||
		 (rn == 10 && !memcmp(r, "enumerator", 10)))
		doc_ref(d, R_NAME, S_STRONG, s, s, k);
}

static const char *find2(const char *s, size_t n, size_t from, const char *pat)
{
	size_t plen = strlen(pat);

	if (from > n)
		return NULL;
	return memmem(s + from, n - from, pat, plen);
}

/* Skip a word holding a URL or a mail address; 0 if it holds none. */
static size_t url_word(const char *s, size_t n, size_t i)
{
	bool url = false;
	size_t k;

	for (k = i; k < n && s[k] != ' ' && s[k] != '\t' && s[k] != '>' &&
	     (unsigned char)s[k] < 0x80; k++)
		if (s[k] == '@' || (s[k] == ':' && k + 2 < n && s[k + 1] == '/' &&
				    s[k + 2] == '/'))
			url = true;
	if (k - i > 4 && !memcmp(s + i, "www.", 4))
		url = true;
	return url ? k : 0;
}

void prose_scan(struct doc *d, const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		unsigned char c = s[i];

		if (c == '`') {
			struct csnip st = { 0 };
			bool dbl = i + 1 < n && s[i + 1] == '`';
			const char *e = find2(s, n, i + 1 + dbl, dbl ? "``" : "`");

			if (!e)
				return;	/* goes on past this line: skip it */
			k = e - s;
			if (!dbl && k + 1 < n && s[k + 1] == '_') {
				i = k + 1;	/* hyperlink reference */
				continue;
			}
			if (!memchr(s + i, '<', k - i) || dbl)
				csnip_scan(d, &st, s + i + 1 + dbl, k - i - 1 - dbl);
			i = k + 1 + dbl;
			continue;
		}
		if (c == ':' && i + 1 < n && is_ident_start(s[i + 1])) {
			size_t j = i + 1;

			while (j < n && (is_ident_char(s[j]) || s[j] == ':' || s[j] == '-' ||
					 s[j] == '+' || s[j] == '.'))
				j++;
			if (j < n && s[j] == '`' && s[j - 1] == ':') {
				const char *e = find2(s, n, j + 1, "`");

				if (!e)
					return;
				role(d, s + i + 1, j - i - 2, s + j + 1, e - s - j - 1);
				i = e - s + 1;
				continue;
			}
		}
		if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '<' ||
		    (unsigned char)s[i - 1] >= 0x80) {
			k = url_word(s, n, i);
			if (k) {
				i = k;
				continue;
			}
		}
		if (is_ident_start(c) && (i == 0 || !is_ident_char(s[i - 1]))) {
			enum ref_strength st;
			char p = i ? s[i - 1] : ' ';

			k = path_at(s, n, i, &st);
			if (k) {
				doc_ref(d, R_PATH, st, s + i, s + i, k);
				i += k;
				continue;
			}
			k = i + ident_span(s, n, i);
			if (p == '.' || p == '/' || p == '$' || p == '%' || p == '\\' ||
			    p == '-' || p == '&' || p == '>' || p == '#' || p == ']' ||
			    p == '*' || p == '}' || p == '|' ||
			    (k < n && (s[k] == '/' || s[k] == '@' || s[k] == '[')) ||
			    !ends_word(s, n, k)) {
				/* paths, options, [pmd/pte]p_foo() expansions */
				i = k;
				continue;
			}
			i = prose_ident(d, s, n, i, k);
			continue;
		}
		i++;
	}
}
