/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Example memory balloon driver built on <linux/balloon.h>.
 *
 * The "host" of this balloon is simulated by a table of page frame numbers:
 * every inflated page has one slot that names the frame the guest gave up.
 * A real driver would send the same information to its hypervisor.
 */
#ifndef _BALLOON_EXAMPLE_H
#define _BALLOON_EXAMPLE_H

#include <linux/balloon.h>
#include <linux/mutex.h>
#include <linux/types.h>

/**
 * struct balloon_example - state of one example balloon
 * @b_dev_info: the balloon core's view of this balloon; holds the list of
 *	inflated pages that are not isolated for migration
 * @lock: serialises inflation, deflation and migration against each other
 *	and protects the fields below
 * @host_pfns: the simulated host table, one slot per inflatable page; a
 *	slot holds the frame number handed to the host, or 0 when free
 * @capacity: number of slots in @host_pfns
 * @nr_pages: number of pages currently inflated
 * @host_error: error the simulated host answers to migration requests
 *	(0 to accept them); lets the tests exercise every return value of
 *	the migratepage callback
 * @migrate_calls: number of times the balloon core called our migratepage
 *	callback
 */
struct balloon_example {
	struct balloon_dev_info b_dev_info;
	struct mutex lock;		/* protects the fields below */
	unsigned long *host_pfns;
	unsigned int capacity;
	unsigned int nr_pages;
	int host_error;
	unsigned int migrate_calls;
};

int balloon_example_init(struct balloon_example *b, unsigned int capacity);
void balloon_example_destroy(struct balloon_example *b);
unsigned int balloon_example_inflate(struct balloon_example *b,
				     unsigned int nr_pages);
struct page *balloon_example_deflate_page(struct balloon_example *b);
unsigned int balloon_example_deflate(struct balloon_example *b,
				     unsigned int nr_pages);
bool balloon_example_host_has_pfn(struct balloon_example *b,
				  unsigned long pfn);

#endif /* _BALLOON_EXAMPLE_H */
