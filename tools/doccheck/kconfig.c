// SPDX-License-Identifier: GPL-2.0
/*
 * Kconfig symbols: the "config NAME" and "menuconfig NAME" entries of a
 * Kconfig file.  Only line starts are looked at; help texts that happen
 * to begin a line with "config" are rare and harmless (a name too many).
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

void kconfig_scan(struct found *f, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl, *name;
	size_t n;

	while (p < end) {
		while (*p == ' ' || *p == '\t')
			p++;
		name = entry_name(p, &n);
		if (name)
			found_name(f, name, n, K_KCONFIG);
		nl = memchr(p, '\n', end - p);
		p = nl ? nl + 1 : end;
	}
}
