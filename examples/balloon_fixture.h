/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit fixture shared by the suites that migrate example balloon pages.
 */
#ifndef _BALLOON_FIXTURE_H
#define _BALLOON_FIXTURE_H

#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/vmstat.h>

#include "balloon_example.h"
#include "migrate_example.h"

#define BALLOON_FIXTURE_CAPACITY 8

/**
 * struct balloon_fixture - one balloon per test case
 * @b: the balloon under test
 * @isolated: pages the test isolated; whatever is left here when the test
 *	ends, even after a failed assertion, is put back
 * @target: allocation policy and counters for migrate_pages()
 */
struct balloon_fixture {
	struct balloon_example b;
	struct list_head isolated;
	struct migrate_example_target target;
};

static inline int balloon_fixture_init(struct kunit *test)
{
	struct balloon_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	INIT_LIST_HEAD(&f->isolated);
	f->target.gfp = GFP_HIGHUSER_MOVABLE;
	f->target.reason = MR_COMPACTION;
	test->priv = f;
	return balloon_example_init(&f->b, BALLOON_FIXTURE_CAPACITY);
}

static inline void balloon_fixture_exit(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;

	if (!list_empty(&f->isolated))
		putback_movable_pages(&f->isolated);
	balloon_example_destroy(&f->b);
}

/* The inflated page in host slot @slot; the test must have inflated it. */
static inline struct page *balloon_fixture_page(struct kunit *test,
						unsigned int slot)
{
	struct balloon_fixture *f = test->priv;
	unsigned long pfn;

	mutex_lock(&f->b.lock);
	pfn = f->b.host_pfns[slot];
	mutex_unlock(&f->b.lock);
	KUNIT_ASSERT_NE_MSG(test, pfn, 0, "host slot %u is empty", slot);
	return pfn_to_page(pfn);
}

/*
 * Is @page on the balloon list (inflated and not isolated)?  The list is
 * protected by a lock private to the balloon core; b->lock only keeps our
 * own inflate and deflate away.  Good enough for tests, where nothing else
 * compacts memory meanwhile; a driver must not walk the list like this.
 */
static inline bool balloon_fixture_listed(struct balloon_fixture *f,
					  struct page *page)
{
	struct page *p;
	bool found = false;

	mutex_lock(&f->b.lock);
	list_for_each_entry(p, &f->b.b_dev_info.pages, lru)
		found |= p == page;
	mutex_unlock(&f->b.lock);
	return found;
}

/* The destination page of the last migration. */
static inline struct page *balloon_fixture_new_page(struct balloon_fixture *f)
{
	return f->target.last ? folio_page(f->target.last, 0) : NULL;
}

/* Current value of a VM event counter, summed over all CPUs. */
static inline unsigned long balloon_fixture_event(struct kunit *test,
						  enum vm_event_item item)
{
	unsigned long *events;

	events = kunit_kcalloc(test, NR_VM_EVENT_ITEMS, sizeof(*events),
			       GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, events);
	all_vm_events(events);
	return events[item];
}

#endif /* _BALLOON_FIXTURE_H */
