// SPDX-License-Identifier: GPL-2.0
/*
 * Example memory balloon driver built on <linux/balloon.h>.
 *
 * Inflating takes pages away from the guest and records them in a simulated
 * host table; deflating gives them back.  With CONFIG_BALLOON_MIGRATION the
 * balloon core marks inflated pages as movable_ops pages, so compaction can
 * move them; the driver's only duty is then its migratepage callback, which
 * must leave the host table pointing at the new page.
 */

#include <linux/balloon.h>
#include <linux/bug.h>
#include <linux/container_of.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "balloon_example.h"

/* Index of the host slot holding @pfn, or -1.  Caller holds b->lock. */
static int balloon_example_host_slot(struct balloon_example *b,
				     unsigned long pfn)
{
	unsigned int i;

	lockdep_assert_held(&b->lock);
	for (i = 0; i < b->capacity; i++)
		if (b->host_pfns[i] == pfn)
			return i;
	return -1;
}

#ifdef CONFIG_BALLOON_MIGRATION
/* [mops-balloon-enoent] */
/*
 * The host took the old frame back but refused the new one: the balloon
 * shrinks by one page.  Returning -ENOENT tells the balloon core to treat
 * the old page as deflated and not to insert the new page into the balloon.
 */
static int balloon_example_host_refuse(struct balloon_example *b, int slot)
{
	b->host_pfns[slot] = 0;
	b->nr_pages--;
	return -ENOENT;
}

/* [/mops-balloon-enoent] */

/* [mops-migrate-page] */
/*
 * Move the driver's own reference from @page to @newpage.  The balloon core
 * does the rest: on success it puts @newpage on the balloon list with a
 * reference of its own and releases @page.
 */
static int balloon_example_host_migrate(struct balloon_example *b,
					struct page *newpage, struct page *page)
{
	int slot = balloon_example_host_slot(b, page_to_pfn(page));

	if (WARN_ON_ONCE(slot < 0))
		return -EINVAL;

	b->migrate_calls++;
	switch (b->host_error) {
	case 0:
		b->host_pfns[slot] = page_to_pfn(newpage);
		return 0;
	case -ENOENT:
		return balloon_example_host_refuse(b, slot);
	default:
		/* -EAGAIN: retried later; anything else: given up at once. */
		return b->host_error;
	}
}

/* [/mops-migrate-page] */

/* [mops-migrate-eagain] */
static int balloon_example_migratepage(struct balloon_dev_info *b_dev_info,
				       struct page *newpage, struct page *page,
				       enum migrate_mode mode)
{
	struct balloon_example *b = container_of(b_dev_info,
						 struct balloon_example,
						 b_dev_info);
	int err;

	/*
	 * Any thread that allocates memory may get here through compaction,
	 * also one that holds b->lock further up its stack.  Waiting for the
	 * lock could deadlock; a busy lock is only a temporary failure, and
	 * -EAGAIN makes migrate_pages() try the page again.
	 */
	if (!mutex_trylock(&b->lock))
		return -EAGAIN;
	err = balloon_example_host_migrate(b, newpage, page);
	mutex_unlock(&b->lock);
	return err;
}

/* [/mops-migrate-eagain] */
#endif

/**
 * balloon_example_init() - set up an empty balloon
 * @b: the balloon
 * @capacity: largest number of pages the balloon may hold
 *
 * Return: 0, or -ENOMEM if the host table cannot be allocated.
 */
int balloon_example_init(struct balloon_example *b, unsigned int capacity)
{
	b->host_pfns = kcalloc(capacity, sizeof(*b->host_pfns), GFP_KERNEL);
	if (!b->host_pfns)
		return -ENOMEM;
	b->capacity = capacity;
	b->nr_pages = 0;
	b->host_error = 0;
	b->migrate_calls = 0;
	mutex_init(&b->lock);
	balloon_devinfo_init(&b->b_dev_info);
#ifdef CONFIG_BALLOON_MIGRATION
	b->b_dev_info.migratepage = balloon_example_migratepage;
#endif
	return 0;
}

/* [mops-balloon-inflate] */
/**
 * balloon_example_inflate() - take pages away from the guest
 * @b: the balloon
 * @nr_pages: number of pages to inflate
 *
 * Pages come from balloon_page_alloc(), which asks for movable memory when
 * balloon migration is enabled.  balloon_page_enqueue() then turns each one
 * into a PageOffline() page, marks it PG_movable_ops and puts it on the
 * balloon list, from where compaction may isolate it at any time.
 *
 * Return: the number of pages inflated; fewer than @nr_pages when memory or
 * host slots run out.
 */
unsigned int balloon_example_inflate(struct balloon_example *b,
				     unsigned int nr_pages)
{
	unsigned int done;

	for (done = 0; done < nr_pages; done++) {
		/* Allocate without b->lock: this may enter compaction. */
		struct page *page = balloon_page_alloc();
		int slot;

		if (!page)
			break;

		mutex_lock(&b->lock);
		slot = balloon_example_host_slot(b, 0);
		if (slot < 0) {
			mutex_unlock(&b->lock);
			__free_page(page);
			break;
		}
		b->host_pfns[slot] = page_to_pfn(page);
		balloon_page_enqueue(&b->b_dev_info, page);
		b->nr_pages++;
		mutex_unlock(&b->lock);
	}
	return done;
}

/* [/mops-balloon-inflate] */

/* [mops-balloon-deflate] */
/**
 * balloon_example_deflate_page() - give one page back to the guest
 * @b: the balloon
 *
 * The page returned is whatever page the balloon list holds now: after a
 * migration that is the new page, never the one first inflated.  The page
 * keeps its PageOffline() type and PG_movable_ops until it is freed; the
 * caller frees it with put_page().
 *
 * Return: the deflated page, or NULL if the balloon is empty or all its
 * pages are isolated for migration at the moment.
 */
struct page *balloon_example_deflate_page(struct balloon_example *b)
{
	struct page *page = NULL;
	int slot;

	mutex_lock(&b->lock);
	/*
	 * balloon_page_dequeue() insists that the caller counts its pages:
	 * with none inflated it reports a lost page.
	 */
	if (b->nr_pages)
		page = balloon_page_dequeue(&b->b_dev_info);
	if (page) {
		slot = balloon_example_host_slot(b, page_to_pfn(page));
		if (!WARN_ON_ONCE(slot < 0))
			b->host_pfns[slot] = 0;
		b->nr_pages--;
	}
	mutex_unlock(&b->lock);
	return page;
}

/* [/mops-balloon-deflate] */

/**
 * balloon_example_deflate() - give pages back to the guest and free them
 * @b: the balloon
 * @nr_pages: number of pages to deflate
 *
 * Return: the number of pages freed.
 */
unsigned int balloon_example_deflate(struct balloon_example *b,
				     unsigned int nr_pages)
{
	unsigned int done;

	for (done = 0; done < nr_pages; done++) {
		struct page *page = balloon_example_deflate_page(b);

		if (!page)
			break;
		put_page(page);
	}
	return done;
}

/**
 * balloon_example_host_has_pfn() - ask the simulated host about a frame
 * @b: the balloon
 * @pfn: page frame number
 *
 * Return: true if the host holds @pfn as part of this balloon.
 */
bool balloon_example_host_has_pfn(struct balloon_example *b,
				  unsigned long pfn)
{
	bool found;

	mutex_lock(&b->lock);
	found = pfn && balloon_example_host_slot(b, pfn) >= 0;
	mutex_unlock(&b->lock);
	return found;
}

/**
 * balloon_example_destroy() - deflate everything and free the host table
 * @b: the balloon, with no page isolated for migration
 */
void balloon_example_destroy(struct balloon_example *b)
{
	balloon_example_deflate(b, b->nr_pages);
	WARN_ON(b->nr_pages);
	kfree(b->host_pfns);
	b->host_pfns = NULL;
	mutex_destroy(&b->lock);
}
