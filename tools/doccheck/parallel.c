// SPDX-License-Identifier: GPL-2.0
/*
 * Work on several threads: the one spawn-and-join loop of doccheck.  The
 * caller's thread runs the first job, so one job costs no thread, and a
 * thread that cannot be created leaves its job to the caller, so the
 * result never depends on how many threads the system gave us.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "doccheck.h"

int cpu_count(int limit)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (cpus < 1)
		return 1;
	return cpus > limit ? limit : (int)cpus;
}

void run_parallel(void *jobs, size_t size, int n, void *(*fn)(void *))
{
	pthread_t *thread;
	bool *started;
	char *job = jobs;
	int t;

	if (n <= 0)
		return;
	thread = xcalloc(n, sizeof(*thread));
	started = xcalloc(n, sizeof(*started));
	for (t = 1; t < n; t++)
		started[t] = !pthread_create(&thread[t], NULL, fn, job + t * size);
	fn(job);
	for (t = 1; t < n; t++) {
		if (started[t])
			pthread_join(thread[t], NULL);
		else
			fn(job + t * size);
	}
	free(started);
	free(thread);
}
