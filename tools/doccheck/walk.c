// SPDX-License-Identifier: GPL-2.0
/*
 * Directory walk.  Symbolic links to directories are not followed, so a
 * symlink loop cannot make the walk run forever; a link to a file is
 * listed when it resolves to a regular file.  Directories are walked with
 * an explicit stack, not recursion, so depth costs no C stack.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doccheck.h"

static void add(struct walk *w, const char *path, size_t n, bool dir)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 4096;
		w->v = xrealloc(w->v, w->cap * sizeof(*w->v));
	}
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

static void walk_stamp(struct walk *w, DIR *dir, const char *rel)
{
	struct stat st;

	stamp_add(w, rel, fstat(dirfd(dir), &st) == 0 ? &st : NULL);
}

/* Walk one directory: @rel is its path below @root ("" for the root). */
static void walk_dir(struct walk *w, int rootfd, const char *rel)
{
	struct dirent *de;
	struct buf path = { 0 };
	DIR *dir;
	int fd;

	fd = openat(rootfd, *rel ? rel : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || !(dir = fdopendir(fd))) {
		warnx_("%s: cannot open directory: %s", *rel ? rel : ".",
		       strerror(errno));
		if (fd >= 0)
			close(fd);
		w->errors++;
		return;
	}
	walk_stamp(w, dir, rel);
	while ((de = readdir(dir))) {
		unsigned char type = de->d_type;
		struct stat st;

		if (skip_dir(de->d_name))
			continue;
		path.len = 0;
		if (*rel) {
			buf_addstr(&path, rel);
			buf_addc(&path, '/');
		}
		buf_addstr(&path, de->d_name);
		if (type == DT_UNKNOWN || type == DT_LNK) {
			if (fstatat(rootfd, path.data, &st, 0) < 0) {
				/* dangling link or link loop: not a file */
				continue;
			}
			if (type == DT_LNK && S_ISDIR(st.st_mode))
				continue;
			type = S_ISDIR(st.st_mode) ? DT_DIR :
			       S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
		}
		if (type == DT_DIR) {
			add(w, path.data, path.len, true);
		} else if (type == DT_REG) {
			add(w, path.data, path.len, false);	/* stamped after the walk */
		}
	}
	closedir(dir);
	buf_free(&path);
}

/*
 * The files' part of the stamp, on a few threads: the stat() of every
 * file of a kernel tree (96,000 of them) is most of a cached run's time,
 * and the sum does not care which thread adds what.
 */
#define STAMP_THREADS 4

struct stamp_job {
	pthread_t thread;
	const struct walk *w;
	int rootfd;
	size_t from, to;
	uint64_t sum;
};

static void *stamp_files_main(void *arg)
{
	struct stamp_job *j = arg;
	struct walk part = { 0 };
	struct stat st;
	size_t i;

	for (i = j->from; i < j->to; i++) {
		const struct walk_entry *e = &j->w->v[i];

		if (!e->is_dir)
			stamp_add(&part, e->path,
				  fstatat(j->rootfd, e->path, &st, 0) == 0 ? &st : NULL);
	}
	j->sum = part.stamp;
	return NULL;
}

static void stamp_files(struct walk *w, int rootfd)
{
	struct stamp_job jobs[STAMP_THREADS];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int n = cpus < 1 ? 1 : cpus > STAMP_THREADS ? STAMP_THREADS : (int)cpus, t;
	bool started[STAMP_THREADS] = { false };

	for (t = 0; t < n; t++) {
		jobs[t] = (struct stamp_job){ .w = w, .rootfd = rootfd,
					     .from = w->n * t / n, .to = w->n * (t + 1) / n };
		if (t)
			started[t] = !pthread_create(&jobs[t].thread, NULL,
						     stamp_files_main, &jobs[t]);
	}
	stamp_files_main(&jobs[0]);
	for (t = 1; t < n; t++) {
		if (started[t])
			pthread_join(jobs[t].thread, NULL);
		else
			stamp_files_main(&jobs[t]);
	}
	for (t = 0; t < n; t++)
		w->stamp += jobs[t].sum;
}

/*
 * List every directory and regular file below @root, with paths relative
 * to it.  Directories are listed before their contents.
 */
int walk_tree(struct walk *w, const char *root)
{
	size_t next;
	int rootfd;

	rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		warnx_("%s: cannot open directory: %s", root, strerror(errno));
		return -1;
	}
	walk_dir(w, rootfd, "");
	/* w->v grows while we walk it: the entries are the stack. */
	for (next = 0; next < w->n; next++) {
		if (!w->v[next].is_dir)
			continue;
		walk_dir(w, rootfd, w->v[next].path);
	}
	if (w->stat_files)
		stamp_files(w, rootfd);
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
