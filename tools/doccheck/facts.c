// SPDX-License-Identifier: GPL-2.0
/*
 * Phase 1 of the checks: the facts of each reference, gathered once.
 *
 * A reference's class says what its name must be: name() something
 * callable (a function, a function-like macro, a syscall, a generated
 * function, a variable or a function-pointer member), struct foo a tag,
 * a->b a member of a struct that a can be.  The facts hold what the
 * target tree has of the name by kind, whether that is what the class
 * asks for ("live"), what the page's own code does with the name, and
 * the context: a struct of callbacks named nearby, a user-space guide.
 * Nothing here decides; rules.c does.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"

/* What an older tree must have had for "removed": not a macro argument */
#define K_CALLABLE (K_FUNC | K_MACRO | K_SYSCALL | K_GEN | K_VAR | K_TYPEDEF | \
		    K_EXPORT)

const char *class_name(enum ref_class rc)
{
	static const char *const names[RC__COUNT] = {
		[RC_NAME] = "name", [RC_CALL] = "call", [RC_TAG] = "tag",
		[RC_MEMBER] = "member", [RC_KCONFIG] = "kconfig",
		[RC_PATH] = "path",
	};

	return names[rc];
}

static const struct name *target(const struct checker *c, const char *name)
{
	return names_find(&c->idx->names, name, strlen(name));
}

static uint32_t kinds_of(const struct checker *c, const char *name)
{
	const struct name *nm = target(c, name);

	return nm ? nm->kinds : 0;
}

static const struct owner *owners_of(const struct checker *c, const char *name)
{
	const struct name *nm = target(c, name);

	return nm ? nm->owners : NULL;
}

static bool has_fnptr(const struct owner *o)
{
	for (; o; o = o->next)
		if (o->fnptr)
			return true;
	return false;
}

bool owned_by(const struct owner *o, const char *tag)
{
	for (; o; o = o->next)
		if (!strcmp(o->tag, tag))
			return true;
	return false;
}

/* The type of member of @tag; the smallest, so that file order does not count. */
static const char *owner_type(const struct owner *o, const char *tag)
{
	const char *type = NULL;

	for (; o; o = o->next)
		if (!strcmp(o->tag, tag) && o->type && (!type || strcmp(o->type, type) < 0))
			type = o->type;
	return type;
}

/* ---- structs of callbacks named nearby ---- */

/* file_operations, movable_operations, ata_port_ops: tables of callbacks */
static bool ops_name(const char *s)
{
	size_t n = strlen(s);

	return (n > 4 && !strcmp(s + n - 4, "_ops")) ||
	       (n > 11 && !strcmp(s + n - 11, "_operations"));
}

static void add_ops(struct checker *c, const struct ref *r)
{
	int i;

	if (c->ops_section != r->section)
		c->nops = 0;
	c->ops_section = r->section;
	c->ops_line = r->line;
	for (i = 0; i < c->nops; i++)
		if (!strcmp(c->ops[i], r->name))
			return;
	if (c->nops == OPS_MAX) {
		memmove(c->ops, c->ops + 1, (OPS_MAX - 1) * sizeof(*c->ops));
		c->nops--;
	}
	c->ops[c->nops++] = r->name;
}

/*
 * A callback named in the section of a struct of callbacks, within a
 * paragraph or two of it: a list of its members, most likely.  Long
 * sections (porting.rst is one) name many structs far apart.
 */
#define OPS_NEAR 30

static bool in_ops(const struct checker *c, const struct ref *r)
{
	return c->nops && c->ops_section == r->section &&
	       r->line - c->ops_line <= OPS_NEAR;
}

/* ---- the page's own code ---- */

static uint32_t local_kind(const struct ref *r)
{
	uint32_t k = 0;

	if (r->local)
		k |= L_BODY;
	if (r->defined)
		k |= L_DEFINE;
	if (r->declared)
		k |= L_VAR;
	if (r->user && (r->kind == R_CALL || r->local))
		k |= L_USER;
	if (r->kind == R_CALL && r->strength == S_MEDIUM && !r->local)
		k |= L_CALLED;
	return k;
}

static void collect_locals(struct checker *c, const struct doc *d)
{
	size_t i;

	for (i = 0; i < d->nrefs; i++) {
		const struct ref *r = &d->refs[i];
		uint32_t lk = local_kind(r);

		/* a constant of an enum the page defines and the tree lacks */
		if (r->enumerator && !(kinds_of(c, r->base) & K_ENUM))
			lk |= L_BODY;
		if (lk)
			names_add(&c->locals, r->name, strlen(r->name), lk);
	}
}

static uint32_t locally(const struct checker *c, const struct ref *r)
{
	const struct name *nm = names_find(&c->locals, r->name, strlen(r->name));

	return local_kind(r) | (nm ? nm->kinds : 0);
}

/* ---- the page's weight ---- */

/*
 * The user-space API and tools books name user-space functions freely,
 * and so does the manual of a user-space library (libbpf); the Rust
 * guides name Rust items (cfg_attr()); the process and documentation
 * guides make names up for their examples (count_active_users(),
 * funzione()).
 */
static bool in_dir(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	const char *p;

	for (p = path; (p = strstr(p, dir)); p++)
		if ((p == path || p[-1] == '/') && p[n] == '/')
			return true;
	return false;
}

static bool user_space_doc(const char *path)
{
	return in_dir(path, "userspace-api") || strstr(path, "Documentation/tools/") ||
	       in_dir(path, "libbpf") || in_dir(path, "rust") ||
	       in_dir(path, "process") || in_dir(path, "doc-guide");
}

/*
 * GetButton(), Get_WMI(): ACPI, WMI, firmware and C++ names, not the
 * kernel's: a capital first and lower case in the first word.
 */
static bool upper_camel(const char *s)
{
	size_t first = strcspn(s, "_");	/* PG_movable: kernel style */

	return s[0] >= 'A' && s[0] <= 'Z' && !is_upper_name(s, first);
}

static enum ref_strength strength(const struct checker *c, const struct ref *r)
{
	if (r->strength == S_STRONG && user_space_doc(c->doc->path))
		return S_MEDIUM;
	/* an old name may predate the oldest indexed tree */
	if (r->strength == S_STRONG && (upper_camel(r->name) || r->historical ||
					foreign_style(r->name)))
		return S_MEDIUM;
	return r->strength;
}

/* ---- paths ---- */

/* Paths of the project's own tree (--root) count too. */
static bool in_roots(const struct index *idx, const char *path)
{
	struct buf b = { 0 };
	struct stat st;
	bool found = false;
	int i;

	for (i = 0; i < idx->nroots && !found; i++) {
		b.len = 0;
		buf_addf(&b, "%s/%s", idx->roots[i], path);
		found = stat(b.data, &st) == 0;
	}
	buf_free(&b);
	return found;
}

/*
 * A file a build writes: a .gitignore of its directory or of one above
 * lists its name (index.c), or lists the whole path.
 */
static bool built_path(const struct checker *c, const char *path)
{
	const char *base = strrchr(path, '/');
	struct buf b = { 0 };
	size_t dir;
	bool built = kinds_of(c, path) & K_BUILT;

	if (!base || built)
		return built;
	base++;
	for (dir = base - path - 1; !built;) {
		b.len = 0;
		if (dir)
			buf_addf(&b, "%.*s/", (int)dir, path);
		buf_addstr(&b, base);
		built = kinds_of(c, b.data) & K_BUILT;
		if (!dir)
			break;
		while (dir > 0 && path[dir - 1] != '/')
			dir--;
		if (dir)
			dir--;
	}
	buf_free(&b);
	return built;
}

/*
 * The include directories a header's path may be relative to, as in
 * <sound/asound.h>: include/ and include/uapi/.
 */
static const char *const include_dirs[] = { "include/", "include/uapi/" };

static bool is_header(const char *path, size_t n)
{
	return n > 2 && path[n - 2] == '.' && path[n - 1] == 'h';
}

/* A header named as #include names it: sound/asound.h (and linux/...). */
static bool include_path(const struct checker *c, const char *path)
{
	struct buf b = { 0 };
	bool found = false;
	size_t i;

	if (!is_header(path, strlen(path)))
		return false;
	for (i = 0; i < ARRAY_SIZE(include_dirs) && !found; i++) {
		b.len = 0;
		buf_addf(&b, "%s%s", include_dirs[i], path);
		found = kinds_of(c, b.data) & K_PATH;
	}
	buf_free(&b);
	return found;
}

static void path_facts(struct checker *c, struct facts *f)
{
	const char *name = f->ref->name;
	size_t n = strlen(name);

	while (n > 1 && name[n - 1] == '/')
		n--;
	f->key = arena_strndup(&c->keys, name, n);
	f->kinds = kinds_of(c, f->key);
	if (f->kinds & K_PATH)
		f->path |= P_TREE;
	else if (in_roots(c->idx, f->key))
		f->path |= P_ROOT;
	else if (built_path(c, f->key))
		f->path |= P_BUILT;
	else if (include_path(c, f->key))
		f->path |= P_INCLUDE;
	f->live = f->path != 0;
}

/* ---- Kconfig symbols ---- */

static void kconfig_facts(struct checker *c, struct facts *f)
{
	const char *sym = f->ref->name + 7;
	size_t n = strlen(sym);

	/* CONFIG_FOO_MODULE is FOO's, unless FOO_MODULE is a symbol */
	if (n > 7 && !strcmp(sym + n - 7, "_MODULE") && !(kinds_of(c, sym) & K_KCONFIG))
		n -= 7;
	f->key = arena_strndup(&c->keys, sym, n);
	f->kinds = kinds_of(c, f->key);
	f->name_kinds = kinds_of(c, f->ref->name);
	f->live = f->kinds & K_KCONFIG;
}

/* ---- members ---- */

/* port->ops: "port" names many types, not struct port */
static bool generic_variable(const char *s)
{
	static const char *const words[] = {
		"port", "dev", "data", "priv", "ops", "info", "state", "ctx",
		"entry", "node", "item", "desc", "req", "res", "buf", "host",
		"chip", "card", "bus", "ring", "queue", "config", "param",
		"object", "handle", NULL
	};
	int i;

	if (strlen(s) < 3)
		return true;
	for (i = 0; words[i]; i++)
		if (!strcmp(words[i], s))
			return true;
	return false;
}

/*
 * sock->ops: the tree's members named "sock" include a struct socket,
 * which has ops; the text may mean that type rather than struct sock.
 */
static const char *member_type_has(const struct checker *c, const char *var,
				   const char *member)
{
	const struct owner *o, *mo = owners_of(c, member);

	for (o = owners_of(c, var); o; o = o->next)
		if (o->type && owned_by(mo, o->type))
			return o->type;
	return NULL;
}

/*
 * The struct the text places a member in: the type of the member before
 * it in a chain (a->b->c), a core struct a variable is named after
 * (page->lru), or the struct of callbacks nearby for a bare callback.
 * c->rtag[ri] becomes the struct the member resolved to, for the next
 * member of the chain.
 */
static void member_facts(struct checker *c, struct facts *f, size_t ri)
{
	const struct ref *r = f->ref;
	const char *base = f->callback ? NULL : r->base;
	long chain = f->callback ? -1 : r->chain;
	const char *tag = NULL;
	int i;

	f->key = r->name;
	f->kinds = kinds_of(c, r->name);
	f->owners = owners_of(c, r->name);
	if (chain >= 0 && c->rtag[chain]) {
		tag = owner_type(owners_of(c, c->doc->refs[chain].name),
				 c->rtag[chain]);
	} else if (base && (kinds_of(c, base) & (K_STRUCT | K_UNION)) &&
		   (kinds_of(c, base) & K_CORE) && !generic_variable(base)) {
		/* "page->lru": a variable named after its type, a core one */
		const char *other = member_type_has(c, base, r->name);

		if (other && !owned_by(f->owners, base)) {
			c->rtag[ri] = other;
			f->other_type = other;
			return;
		}
		tag = base;
	} else if (!base && chain < 0 && r->strength >= S_MEDIUM && f->in_ops) {
		/* any struct of callbacks the section names will do */
		for (i = 0; i < c->nops; i++)
			if (owned_by(f->owners, c->ops[i])) {
				f->ops_owner = c->ops[i];
				return;
			}
		tag = c->ops[c->nops - 1];
		f->explicit = true;
	}
	if (!tag)
		return;
	f->tag = tag;
	f->live = owned_by(f->owners, tag);
	c->rtag[ri] = f->live ? tag : NULL;
}

/* ---- names ---- */

/* a member of the struct of callbacks in context, written name() */
static bool callback(const struct facts *f)
{
	uint32_t k = f->kinds;

	return f->ref->kind == R_CALL && (k & K_MEMBER) &&
	       !(k & ~(K_MEMBER | K_OPS | K_MACROARG | K_SRC | K_TOOLS | K_CORE)) &&
	       has_fnptr(f->owners) && f->in_ops;
}

static void name_facts(struct checker *c, struct facts *f)
{
	const struct ref *r = f->ref;
	uint32_t k = f->kinds;

	if (r->kind == R_TAG && (k & K_OPS) && (k & K_CORE) && ops_name(r->name))
		add_ops(c, r);
	f->in_ops = in_ops(c, r);
	f->class = r->kind == R_CALL ? RC_CALL : r->kind == R_TAG ? RC_TAG : RC_NAME;
	/* name() is live as a callable only; a namesake of another kind is not */
	if (f->class == RC_CALL)
		f->live = (k & K_CALLABLE) || has_fnptr(f->owners);
	else
		f->live = k & K_CODE;
}

static void ref_facts(struct checker *c, struct facts *f, size_t ri)
{
	const struct ref *r = f->ref;

	f->local = locally(c, r);
	f->strength = strength(c, r);
	switch (r->kind) {
	case R_KCONFIG:
		f->class = RC_KCONFIG;
		kconfig_facts(c, f);
		return;
	case R_PATH:
		f->class = RC_PATH;
		path_facts(c, f);
		return;
	case R_MEMBER:
		f->class = RC_MEMBER;
		f->in_ops = in_ops(c, r);
		member_facts(c, f, ri);
		return;
	default:
		break;
	}
	if (!strncmp(r->name, "CONFIG_", 7) && r->name[7]) {
		f->class = RC_KCONFIG;
		kconfig_facts(c, f);
		return;
	}
	f->key = r->name;
	f->kinds = kinds_of(c, r->name);
	f->name_kinds = f->kinds;
	f->owners = owners_of(c, r->name);
	name_facts(c, f);
	if (callback(f)) {
		f->class = RC_MEMBER;
		f->callback = true;
		f->live = false;
		member_facts(c, f, ri);
	}
}

/* The facts of every reference of @d, in order, into @fv. */
void facts_doc(struct checker *c, const struct doc *d, struct facts *fv)
{
	size_t i;

	c->doc = d;
	c->nops = 0;
	names_init(&c->locals);
	collect_locals(c, d);
	c->rtag = xcalloc(d->nrefs, sizeof(*c->rtag));
	for (i = 0; i < d->nrefs; i++) {
		memset(&fv[i], 0, sizeof(fv[i]));
		fv[i].ref = &d->refs[i];
		ref_facts(c, &fv[i], i);
	}
	free(c->rtag);
	c->rtag = NULL;
	names_free(&c->locals);
}

/* ---- what phase 2 is asked ---- */

/* The older trees are asked about every name the target leaves open. */
bool facts_want_history(const struct facts *f)
{
	if (f->class == RC_MEMBER)
		return f->tag && !f->live;
	return !f->live;
}

/*
 * Did-you-mean is asked for names that may be reported unknown: not the
 * page's own, not weak, no placeholder.
 */
bool facts_want_suggestion(const struct facts *f)
{
	if (f->live || placeholder(f->ref->name))
		return false;
	switch (f->class) {
	case RC_KCONFIG:
		return true;
	case RC_MEMBER:
		return f->tag && !f->owners && !(f->kinds & K_CODE);
	case RC_NAME:
	case RC_CALL:
	case RC_TAG:
		return !(f->local & ~L_CALLED) && f->strength >= S_MEDIUM;
	default:
		return false;
	}
}

/* ---- what to index ---- */

/* The names the facts may look up in the target: what to index. */
void wanted_names(struct names *want, const struct doc *docs, size_t ndocs)
{
	char buf[128];
	size_t i, j, k;

	for (i = 0; i < ndocs; i++) {
		for (j = 0; j < docs[i].nrefs; j++) {
			const struct ref *r = &docs[i].refs[j];
			const char *s = r->name;
			size_t n = strlen(s);

			names_add(want, s, n, 0);
			if (bpf_helper_id(s, buf, sizeof(buf)))
				names_add(want, buf, strlen(buf), 0);
			if (r->kind == R_TAG && typed_field(s))
				names_add(want, s, typed_field(s), 0);
			if (r->kind == R_TAG && n >= 3 && s[n - 1] == 's')
				names_add(want, s, n - 1, 0);	/* a plural's tag */
			while (r->kind == R_PATH && n > 1 && s[n - 1] == '/')
				names_add(want, s, --n, 0);	/* "mm/" is mm */
			for (k = 0; r->kind == R_PATH && is_header(s, n) &&
			     k < ARRAY_SIZE(include_dirs); k++) {
				snprintf(buf, sizeof(buf), "%s%s", include_dirs[k], s);
				names_add(want, buf, strlen(buf), 0);
			}
			if (r->kind == R_KCONFIG && n > 7) {
				names_add(want, s + 7, n - 7, 0);
				if (n > 14 && !strcmp(s + n - 7, "_MODULE"))
					names_add(want, s + 7, n - 14, 0);
			}
			if (r->base)
				names_add(want, r->base, strlen(r->base), 0);
		}
	}
}
