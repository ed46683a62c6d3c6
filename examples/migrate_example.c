// SPDX-License-Identifier: GPL-2.0
/*
 * Example in-kernel caller of migrate_pages() for movable_ops pages: isolate
 * the pages, supply destination folios, migrate, and put back what could
 * not be moved.
 */

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mmzone.h>

#include "migrate_example.h"

/* [mig-new-folio] */
/*
 * new_folio_t: called once for each source folio that migrate_pages() is
 * about to move.  Returning NULL makes migrate_pages() stop and return
 * -ENOMEM.
 */
static struct folio *migrate_example_new_folio(struct folio *src,
					       unsigned long private)
{
	struct migrate_example_target *target = (void *)private;
	struct folio *dst;

	if (target->fail_alloc)
		return NULL;
	dst = folio_alloc(target->gfp, folio_order(src));
	if (dst) {
		target->allocated++;
		target->last = dst;
	}
	return dst;
}

/* [/mig-new-folio] */

/* [mig-free-folio] */
/*
 * free_folio_t: gets back a destination folio that migration did not use.
 * Without it, migrate_pages() simply drops its reference with folio_put().
 */
static void migrate_example_free_folio(struct folio *dst,
				       unsigned long private)
{
	struct migrate_example_target *target = (void *)private;

	target->freed++;
	folio_put(dst);
}

/* [/mig-free-folio] */

/* [mops-isolate] */
/**
 * migrate_example_isolate() - isolate one movable_ops page for migration
 * @page: a page that may have movable_ops
 * @pages: list to put the isolated page on
 *
 * isolate_movable_ops_page() takes a reference on the page, calls the
 * owner's isolate_page() callback with the page locked and, when that
 * agrees, sets PG_movable_ops_isolated.  From then on page->lru belongs to
 * us until the page is migrated or put back.
 *
 * Return: 0, or -EBUSY if the page is not a movable_ops page, is isolated
 * already, or its owner refused.
 */
int migrate_example_isolate(struct page *page, struct list_head *pages)
{
	if (!isolate_movable_ops_page(page, ISOLATE_UNEVICTABLE))
		return -EBUSY;
	list_add_tail(&page->lru, pages);
	return 0;
}

/* [/mops-isolate] */

/**
 * migrate_example_migrate() - migrate isolated pages, keep the failures
 * @pages: list of isolated pages
 * @target: allocation policy and counters
 * @mode: MIGRATE_ASYNC, MIGRATE_SYNC_LIGHT or MIGRATE_SYNC
 * @nr_succeeded: if not NULL, set to the number of pages migrated
 *
 * Pages that could not be migrated stay isolated on @pages; the caller
 * must put them back.
 *
 * Return: the number of pages not migrated, or a negative error code.
 */
int migrate_example_migrate(struct list_head *pages,
			    struct migrate_example_target *target,
			    enum migrate_mode mode, unsigned int *nr_succeeded)
{
	return migrate_pages(pages, migrate_example_new_folio,
			     migrate_example_free_folio,
			     (unsigned long)target, mode, target->reason,
			     nr_succeeded);
}

/* [mig-putback-on-failure] */
/**
 * migrate_example_move() - migrate isolated pages, put back the failures
 * @pages: list of isolated pages; empty on return
 * @target: allocation policy and counters
 * @mode: migration mode
 *
 * Return: the number of pages not migrated, or a negative error code.
 */
int migrate_example_move(struct list_head *pages,
			 struct migrate_example_target *target,
			 enum migrate_mode mode)
{
	int ret = migrate_example_migrate(pages, target, mode, NULL);

	/*
	 * Whatever migrate_pages() did not move is still isolated on the
	 * list, whether it returned a count or an error: hand it back to
	 * its owners, or it stays isolated for good.
	 */
	if (ret)
		putback_movable_pages(pages);
	return ret;
}

/* [/mig-putback-on-failure] */
