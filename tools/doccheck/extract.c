// SPDX-License-Identifier: GPL-2.0
/*
 * Read the documents and extract their references, on several threads:
 * each document is read and extracted by one thread, into its own
 * struct doc.  The errors are printed afterwards, in the documents'
 * order, so the output does not depend on the threads.
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

struct xjob {
	struct doc *docs;
	size_t n;
	size_t *next;		/* atomic */
	char **errors;		/* by document */
};

static void *extract_main(void *arg)
{
	struct xjob *j = arg;
	struct buf text = { 0 };
	char err[256];

	for (;;) {
		size_t i = __atomic_fetch_add(j->next, 1, __ATOMIC_RELAXED);
		struct doc *d;

		if (i >= j->n)
			break;
		d = &j->docs[i];
		if (read_file(d->path, &text, err, sizeof(err)) < 0) {
			d->io_error = true;
			j->errors[i] = xstrdup(err);
			continue;
		}
		rst_extract(d, text.data, text.len);
	}
	buf_free(&text);
	return NULL;
}

int extract_docs(struct doc *docs, size_t n, int jobs)
{
	size_t next = 0, i;
	struct xjob *j;
	char **errors;
	int nt, t, failed = 0;

	nt = jobs > 0 ? jobs : cpu_count(64);
	if ((size_t)nt > n / 8 + 1)
		nt = n / 8 + 1;	/* a few documents: no threads */
	j = xcalloc(nt, sizeof(*j));
	errors = xcalloc(n ? n : 1, sizeof(*errors));
	for (t = 0; t < nt; t++)
		j[t] = (struct xjob){ .docs = docs, .n = n, .next = &next,
				      .errors = errors };
	run_parallel(j, sizeof(*j), nt, extract_main);
	for (i = 0; i < n; i++) {
		if (!errors[i])
			continue;
		fprintf(stderr, "%s: error: %s\n", docs[i].path, errors[i]);
		free(errors[i]);
		failed++;
	}
	free(errors);
	free(j);
	return failed;
}
