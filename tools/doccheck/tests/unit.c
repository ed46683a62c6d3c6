// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of doccheck's pure functions, the way tools/testing/vma
 * tests mm's: linked against the real objects, one KTAP line per case.
 * Each case states in its name what it expects; the fixture tests
 * (tests/run) cover the same code through whole documents.
 *
 *   typo plausibility    digit_edit(), slip_order(), short_word_edit(),
 *                        within_one()
 *   label normalisation  label_norm(), slugify()
 *   fingerprints         sfp_compute(), typo_recover()
 *   section similarity   align_sections() on small pages
 *   KTAP                 ktap_parse(), ktap_case()
 */
#include <stdlib.h>
#include <string.h>

#include "../doccheck.h"
#include "../trans.h"

struct unit {
	int run, failed;
};

static void expect(struct unit *u, bool ok, const char *name)
{
	u->run++;
	if (!ok)
		u->failed++;
	printf("%sok %d %s\n", ok ? "" : "not ", u->run, name);
}

static bool str_is(char *got, const char *want)
{
	bool ok = got && !strcmp(got, want);

	if (!ok)
		printf("# got '%s', want '%s'\n", got ? got : "(null)", want);
	free(got);
	return ok;
}

/* ---- typo plausibility ---- */

static const struct {
	bool (*judge)(const char *a, const char *b);
	const char *a, *b;
	bool want;
	const char *name;
} plausible_cases[] = {
	{ digit_edit, "curr_reset_history", "curr1_reset_history", true,
	  "digit_edit: a numbered sibling is no typo" },
	{ digit_edit, "omapx_opp_init", "omap3_opp_init", true,
	  "digit_edit: x for a number of the family is no typo" },
	{ digit_edit, "folio_isolate_lru", "folio_isolate_lr", false,
	  "digit_edit: a letter dropped is not a digit edit" },
	{ slip_order, "dma_get_residue", "get_dma_residue", true,
	  "slip_order: two neighbours swapped is a slip" },
	{ slip_order, "register_platform_device", "platform_device_register", true,
	  "slip_order: the name turned round is a slip" },
	{ slip_order, "rx_vport_unicast_bytes", "rx_unicast_bytes_vport", false,
	  "slip_order: a middle word moved to the end is another scheme" },
	{ short_word_edit, "STATE_ONE", "STATE_ON", true,
	  "short_word_edit: one edit in a short word of two makes another word" },
	{ short_word_edit, "bpf_func_c", "bpf_func_t", true,
	  "short_word_edit: a one-letter word changed is another name" },
	{ short_word_edit, "INADRR_ANY", "INADDR_ANY", false,
	  "short_word_edit: a long word misspelt is a typo" },
};

static const struct {
	const char *a, *b;
	int want;
	const char *name;
} edit_cases[] = {
	{ "migrate_pages", "migrate_pages", 0, "within_one: the same name is 0 edits" },
	{ "migrate_page", "migrate_pages", 1, "within_one: one letter added is 1" },
	{ "mirgate_pages", "migrate_pages", 1, "within_one: two neighbours swapped is 1" },
	{ "migrate_folio", "migrate_pages", 2, "within_one: another word is more than one" },
};

static void test_plausible(struct unit *u)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(plausible_cases); i++)
		expect(u, plausible_cases[i].judge(plausible_cases[i].a, plausible_cases[i].b) ==
		       plausible_cases[i].want, plausible_cases[i].name);
	for (i = 0; i < ARRAY_SIZE(edit_cases); i++)
		expect(u, within_one(edit_cases[i].a, strlen(edit_cases[i].a),
				     edit_cases[i].b, strlen(edit_cases[i].b)) ==
		       edit_cases[i].want, edit_cases[i].name);
}

/* ---- labels ---- */

static void test_labels(struct unit *u)
{
	expect(u, str_is(label_norm("zh_CN-mops-isolate", "zh_CN"), "mops-isolate"),
	       "label_norm: zh_CN- prefix dropped");
	expect(u, str_is(label_norm("cn_page_migration", "zh_CN"), "page_migration"),
	       "label_norm: cn_ prefix dropped");
	expect(u, str_is(label_norm("Page_Migration", NULL), "page_migration"),
	       "label_norm: lower case, an original's label kept");
	expect(u, str_is(label_norm("zh_CN-", "zh_CN"), "zh_cn-"),
	       "label_norm: a prefix with nothing after it is kept");
	expect(u, str_is(slugify("Movable_ops pages & balloons"),
			 "movable-ops-pages-balloons"),
	       "slugify: words joined by '-', punctuation dropped");
}

/* ---- fingerprints ---- */

static void outline_of(struct outline *o, const char *text)
{
	memset(o, 0, sizeof(*o));
	outline_parse(o, "unit.rst", text, strlen(text));
}

/* the fingerprint of section 1 of @text */
static void fingerprint(const char *text, struct sfp *f, struct outline *o)
{
	outline_of(o, text);
	memset(f, 0, sizeof(*f));
	sfp_compute(o, 1, f);
}

#define PAGE(body) "Title\n=====\n\n" body "\n"

static void test_fingerprints(struct unit *u)
{
	struct outline a, b;
	struct sfp fa, fb;
	struct words w = { 0 };
	struct wedit ed[TYPO_MAX] = { 0 };
	int got;

	fingerprint(PAGE("The folio is isolated first."), &fa, &a);
	fingerprint(PAGE("The  folio is\nisolated   first."), &fb, &b);
	expect(u, fa.exact == fb.exact && fa.loose == fb.loose,
	       "fingerprint: white space changes neither hash");
	outline_free(&b);
	sfp_free(&fb);

	fingerprint(PAGE("the folio, is isolated First"), &fb, &b);
	expect(u, fa.exact != fb.exact && fa.loose == fb.loose &&
	       fa.nwords == fb.nwords,
	       "fingerprint: punctuation and case change E, not L");
	outline_free(&b);
	sfp_free(&fb);

	fingerprint(PAGE("The folio is isloated first."), &fb, &b);
	expect(u, fa.loose != fb.loose && fa.nwords == fb.nwords,
	       "fingerprint: a typo changes L, not the word count");
	words_of_section(&b, 1, &w);
	got = typo_recover(&fa, &w, ed);
	expect(u, got == 1 && ed[0].old && !strcmp(ed[0].old, "isolated"),
	       "typo_recover: the old word of a one-letter swap is found");
	expect(u, got == 1 && typo_trivial(&w, &ed[0]),
	       "typo_trivial: a swap in a prose word is trivial");
	for (int i = 0; i < TYPO_MAX; i++)
		free(ed[i].old);
	words_free(&w);
	outline_free(&b);
	sfp_free(&fb);

	fingerprint(PAGE("The folio is moved first."), &fb, &b);
	words_of_section(&b, 1, &w);
	memset(ed, 0, sizeof(ed));
	expect(u, typo_recover(&fa, &w, ed) == 0,
	       "typo_recover: another word is no typo");
	for (int i = 0; i < TYPO_MAX; i++)
		free(ed[i].old);
	words_free(&w);
	outline_free(&b);
	sfp_free(&fb);
	outline_free(&a);
	sfp_free(&fa);
}

/* ---- section similarity ---- */

static const char english[] =
	"Page migration\n==============\n\nIntro.\n\n"
	".. _mops-isolate:\n\nIsolation\n---------\n\n"
	"Call ``isolate_movable_ops_page()``.\n\n"
	".. code-block:: c\n\n\tisolate_movable_ops_page(page, mode);\n\n"
	".. _mops-putback:\n\nPutting back\n------------\n\n"
	"Call ``putback_movable_pages()``.\n";

/* the two subsections in the other order, as a reordered translation */
static const char chinese[] =
	"页面迁移\n========\n\n简介。\n\n"
	".. _zh_CN-mops-putback:\n\n放回\n----\n\n"
	"调用 ``putback_movable_pages()`` 。\n\n"
	".. _zh_CN-mops-isolate:\n\n隔离\n----\n\n"
	"调用 ``isolate_movable_ops_page()`` 。\n\n"
	".. code-block:: c\n\n\tisolate_movable_ops_page(page, mode);\n";

static void side_of(struct tside *s, const char *text, const char *lang)
{
	memset(s, 0, sizeof(*s));
	outline_of(&s->o, text);
	s->lang = lang;
	idsets_build(s);
}

static void test_similarity(struct unit *u)
{
	struct tside e, t;
	struct alignment a = { 0 };
	int isolate, putback;

	side_of(&e, english, NULL);
	side_of(&t, chinese, "zh_CN");
	align_sections(&e, &t, &a);
	isolate = 2;	/* sections: "-", the title, Isolation, Putting back */
	putback = 3;
	expect(u, e.o.nsec == 4 && t.o.nsec == 4,
	       "similarity: both pages have four sections");
	expect(u, a.t_of_e[isolate] == 3 && a.t_of_e[putback] == 2,
	       "similarity: reordered sections pair by their labels and code");
	expect(u, a.score[isolate] >= EVIDENCE_MIN,
	       "similarity: a pair on labels and code is more than place and size");
	alignment_free(&a);
	idsets_free(&e);
	idsets_free(&t);
	outline_free(&e.o);
	outline_free(&t.o);
}

/* ---- KTAP ---- */

static const char ktap[] =
	"KTAP version 1\n1..2\n"
	"    KTAP version 1\n    # Subtest: balloon_example_test\n    1..3\n"
	"    ok 1 mops_balloon_inflate\n"
	"    not ok 2 mops_balloon_enoent\n"
	"[   12.5] ok 3 mops_balloon_deflate # SKIP no host\n"
	"ok 1 balloon_example_test\n"
	"    KTAP version 1\n    # Subtest: zsmalloc_example_test\n    1..1\n"
	"        KTAP version 1\n        # Subtest: mops_zsmalloc_handles\n"
	"        ok 1 small\n"
	"        not ok 2 large\n"
	"    not ok 1 mops_zsmalloc_handles\n"
	"not ok 2 zsmalloc_example_test\n";

static void test_ktap(struct unit *u)
{
	struct ktap k = { 0 };

	ktap_parse(&k, ktap, strlen(ktap));
	expect(u, ktap_case(&k, "balloon_example_test", "mops_balloon_inflate") == KT_PASS,
	       "ktap: a passed case of its suite");
	expect(u, ktap_case(&k, "balloon_example_test", "mops_balloon_enoent") == KT_FAIL,
	       "ktap: a failed case");
	expect(u, ktap_case(&k, NULL, "mops_balloon_deflate") == KT_SKIP,
	       "ktap: a skipped case, after a kernel log prefix");
	expect(u, ktap_case(&k, "zsmalloc_example_test", "mops_zsmalloc_handles") == KT_FAIL,
	       "ktap: a parameterised case has its own result");
	expect(u, ktap_case(&k, "mops_zsmalloc_handles", "large") == KT_FAIL,
	       "ktap: a parameter's result belongs to its case");
	expect(u, ktap_case(&k, "balloon_example_test", "mops_zsmalloc_handles") == KT_NONE,
	       "ktap: a case of another suite is not found");
	ktap_free(&k);
}

int main(void)
{
	struct unit u = { 0 };

	printf("KTAP version 1\n# doccheck unit tests\n");
	test_plausible(&u);
	test_labels(&u);
	test_fingerprints(&u);
	test_similarity(&u);
	test_ktap(&u);
	printf("1..%d\n# %d passed, %d failed\n", u.run, u.run - u.failed, u.failed);
	return u.failed ? 1 : 0;
}
