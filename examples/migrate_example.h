/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Example in-kernel caller of migrate_pages() for movable_ops pages.
 */
#ifndef _MIGRATE_EXAMPLE_H
#define _MIGRATE_EXAMPLE_H

#include <linux/gfp_types.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/mm_types.h>

/**
 * struct migrate_example_target - how to allocate migration targets
 * @gfp: allocation flags for the destination folios
 * @reason: reason reported to tracing and page_owner
 * @fail_alloc: make every allocation fail, as under memory pressure
 * @allocated: number of destination folios allocated so far
 * @freed: number of unused destination folios handed back so far
 * @last: the destination folio allocated last, for the tests to follow
 */
struct migrate_example_target {
	gfp_t gfp;
	enum migrate_reason reason;
	bool fail_alloc;
	unsigned int allocated;
	unsigned int freed;
	struct folio *last;
};

int migrate_example_isolate(struct page *page, struct list_head *pages);
int migrate_example_migrate(struct list_head *pages,
			    struct migrate_example_target *target,
			    enum migrate_mode mode, unsigned int *nr_succeeded);
int migrate_example_move(struct list_head *pages,
			 struct migrate_example_target *target,
			 enum migrate_mode mode);

#endif /* _MIGRATE_EXAMPLE_H */
