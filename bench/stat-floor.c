// SPDX-License-Identifier: GPL-2.0
/*
 * stat-floor TREE THREADS: the least a check of a cached index costs when
 * the cache must be proved current: every directory of TREE read and
 * every regular file's time and size taken (fstatat through its
 * directory, one name looked up each), the top-level subtrees shared out
 * to THREADS threads.  doccheck --cache does this and more (it also
 * hashes the paths and keeps the list).  It prints the counts so that the
 * work cannot be optimised away.  A benchmark program, not part of
 * doccheck.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_TOP 256
#define MAX_THREADS 16

struct job {
	int rootfd;
	char **top;
	int ntop;
	int *next;		/* the next top-level directory to take */
	long files, dirs;
	uint64_t sum;
};

static void walk(struct job *j, int fd)
{
	DIR *dir = fdopendir(fd);
	struct dirent *de;
	struct stat st;

	if (!dir) {
		close(fd);
		return;
	}
	j->dirs++;
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
		    !strcmp(de->d_name, ".git"))
			continue;
		if (de->d_type == DT_DIR) {
			int sub = openat(dirfd(dir), de->d_name,
					 O_RDONLY | O_DIRECTORY | O_CLOEXEC);

			if (sub >= 0)
				walk(j, sub);
		} else if (de->d_type == DT_REG &&
			   fstatat(dirfd(dir), de->d_name, &st, 0) == 0) {
			j->sum += (uint64_t)st.st_mtim.tv_nsec ^ (uint64_t)st.st_size;
			j->files++;
		}
	}
	closedir(dir);
}

static void *run(void *arg)
{
	struct job *j = arg;
	int i;

	while ((i = __atomic_fetch_add(j->next, 1, __ATOMIC_RELAXED)) < j->ntop) {
		int fd = openat(j->rootfd, j->top[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (fd >= 0)
			walk(j, fd);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct job jobs[MAX_THREADS] = { 0 };
	pthread_t thread[MAX_THREADS];
	char *top[MAX_TOP];
	int ntop = 0, next = 0, nt, t;
	long files = 0, dirs = 1;
	uint64_t sum = 0;
	struct dirent *de;
	DIR *root;

	nt = argc == 3 ? atoi(argv[2]) : 0;
	if (nt < 1 || nt > MAX_THREADS) {
		fprintf(stderr, "usage: %s TREE THREADS (1-%d)\n", argv[0], MAX_THREADS);
		return 2;
	}
	root = opendir(argv[1]);
	if (!root) {
		perror(argv[1]);
		return 2;
	}
	while ((de = readdir(root)) && ntop < MAX_TOP)
		if (de->d_type == DT_DIR && de->d_name[0] != '.')
			top[ntop++] = strdup(de->d_name);
	/* the largest subtree first, so that no thread starts it last */
	for (t = 1; t < ntop; t++)
		if (!strcmp(top[t], "drivers")) {
			char *d = top[t];

			top[t] = top[0];
			top[0] = d;
		}
	for (t = 0; t < nt; t++) {
		jobs[t] = (struct job){ .rootfd = dirfd(root), .top = top,
					.ntop = ntop, .next = &next };
		if (pthread_create(&thread[t], NULL, run, &jobs[t]))
			return 1;
	}
	for (t = 0; t < nt; t++) {
		pthread_join(thread[t], NULL);
		files += jobs[t].files;
		dirs += jobs[t].dirs;
		sum ^= jobs[t].sum;
	}
	printf("%ld directories, %ld files (below the top level), %016llx\n",
	       dirs, files, (unsigned long long)sum);
	closedir(root);
	return 0;
}
