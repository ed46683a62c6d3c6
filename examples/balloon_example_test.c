// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests: the movable_ops rules, checked on pages of the example
 * balloon driver with real isolation and migration.
 *
 * Every case is named after the rule of Documentation/mm/page_migration.rst
 * it checks; a "__variant" suffix tells several cases of one rule apart.
 */

#include <kunit/test.h>
#include <linux/balloon.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/vmstat.h>

#include "balloon_example.h"
#include "balloon_fixture.h"
#include "migrate_example.h"
#include "race_fixture.h"

/* [mops-page-type] */
static void mops_page_type(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *plain, *page;

	/*
	 * PG_movable_ops shares its bit with PG_uptodate: the flag alone
	 * means nothing without a page type that has movable_ops.
	 */
	plain = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	SetPageUptodate(plain);
	KUNIT_EXPECT_TRUE(test, PageMovableOps(plain));
	KUNIT_EXPECT_FALSE(test, page_has_movable_ops(plain));
	ClearPageUptodate(plain);
	__free_page(plain);

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 1), 1);
	page = balloon_fixture_page(test, 0);
	KUNIT_EXPECT_TRUE(test, PageOffline(page));
	KUNIT_EXPECT_TRUE(test, PageMovableOps(page));
	KUNIT_EXPECT_TRUE(test, page_has_movable_ops(page));
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
}

/* [/mops-page-type] */

/* [mops-sticky-type] */
static void mops_sticky_type(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *page;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 1), 1);
	page = balloon_example_deflate_page(&f->b);
	KUNIT_ASSERT_NOT_NULL(test, page);

	/* Deflated but not yet freed: type and flag stay... */
	KUNIT_EXPECT_TRUE(test, PageOffline(page));
	KUNIT_EXPECT_TRUE(test, PageMovableOps(page));
	KUNIT_EXPECT_TRUE(test, page_has_movable_ops(page));
	/* ...but the owner no longer lets the page be isolated. */
	KUNIT_EXPECT_EQ(test, page_private(page), 0UL);
	KUNIT_EXPECT_EQ(test, migrate_example_isolate(page, &f->isolated),
			-EBUSY);
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
	put_page(page);
}

/* [/mops-sticky-type] */

static void mops_isolate(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *page, *other;
	int refs;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 2), 2);
	page = balloon_fixture_page(test, 0);
	refs = page_ref_count(page);

	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), refs + 1);
	KUNIT_EXPECT_EQ(test, f->b.b_dev_info.isolated_pages, 1UL);
	KUNIT_EXPECT_FALSE(test, balloon_fixture_listed(f, page));
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&f->isolated, struct page,
						   lru), page);

	/* Only the page left on the balloon list can be deflated. */
	other = balloon_example_deflate_page(&f->b);
	KUNIT_EXPECT_PTR_NE(test, other, page);
	if (other && other != page)
		put_page(other);
	KUNIT_EXPECT_NULL(test, balloon_example_deflate_page(&f->b));
}

static void mops_isolate__not_movable(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *plain = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_EXPECT_EQ(test, migrate_example_isolate(plain, &f->isolated),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, page_ref_count(plain), 1);
	__free_page(plain);
}

/* [mops-isolated-flag] */
static void mops_isolated_flag(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *page;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 1), 1);
	page = balloon_fixture_page(test, 0);
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));

	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	KUNIT_EXPECT_TRUE(test, PageMovableOpsIsolated(page));

	/* A second isolation fails and leaves no reference behind. */
	KUNIT_EXPECT_FALSE(test, isolate_movable_ops_page(page,
							  ISOLATE_UNEVICTABLE));
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 2);

	putback_movable_pages(&f->isolated);
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
}

/* [/mops-isolated-flag] */

/* [mops-putback] */
static void mops_putback(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *page;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 1), 1);
	page = balloon_fixture_page(test, 0);
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);

	putback_movable_pages(&f->isolated);
	KUNIT_EXPECT_TRUE(test, list_empty(&f->isolated));
	KUNIT_EXPECT_TRUE(test, balloon_fixture_listed(f, page));
	KUNIT_EXPECT_EQ(test, f->b.b_dev_info.isolated_pages, 0UL);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
	KUNIT_EXPECT_PTR_EQ(test, balloon_example_deflate_page(&f->b), page);
	put_page(page);
}

/* [/mops-putback] */

static void mops_migrate_page(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	unsigned long old_pfn;
	unsigned int succeeded = 0;
	struct page *page, *newpage;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 1), 1);
	page = balloon_fixture_page(test, 0);
	old_pfn = page_to_pfn(page);
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);

	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      MIGRATE_SYNC,
						      &succeeded), 0);
	KUNIT_EXPECT_EQ(test, succeeded, 1);
	KUNIT_EXPECT_TRUE(test, list_empty(&f->isolated));
	KUNIT_EXPECT_EQ(test, f->b.migrate_calls, 1);
	KUNIT_EXPECT_EQ(test, f->b.nr_pages, 1);

	/* The driver's reference now names the new page, and only it. */
	newpage = balloon_fixture_new_page(f);
	KUNIT_ASSERT_NOT_NULL(test, newpage);
	KUNIT_EXPECT_TRUE(test, balloon_example_host_has_pfn(&f->b,
							     page_to_pfn(newpage)));
	KUNIT_EXPECT_FALSE(test, balloon_example_host_has_pfn(&f->b, old_pfn));

	/* The new page is a balloon page in its own right. */
	KUNIT_EXPECT_TRUE(test, page_has_movable_ops(newpage));
	KUNIT_EXPECT_TRUE(test, PageOffline(newpage));
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(newpage));
	KUNIT_EXPECT_TRUE(test, balloon_fixture_listed(f, newpage));
	KUNIT_EXPECT_EQ(test, page_ref_count(newpage), 1);
	KUNIT_EXPECT_EQ(test, f->b.b_dev_info.isolated_pages, 0UL);
}

/*
 * Migrate one page whose owner keeps answering @error; return the number of
 * migrate_page() calls.  The page stays isolated on f->isolated.
 */
static unsigned int balloon_test_refused(struct kunit *test, int error,
					 enum migrate_mode mode)
{
	struct balloon_fixture *f = test->priv;
	unsigned int succeeded = 1;
	struct page *page;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 1), 1);
	page = balloon_fixture_page(test, 0);
	f->b.host_error = error;
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);

	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      mode, &succeeded), 1);
	KUNIT_EXPECT_EQ(test, succeeded, 0);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&f->isolated));
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&f->isolated, struct page,
						   lru), page);
	KUNIT_EXPECT_TRUE(test, PageMovableOpsIsolated(page));
	KUNIT_EXPECT_TRUE(test, balloon_example_host_has_pfn(&f->b,
							     page_to_pfn(page)));

	/* The caller puts the page back; the balloon has it again. */
	putback_movable_pages(&f->isolated);
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
	KUNIT_EXPECT_TRUE(test, balloon_fixture_listed(f, page));
	return f->b.migrate_calls;
}

/*
 * -EAGAIN is a temporary failure: migrate_pages() calls migrate_page()
 * again, ten times in all (NR_MAX_MIGRATE_PAGES_RETRY), then gives up.
 * In the synchronous modes the ten are three asynchronous tries of a
 * batch and seven synchronous ones of the single page.
 */
static void mops_migrate_eagain__async(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, balloon_test_refused(test, -EAGAIN,
						   MIGRATE_ASYNC), 10);
}

static void mops_migrate_eagain__sync(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, balloon_test_refused(test, -EAGAIN,
						   MIGRATE_SYNC), 10);
}

/*
 * The race of compaction with the driver.  Thread 0 inflates and deflates;
 * thread 1 does what compaction does to the pages the host table names:
 * isolate (the page may have been deflated and freed meanwhile, which
 * isolation detects), migrate, put back what did not move.  The driver's
 * migratepage callback only tries b->lock, which thread 0 keeps taking, so
 * some migrations meet a busy lock and are retried or put back.
 */
#define BALLOON_RACE_ROUNDS 2000

struct balloon_race {
	struct balloon_fixture *f;
	unsigned int rounds;
	unsigned int isolated;
	unsigned int moved;
	unsigned int put_back;
};

static void balloon_race_driver(struct balloon_race *r, struct race *race)
{
	struct balloon_example *b = &r->f->b;

	for (; r->rounds < BALLOON_RACE_ROUNDS && !race_stopped(race);
	     r->rounds++) {
		balloon_example_inflate(b, 1 + r->rounds % 4);
		balloon_example_deflate(b, r->rounds * 7 % 5);
		/* On one CPU, nothing else runs unless this thread sleeps. */
		if (r->rounds % 8 == 7)
			usleep_range(20, 50);
	}
}

static void balloon_race_compactor(struct balloon_race *r, struct race *race)
{
	struct balloon_fixture *f = r->f;
	unsigned int slot = 0, succeeded;
	LIST_HEAD(pages);

	while (!race_stopped(race)) {
		enum migrate_mode mode;
		unsigned long pfn;

		mutex_lock(&f->b.lock);
		pfn = f->b.host_pfns[slot];
		mutex_unlock(&f->b.lock);
		slot = (slot + 1) % BALLOON_FIXTURE_CAPACITY;
		if (!pfn || migrate_example_isolate(pfn_to_page(pfn), &pages)) {
			cond_resched();
			continue;
		}
		mode = r->isolated++ % 2 ? MIGRATE_SYNC : MIGRATE_ASYNC;
		succeeded = 0;
		migrate_example_migrate(&pages, &f->target, mode, &succeeded);
		r->moved += succeeded;
		if (!list_empty(&pages)) {
			r->put_back++;
			putback_movable_pages(&pages);
		}
	}
}

static void balloon_race_thread(struct race *race, unsigned int id)
{
	if (id == 0)
		balloon_race_driver(race->data, race);
	else
		balloon_race_compactor(race->data, race);
}

/* Every slot of the host table names a page that the balloon holds. */
static void balloon_race_check(struct kunit *test, struct balloon_fixture *f)
{
	unsigned int slot, named = 0, listed = 0;
	struct page *page;

	mutex_lock(&f->b.lock);
	for (slot = 0; slot < BALLOON_FIXTURE_CAPACITY; slot++) {
		unsigned long pfn = f->b.host_pfns[slot];
		bool found = false;

		if (!pfn)
			continue;
		named++;
		list_for_each_entry(page, &f->b.b_dev_info.pages, lru)
			found |= page_to_pfn(page) == pfn;
		KUNIT_EXPECT_TRUE_MSG(test, found,
				      "host slot %u names pfn %#lx, not on the balloon list",
				      slot, pfn);
		page = pfn_to_page(pfn);
		KUNIT_EXPECT_TRUE(test, PageOffline(page));
		KUNIT_EXPECT_TRUE(test, page_has_movable_ops(page));
		KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
		KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	}
	list_for_each_entry(page, &f->b.b_dev_info.pages, lru)
		listed++;
	KUNIT_EXPECT_EQ(test, named, f->b.nr_pages);
	KUNIT_EXPECT_EQ(test, listed, f->b.nr_pages);
	KUNIT_EXPECT_EQ(test, f->b.b_dev_info.isolated_pages, 0UL);
	mutex_unlock(&f->b.lock);
}

static void mops_migrate_eagain__concurrent(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	unsigned long inflated = balloon_fixture_event(test, BALLOON_INFLATE);
	unsigned long deflated = balloon_fixture_event(test, BALLOON_DEFLATE);
	unsigned long migrated = balloon_fixture_event(test, BALLOON_MIGRATE);
	struct balloon_race *r;
	struct race *race;

	r = kzalloc_obj(*r);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->f = f;
	race = race_alloc(test, r, 2);
	race->fn[0] = balloon_race_thread;
	race->fn[1] = balloon_race_thread;
	if (!race_run(test, race))
		return;		/* r stays allocated: a thread may use it */

	kunit_info(test, "%u rounds, %u isolated, %u migrated, %u put back\n",
		   r->rounds, r->isolated, r->moved, r->put_back);
	KUNIT_EXPECT_GT(test, r->rounds, 0);
	KUNIT_EXPECT_GT(test, r->moved, 0);
	balloon_race_check(test, f);

	/* Each page the balloon took in is deflated or still inflated... */
	KUNIT_EXPECT_EQ(test, balloon_fixture_event(test, BALLOON_INFLATE) -
			inflated,
			balloon_fixture_event(test, BALLOON_DEFLATE) - deflated +
			f->b.nr_pages);
	/* ...and each destination page was either used or handed back. */
	KUNIT_EXPECT_EQ(test, balloon_fixture_event(test, BALLOON_MIGRATE) -
			migrated, r->moved);
	KUNIT_EXPECT_EQ(test, f->target.allocated,
			r->moved + f->target.freed);
	kfree(r);
}

/* [mops-migrate-error] */
/*
 * Any other error is permanent: no retry within the pass.  In the
 * synchronous modes the asynchronous batch tries first, then the page gets
 * one synchronous try of its own, so migrate_page() sees the page twice.
 */
static void mops_migrate_error__async(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, balloon_test_refused(test, -EBUSY,
						   MIGRATE_ASYNC), 1);
}

static void mops_migrate_error__sync(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, balloon_test_refused(test, -EBUSY,
						   MIGRATE_SYNC), 2);
}

/* [/mops-migrate-error] */

static void mops_balloon_inflate(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	unsigned long inflated = balloon_fixture_event(test, BALLOON_INFLATE);
	unsigned int i;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 3), 3);
	KUNIT_EXPECT_EQ(test, f->b.nr_pages, 3);
	KUNIT_EXPECT_EQ(test, balloon_fixture_event(test, BALLOON_INFLATE),
			inflated + 3);
	for (i = 0; i < 3; i++) {
		struct page *page = balloon_fixture_page(test, i);

		KUNIT_EXPECT_TRUE(test, page_has_movable_ops(page));
		KUNIT_EXPECT_TRUE(test, PageOffline(page));
		KUNIT_EXPECT_EQ(test, page_private(page),
				(unsigned long)&f->b.b_dev_info);
		KUNIT_EXPECT_TRUE(test, balloon_fixture_listed(f, page));
	}

	/* The host table has room for BALLOON_FIXTURE_CAPACITY pages. */
	KUNIT_EXPECT_EQ(test, balloon_example_inflate(&f->b, 100),
			BALLOON_FIXTURE_CAPACITY - 3);
}

static void mops_balloon_enoent(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	unsigned long deflated = balloon_fixture_event(test, BALLOON_DEFLATE);
	unsigned long migrated = balloon_fixture_event(test, BALLOON_MIGRATE);
	unsigned int succeeded = 0;
	struct page *page, *other;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 2), 2);
	page = balloon_fixture_page(test, 0);
	other = balloon_fixture_page(test, 1);
	f->b.host_error = -ENOENT;
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);

	/* For migrate_pages() this is a success... */
	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      MIGRATE_SYNC,
						      &succeeded), 0);
	KUNIT_EXPECT_EQ(test, succeeded, 1);
	KUNIT_EXPECT_TRUE(test, list_empty(&f->isolated));

	/* ...for the balloon, one page less and no new page. */
	KUNIT_EXPECT_EQ(test, f->b.nr_pages, 1);
	KUNIT_EXPECT_EQ(test, f->b.b_dev_info.isolated_pages, 0UL);
	KUNIT_EXPECT_EQ(test, balloon_fixture_event(test, BALLOON_DEFLATE),
			deflated + 1);
	KUNIT_EXPECT_EQ(test, balloon_fixture_event(test, BALLOON_MIGRATE),
			migrated);
	KUNIT_EXPECT_PTR_EQ(test, balloon_example_deflate_page(&f->b), other);
	put_page(other);
	KUNIT_EXPECT_NULL(test, balloon_example_deflate_page(&f->b));
}

static void mops_balloon_deflate(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *page, *newpage, *deflated;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, 1), 1);
	page = balloon_fixture_page(test, 0);
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	KUNIT_ASSERT_EQ(test, migrate_example_move(&f->isolated, &f->target,
						   MIGRATE_SYNC), 0);
	newpage = balloon_fixture_new_page(f);
	KUNIT_ASSERT_NOT_NULL(test, newpage);
	KUNIT_ASSERT_PTR_NE(test, newpage, page);

	deflated = balloon_example_deflate_page(&f->b);
	KUNIT_EXPECT_PTR_EQ(test, deflated, newpage);
	KUNIT_EXPECT_FALSE(test, balloon_example_host_has_pfn(&f->b,
							      page_to_pfn(newpage)));
	KUNIT_EXPECT_EQ(test, f->b.nr_pages, 0);
	if (deflated)
		put_page(deflated);
}

static struct kunit_case movable_ops_balloon_example_cases[] = {
	KUNIT_CASE(mops_page_type),
	KUNIT_CASE(mops_sticky_type),
	KUNIT_CASE(mops_isolate),
	KUNIT_CASE(mops_isolate__not_movable),
	KUNIT_CASE(mops_isolated_flag),
	KUNIT_CASE(mops_putback),
	KUNIT_CASE(mops_migrate_page),
	KUNIT_CASE(mops_migrate_eagain__async),
	KUNIT_CASE(mops_migrate_eagain__sync),
	KUNIT_CASE_SLOW(mops_migrate_eagain__concurrent),
	KUNIT_CASE(mops_migrate_error__async),
	KUNIT_CASE(mops_migrate_error__sync),
	KUNIT_CASE(mops_balloon_inflate),
	KUNIT_CASE(mops_balloon_enoent),
	KUNIT_CASE(mops_balloon_deflate),
	{}
};

static struct kunit_suite movable_ops_balloon_example_test = {
	.name = "movable_ops_balloon_example_test",
	.init = balloon_fixture_init,
	.exit = balloon_fixture_exit,
	.test_cases = movable_ops_balloon_example_cases,
};

kunit_test_suite(movable_ops_balloon_example_test);

MODULE_DESCRIPTION("KUnit tests of the movable_ops rules on balloon pages");
MODULE_LICENSE("GPL");
