// SPDX-License-Identifier: GPL-2.0
/*
 * Phase 3 of the checks: judgement.  One ordered table of named rules;
 * for a reference, the first rule of its class that holds decides, and
 * says why: "report because ..." (with its check and message) or
 * "quiet because ...".  The facts (facts.c) and what the older trees and
 * did-you-mean said (check.c) are all a rule sees.
 *
 * How sure the extractor was (strong, medium, weak; doccheck.h) decides
 * much: a strong name is reported when unknown, a medium one only when
 * a close name makes a typo likely, a weak one only when an older tree
 * had it.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define K_API (K_CODE & ~(K_MACROARG | K_PARAM))

#define CK (1u << RC_KCONFIG)
#define CP (1u << RC_PATH)
#define CM (1u << RC_MEMBER)
#define CN (1u << RC_NAME)
#define CC (1u << RC_CALL)
#define CT (1u << RC_TAG)
#define CNAMES RC_ANY_NAME

#define QUIET C__COUNT

static const struct ref *ref_of(const struct judge *j)
{
	return j->f->ref;
}

static const char *label(const struct judge *j)
{
	return j->c->idx->label;
}

/* ---- what the older trees said ---- */

/* an older tree had it, outside tools/ (user-space code) too */
static bool tools_only(const struct judge *j)
{
	const struct past *p = j->f->past;

	return p && (p->kinds & (K_SRC | K_TOOLS)) == K_TOOLS;
}

static bool had(const struct judge *j, uint32_t kinds)
{
	const struct past *p = j->f->past;

	return p && p->present && (p->kinds & kinds) && !tools_only(j);
}

/* a name() whose namesake in the target is not callable */
static bool namesake(const struct judge *j)
{
	return j->f->class == RC_CALL && (j->f->kinds & K_CODE);
}

/*
 * Gone since an older tree: a Kconfig entry, a function or macro for
 * name() of a namesake of another kind, any API name else (not what the
 * page's own code defines with a body, declares as a variable or uses in
 * a user-space program).
 */
static bool removal(const struct judge *j)
{
	const struct facts *f = j->f;

	if (f->class == RC_KCONFIG)
		return had(j, K_KCONFIG);
	if (namesake(j))
		return f->ref->strength != S_WEAK && had(j, K_FUNC | K_MACRO);
	return !(f->local & (L_BODY | L_USER | L_VAR)) && had(j, K_API);
}

/* ---- messages ---- */

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "struct a, struct b, struct c and 3 more", sorted: the same every run */
void list_owners(const struct owner *o, const char *skip, struct buf *b)
{
	const char **tags = NULL;
	size_t n = 0, cap = 0, i, shown = 0;

	for (; o; o = o->next) {
		if (!*o->tag || (skip && !strcmp(o->tag, skip)))
			continue;
		GROW(tags, n, cap, 16);
		tags[n++] = o->tag;
	}
	if (n)
		qsort(tags, n, sizeof(*tags), str_cmp);
	for (i = 0; i < n; i++) {
		if (i && !strcmp(tags[i], tags[i - 1]))
			continue;
		if (shown < 3)
			buf_addf(b, "%sstruct %s", shown ? ", " : "", tags[i]);
		shown++;
	}
	if (shown > 3)
		buf_addf(b, " and %zu more", shown - 3);
	free(tags);
}

/* "; replaced by X" */
static void add_replacement(const struct judge *j, const char *name, struct buf *b)
{
	const char *rep = history_replacement(j->c->h, name);

	if (rep)
		buf_addf(b, "; replaced by %s", rep);
}

/* "; did you mean 'X'?", "; did you mean 'X' (removed after 6.12)?" */
void suggestion_text(const struct judge *j, const char *name,
		     const char *prefix, struct buf *b)
{
	const struct unknown *u = suggest_for(&j->c->sg, name);

	if (!u)
		return;
	buf_addf(b, "; did you mean '%s%s'", prefix, u->best);
	if (u->hist) {
		buf_addstr(b, " (removed after ");
		buf_addstr(b, history_last(j->c->h, u->hist));
		buf_addc(b, ')');
	}
	buf_addc(b, '?');
}

static void say_removed(const struct judge *j, struct buf *b)
{
	const struct ref *r = ref_of(j);
	const char *key = j->f->key;

	buf_addf(b, "'%s' was removed after %s: it exists in ", r->name,
		 history_last(j->c->h, j->f->past->present));
	history_where(j->c->h, j->f->past->present, b);
	buf_addf(b, " but not in %s", label(j));
	/* CONFIG_FOO's replacement may be listed as CONFIG_FOO or FOO */
	if (history_replacement(j->c->h, r->name) || !strcmp(r->name, key))
		add_replacement(j, r->name, b);
	else
		add_replacement(j, key, b);
}

static void say_unknown_kconfig(const struct judge *j, struct buf *b)
{
	const char *name = ref_of(j)->name;

	buf_addf(b, "'%s' is not a Kconfig symbol in %s", name, label(j));
	add_replacement(j, name, b);
	suggestion_text(j, name, "", b);
}

/* "a member of struct a, struct b", "a struct tag", "an enum constant" */
static void namesake_text(const struct judge *j, struct buf *b)
{
	uint32_t k = j->f->kinds;

	if (k & K_MEMBER) {
		buf_addstr(b, "a member of ");
		list_owners(j->f->owners, NULL, b);
	} else if (k & K_TAG) {
		buf_addf(b, "a%s tag", k & K_STRUCT ? " struct" : k & K_UNION ? " union" : "n enum");
	} else if (k & K_ENUMCONST) {
		buf_addstr(b, "an enum constant");
	} else {
		buf_addstr(b, "no function or macro");
	}
}

static void say_not_callable(const struct judge *j, struct buf *b)
{
	const char *name = ref_of(j)->name;

	buf_addf(b, "'%s' is not a function or macro in %s: it is ", name, label(j));
	namesake_text(j, b);
	add_replacement(j, name, b);
	suggestion_text(j, name, "", b);
}

static void say_unknown_name(const struct judge *j, struct buf *b)
{
	const char *name = ref_of(j)->name;

	buf_addf(b, "'%s' is not defined in %s", name, label(j));
	add_replacement(j, name, b);
	suggestion_text(j, name, "", b);
}

static void path_hint(const struct judge *j, struct buf *b)
{
	const char *name = ref_of(j)->name;
	const char *hint;

	if (name[strlen(name) - 1] == '/')
		return;
	hint = pathhint_for(&j->c->ph, &j->c->idx->names, j->f->key);
	if (hint)
		buf_addf(b, "; did you mean '%s'?", hint);
}

static void say_removed_path(const struct judge *j, struct buf *b)
{
	buf_addf(b, "'%s' does not exist in %s (it exists in ", ref_of(j)->name,
		 label(j));
	history_where(j->c->h, j->f->past->present, b);
	buf_addc(b, ')');
	path_hint(j, b);
}

static void say_broken_path(const struct judge *j, struct buf *b)
{
	buf_addf(b, "'%s' does not exist in %s", ref_of(j)->name, label(j));
	path_hint(j, b);
}

/* the older trees' owner of the member that is the text's struct */
static const struct pastowner *past_owner(const struct judge *j)
{
	const struct pastowner *po;

	for (po = j->f->past ? j->f->past->owners : NULL; po; po = po->next)
		if (!strcmp(po->tag, j->f->tag))
			return po;
	return NULL;
}

static void say_removed_member(const struct judge *j, struct buf *b)
{
	const struct facts *f = j->f;

	buf_addf(b, "'%s' is no longer a member of struct %s (it is in ",
		 f->ref->name, f->tag);
	history_where(j->c->h, past_owner(j)->trees, b);
	buf_addc(b, ')');
	if (f->owners) {
		buf_addstr(b, "; it is now a member of ");
		list_owners(f->owners, f->tag, b);
	}
	add_replacement(j, f->ref->name, b);
}

static void say_wrong_member(const struct judge *j, struct buf *b)
{
	buf_addf(b, "'%s' is not a member of struct %s; it is a member of ",
		 ref_of(j)->name, j->f->tag);
	list_owners(j->f->owners, j->f->tag, b);
}

static void say_no_such_member(const struct judge *j, struct buf *b)
{
	buf_addf(b, "struct %s has no member '%s'", j->f->tag, ref_of(j)->name);
	suggestion_text(j, ref_of(j)->name, "", b);
}

/* ---- severities ---- */

static bool always(const struct judge *j)
{
	(void)j;
	return true;
}

/* as sure as the extractor was */
static bool strong_ref(const struct judge *j)
{
	return ref_of(j)->strength == S_STRONG;
}

/* as sure as the extractor was, weighed by the page */
static bool strong_here(const struct judge *j)
{
	return j->f->strength == S_STRONG;
}

static bool explicit_or_strong(const struct judge *j)
{
	return j->f->explicit || strong_ref(j);
}

/* ---- the conditions ---- */

static bool is_live(const struct judge *j)
{
	return j->f->live;
}

static bool kconfig_c_macro(const struct judge *j)
{
	return j->f->name_kinds & K_MACRO;
}

static bool page_kconfig_entry(const struct judge *j)
{
	return j->f->local & L_BODY;
}

static bool path_in_tree(const struct judge *j)
{
	return j->f->path & P_TREE;
}

static bool path_in_root(const struct judge *j)
{
	return j->f->path & P_ROOT;
}

static bool path_built(const struct judge *j)
{
	return j->f->path & P_BUILT;
}

static bool path_include(const struct judge *j)
{
	return j->f->path & P_INCLUDE;
}

static bool path_removed(const struct judge *j)
{
	const struct past *p = j->f->past;

	return p && p->present && (p->kinds & K_PATH);
}

static bool member_other_type(const struct judge *j)
{
	return j->f->other_type;
}

static bool member_ops_nearby(const struct judge *j)
{
	return j->f->ops_owner;
}

static bool member_no_struct(const struct judge *j)
{
	return !j->f->tag;
}

static bool libc(const struct judge *j)
{
	return is_libc_name(ref_of(j)->name);
}

static bool boot_param_named(const struct checker *c, const char *s)
{
	return c->params.count && s && names_find(&c->params, s, strlen(s));
}

static bool boot_param(const struct judge *j)
{
	return boot_param_named(j->c, ref_of(j)->name);
}

static bool in_history_table(const struct judge *j)
{
	return ref_of(j)->historical && removal(j);
}

/* name() of a tag: "fpga_image_info() - specifies ...", the struct */
static bool tag_called(const struct judge *j)
{
	return namesake(j) && (j->f->kinds & K_TAG);
}

/*
 * name() of a macro's argument or a prototype's parameter: a function
 * a macro makes, or the callback a parameter holds (fn()).
 */
static bool macro_made(const struct judge *j)
{
	return namesake(j) && (j->f->kinds & (K_MACROARG | K_PARAM));
}

static bool page_defines(const struct judge *j)
{
	return j->f->local & ~L_CALLED;
}

static bool weak(const struct judge *j)
{
	return j->f->strength == S_WEAK;
}

static bool is_placeholder(const struct judge *j)
{
	return placeholder(ref_of(j)->name);
}

static bool member_removed(const struct judge *j)
{
	return past_owner(j) != NULL;
}

static bool member_elsewhere(const struct judge *j)
{
	return j->f->owners && (j->f->explicit || ref_of(j)->strength >= S_MEDIUM);
}

/*
 * No struct has a member of that name, nor is it any other name of code:
 * of the struct of callbacks nearby, or after "->" ("cpu.cfs_quota_us"
 * is a cgroup's file more often than a member).
 */
static bool member_none(const struct judge *j)
{
	return !j->f->owners && !(j->f->kinds & K_CODE) &&
	       (j->f->explicit || ref_of(j)->arrow);
}

/* "_rcu()" variants, arch_scale{cpu,freq}_capacity(): pieces of names */
static bool fragment(const struct judge *j)
{
	const char *s = ref_of(j)->name;

	return s[0] == '_' && s[1] != '_';
}

/* "struct devices and struct device_drivers": English plurals */
static bool plural_of_known(const struct judge *j)
{
	const char *name = ref_of(j)->name;
	size_t n = strlen(name);

	return n >= 3 && name[n - 1] == 's' &&
	       names_find(&j->c->idx->names, name, n - 1);
}

/* struct icsk_ack_u8: the member icsk_ack, of type u8 (foreign.c) */
static bool member_and_type(const struct judge *j)
{
	const char *name = ref_of(j)->name;
	size_t n = typed_field(name);

	return n && names_find(&j->c->idx->names, name, n);
}

/* a call or a tag is C syntax: a misspelt name of two words is a typo too */
static bool typo(const struct judge *j)
{
	return likely_typo(ref_of(j)->name, j->f->sugg,
			   j->f->class == RC_CALL || j->f->class == RC_TAG);
}

static bool no_likely_typo(const struct judge *j)
{
	return j->f->strength == S_MEDIUM && !typo(j);
}

/*
 * A function the page's own code calls, that no tree has and that is
 * no likely typo: the example's helper (next_input_bit(),
 * read_notification()), named in prose too.
 */
static bool page_calls(const struct judge *j)
{
	return (j->f->local & L_CALLED) && !typo(j);
}

static bool page_topic(const struct judge *j)
{
	return doc_topic(j->c->doc->path, ref_of(j)->name);
}

static bool bpf_helper(const struct judge *j)
{
	const struct name *nm;
	char buf[128];

	if (!bpf_helper_id(ref_of(j)->name, buf, sizeof(buf)))
		return false;
	nm = names_find(&j->c->idx->names, buf, strlen(buf));
	return nm && (nm->kinds & K_CODE);
}

static bool other_case(const struct judge *j)
{
	const struct unknown *u = j->f->sugg;

	return u && unknown_match(u) == SM_CASE && !u->hist &&
	       case_variant(ref_of(j)->name, u->best);
}

static bool boot_param_typo(const struct judge *j)
{
	return j->f->sugg && boot_param_named(j->c, j->f->sugg->best);
}

/* ---- the table ---- */

/*
 * In order: for each class, the first rule that holds decides.  A rule
 * of several classes keeps its place for each of them.
 */
const struct rule rules[] = {
	{ "kconfig-live", CK, QUIET, is_live, NULL, NULL,
	  "the tree has a Kconfig entry of that name" },
	{ "kconfig-c-macro", CK, QUIET, kconfig_c_macro, NULL, NULL,
	  "a C macro of the tree has that name" },
	{ "kconfig-page-entry", CK, QUIET, page_kconfig_entry, NULL, NULL,
	  "the page's own Kconfig example has the entry (config NAME)" },
	{ "path-live", CP, QUIET, path_in_tree, NULL, NULL,
	  "the tree has that file or directory" },
	{ "path-in-root", CP, QUIET, path_in_root, NULL, NULL,
	  "the file is below a --root directory (the project's own tree)" },
	{ "path-built", CP, QUIET, path_built, NULL, NULL,
	  "a .gitignore of the tree lists it: a file a build writes" },
	{ "path-include-relative", CP, QUIET, path_include, NULL, NULL,
	  "a header named as #include names it, below include/ or include/uapi/" },
	{ "removed-path", CP, C_BROKEN_PATH, path_removed, strong_ref,
	  say_removed_path, "an older tree had that path" },
	{ "broken-path", CP, C_BROKEN_PATH, strong_ref, strong_ref,
	  say_broken_path, "a path with an extension or a trailing '/' that the tree lacks" },
	{ "weak-path", CP, QUIET, always, NULL, NULL,
	  "a path without extension or '/' is reported only when an older tree had it" },
	{ "member-other-type", CM, QUIET, member_other_type, NULL, NULL,
	  "a member of that name has a type that has the member (sock->ops)" },
	{ "member-ops-nearby", CM, QUIET, member_ops_nearby, NULL, NULL,
	  "a struct of callbacks the section names has that member" },
	{ "member-no-struct", CM, QUIET, member_no_struct, NULL, NULL,
	  "the text names no struct to place the member in" },
	{ "member-live", CM, QUIET, is_live, NULL, NULL,
	  "the struct the text names has that member" },
	{ "live", CNAMES, QUIET, is_live, NULL, NULL,
	  "the tree has the name as the reference asks (a call: something callable)" },
	{ "libc", CNAMES, QUIET, libc, NULL, NULL,
	  "a C library, compiler or POSIX name" },
	{ "boot-param", CN, QUIET, boot_param, NULL, NULL,
	  "a boot parameter the tree's kernel-parameters.txt documents" },
	{ "history-table", CK | CNAMES, QUIET, in_history_table, NULL, NULL,
	  "an old name in a history table, gone as the table says" },
	{ "removed-kconfig", CK, C_REMOVED_KCONFIG, removal, strong_ref,
	  say_removed, "an older tree had the Kconfig entry" },
	{ "removed-name", CNAMES, C_REMOVED_NAME, removal, strong_ref,
	  say_removed, "an older tree had the name as code (a call: a function or macro)" },
	{ "tag-written-as-call", CC, QUIET, tag_called, NULL, NULL,
	  "name() of a struct, union or enum tag: the page means the type (fpga_image_info())" },
	{ "macro-made-call", CC, QUIET, macro_made, NULL, NULL,
	  "a call of a name the tree has as a macro argument or a parameter: made by the macro" },
	{ "tools-only", CNAMES, QUIET, tools_only, NULL, NULL,
	  "older trees had it only under tools/: a user-space library's" },
	{ "page-defines", CNAMES, QUIET, page_defines, NULL, NULL,
	  "the page's own code defines it or declares it as a variable, or a user-space program of the page uses it" },
	{ "weak", CNAMES, QUIET, weak, NULL, NULL,
	  "a weak reference is reported only when an older tree had it" },
	{ "placeholder", CK | CNAMES | CM, QUIET, is_placeholder, NULL, NULL,
	  "an example's placeholder (foo, my_*, readX, CONFIG_FOO_BAR)" },
	{ "removed-member", CM, C_REMOVED_MEMBER, member_removed,
	  explicit_or_strong, say_removed_member,
	  "an older tree had the member in that struct" },
	{ "wrong-member", CM, C_WRONG_MEMBER, member_elsewhere,
	  explicit_or_strong, say_wrong_member,
	  "other structs have the member, not the one the text names" },
	{ "no-such-member", CM, C_WRONG_MEMBER, member_none, explicit_or_strong,
	  say_no_such_member, "no struct of the tree has a member of that name" },
	{ "member-elsewhere", CM, QUIET, always, NULL, NULL,
	  "a member of another struct in a weak reference, or a name known otherwise" },
	{ "unknown-kconfig", CK, C_UNKNOWN_KCONFIG, always, always,
	  say_unknown_kconfig, "no tree has a Kconfig entry of that name" },
	{ "fragment", CNAMES, QUIET, fragment, NULL, NULL,
	  "a piece of a name (_rcu())" },
	{ "plural-of-known", CT, QUIET, plural_of_known, NULL, NULL,
	  "an English plural of a known tag (struct devices)" },
	{ "member-and-type", CT, QUIET, member_and_type, NULL, NULL,
	  "a member and its type glued in a table (struct icsk_ack_u8)" },
	{ "no-likely-typo", CNAMES, QUIET, no_likely_typo, NULL, NULL,
	  "a medium reference is reported only when a close name makes a typo likely" },
	{ "page-calls", CC, QUIET, page_calls, NULL, NULL,
	  "the page's own code calls it, and it is no likely typo: the example's helper" },
	{ "page-topic", CNAMES, QUIET, page_topic, NULL, NULL,
	  "the page's own topic, named like a function (this_cpu_ops())" },
	{ "bpf-helper", CNAMES, QUIET, bpf_helper, NULL, NULL,
	  "a BPF helper the tree lists as BPF_FUNC_*" },
	{ "other-case", CNAMES, QUIET, other_case, NULL, NULL,
	  "the tree has it in another case only: a hypervisor or library call" },
	{ "boot-param-typo", CN, QUIET, boot_param_typo, NULL, NULL,
	  "close to a documented boot parameter: a misspelt parameter, not C" },
	{ "not-callable", CC, C_UNKNOWN_NAME, namesake, strong_here,
	  say_not_callable, "a call of a name the tree has only as something not callable" },
	{ "unknown-name", CNAMES, C_UNKNOWN_NAME, always, strong_here,
	  say_unknown_name, "no indexed tree has the name" },
};

const size_t nrules = ARRAY_SIZE(rules);

const struct rule *judge(struct checker *c, const struct facts *f)
{
	struct judge j = { .c = c, .f = f };
	size_t i;

	for (i = 0; i < nrules; i++) {
		if (!(rules[i].classes & 1u << f->class))
			continue;
		if (rules[i].holds(&j)) {
			if (c->decided)
				c->decided[i]++;
			return &rules[i];
		}
	}
	return NULL;	/* every class ends with an "always" rule */
}
