/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The checks of part 1, in three phases that hand data forward, never
 * back:
 *
 *   1. facts (facts.c): once per reference, what the target tree has of
 *      its name, by kind; what the page's own code does with it; where it
 *      stands (near a struct of callbacks, in code, a table, CJK prose).
 *   2. history and suggestions (check.c): the older trees and the
 *      did-you-mean pass are asked once, for the names that the facts
 *      leave open.
 *   3. judgement (rules.c): one ordered table of named rules; the first
 *      that holds for a reference decides, "report because ..." or
 *      "quiet because ...".
 *
 * --explain (explain.c) prints all three for the references it is
 * asked about; --stats counts the decisions of each rule.
 */
#ifndef CHECK_H
#define CHECK_H

#include "doccheck.h"

/* What a reference is checked as. */
enum ref_class {
	RC_NAME,	/* any C name */
	RC_CALL,	/* name(): something callable */
	RC_TAG,		/* struct, union or enum NAME */
	RC_MEMBER,	/* a member the text places in a struct */
	RC_KCONFIG,	/* CONFIG_NAME */
	RC_PATH,	/* a path of the tree */
	RC__COUNT
};

#define RC_ANY_NAME (1u << RC_NAME | 1u << RC_CALL | 1u << RC_TAG)

/*
 * What the page's own code does with a name: defines it with a body
 * (L_BODY), #defines it (L_DEFINE), uses it in a user-space program
 * (L_USER), calls it in a code block (L_CALLED), declares it as a
 * variable (L_VAR).
 */
enum { L_BODY = 1, L_DEFINE = 2, L_USER = 4, L_CALLED = 8, L_VAR = 16 };

/* Where a path was found, for RC_PATH. */
enum { P_TREE = 1, P_ROOT = 2, P_BUILT = 4, P_INCLUDE = 8 };

struct facts {
	const struct ref *ref;
	enum ref_class class;
	const char *key;	/* the name looked up: CONFIG_X is X, mm/ is mm */
	uint32_t kinds;		/* what the target has of key */
	uint32_t name_kinds;	/* ... and of the name as written */
	const struct owner *owners;	/* key as a member: its structs */
	uint32_t local;		/* L_*: the page's own code */
	enum ref_strength strength;	/* weighed by the page and the style */
	bool live;		/* the target has key as the class asks */
	bool callback;		/* name() of a member of a struct nearby */
	bool in_ops;		/* near a struct of callbacks of the section */
	/* RC_MEMBER */
	const char *tag;	/* the struct the text places it in */
	bool explicit;		/* the text names that struct itself */
	const char *ops_owner;	/* a struct of callbacks nearby that has it */
	const char *other_type;	/* page->x: another type of that name has x */
	/* RC_PATH */
	unsigned path;		/* P_*: where it was found */
	/* phase 2 */
	const struct past *past;	/* what older trees had of key */
	const struct unknown *sugg;	/* did-you-mean for the name */
};

#define OPS_MAX 8

struct check_opts {
	/* --explain FILE:LINE[:COL] or --explain NAME */
	const char *explain_file;
	int explain_line, explain_col;
	const char *explain_name;
	FILE *explain_out;
	bool stats;		/* count the decisions of each rule */
};

struct checker {
	const struct index *idx;
	struct history *h;
	const struct check_opts *o;
	struct suggest sg;
	struct names params;	/* the boot parameters the tree documents */
	struct pathhint ph;	/* did-you-mean for paths, made when needed */
	struct arena keys;	/* facts' keys that are not a ref's name */
	size_t *decided;	/* references decided, by rule */
	/* phase 1, per document */
	const struct doc *doc;
	struct names locals;	/* names the document's code defines */
	const char *ops[OPS_MAX]; /* structs of callbacks the section names */
	int nops, ops_section, ops_line;
	const char **rtag;	/* per ref: the struct a member ref resolved to */
};

/* facts.c */
void facts_doc(struct checker *c, const struct doc *d, struct facts *fv);
bool facts_want_history(const struct facts *f);
bool facts_want_suggestion(const struct facts *f);
const char *class_name(enum ref_class rc);
bool owned_by(const struct owner *o, const char *tag);

/* rules.c */
struct judge {
	struct checker *c;
	const struct facts *f;
};

struct rule {
	const char *name;
	unsigned classes;	/* 1 << RC_*: the classes it judges */
	enum check_id check;	/* a report's check, C__COUNT for quiet */
	bool (*holds)(const struct judge *j);
	bool (*error)(const struct judge *j);	/* a report: error, not warning */
	void (*say)(const struct judge *j, struct buf *msg);
	const char *why;	/* "because ..." */
};

extern const struct rule rules[];
extern const size_t nrules;
const struct rule *judge(struct checker *c, const struct facts *f);
void suggestion_text(const struct judge *j, const char *name,
		     const char *prefix, struct buf *b);
const char *match_name(int match);
void list_owners(const struct owner *o, const char *skip, struct buf *b);

/* explain.c */
bool explain_wants(const struct check_opts *o, const struct doc *d,
		   const struct ref *r);
void explain(FILE *out, struct checker *c, const struct facts *f,
	     const struct rule *rl);
int explain_parse(struct check_opts *o, const char *arg);

#endif
