// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests: what a caller of migrate_pages() can rely on, checked with
 * the example migrate_pages() caller on example balloon pages.
 *
 * Every case is named after the rule of Documentation/mm/page_migration.rst
 * it checks; a "__variant" suffix tells several cases of one rule apart.
 */

#include <kunit/test.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/vmstat.h>

#include "balloon_example.h"
#include "balloon_fixture.h"
#include "migrate_example.h"

/* Inflate and isolate @nr pages. */
static void migrate_test_isolate(struct kunit *test, unsigned int nr)
{
	struct balloon_fixture *f = test->priv;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, balloon_example_inflate(&f->b, nr), nr);
	for (i = 0; i < nr; i++)
		KUNIT_ASSERT_EQ(test,
				migrate_example_isolate(balloon_fixture_page(test, i),
							&f->isolated), 0);
}

static void mig_new_folio(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;

	migrate_test_isolate(test, 1);
	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      MIGRATE_SYNC, NULL), 0);
	KUNIT_EXPECT_EQ(test, f->target.allocated, 1);
	KUNIT_EXPECT_EQ(test, f->target.freed, 0);
	KUNIT_ASSERT_NOT_NULL(test, f->target.last);
	KUNIT_EXPECT_TRUE(test, balloon_example_host_has_pfn(&f->b,
							     folio_pfn(f->target.last)));
}

static void mig_new_folio__enomem(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *page;

	migrate_test_isolate(test, 1);
	page = balloon_fixture_page(test, 0);
	f->target.fail_alloc = true;

	/* No destination: migrate_pages() stops at once with -ENOMEM... */
	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      MIGRATE_SYNC, NULL),
			-ENOMEM);
	/* ...before calling the owner, and leaves the page isolated. */
	KUNIT_EXPECT_EQ(test, f->b.migrate_calls, 0);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&f->isolated));
	KUNIT_EXPECT_TRUE(test, PageMovableOpsIsolated(page));
}

/* Fail one page with @error; expect @rounds destinations, all unused. */
static void migrate_test_free_folio(struct kunit *test, int error,
				    enum migrate_mode mode, unsigned int rounds)
{
	struct balloon_fixture *f = test->priv;

	migrate_test_isolate(test, 1);
	f->b.host_error = error;
	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      mode, NULL), 1);
	KUNIT_EXPECT_EQ(test, f->target.allocated, rounds);
	KUNIT_EXPECT_EQ(test, f->target.freed, rounds);
}

static void mig_free_folio__async(struct kunit *test)
{
	migrate_test_free_folio(test, -EBUSY, MIGRATE_ASYNC, 1);
}

/* Retries within a round reuse the destination: ten tries, one folio. */
static void mig_free_folio__eagain(struct kunit *test)
{
	migrate_test_free_folio(test, -EAGAIN, MIGRATE_ASYNC, 1);
}

static void mig_free_folio__sync(struct kunit *test)
{
	migrate_test_free_folio(test, -EBUSY, MIGRATE_SYNC, 2);
}

static void mig_putback_on_failure(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	struct page *page;

	migrate_test_isolate(test, 1);
	page = balloon_fixture_page(test, 0);
	f->b.host_error = -EBUSY;

	KUNIT_EXPECT_EQ(test, migrate_example_move(&f->isolated, &f->target,
						   MIGRATE_SYNC), 1);
	KUNIT_EXPECT_TRUE(test, list_empty(&f->isolated));
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
	KUNIT_EXPECT_TRUE(test, balloon_fixture_listed(f, page));
	KUNIT_EXPECT_EQ(test, f->b.b_dev_info.isolated_pages, 0UL);
}

/* [mig-return-value] */
static void mig_return_value(struct kunit *test)
{
	struct balloon_fixture *f = test->priv;
	unsigned int succeeded = 0;

	/* All three move: 0 not migrated, three succeeded. */
	migrate_test_isolate(test, 3);
	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      MIGRATE_ASYNC,
						      &succeeded), 0);
	KUNIT_EXPECT_EQ(test, succeeded, 3);

	/* All three refuse: 3 not migrated, none succeeded. */
	f->b.host_error = -EBUSY;
	KUNIT_ASSERT_EQ(test, balloon_example_deflate(&f->b, 3), 3);
	migrate_test_isolate(test, 3);
	KUNIT_EXPECT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      MIGRATE_ASYNC,
						      &succeeded), 3);
	KUNIT_EXPECT_EQ(test, succeeded, 0);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&f->isolated), 3);
}

/* [/mig-return-value] */

/* [mig-vm-events] */
/*
 * Migrate one page whose owner answers @error in @mode; return how much
 * PGMIGRATE_SUCCESS and PGMIGRATE_FAIL moved.
 */
static void migrate_test_events(struct kunit *test, int error,
				enum migrate_mode mode,
				unsigned long *success, unsigned long *fail)
{
	struct balloon_fixture *f = test->priv;
	unsigned long s0, f0;

	migrate_test_isolate(test, 1);
	f->b.host_error = error;
	s0 = balloon_fixture_event(test, PGMIGRATE_SUCCESS);
	f0 = balloon_fixture_event(test, PGMIGRATE_FAIL);
	migrate_example_move(&f->isolated, &f->target, mode);
	*success = balloon_fixture_event(test, PGMIGRATE_SUCCESS) - s0;
	*fail = balloon_fixture_event(test, PGMIGRATE_FAIL) - f0;
}

/* [/mig-vm-events] */

static void mig_vm_events(struct kunit *test)
{
	unsigned long success, fail;

	migrate_test_events(test, 0, MIGRATE_SYNC, &success, &fail);
	KUNIT_EXPECT_EQ(test, success, 1UL);
	KUNIT_EXPECT_EQ(test, fail, 0UL);
}

/*
 * A page counts as failed once, however often it was tried: in the
 * synchronous modes the failures of the asynchronous first round are not
 * counted.
 */
static void mig_vm_events__eagain(struct kunit *test)
{
	unsigned long success, fail;

	migrate_test_events(test, -EAGAIN, MIGRATE_SYNC, &success, &fail);
	KUNIT_EXPECT_EQ(test, success, 0UL);
	KUNIT_EXPECT_EQ(test, fail, 1UL);
}

static void mig_vm_events__error(struct kunit *test)
{
	unsigned long success, fail;

	migrate_test_events(test, -EBUSY, MIGRATE_SYNC, &success, &fail);
	KUNIT_EXPECT_EQ(test, success, 0UL);
	KUNIT_EXPECT_EQ(test, fail, 1UL);
}

static struct kunit_case migrate_pages_example_cases[] = {
	KUNIT_CASE(mig_new_folio),
	KUNIT_CASE(mig_new_folio__enomem),
	KUNIT_CASE(mig_free_folio__async),
	KUNIT_CASE(mig_free_folio__eagain),
	KUNIT_CASE(mig_free_folio__sync),
	KUNIT_CASE(mig_putback_on_failure),
	KUNIT_CASE(mig_return_value),
	KUNIT_CASE(mig_vm_events),
	KUNIT_CASE(mig_vm_events__eagain),
	KUNIT_CASE(mig_vm_events__error),
	{}
};

static struct kunit_suite migrate_pages_example_test = {
	.name = "migrate_pages_example_test",
	.init = balloon_fixture_init,
	.exit = balloon_fixture_exit,
	.test_cases = migrate_pages_example_cases,
};

kunit_test_suite(migrate_pages_example_test);

MODULE_DESCRIPTION("KUnit tests of the example migrate_pages() caller");
MODULE_LICENSE("GPL");
