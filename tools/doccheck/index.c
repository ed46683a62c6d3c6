// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel tree's index: walk the tree, scan C and Kconfig files on
 * worker threads (each with its own name table, merged at the end), add
 * the names token pasting generates, and the tree's paths.
 *
 * An index can be saved as a names-only text file and loaded again:
 *
 *   # doccheck index 1
 *   label 7.3
 *   NAME<TAB>KINDS[<TAB>OWNER...]
 *
 * KINDS are letters (see kind_letters[]); an OWNER of a member is
 * [*]TAG[:TYPE], '*' for a function pointer, "-" for an anonymous tag.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doccheck.h"

static const struct {
	uint32_t kind;
	char letter;
} kind_letters[] = {
	{ K_FUNC, 'F' }, { K_MACRO, 'D' }, { K_FMACRO, 'f' },
	{ K_TYPEDEF, 'T' }, { K_STRUCT, 'S' }, { K_UNION, 'U' },
	{ K_ENUM, 'E' }, { K_ENUMCONST, 'C' }, { K_MEMBER, 'M' },
	{ K_VAR, 'V' }, { K_SYSCALL, 'Y' }, { K_EXPORT, 'X' },
	{ K_GEN, 'G' }, { K_MACROARG, 'A' }, { K_KCONFIG, 'K' },
	{ K_FILE, 'P' }, { K_DIR, 'd' }, { K_OPS, 'O' }, { K_CORE, 'I' },
	{ K_PARAM, 'p' }, { K_SRC, 'k' }, { K_TOOLS, 't' }, { K_BUILT, 'b' },
};

#define NLETTERS (sizeof(kind_letters) / sizeof(kind_letters[0]))

void found_init(struct found *f, const struct names *want)
{
	memset(f, 0, sizeof(*f));
	names_init(&f->names);
	f->want = want;
}

/* The bit of the "surely not wanted" filter: other bits than the table's. */
uint32_t filter_hash(uint32_t h)
{
	return (h >> 12 ^ h << 8) & (FILTER_BITS - 1);
}

/*
 * A cheaper bit: the length and the first eight bytes.  For the files
 * whose names are not logged (generated register headers, a third of a
 * kernel tree's bytes), most names fail it before their hash is made.
 */
static uint32_t head_bit(const char *s, size_t n)
{
	uint64_t w = 0;

	if (n >= 8) {
		memcpy(&w, s, 8);
	} else if (n >= 4) {
		uint32_t a, b;

		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		w = a | (uint64_t)b << 32;
	} else if (n) {
		w = (unsigned char)s[0] | (unsigned char)s[n / 2] << 8 |
		    (unsigned char)s[n - 1] << 16;
	}
	w = (w ^ n) * 0x9e3779b97f4a7c15ull;
	return (w >> 40) & (FILTER_BITS - 1);
}

static bool has_bit(const uint64_t *bits, uint32_t q)
{
	return bits[q / 64] >> (q % 64) & 1;
}

/*
 * The wanted names in a table of their hashes: a name that passes the
 * filter is compared with a few 32-bit hashes in one cache line before
 * any string; the index found picks the worker's entry in its slots.
 */
struct wanttab {
	uint32_t mask;
	uint32_t *hash;
	const struct name **nm;	/* NULL: empty */
	size_t n;
};

struct wanttab *wanttab_build(const struct names *want)
{
	struct wanttab *wt = xcalloc(1, sizeof(*wt));
	const struct name *nm;
	size_t i, size = 1024;

	while (size < 2 * want->count)
		size *= 2;
	wt->mask = size - 1;
	wt->hash = xcalloc(size, sizeof(*wt->hash));
	wt->nm = xcalloc(size, sizeof(*wt->nm));
	names_for_each(want, i, nm) {
		uint32_t k = nm->hash & wt->mask;

		while (wt->nm[k])
			k = (k + 1) & wt->mask;
		wt->hash[k] = nm->hash;
		wt->nm[k] = nm;
		wt->n++;
	}
	return wt;
}

void wanttab_free(struct wanttab *wt)
{
	if (!wt)
		return;
	free(wt->hash);
	free(wt->nm);
	free(wt);
}

/* The slot of a wanted name, or -1. */
static long want_slot(const struct wanttab *wt, const char *s, size_t n,
		      uint32_t h)
{
	uint32_t k;

	for (k = h & wt->mask; wt->nm[k]; k = (k + 1) & wt->mask)
		if (wt->hash[k] == h && wt->nm[k]->len == n &&
		    !memcmp(wt->nm[k]->str, s, n))
			return k;
	return -1;
}

/* Two bit sets: by filter_hash(), then by head_bit(). */
uint64_t *filter_build(const struct names *want)
{
	uint64_t *f = xcalloc(2 * FILTER_BITS / 64, sizeof(*f));
	uint64_t *head = f + FILTER_BITS / 64;
	const struct name *nm;
	size_t i;

	names_for_each(want, i, nm) {
		uint32_t q = filter_hash(nm->hash), b = head_bit(nm->str, nm->len);

		f[q / 64] |= 1ull << (q % 64);
		head[b / 64] |= 1ull << (b % 64);
	}
	return f;
}

/*
 * Most names are declared many times (a prototype, a definition, one
 * per architecture).  A direct-mapped cache of hashes keeps most repeats
 * out of the log; a collision drops a name from did-you-mean only.
 */
static bool logged(struct found *f, uint32_t h, uint32_t kinds)
{
	uint32_t *slot;

	h ^= kinds & K_KCONFIG ? 0x5bd1e995u : 0;
	if (!f->seen)
		f->seen = xcalloc(SEEN_SLOTS, sizeof(*f->seen));
	slot = &f->seen[h & (SEEN_SLOTS - 1)];
	if (*slot == (h | 1))
		return true;
	*slot = h | 1;
	return false;
}

/*
 * A name the scanners found.  Without a wanted set it goes into the
 * table; with one, only wanted names do, and every name goes into the
 * log that suggest.c reads for did-you-mean.  Returns the table's entry,
 * or NULL when the name is not wanted.
 */
struct name *found_name(struct found *f, const char *s, size_t n,
			uint32_t kinds)
{
	uint32_t h;

	if (kinds & K_CODE)
		kinds |= f->where;
	if (f->want && f->nolog &&
	    !has_bit(f->filter + FILTER_BITS / 64, head_bit(s, n)))
		return NULL;
	h = name_hash(s, n);
	if ((f->want || f->keep_log) && !f->nolog && !logged(f, h, kinds)) {
		if (kinds & K_KCONFIG)
			buf_add(&f->log, "CONFIG_", 7);
		buf_add(&f->log, s, n);
		buf_addc(&f->log, '\0');
	}
	if (f->want) {
		long k;

		if (!has_bit(f->filter, filter_hash(h)))
			return NULL;
		k = want_slot(f->wt, s, n, h);
		if (k < 0)
			return NULL;
		if (!f->slot[k])
			return f->slot[k] = names_add_h(&f->names, s, n, kinds, h);
		f->slot[k]->kinds |= kinds;
		return f->slot[k];
	}
	return names_add_h(&f->names, s, n, kinds, h);
}

void found_add_call(struct found *f, const char *name, size_t n,
		    const char **args, const size_t *argn, int nargs)
{
	struct arena *a = &f->names.arena;
	struct macro_call *c;
	int i;

	GROW(f->calls, f->ncalls, f->calls_cap, 256);
	c = &f->calls[f->ncalls++];
	c->name = arena_strndup(a, name, n);
	c->args = arena_alloc(a, nargs * sizeof(*c->args));
	c->nargs = nargs;
	c->file = f->file;
	c->file_bytes = f->file_bytes;
	c->header = f->header;
	for (i = 0; i < nargs; i++)
		c->args[i] = arena_strndup(a, args[i], argn[i]);
}

void found_add_def(struct found *f, const char *name, size_t n,
		   const char **params, const size_t *paramn, int nparams,
		   bool variadic, const char *body, size_t bodyn)
{
	struct arena *a = &f->names.arena;
	struct macro_def *d;
	int i;

	GROW(f->defs, f->ndefs, f->defs_cap, 64);
	d = &f->defs[f->ndefs++];
	d->name = arena_strndup(a, name, n);
	d->params = arena_alloc(a, nparams * sizeof(*d->params));
	d->nparams = nparams;
	d->variadic = variadic;
	d->header = f->header;
	d->file = f->file;
	for (i = 0; i < nparams; i++)
		d->params[i] = arena_strndup(a, params[i], paramn[i]);
	d->body = arena_strndup(a, body, bodyn);
}

static void found_release(struct found *f)
{
	/* the log stays: suggest.c reads it */
	free(f->seen);
	f->seen = NULL;
	free(f->calls);
	free(f->defs);
	free(f->slot);
	free(f->stopped);
	f->stopped = NULL;
	f->calls = NULL;
	f->defs = NULL;
	f->slot = NULL;
}

void found_free(struct found *f)
{
	found_release(f);
	free(f->seen);
	buf_free(&f->log);
	names_free(&f->names);
}

/* ---- which files ---- */

static bool is_c_file(const char *path)
{
	size_t n = strlen(path);

	return n > 2 && path[n - 2] == '.' && (path[n - 1] == 'c' || path[n - 1] == 'h');
}

static bool is_kconfig_file(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	return !strncmp(base, "Kconfig", 7);
}

/* ---- what a build makes ---- */

static bool is_gitignore(const char *path)
{
	const char *base = strrchr(path, '/');

	return !strcmp(base ? base + 1 : path, ".gitignore");
}

/*
 * The plain names a .gitignore lists (no wildcards, no negation), as
 * DIR/NAME with K_BUILT: files a build writes, which a page may name
 * (scripts/basic/randstruct.seed).  check.c also tries them in the
 * directories below DIR, as git does for a name without a '/'.
 */
static void add_ignored(struct names *t, const char *root, const char *path)
{
	struct buf text = { 0 }, name = { 0 };
	size_t dir = strrchr(path, '/') ? (size_t)(strrchr(path, '/') - path) : 0;
	char err[256], *p, *end;

	buf_addf(&name, "%s/%s", root, path);
	if (read_file(name.data, &text, err, sizeof(err)) < 0) {
		buf_free(&name);
		return;
	}
	for (p = text.data, end = p + text.len; p < end;) {
		char *eol = memchr(p, '\n', end - p), *e;

		if (!eol)
			eol = end;
		for (e = eol; e > p && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '/'); e--)
			;
		while (p < e && *p == '/')
			p++;
		if (p < e && *p != '#' && *p != '!' && !memchr(p, '*', e - p) &&
		    !memchr(p, '?', e - p) && !memchr(p, '[', e - p) &&
		    !memchr(p, '\\', e - p)) {
			name.len = 0;
			if (dir)
				buf_addf(&name, "%.*s/", (int)dir, path);
			buf_add(&name, p, e - p);
			names_add(t, name.data, name.len, K_BUILT);
		}
		p = eol + 1;
	}
	buf_free(&text);
	buf_free(&name);
}

/* ---- workers ---- */

#define LOG_MAX_FILE (1u << 20)

struct job {
	const char *path;	/* relative to the root */
	bool kconfig;
};

struct pool {
	int rootfd;
	const char *root;
	struct job *jobs;
	size_t njobs;
	size_t next;		/* atomic */
	size_t nbytes;		/* atomic */
	struct worker *workers;	/* for paste_main: all of them */
};

struct worker {
	struct pool *pool;
	struct found found;
	const struct paste_defs *defs;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *pool = w->pool;
	struct buf text = { 0 }, path = { 0 };
	char err[256];

	for (;;) {
		size_t i = __atomic_fetch_add(&pool->next, 1, __ATOMIC_RELAXED);
		struct job *j;

		if (i >= pool->njobs)
			break;
		j = &pool->jobs[i];
		path.len = 0;
		buf_addf(&path, "%s/%s", pool->root, j->path);
		if (read_file(path.data, &text, err, sizeof(err)) < 0)
			continue;	/* vanished or unreadable: no names */
		__atomic_fetch_add(&pool->nbytes, text.len, __ATOMIC_RELAXED);
		/* Generated register headers: no suggestions from those. */
		w->found.nolog = text.len > LOG_MAX_FILE;
		w->found.core = !strncmp(j->path, "include/", 8);
		w->found.file = i;
		w->found.file_bytes = text.len > UINT32_MAX ? UINT32_MAX : text.len;
		w->found.header = j->path[strlen(j->path) - 1] == 'h';
		w->found.where = strncmp(j->path, "tools/", 6) ? K_SRC : K_TOOLS;
		if (j->kconfig)
			kconfig_scan(&w->found, text.data, text.len);
		else
			cindex_scan(&w->found, text.data, text.len);
	}
	buf_free(&text);
	buf_free(&path);
	return NULL;
}

#define PASTE_CHUNK 2048

/*
 * Expand the calls of every worker's file scope, a chunk at a time; the
 * names go into this worker's table.  pool->next counts chunks over the
 * workers' call lists, one after the other.
 */
static void *paste_main(void *arg)
{
	struct worker *w = arg, *all = w->pool->workers;
	struct pool *pool = w->pool;
	int nw = (int)pool->njobs;

	for (;;) {
		size_t c = __atomic_fetch_add(&pool->next, 1, __ATOMIC_RELAXED);
		size_t from = c * PASTE_CHUNK;
		int p;

		for (p = 0; p < nw; p++) {
			size_t nc = all[p].found.ncalls;
			size_t chunks = (nc + PASTE_CHUNK - 1) / PASTE_CHUNK;

			if (from < chunks * PASTE_CHUNK)
				break;
			from -= chunks * PASTE_CHUNK;
		}
		if (p == nw)
			break;
		paste_calls(w->defs, &w->found, &all[p].found, from,
			    from + PASTE_CHUNK);
	}
	return NULL;
}

/* The names token pasting generates, on all workers. */
static void paste_all(struct worker *workers, struct found **parts, int nw)
{
	struct paste_defs *defs = paste_defs_build(parts, nw);
	struct pool pool = { .njobs = nw, .workers = workers };
	int i;

	for (i = 0; i < nw; i++) {
		workers[i].pool = &pool;
		workers[i].defs = defs;
		workers[i].found.where = K_SRC;
		workers[i].found.nolog = false;
	}
	run_parallel(workers, sizeof(*workers), nw, paste_main);
	paste_defs_free(defs);
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The files whose token pasting went over its budget (paste.c), each
 * named once; with --stats, how many, and the most work per byte of a
 * file that stayed within it.
 */
static void paste_report(const struct worker *workers, int nw,
			 const struct pool *pool, bool stats)
{
	uint32_t *files = NULL;
	size_t n = 0, i, stopped = 0;
	const struct found *most = NULL;
	int k;

	for (k = 0; k < nw; k++) {
		const struct found *f = &workers[k].found;

		if (f->nstopped) {
			files = xrealloc(files, (n + f->nstopped) * sizeof(*files));
			memcpy(files + n, f->stopped, f->nstopped * sizeof(*files));
			n += f->nstopped;
		}
		if (f->most_bytes && (!most || f->most_work * most->most_bytes >
					       most->most_work * f->most_bytes))
			most = f;
	}
	if (n)
		qsort(files, n, sizeof(*files), u32_cmp);
	for (i = 0; i < n; i++) {
		if (i && files[i] == files[i - 1])
			continue;
		fprintf(stderr, "%s/%s: warning: token pasting stopped: its macros "
			"expand past the budget of the file's size (%d words a "
			"byte, %u at least); the names they would make are not "
			"indexed\n", pool->root, pool->jobs[files[i]].path,
			PASTE_WORK_PER_BYTE, PASTE_WORK_MIN);
		stopped++;
	}
	if (stats && most)
		fprintf(stderr, "doccheck: paste: most work %.1f words per byte (%s, "
			"%u bytes); %zu files stopped\n",
			(double)most->most_work / most->most_bytes,
			pool->jobs[most->most_file].path, most->most_bytes, stopped);
	free(files);
}

/*
 * The tree's walk can start early, on a thread of its own, while the
 * documents are read (index_walk_ahead()); index_tree() takes it.
 */
static struct {
	pthread_t thread;
	bool started;
	char *root;
	struct walk w;
	int ret;
} ahead;

static void *walk_ahead_main(void *arg)
{
	(void)arg;
	ahead.ret = walk_tree(&ahead.w, ahead.root);
	return NULL;
}

void index_walk_ahead(const char *root, bool stat_files)
{
	if (ahead.started)
		return;
	ahead.root = xstrdup(root);
	ahead.w.stat_files = stat_files;
	ahead.started = !pthread_create(&ahead.thread, NULL, walk_ahead_main, NULL);
	if (!ahead.started) {
		free(ahead.root);
		ahead.root = NULL;
	}
}

/*
 * The walk of @root: the one started ahead, or a new one.  With a cache,
 * the files' times count in the stamp.  A walk started ahead that does
 * not fit is joined and dropped.
 */
static int walk_taken(const char *root, struct walk *w, bool stat_files)
{
	bool mine;
	int ret;

	if (!ahead.started) {
		w->stat_files = stat_files;
		return walk_tree(w, root);
	}
	pthread_join(ahead.thread, NULL);
	mine = !strcmp(ahead.root, root) && ahead.w.stat_files == stat_files;
	if (mine) {
		*w = ahead.w;
		ret = ahead.ret;
	} else {
		walk_free(&ahead.w);
		w->stat_files = stat_files;
		ret = walk_tree(w, root);
	}
	free(ahead.root);
	memset(&ahead, 0, sizeof(ahead));
	return ret;
}

/*
 * Index the tree @w lists: its files on threads, then the names token
 * pasting makes.  With @keep_log and no wanted set (a full index for
 * the cache), the names are logged for did-you-mean as with one.  @w is
 * freed.
 */
static void index_scan(struct index *idx, const char *root,
		       const struct index_opts *o, struct walk *w, bool keep_log,
		       struct tick t0)
{
	struct tick t1 = tick_now(), t2, t3, t4;
	struct pool pool = { .root = root };
	struct worker *workers;
	struct found **parts;
	uint64_t *filter = NULL;
	struct wanttab *wt = NULL;
	int nw = o->jobs > 0 ? o->jobs : cpu_count(64), i;
	size_t k;

	memset(idx, 0, sizeof(*idx));
	names_init(&idx->names);
	idx->root = xstrdup(root);
	idx->label = tree_label(root);
	pool.jobs = xcalloc(w->n, sizeof(*pool.jobs));
	for (k = 0; k < w->n; k++) {
		if (w->v[k].is_dir)
			continue;
		if (is_c_file(w->v[k].path)) {
			pool.jobs[pool.njobs++].path = w->v[k].path;
			idx->nfiles_c++;
		} else if (is_kconfig_file(w->v[k].path)) {
			pool.jobs[pool.njobs].kconfig = true;
			pool.jobs[pool.njobs++].path = w->v[k].path;
			idx->nfiles_kconfig++;
		}
	}
	if (o->want) {
		filter = filter_build(o->want);
		wt = wanttab_build(o->want);
	}
	workers = xcalloc(nw, sizeof(*workers));
	parts = xcalloc(nw, sizeof(*parts));
	for (i = 0; i < nw; i++) {
		workers[i].pool = &pool;
		found_init(&workers[i].found, o->want);
		workers[i].found.filter = filter;
		workers[i].found.wt = wt;
		if (wt)
			workers[i].found.slot = xcalloc(wt->mask + 1,
							sizeof(*workers[i].found.slot));
		workers[i].found.keep_log = keep_log;
		parts[i] = &workers[i].found;
	}
	for (k = 0; k < w->n; k++) {
		names_add(&idx->names, w->v[k].path, strlen(w->v[k].path),
			  w->v[k].is_dir ? K_DIR : K_FILE);
		if (!w->v[k].is_dir && is_gitignore(w->v[k].path))
			add_ignored(&idx->names, root, w->v[k].path);
	}
	run_parallel(workers, sizeof(*workers), nw, worker_main);
	t2 = tick_now();
	paste_all(workers, parts, nw);
	paste_report(workers, nw, &pool, o->stats && !keep_log);
	t3 = tick_now();
	idx->logs = xcalloc(nw, sizeof(*idx->logs));
	for (i = 0; i < nw; i++) {
		names_merge(&idx->names, &workers[i].found.names);
		found_release(&workers[i].found);
		idx->logs[i] = workers[i].found.log;
	}
	idx->nlogs = nw;
	/* The workers' arenas hold the merged nodes: keep them. */
	idx->arenas = xcalloc(nw, sizeof(*idx->arenas));
	for (i = 0; i < nw; i++)
		idx->arenas[i] = workers[i].found.names.arena;
	idx->narenas = nw;
	idx->nbytes = pool.nbytes;
	t4 = tick_now();
	if (o->stats && !keep_log)
		fprintf(stderr, "doccheck: index %s: %.3f s walk, %.3f s scan, "
			"%.3f s paste, %.3f s merge (%d threads; CPU time "
			"%.2f s, %.2f s, %.2f s, %.2f s)\n", idx->label,
			t1.wall - t0.wall, t2.wall - t1.wall, t3.wall - t2.wall,
			t4.wall - t3.wall, nw, t1.cpu - t0.cpu, t2.cpu - t1.cpu,
			t3.cpu - t2.cpu, t4.cpu - t3.cpu);
	free(filter);
	wanttab_free(wt);
	free(parts);
	free(workers);
	free(pool.jobs);
	walk_free(w);
}

/* The tool's own file: a new build may index differently. */
static uint64_t exe_stamp(void)
{
	struct stat st;

	if (stat("/proc/self/exe", &st) < 0)
		return 0;
	return ((uint64_t)st.st_size * 0x9e3779b97f4a7c15ull) ^
	       ((uint64_t)st.st_mtim.tv_sec << 20) ^ (uint64_t)st.st_mtim.tv_nsec;
}

/* DIR/<hash of the tree's real path>.dcache */
static char *cache_file(const char *dir, const char *root)
{
	char *real = realpath(root, NULL);
	const char *r = real ? real : root;
	struct buf b = { 0 };

	buf_addf(&b, "%s/%08x%08x.dcache", dir, name_hash(r, strlen(r)),
		 hash_str(r, strlen(r)));
	free(real);
	return b.data;
}

/*
 * With a cache: the full index saved for this tree and this stamp,
 * else a full index made and saved, then read back as a later run will
 * read it, so that both runs check alike.
 */
static int index_cached(struct index *idx, const char *root,
			const struct index_opts *o, struct walk *w, struct tick t0)
{
	uint64_t stamp = w->stamp ^ exe_stamp();
	char *path = cache_file(o->cache, root);
	struct index_opts all = *o;
	struct buf tmp = { 0 };
	struct index full;
	int ret = 0;

	if (cache_load(idx, path, stamp, o->want) == 0)
		goto out;
	/* the cache serves every later run: every name, not this run's */
	all.want = NULL;
	index_scan(&full, root, &all, w, true, t0);
	mkdir(o->cache, 0777);
	buf_addf(&tmp, "%s.tmp%d", path, (int)getpid());
	if (cache_save(&full, tmp.data, stamp) < 0 || rename(tmp.data, path) < 0) {
		unlink(tmp.data);
		ret = -1;
	}
	index_free(&full);
	if (ret == 0)
		ret = cache_load(idx, path, stamp, o->want);
out:
	if (ret == 0) {
		free(idx->root);
		idx->root = xstrdup(root);
		if (o->stats)
			fprintf(stderr, "doccheck: index %s: %.3f s from the cache %s\n",
				idx->label, tick_since(t0).wall, path);
	}
	walk_free(w);
	buf_free(&tmp);
	free(path);
	return ret;
}

int index_tree(struct index *idx, const char *root, const struct index_opts *o)
{
	struct tick t0 = tick_now();
	struct walk w = { 0 };

	memset(idx, 0, sizeof(*idx));
	if (walk_taken(root, &w, o->cache && o->want) < 0 && !w.n) {
		walk_free(&w);
		return -1;
	}
	if (o->cache && o->want) {
		if (index_cached(idx, root, o, &w, t0) == 0)
			return 0;
		warnx_("%s: cannot use the cache; indexing without it", o->cache);
		if (walk_tree(&w, root) < 0 && !w.n) {
			walk_free(&w);
			return -1;
		}
	}
	index_scan(idx, root, o, &w, false, t0);
	return 0;
}

void index_free(struct index *idx)
{
	int i;

	for (i = 0; i < idx->narenas; i++)
		arena_free(&idx->arenas[i]);
	free(idx->arenas);
	for (i = 0; i < idx->nlogs && !idx->map; i++)
		buf_free(&idx->logs[i]);
	free(idx->logs);
	if (idx->map)
		munmap(idx->map, idx->maplen);
	names_free(&idx->names);
	free(idx->label);
	free(idx->root);
	memset(idx, 0, sizeof(*idx));
}

/* "7.3" from the tree's Makefile, else the directory's name. */
char *tree_label(const char *root)
{
	struct buf path = { 0 }, text = { 0 };
	char err[256], *label = NULL;
	long v = -1, pl = -1;

	buf_addf(&path, "%s/Makefile", root);
	if (read_file(path.data, &text, err, sizeof(err)) == 0) {
		const char *p = text.data;

		while (p && *p && (v < 0 || pl < 0)) {
			if (!strncmp(p, "VERSION = ", 10))
				v = strtol(p + 10, NULL, 10);
			else if (!strncmp(p, "PATCHLEVEL = ", 13))
				pl = strtol(p + 13, NULL, 10);
			p = strchr(p, '\n');
			if (p)
				p++;
		}
	}
	if (v >= 0 && pl >= 0) {
		path.len = 0;
		buf_addf(&path, "%ld.%ld", v, pl);
		label = xstrdup(path.data);
	} else {
		const char *base = strrchr(root, '/');

		label = xstrdup(base && base[1] ? base + 1 : root);
	}
	buf_free(&path);
	buf_free(&text);
	return label;
}

/* ---- save and load ---- */

static void put_kinds(struct buf *b, uint32_t kinds)
{
	size_t i;

	for (i = 0; i < NLETTERS; i++)
		if (kinds & kind_letters[i].kind)
			buf_addc(b, kind_letters[i].letter);
}

/* "[*]TAG[:TYPE]" */
static void put_owner(struct buf *b, const struct owner *o)
{
	buf_addf(b, "%s%s", o->fnptr ? "*" : "", *o->tag ? o->tag : "-");
	if (o->type)
		buf_addf(b, ":%s", o->type);
}

/*
 * The lines of an index, each "NAME\tKINDS[\tOWNER ...]", and their
 * order: an index is written sorted, names and owners, so that the same
 * tree gives the same file byte for byte, whatever the threads did.
 */
struct lines {
	struct buf text;
	size_t *start;
	size_t n, cap;
};

static void line_begin(struct lines *l)
{
	GROW(l->start, l->n, l->cap, 4096);
	l->start[l->n++] = l->text.len;
}

/* By tag, then type (none first): a tag's entries are neighbours. */
static int owner_cmp(const void *a, const void *b)
{
	const struct owner *x = *(const struct owner *const *)a;
	const struct owner *y = *(const struct owner *const *)b;
	int c = strcmp(x->tag, y->tag);

	if (c || x->type == y->type)
		return c;
	if (!x->type || !y->type)
		return x->type ? 1 : -1;
	return strcmp(x->type, y->type);
}

/*
 * The owners of @nm the base lacks (all of them without a base), sorted,
 * each tag once: the smallest type, '*' if any of them is a function
 * pointer.  Threads merge files in any order; the file is the same.
 */
static void put_owners(struct buf *b, const struct name *nm, const struct name *bn)
{
	const struct owner **v = NULL, *o;
	size_t n = 0, cap = 0, i, j;
	bool first = true;

	for (o = nm->owners; o; o = o->next) {
		if (bn && (!*o->tag || name_has_owner(bn, o->tag)))
			continue;
		GROW(v, n, cap, 8);
		v[n++] = o;
	}
	if (n)
		qsort(v, n, sizeof(*v), owner_cmp);
	for (i = 0; i < n; i = j) {
		struct owner one = *v[i];

		for (j = i; j < n && !strcmp(v[j]->tag, v[i]->tag); j++) {
			one.fnptr |= v[j]->fnptr;
			if (!one.type)
				one.type = v[j]->type;
		}
		buf_addc(b, first ? '\t' : ' ');
		put_owner(b, &one);
		first = false;
	}
	free(v);
}

/* What @nm adds to @base, as one line of a delta; nothing if it adds nothing. */
static void delta_line(struct lines *l, const struct name *nm, const struct name *bn)
{
	/* kinds the base lacks */
	uint32_t extra = nm->kinds & ~bn->kinds &
			 ~(K_MACROARG | K_OPS | K_CORE | K_EXPORT | K_SRC | K_TOOLS);
	size_t tab;
	const struct owner *o;
	bool owners = false;

	for (o = nm->owners; o && !owners; o = o->next)
		owners = *o->tag && !name_has_owner(bn, o->tag);
	if (!owners && !extra)
		return;
	line_begin(l);
	buf_addf(&l->text, "%s\t", nm->str);
	put_kinds(&l->text, owners ? extra | K_MEMBER : extra);
	tab = l->text.len;
	put_owners(&l->text, nm, bn);
	if (!owners)
		l->text.len = tab;
	buf_addc(&l->text, '\0');
}

static int line_cmp(const void *a, const void *b, void *text)
{
	return strcmp((const char *)text + *(const size_t *)a,
		      (const char *)text + *(const size_t *)b);
}

/*
 * Write the index.  With @base, only what @base lacks: names it does not
 * have, and member owners it does not list (under kind M alone).
 */
int index_save(const struct index *idx, const char *path,
	       const struct index *base)
{
	struct lines l = { 0 };
	const struct name *nm, *bn;
	FILE *f;
	size_t i;
	int ret = 0;

	names_for_each(&idx->names, i, nm) {
		if (!nm->kinds)
			continue;
		bn = base ? names_find(&base->names, nm->str, nm->len) : NULL;
		if (bn && bn->kinds) {
			delta_line(&l, nm, bn);
			continue;
		}
		line_begin(&l);
		buf_addf(&l.text, "%s\t", nm->str);
		put_kinds(&l.text, nm->kinds);
		put_owners(&l.text, nm, NULL);
		buf_addc(&l.text, '\0');
	}
	if (l.n)
		qsort_r(l.start, l.n, sizeof(*l.start), line_cmp, l.text.data);
	f = fopen(path, "w");
	if (!f) {
		warnx_("%s: cannot write: %s", path, strerror(errno));
		ret = -1;
		goto out;
	}
	fprintf(f, "# doccheck index 1\nlabel %s\n", idx->label);
	if (base)
		fprintf(f, "base %s\n", base->label);
	for (i = 0; i < l.n; i++) {
		fputs(l.text.data + l.start[i], f);
		fputc('\n', f);
	}
	if (fclose(f) != 0) {
		warnx_("%s: write error: %s", path, strerror(errno));
		ret = -1;
	}
out:
	buf_free(&l.text);
	free(l.start);
	return ret;
}

uint32_t parse_kinds(const char *s, size_t n)
{
	uint32_t kinds = 0;
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < NLETTERS; j++)
			if (s[i] == kind_letters[j].letter)
				kinds |= kind_letters[j].kind;
	return kinds;
}

/* Owners of one index line: "[*]TAG[:TYPE] ..." */
static void parse_owners(struct names *t, struct name *nm, const char *p,
			 const char *eol)
{
	while (p < eol) {
		const char *sp = memchr(p, ' ', eol - p), *colon;
		const char *end = sp ? sp : eol;
		bool fnptr = *p == '*';

		if (fnptr)
			p++;
		colon = memchr(p, ':', end - p);
		if (end - p == 1 && *p == '-')
			names_add_owner(t, nm, "", 0, NULL, 0, fnptr);
		else
			names_add_owner(t, nm, p, (colon ? colon : end) - p,
					colon ? colon + 1 : NULL,
					colon ? end - colon - 1 : 0, fnptr);
		p = end + 1;
	}
}

int index_load(struct index *idx, const char *path)
{
	struct buf text = { 0 };
	char err[256];
	const char *p, *end;

	memset(idx, 0, sizeof(*idx));
	names_init(&idx->names);
	if (read_file(path, &text, err, sizeof(err)) < 0) {
		warnx_("%s: %s", path, err);
		return -1;
	}
	if (strncmp(text.data, "# doccheck index 1\n", 19)) {
		warnx_("%s: not a doccheck index", path);
		buf_free(&text);
		return -1;
	}
	p = text.data;
	end = p + text.len;
	while (p < end) {
		const char *eol = memchr(p, '\n', end - p), *tab, *tab2;
		struct name *nm;

		if (!eol)
			eol = end;
		tab = memchr(p, '\t', eol - p);
		if (!strncmp(p, "label ", 6) && !idx->label) {
			idx->label = xstrndup(p + 6, eol - p - 6);
		} else if (tab && *p != '#') {
			tab2 = memchr(tab + 1, '\t', eol - tab - 1);
			nm = names_add(&idx->names, p, tab - p,
				       parse_kinds(tab + 1, (tab2 ? tab2 : eol) - tab - 1));
			if (tab2)
				parse_owners(&idx->names, nm, tab2 + 1, eol);
		}
		p = eol + 1;
	}
	if (!idx->label)
		idx->label = xstrdup(path);
	buf_free(&text);
	return 0;
}
