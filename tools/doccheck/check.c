// SPDX-License-Identifier: GPL-2.0
/*
 * The checks.  Each reference is looked up in the target index; what is
 * not there is looked up in the older trees (history.c) and offered to
 * did-you-mean (suggest.c).  Two passes: the first collects what to ask
 * the history and the suggester, the second reports.
 *
 *   unknown-name      no tree has the name            (did you mean?)
 *   removed-name      an older tree had it            (since when, replaced by)
 *   wrong-member      not a member of the struct the text names
 *   removed-member    the struct had that member in an older tree
 *   unknown-kconfig   no Kconfig entry of that name
 *   removed-kconfig   an older tree had the entry
 *   broken-path       no such file or directory in the tree
 *
 * How sure the extractor was (strong, medium, weak; see doccheck.h)
 * decides what is reported and as error or warning.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "doccheck.h"

const char *const check_names[C__COUNT] = {
	[C_UNKNOWN_NAME] = "unknown-name",
	[C_REMOVED_NAME] = "removed-name",
	[C_WRONG_MEMBER] = "wrong-member",
	[C_REMOVED_MEMBER] = "removed-member",
	[C_UNKNOWN_KCONFIG] = "unknown-kconfig",
	[C_REMOVED_KCONFIG] = "removed-kconfig",
	[C_BROKEN_PATH] = "broken-path",
	[C_BAD_INPUT] = "bad-input",
};

/*
 * Names a document may use that no kernel tree declares: the C library
 * and user-space tools the kernel's pages talk about.
 */
static const char *const userspace[] = {
	"malloc", "calloc", "realloc", "free", "printf", "fprintf", "sprintf",
	"snprintf", "scanf", "sscanf", "fopen", "fclose", "fread", "fwrite",
	"perror", "strerror", "exit", "abort", "atexit", "getenv", "setenv",
	"system", "popen", "pclose", "dlopen", "dlsym", "dlclose", "errno",
	"pthread_create", "pthread_join", "pthread_mutex_lock",
	"pthread_mutex_unlock", "posix_memalign", "aligned_alloc", "main",
	"getpid", "gettid", "sysconf", "syscall", "assert", "sizeof", "typeof",
	"alignof", "_Alignof", "_Generic", NULL
};

/* What an older tree must have had for "removed": not a macro argument */
#define K_API (K_CODE & ~(K_MACROARG | K_PARAM))

#define K_CALLABLE (K_FUNC | K_MACRO | K_SYSCALL | K_GEN | K_VAR | K_TYPEDEF | \
		    K_EXPORT)

static bool is_userspace(const char *name)
{
	static const char *const prefixes[] = {
		"pthread_", "__builtin_", "__sync_", "__atomic_", "__has_", NULL
	};
	int i;

	for (i = 0; userspace[i]; i++)
		if (!strcmp(userspace[i], name))
			return true;
	for (i = 0; prefixes[i]; i++)
		if (!strncmp(prefixes[i], name, strlen(prefixes[i])))
			return true;
	/* __FILE__, __DATE__, __VA_ARGS__: the compiler's */
	return name[0] == '_' && name[1] == '_' && is_upper_name(name, strlen(name)) &&
	       name[strlen(name) - 1] == '_' && name[strlen(name) - 2] == '_';
}

/* Example names: CONFIG_FOO_BAR, foo_update(), my_probe(), do_something(). */
bool placeholder(const char *name)
{
	static const char *const words[] = {
		"foo", "bar", "baz", "qux", "xxx", "yyy", "xyz", "something", "example",
		"mydev", "mydriver", "blah", "whatever", "xyzzy", NULL
	};
	const char *p = name;
	int i;

	size_t n = strlen(name);

	if (!strncasecmp(name, "my_", 3) || !strncasecmp(name, "your_", 5) ||
	    !strncmp(name, "CONFIG_MY_", 10))
		return true;
	/* readX_relaxed, pwmX_enable, listXX: X for a number or a size */
	if (!is_upper_name(name, n) && strchr(name, 'X')) {
		const char *x = strchr(name, 'X');

		if (x > name && ((x[-1] >= 'a' && x[-1] <= 'z') || x[-1] == '_'))
			return true;
	}
	/* SYSCALL_DEFINEn, BPF_CALL_x: one lower-case letter for a number */
	if (n > 2 && name[n - 1] >= 'a' && name[n - 1] <= 'z' &&
	    is_upper_name(name, n - 1))
		return true;
	/* struct pcpu_dstats__percpu: an attribute glued to the name */
	if (strstr(name, "__percpu") || strstr(name, "__rcu") || strstr(name, "__user"))
		return true;
	while (*p) {
		size_t n = strcspn(p, "_");

		for (i = 0; words[i]; i++)
			if (strlen(words[i]) == n && !strncasecmp(p, words[i], n))
				return true;
		/* mychip, myctl, mydev */
		if (n >= 3 && n <= 8 && !strncmp(p, "my", 2))
			return true;
		p += n;
		while (*p == '_')
			p++;
	}
	return false;
}

/* ---- findings ---- */

void findings_add(struct findings *fs, const char *file, int line, int col,
		  bool error, enum check_id c, const char *name,
		  const char *fmt, ...)
{
	struct finding *f;
	va_list ap;
	int n;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 64;
		fs->v = xrealloc(fs->v, fs->cap * sizeof(*fs->v));
	}
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof(*f));
	f->file = file;
	f->line = line;
	f->col = col;
	f->error = error;
	f->check = c;
	f->name = xstrdup(name);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	f->msg = xmalloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(f->msg, n + 1, fmt, ap);
	va_end(ap);
}

static int finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line - y->line;
	if (x->col != y->col)
		return x->col - y->col;
	return (int)x->check - (int)y->check;
}

void findings_sort(struct findings *fs)
{
	if (fs->n)
		qsort(fs->v, fs->n, sizeof(*fs->v), finding_cmp);
}

void findings_free(struct findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].name);
		free(fs->v[i].msg);
	}
	free(fs->v);
	memset(fs, 0, sizeof(*fs));
}

/* ---- the checker ---- */

#define OPS_MAX 8

struct checker {
	const struct index *idx;
	struct history *h;
	struct findings *out;
	struct names asked;	/* names to look up in the older trees */
	struct suggest sg;
	bool report;		/* second pass */
	/* per document */
	const struct doc *doc;
	struct names locals;	/* names the document's examples define */
	const char *ops[OPS_MAX]; /* structs of callbacks the section names */
	int nops, ops_section, ops_line;
	const char **rtag;	/* per ref: the struct a member ref resolved to */
	struct names params;	/* the boot parameters the tree documents */
	struct pathhint ph;	/* did-you-mean for paths, made when needed */
};

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

static uint32_t kinds_of(const struct checker *c, const char *name)
{
	const struct name *nm = names_find(&c->idx->names, name, strlen(name));

	return nm ? nm->kinds : 0;
}

static const struct owner *owners_of(const struct checker *c, const char *name)
{
	const struct name *nm = names_find(&c->idx->names, name, strlen(name));

	return nm ? nm->owners : NULL;
}

static void ask(struct checker *c, const char *name, bool suggest)
{
	if (c->report)
		return;
	names_add(&c->asked, name, strlen(name), 0);
	if (suggest)
		suggest_want(&c->sg, name);
}

static void emit(struct checker *c, const struct ref *r, bool error,
		 enum check_id id, const char *msg)
{
	findings_add(c->out, c->doc->path, r->line, r->col, error, id, r->name,
		     "%s", msg);
}

/* ", replaced by X" or "; did you mean 'X'?" */
static void add_replacement(struct checker *c, const char *name, struct buf *b)
{
	const char *rep = history_replacement(c->h, name);

	if (rep)
		buf_addf(b, "; replaced by %s", rep);
}

static void add_suggestion(struct checker *c, const char *name,
			   const char *prefix, struct buf *b)
{
	const struct unknown *u = suggest_for(&c->sg, name);

	if (!u)
		return;
	buf_addf(b, "; did you mean '%s%s'", prefix, u->best);
	if (u->hist) {
		buf_addstr(b, " (removed after ");
		buf_addstr(b, history_last(c->h, u->hist));
		buf_addc(b, ')');
	}
	buf_addc(b, '?');
}

static bool tools_only(const struct checker *c, const char *name)
{
	const struct past *p = history_past(c->h, name);

	return p && (p->kinds & (K_SRC | K_TOOLS)) == K_TOOLS;
}

static bool removed(struct checker *c, const struct ref *r, const char *name,
		    uint32_t want_kinds, enum check_id id, const char *shown)
{
	const struct past *p = history_past(c->h, name);
	struct buf b = { 0 };

	if (!p || !p->present || !(p->kinds & want_kinds))
		return false;
	if (tools_only(c, name))
		return false;
	if (r->historical)
		return true;	/* a history table lists it as gone: right */
	buf_addf(&b, "'%s' was removed after %s: it exists in ", shown,
		 history_last(c->h, p->present));
	history_where(c->h, p->present, &b);
	buf_addf(&b, " but not in %s", c->idx->label);
	if (history_replacement(c->h, shown) || !strcmp(shown, name))
		add_replacement(c, shown, &b);
	else
		add_replacement(c, name, &b);
	emit(c, r, r->strength == S_STRONG, id, b.data);
	buf_free(&b);
	return true;
}

/*
 * What the document's own code defines, by name: a function or struct
 * with a body (L_BODY), a #define (L_DEFINE), a name a user-space
 * program of the page calls or defines (L_USER).  Any of them is no
 * unknown name; L_DEFINE is still a removed one, since pages restate
 * the kernel's macros.  L_CALLED: the page's code calls it (a call in
 * a code block, not a declaration), which check_name() weighs.
 */
enum { L_BODY = 1, L_DEFINE = 2, L_USER = 4, L_CALLED = 8 };

static uint32_t local_kind(const struct ref *r)
{
	uint32_t k = 0;

	if (r->local)
		k |= L_BODY;
	if (r->defined)
		k |= L_DEFINE;
	if (r->user && (r->kind == R_CALL || r->local))
		k |= L_USER;
	if (r->kind == R_CALL && r->strength == S_MEDIUM && !r->local)
		k |= L_CALLED;
	return k;
}

static uint32_t locally(struct checker *c, const struct ref *r)
{
	const struct name *nm = names_find(&c->locals, r->name, strlen(r->name));

	return local_kind(r) | (nm ? nm->kinds : 0);
}

static void check_kconfig(struct checker *c, const struct ref *r)
{
	const char *sym = r->name + 7;
	char *s = xstrdup(sym);
	size_t n = strlen(s);
	struct buf b = { 0 };

	if (n > 7 && !strcmp(s + n - 7, "_MODULE") && !(kinds_of(c, s) & K_KCONFIG))
		s[n - 7] = '\0';
	/* an entry of the page's own Kconfig example, "config NEW_NAME" */
	if ((kinds_of(c, s) & K_KCONFIG) || (kinds_of(c, r->name) & K_MACRO) ||
	    (locally(c, r) & L_BODY))
		goto out;
	if (!c->report) {
		ask(c, s, false);
		if (!placeholder(r->name))
			suggest_want(&c->sg, r->name);
		goto out;
	}
	if (removed(c, r, s, K_KCONFIG, C_REMOVED_KCONFIG, r->name))
		goto out;
	if (placeholder(r->name))
		goto out;
	buf_addf(&b, "'%s' is not a Kconfig symbol in %s", r->name, c->idx->label);
	add_replacement(c, r->name, &b);
	add_suggestion(c, r->name, "", &b);
	emit(c, r, true, C_UNKNOWN_KCONFIG, b.data);
out:
	buf_free(&b);
	free(s);
}

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

static void check_path(struct checker *c, const struct ref *r)
{
	char *p = xstrdup(r->name);
	size_t n = strlen(p);
	const struct past *past;
	struct buf b = { 0 };

	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	if ((kinds_of(c, p) & K_PATH) || in_roots(c->idx, p) ||
	    built_path(c, p) || include_path(c, p))
		goto out;
	if (!c->report) {
		ask(c, p, false);
		goto out;
	}
	past = history_past(c->h, p);
	if (past && past->present && (past->kinds & K_PATH)) {
		buf_addf(&b, "'%s' does not exist in %s (it exists in ", r->name,
			 c->idx->label);
		history_where(c->h, past->present, &b);
		buf_addc(&b, ')');
	} else if (r->strength == S_STRONG) {
		buf_addf(&b, "'%s' does not exist in %s", r->name, c->idx->label);
	}
	if (b.len && r->name[strlen(r->name) - 1] != '/') {
		const char *hint = pathhint_for(&c->ph, &c->idx->names, p);

		if (hint)
			buf_addf(&b, "; did you mean '%s'?", hint);
	}
	if (b.len)
		emit(c, r, r->strength == S_STRONG, C_BROKEN_PATH, b.data);
out:
	buf_free(&b);
	free(p);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "struct a, struct b, struct c and 3 more", sorted: the same every run */
static void list_owners(const struct owner *o, const char *skip, struct buf *b)
{
	const char **tags = NULL;
	size_t n = 0, cap = 0, i, shown = 0;

	for (; o; o = o->next) {
		if (!*o->tag || (skip && !strcmp(o->tag, skip)))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			tags = xrealloc(tags, cap * sizeof(*tags));
		}
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

static bool has_fnptr(const struct owner *o)
{
	for (; o; o = o->next)
		if (o->fnptr)
			return true;
	return false;
}

static bool owned_by(const struct owner *o, const char *tag)
{
	for (; o; o = o->next)
		if (!strcmp(o->tag, tag))
			return true;
	return false;
}

static const char *owner_type(const struct owner *o, const char *tag)
{
	for (; o; o = o->next)
		if (!strcmp(o->tag, tag) && o->type)
			return o->type;
	return NULL;
}

/*
 * A member the text places in struct @tag.  @explicit: the text named
 * the struct itself, rather than a variable we guess the type of.
 */
static void check_member_of(struct checker *c, const struct ref *r,
			    const char *tag, bool explicit)
{
	const struct owner *o = owners_of(c, r->name);
	const struct past *p;
	const struct pastowner *po;
	struct buf b = { 0 };

	if (owned_by(o, tag) || placeholder(r->name))
		return;
	if (!c->report) {
		ask(c, r->name, false);
		return;
	}
	p = history_past(c->h, r->name);
	for (po = p ? p->owners : NULL; po; po = po->next) {
		if (strcmp(po->tag, tag))
			continue;
		buf_addf(&b, "'%s' is no longer a member of struct %s (it is in ",
			 r->name, tag);
		history_where(c->h, po->trees, &b);
		buf_addc(&b, ')');
		if (o) {
			buf_addstr(&b, "; it is now a member of ");
			list_owners(o, tag, &b);
		}
		add_replacement(c, r->name, &b);
		emit(c, r, explicit || r->strength == S_STRONG, C_REMOVED_MEMBER, b.data);
		buf_free(&b);
		return;
	}
	if (o && (explicit || r->strength >= S_MEDIUM)) {
		buf_addf(&b, "'%s' is not a member of struct %s; it is a member of ",
			 r->name, tag);
		list_owners(o, tag, &b);
		emit(c, r, explicit || r->strength == S_STRONG, C_WRONG_MEMBER, b.data);
	} else if (!o && explicit && !(kinds_of(c, r->name) & K_CODE)) {
		buf_addf(&b, "struct %s has no member '%s'", tag, r->name);
		emit(c, r, true, C_WRONG_MEMBER, b.data);
	}
	buf_free(&b);
}

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

static void check_member(struct checker *c, const struct ref *r, size_t ri)
{
	const char *tag = NULL;
	bool explicit = false;

	if (r->chain >= 0 && c->rtag[r->chain]) {
		tag = owner_type(owners_of(c, c->doc->refs[r->chain].name),
				 c->rtag[r->chain]);
	} else if (r->base && (kinds_of(c, r->base) & (K_STRUCT | K_UNION)) &&
		   (kinds_of(c, r->base) & K_CORE) && !generic_variable(r->base)) {
		/* "page->lru": a variable named after its type, a core one */
		const char *other = member_type_has(c, r->base, r->name);

		if (other && !owned_by(owners_of(c, r->name), r->base)) {
			c->rtag[ri] = other;
			return;
		}
		tag = r->base;
	} else if (!r->base && r->chain < 0 && r->strength >= S_MEDIUM && in_ops(c, r)) {
		int i;

		/* any struct of callbacks the section names will do */
		for (i = 0; i < c->nops; i++)
			if (owned_by(owners_of(c, r->name), c->ops[i]))
				return;
		tag = c->ops[c->nops - 1];
		explicit = true;
	}
	if (!tag)
		return;
	c->rtag[ri] = owned_by(owners_of(c, r->name), tag) ? tag : NULL;
	check_member_of(c, r, tag, explicit);
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

/* "_rcu()" variants, arch_scale{cpu,freq}_capacity(): pieces of names */
static bool fragment(const char *s)
{
	return s[0] == '_' && s[1] != '_';
}

/* "struct devices and struct device_drivers": English plurals */
static bool plural_of_known(const struct checker *c, const char *name)
{
	size_t n = strlen(name);
	char *s;
	bool known;

	if (n < 3 || name[n - 1] != 's')
		return false;
	s = xstrndup(name, n - 1);
	known = names_find(&c->idx->names, s, n - 1) != NULL;
	free(s);
	return known;
}

/* struct icsk_ack_u8: the member icsk_ack, of type u8 (foreign.c) */
static bool field_type(const struct checker *c, const char *name)
{
	size_t n = typed_field(name);

	return n && names_find(&c->idx->names, name, n);
}

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

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * curr_reset_history ~ curr1_reset_history, usb3_hardware_lpm ~
 * usb2_hardware_lpm: numbered siblings (sysfs files, counters), no typo;
 * nor omapx_opp_init ~ omap3_opp_init, x for any number of a family.
 */
static bool digit_edit(const char *a, const char *b)
{
	size_t i = 0, na = strlen(a), nb = strlen(b);

	while (i < na && i < nb && a[i] == b[i])
		i++;
	return (na > nb && is_digit(a[i])) || (nb > na && is_digit(b[i])) ||
	       (na == nb && i < na && (is_digit(a[i]) || a[i] == 'x') && is_digit(b[i]));
}


#define WORDS_MAX 16

/* The words of a snake_case or UPPER_CASE name: their starts and lengths */
static int split_words(const char *s, const char **w, size_t *len)
{
	int n = 0;

	while (*s) {
		size_t k;

		while (*s == '_')
			s++;
		k = strcspn(s, "_");
		if (!k)
			break;
		if (n == WORDS_MAX)
			return -1;
		w[n] = s;
		len[n++] = k;
		s += k;
	}
	return n;
}

static bool same_word(const char *a, size_t na, const char *b, size_t nb)
{
	return na == nb && !memcmp(a, b, na);
}

/*
 * The same words in another order look like a slip of the memory when
 * two neighbours swap (dma_get_residue ~ get_dma_residue) or the whole
 * name turns round (register_platform_device ~ platform_device_register);
 * a word taken from the middle to the end is another naming scheme
 * (rx_vport_unicast_bytes, a counter, ~ rx_unicast_bytes_vport).
 */
static bool slip_order(const char *a, const char *b)
{
	const char *wa[WORDS_MAX], *wb[WORDS_MAX];
	size_t la[WORDS_MAX], lb[WORDS_MAX];
	int n = split_words(a, wa, la), i, j, r;

	if (n < 2 || n != split_words(b, wb, lb))
		return true;	/* not ours to judge */
	for (i = 0; i + 1 < n; i++) {
		bool ok = true;

		for (j = 0; j < n && ok; j++) {
			int k = j == i ? i + 1 : j == i + 1 ? i : j;

			ok = same_word(wa[k], la[k], wb[j], lb[j]);
		}
		if (ok)
			return true;
	}
	for (r = 1; r < n; r++) {
		bool ok = true;

		for (j = 0; j < n && ok; j++)
			ok = same_word(wa[(j + r) % n], la[(j + r) % n], wb[j], lb[j]);
		if (ok)
			return true;
	}
	return false;
}

/*
 * STATE_ONE ~ STATE_ON, SET_REPLY ~ SMT_REPLY, STATUS_VOUT ~ STATUS_OUT:
 * in a name of two words, one edit in a word of four letters or less
 * makes another word (an abbreviation, a register), not a misspelling;
 * INADRR_ANY ~ INADDR_ANY is one.  In any name, a word of one letter
 * changed is another name: bpf_func_c ~ bpf_func_t.
 */
static bool short_word_edit(const char *a, const char *b)
{
	size_t i = 0, start, end;

	while (a[i] && a[i] == b[i])
		i++;
	for (start = i; start > 0 && a[start - 1] != '_'; start--)
		;
	for (end = i; a[end] && a[end] != '_'; end++)
		;
	if (end == start && start > 0)	/* the edit ends the word before */
		for (start--; start > 0 && a[start - 1] != '_'; start--)
			;
	return (word_count(a) == 2 && end - start <= 4) || end - start <= 1;
}

/*
 * A medium reference (a name in a literal or in example code) is
 * reported only when a close name makes a typo likely: the same words in
 * another order (three words or more, the same case, two neighbours
 * swapped or the name turned round), or one edit in a long name.
 */
static bool good_suggestion(const struct checker *c, const char *name)
{
	const struct unknown *u = suggest_for(&c->sg, name);

	if (!u)
		return false;
	if (u->score / 10 == 3)
		return strlen(name) >= 8 && !digit_edit(name, u->best) &&
		       !short_word_edit(name, u->best) &&
		       (is_upper_name(name, strlen(name)) || word_count(name) >= 3);
	/* the same words, and the same style: snake_case or CamelCase */
	return u->score / 10 == 2 && word_count(name) >= 3 &&
	       slip_order(name, u->best) &&
	       !strchr(name, '_') == !strchr(u->best, '_') &&
	       is_upper_name(name, strlen(name)) ==
	       is_upper_name(u->best, strlen(u->best));
}

/* A BPF helper, the page's topic, a hypercall or library call (foreign.c) */
static bool other_namespace(const struct checker *c, const char *name)
{
	const struct unknown *u = suggest_for(&c->sg, name);
	char buf[128];

	if (doc_topic(c->doc->path, name))
		return true;
	if (bpf_helper_id(name, buf, sizeof(buf)) && (kinds_of(c, buf) & K_CODE))
		return true;
	return u && u->score / 10 == 1 && !u->hist && case_variant(name, u->best);
}

/*
 * The boot parameters of the tree's kernel-parameters.txt: an entry is
 * an indented "name=" or "name" followed by its tags, "[MM]".
 */
#define PARAMS_FILE "Documentation/admin-guide/kernel-parameters.txt"

static void load_params(struct checker *c, const char *root)
{
	struct buf path = { 0 }, text = { 0 };
	char err[256];
	const char *p, *end;

	buf_addf(&path, "%s/%s", root, PARAMS_FILE);
	if (read_file(path.data, &text, err, sizeof(err)) < 0)
		goto out;
	for (p = text.data, end = text.data + text.len; p < end;) {
		const char *eol = memchr(p, '\n', end - p), *q = p;
		size_t k = 0;

		eol = eol ? eol : end;
		while (q < eol && (*q == ' ' || *q == '\t'))
			q++;
		while (q + k < eol && (is_ident_char(q[k]) || q[k] == '-' || q[k] == '.'))
			k++;
		if (q > p && k && q + k < eol &&
		    (q[k] == '=' || ((q[k] == ' ' || q[k] == '\t') &&
				     memchr(q + k, '[', eol - q - k)))) {
			char *name = xstrndup(q, k);
			size_t i;

			for (i = 0; i < k; i++)
				if (name[i] == '-')
					name[i] = '_';
			names_add(&c->params, name, k, 0);
			free(name);
		}
		p = eol + 1;
	}
out:
	buf_free(&text);
	buf_free(&path);
}

/*
 * slab_max_order: a boot parameter of the tree, whatever its C name;
 * with @u, its close name (pm_debug_messagess, a misspelt parameter).
 */
static bool boot_param(const struct checker *c, const struct ref *r,
		       const struct unknown *u)
{
	const char *s = u ? u->best : r->name;

	return r->kind == R_NAME && c->params.count && s &&
	       names_find(&c->params, s, strlen(s));
}

static void check_name(struct checker *c, const struct ref *r, size_t ri)
{
	uint32_t k = kinds_of(c, r->name);
	struct buf b = { 0 };
	uint32_t lk = locally(c, r);
	bool local = (lk & ~L_CALLED) != 0;
	enum ref_strength st;

	if (!strncmp(r->name, "CONFIG_", 7) && r->name[7]) {
		check_kconfig(c, r);
		return;
	}
	if (r->kind == R_TAG && (k & K_OPS) && (k & K_CORE) && ops_name(r->name))
		add_ops(c, r);
	if (r->kind == R_CALL && (k & K_MEMBER) &&
	    !(k & ~(K_MEMBER | K_OPS | K_MACROARG | K_SRC | K_TOOLS | K_CORE)) &&
	    has_fnptr(owners_of(c, r->name)) && in_ops(c, r)) {
		/* a callback: name() of a member of the struct in context */
		struct ref m = *r;

		m.kind = R_MEMBER;
		m.chain = -1;
		m.base = NULL;
		check_member(c, &m, ri);
		return;
	}
	if (r->kind == R_CALL && (k & K_CODE) && !(k & K_CALLABLE) &&
	    !has_fnptr(owners_of(c, r->name))) {
		/*
		 * name() of something that is not callable now: was it?
		 * Not asked of a declaration in the page's code (weak): the
		 * page declares a function of its own under a name the tree
		 * uses otherwise, "uint64_t hypercall(const uint64_t op)".
		 */
		ask(c, r->name, false);
		if (c->report && r->strength != S_WEAK)
			removed(c, r, r->name, K_FUNC | K_MACRO, C_REMOVED_NAME, r->name);
		return;
	}
	if (k & K_CODE)
		return;
	if (is_userspace(r->name) || boot_param(c, r, NULL))
		return;
	st = strength(c, r);
	if (!c->report) {
		ask(c, r->name, !local && st >= S_MEDIUM && !placeholder(r->name));
		return;
	}
	/* the example's own definitions are not the kernel's */
	if (!(lk & (L_BODY | L_USER)) &&
	    removed(c, r, r->name, K_API, C_REMOVED_NAME, r->name))
		return;
	if (tools_only(c, r->name))
		return;	/* a user-space library's name, from tools/ */
	if (local || st == S_WEAK || placeholder(r->name) || fragment(r->name))
		return;
	if (r->kind == R_TAG && (plural_of_known(c, r->name) || field_type(c, r->name)))
		return;
	if (st == S_MEDIUM && !good_suggestion(c, r->name))
		return;
	/*
	 * A function the page's own code calls, that no tree has and that
	 * is no likely typo: the example's helper (next_input_bit(),
	 * read_notification()), named in prose too.
	 */
	if (r->kind == R_CALL && (lk & L_CALLED) && !good_suggestion(c, r->name))
		return;
	if (other_namespace(c, r->name) || boot_param(c, r, suggest_for(&c->sg, r->name)))
		return;
	buf_addf(&b, "'%s' is not defined in %s", r->name, c->idx->label);
	add_replacement(c, r->name, &b);
	add_suggestion(c, r->name, "", &b);
	emit(c, r, st == S_STRONG, C_UNKNOWN_NAME, b.data);
	buf_free(&b);
}

static void check_doc(struct checker *c, const struct doc *d)
{
	size_t i;

	c->doc = d;
	c->nops = 0;
	names_init(&c->locals);
	for (i = 0; i < d->nrefs; i++) {
		const struct ref *r = &d->refs[i];
		uint32_t lk = local_kind(r);

		/* a constant of an enum the page defines and the tree lacks */
		if (r->enumerator && !(kinds_of(c, r->base) & K_ENUM))
			lk |= L_BODY;
		if (lk)
			names_add(&c->locals, r->name, strlen(r->name), lk);
	}
	c->rtag = xcalloc(d->nrefs, sizeof(*c->rtag));
	for (i = 0; i < d->nrefs; i++) {
		const struct ref *r = &d->refs[i];

		switch (r->kind) {
		case R_KCONFIG:
			check_kconfig(c, r);
			break;
		case R_PATH:
			check_path(c, r);
			break;
		case R_MEMBER:
			check_member(c, r, i);
			break;
		default:
			check_name(c, r, i);
		}
	}
	free(c->rtag);
	names_free(&c->locals);
}

/* The names the checks may look up in the target: what to index. */
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

int check_docs(const struct index *idx, struct history *h, struct doc *docs,
	       size_t ndocs, struct findings *out)
{
	struct checker c = { .idx = idx, .h = h, .out = out };
	size_t i, j;
	int ret = 0;

	names_init(&c.asked);
	names_init(&c.params);
	if (idx->root)
		load_params(&c, idx->root);
	suggest_init(&c.sg);
	pathhint_init(&c.ph);
	for (i = 0; i < ndocs; i++)
		check_doc(&c, &docs[i]);
	if (idx->nlogs) {
		suggest_scan_logs(&c.sg, idx->logs, idx->nlogs);
	} else if (c.sg.n) {
		const struct name *nm;

		struct buf kc = { 0 };

		names_for_each(&idx->names, i, nm) {
			if (nm->kinds & K_CODE && nm->kinds != K_MACROARG)
				suggest_offer(&c.sg, nm->str, nm->len, 0, c.sg.v);
			if (nm->kinds & K_KCONFIG) {
				kc.len = 0;
				buf_addf(&kc, "CONFIG_%s", nm->str);
				suggest_offer(&c.sg, kc.data, kc.len, 0, c.sg.v);
			}
		}
		buf_free(&kc);
	}
	if (history_resolve(h, &c.asked, &c.sg) < 0)
		ret = -1;
	c.report = true;
	for (i = 0; i < ndocs; i++) {
		for (j = 0; j < docs[i].ndiags; j++)
			findings_add(out, docs[i].path, docs[i].diags[j].line,
				     docs[i].diags[j].col, false, C_BAD_INPUT, "",
				     "%s", docs[i].diags[j].msg);
		check_doc(&c, &docs[i]);
	}
	suggest_free(&c.sg);
	pathhint_free(&c.ph);
	names_free(&c.asked);
	names_free(&c.params);
	return ret;
}
