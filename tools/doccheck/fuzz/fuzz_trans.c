// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: part 2 on any bytes.  The input is split at its first
 * "\n----\n" into an original and a translation; both are outlined and
 * fingerprinted, the translation's stamp is parsed, the two are aligned
 * and compared, and the typo recovery runs against the stamp's sections.
 */
#include <stdlib.h>
#include <string.h>

#include "trans.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void side(struct tside *s, const char *path, const char *text, size_t n,
		 const char *lang)
{
	char *copy = malloc(n + FILE_PAD + 1);

	memcpy(copy, text, n);
	memset(copy + n, 0, FILE_PAD + 1);
	outline_parse(&s->o, path, copy, n);
	s->doc = malloc(sizeof(*s->doc));
	doc_init(s->doc, path);
	if (!s->o.binary)
		rst_extract(s->doc, copy, n);
	s->lang = lang;
	idsets_build(s);
	free(copy);
}

static void side_free(struct tside *s)
{
	idsets_free(s);
	doc_free(s->doc);
	free(s->doc);
	outline_free(&s->o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *cut = memmem(text, size, "\n----\n", 6);
	size_t en = cut ? (size_t)(cut - text) : size / 2;
	size_t tstart = cut ? en + 6 : en;
	struct tside e = { 0 }, t = { 0 };
	struct alignment al;
	struct stamp st;
	size_t i, k;

	side(&e, "Documentation/a.rst", text, en, NULL);
	side(&t, "translations/zh_CN/a.rst", text + tstart, size - tstart, "zh_CN");
	align_sections(&e, &t, &al);
	align_compare(&e, &t, &al);
	stamp_parse(&t.o, &st);
	for (i = 0; i < e.o.nsec; i++) {
		struct sfp f;
		struct words w;
		struct wedit ed[TYPO_MAX];
		int n;

		sfp_compute(&e.o, (int)i, &f);
		words_of_section(&e.o, (int)i, &w);
		for (k = 0; k < st.nsec; k++) {
			n = typo_recover(&st.sec[k], &w, ed);
			while (n-- > 0) {
				typo_trivial(&w, &ed[n]);
				free(ed[n].old);
			}
		}
		words_free(&w);
		sfp_free(&f);
	}
	stamp_free(&st);
	alignment_free(&al);
	side_free(&e);
	side_free(&t);
	return 0;
}
