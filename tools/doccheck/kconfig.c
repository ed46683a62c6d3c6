// SPDX-License-Identifier: GPL-2.0
/*
 * Kconfig symbols: the "config NAME" and "menuconfig NAME" entries of a
 * Kconfig file.  Help texts are skipped: after "help", every line
 * indented more than the "help" line (and every blank line) is text.
 */
#include <string.h>

#include "doccheck.h"

static const char *entry_name(const char *p, size_t *n)
{
	static const char *const words[] = { "config", "menuconfig" };
	size_t i, w;

	for (i = 0; i < 2; i++) {
		w = strlen(words[i]);
		if (!strncmp(p, words[i], w) && (p[w] == ' ' || p[w] == '\t')) {
			p += w;
			while (*p == ' ' || *p == '\t')
				p++;
			for (*n = 0; is_ident_char(p[*n]); (*n)++)
				;
			return *n ? p : NULL;
		}
	}
	return NULL;
}

static int indent_of(const char *p, const char **text)
{
	int col = 0;

	for (; *p == ' ' || *p == '\t'; p++)
		col = *p == '\t' ? (col + 8) & ~7 : col + 1;
	*text = p;
	return col;
}

static bool is_help(const char *p)
{
	return (!strncmp(p, "help", 4) && (p[4] == '\n' || p[4] == ' ' ||
					   p[4] == '\t' || p[4] == '\r' || !p[4])) ||
	       !strncmp(p, "---help---", 10);
}

void kconfig_scan(struct found *f, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl, *t, *name;
	int help = -1;		/* indentation of "help", or -1 */
	size_t n;

	for (; p < end; p = nl ? nl + 1 : end) {
		int indent = indent_of(p, &t);

		nl = memchr(p, '\n', end - p);
		if (help >= 0) {
			if (*t == '\n' || *t == '\r' || !*t || indent > help)
				continue;
			help = -1;
		}
		if (is_help(t)) {
			help = indent;
			continue;
		}
		name = entry_name(t, &n);
		if (name)
			found_name(f, name, n, K_KCONFIG);
	}
}
