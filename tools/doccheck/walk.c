// SPDX-License-Identifier: GPL-2.0
/*
 * Directory walk.  Symbolic links to directories are not followed, so a
 * symlink loop cannot make the walk run forever; a link to a file is
 * listed when it resolves to a regular file.  Directories are walked with
 * an explicit stack, not recursion, so depth costs no C stack.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doccheck.h"

static void walk_add(struct walk *w, const char *path, size_t n, bool dir)
{
	GROW(w->v, w->n, w->cap, 4096);
	w->v[w->n].path = xstrndup(path, n);
	w->v[w->n].is_dir = dir;
	w->n++;
}

static bool skip_dir(const char *name)
{
	return !strcmp(name, ".") || !strcmp(name, "..") ||
	       !strcmp(name, ".git");
}

/*
 * The tree's stamp: a sum over its directories of a hash of each one's
 * path and modification time, which changes when an entry is added,
 * removed or renamed; with w->stat_files also over its files' paths,
 * times and sizes, which change when a file is rewritten in place.  A
 * sum, so the order of the walk does not matter.
 */
static void stamp_add(struct walk *w, const char *rel, const struct stat *st)
{
	uint64_t h = name_hash(rel, strlen(rel));

	if (st)
		h = (h ^ (uint64_t)st->st_mtim.tv_sec * 0x9e3779b97f4a7c15ull ^
		     (uint64_t)st->st_mtim.tv_nsec ^
		     (uint64_t)st->st_size << 32) * 0xff51afd7ed558ccdull;
	w->stamp += h ^ (h >> 29);
}

/*
 * Walk one directory: @rel is its path below @root ("" for the root).
 * With w->stat_files each regular file is stamped here, through the
 * directory's descriptor: a lookup of one name, not of the whole path.
 */
static void walk_dir(struct walk *w, int rootfd, const char *rel)
{
	struct dirent *de;
	struct buf path = { 0 };
	struct stat st;
	DIR *dir;
	int fd;

	fd = openat(rootfd, *rel ? rel : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	dir = fd >= 0 && fstat(fd, &st) == 0 ? fdopendir(fd) : NULL;
	if (!dir) {
		warnx_("%s: cannot open directory: %s", *rel ? rel : ".",
		       strerror(errno));
		if (fd >= 0)
			close(fd);
		w->errors++;
		return;
	}
	stamp_add(w, rel, &st);
	while ((de = readdir(dir))) {
		unsigned char type = de->d_type;
		bool have_st = false;

		if (skip_dir(de->d_name))
			continue;
		if (type == DT_UNKNOWN || type == DT_LNK) {
			if (fstatat(fd, de->d_name, &st, 0) < 0) {
				/* dangling link or link loop: not a file */
				continue;
			}
			if (type == DT_LNK && S_ISDIR(st.st_mode))
				continue;
			type = S_ISDIR(st.st_mode) ? DT_DIR :
			       S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
			have_st = true;
		}
		if (type != DT_DIR && type != DT_REG)
			continue;
		path.len = 0;
		if (*rel) {
			buf_addstr(&path, rel);
			buf_addc(&path, '/');
		}
		buf_addstr(&path, de->d_name);
		walk_add(w, path.data, path.len, type == DT_DIR);
		if (type == DT_REG && w->stat_files) {
			if (!have_st && fstatat(fd, de->d_name, &st, 0) < 0)
				stamp_add(w, path.data, NULL);
			else
				stamp_add(w, path.data, &st);
		}
	}
	closedir(dir);
	buf_free(&path);
}

/* Walk the directories of w->v from @from on, and those they add. */
static void walk_from(struct walk *w, int rootfd, size_t from)
{
	size_t next;

	/* w->v grows while we walk it: the entries are the stack. */
	for (next = from; next < w->n; next++)
		if (w->v[next].is_dir)
			walk_dir(w, rootfd, w->v[next].path);
}

/*
 * The tree below the top two levels is walked on several threads, one
 * subtree at a time, each into a walk of its own: a kernel tree's
 * 96,000 files are stamped in half the time on two CPUs.  The subtrees
 * are joined in the order of their roots, so the list is the same
 * whatever thread took which subtree.
 */
#define WALK_THREADS 8
#define WALK_SPLIT_DEPTH 2

struct subtree_job {
	const struct walk *top;
	int rootfd;
	size_t *next;		/* the next subtree to take (shared) */
	size_t first, last;	/* the subtrees: top->v[first..last) */
	struct walk *parts;	/* one per entry of top->v */
};

static void *subtree_main(void *arg)
{
	struct subtree_job *j = arg;
	size_t i;

	while ((i = __atomic_fetch_add(j->next, 1, __ATOMIC_RELAXED)) + j->first <
	       j->last) {
		const struct walk_entry *e = &j->top->v[j->first + i];
		struct walk *part = &j->parts[i];

		if (!e->is_dir)
			continue;
		part->stat_files = j->top->stat_files;
		walk_dir(part, j->rootfd, e->path);
		walk_from(part, j->rootfd, 0);
	}
	return NULL;
}
/* Move the entries of @part to the end of @w. */
static void walk_join(struct walk *w, struct walk *part)
{
	if (w->n + part->n > w->cap) {
		w->cap = w->n + part->n;
		w->v = xrealloc(w->v, w->cap * sizeof(*w->v));
	}
	if (part->n)
		memcpy(w->v + w->n, part->v, part->n * sizeof(*part->v));
	w->n += part->n;
	w->stamp += part->stamp;
	w->errors += part->errors;
	free(part->v);
}

/*
 * List every directory and regular file below @root, with paths relative
 * to it.  Directories are listed before their contents.
 */
int walk_tree(struct walk *w, const char *root)
{
	struct subtree_job *jobs;
	struct walk *parts;
	size_t first = 0, next = 0, last, i;
	int rootfd, nt, t, depth;

	rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		warnx_("%s: cannot open directory: %s", root, strerror(errno));
		return -1;
	}
	walk_dir(w, rootfd, "");
	for (depth = 1; depth < WALK_SPLIT_DEPTH; depth++) {
		last = w->n;
		for (i = first; i < last; i++)
			if (w->v[i].is_dir)
				walk_dir(w, rootfd, w->v[i].path);
		first = last;
	}
	last = w->n;
	parts = xcalloc(last - first + 1, sizeof(*parts));
	nt = cpu_count(WALK_THREADS);
	jobs = xcalloc(nt, sizeof(*jobs));
	for (t = 0; t < nt; t++)
		jobs[t] = (struct subtree_job){ .top = w, .rootfd = rootfd,
						.next = &next, .first = first,
						.last = last, .parts = parts };
	run_parallel(jobs, sizeof(*jobs), nt, subtree_main);
	for (i = 0; i < last - first; i++)
		walk_join(w, &parts[i]);
	free(jobs);
	free(parts);
	close(rootfd);
	return w->errors ? -1 : 0;
}

void walk_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i].path);
	free(w->v);
	memset(w, 0, sizeof(*w));
}
