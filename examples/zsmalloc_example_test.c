// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests: the movable_ops rules on zsmalloc pages, and that objects of
 * the example store survive migration of the pages behind them.
 *
 * Every case is named after the rule of Documentation/mm/page_migration.rst
 * it checks; a "__variant" suffix tells several cases of one rule apart.
 */

#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/slab.h>

#include "migrate_example.h"
#include "zsmalloc_example.h"

/* Enough objects to fill several pages; the size makes some span two. */
#define ZS_TEST_OBJECTS		64
#define ZS_TEST_OBJECT_SIZE	300

struct zsmalloc_fixture {
	struct zsmalloc_example store;
	struct list_head isolated;
	struct migrate_example_target target;
	u8 *buf;
};

static u8 zsmalloc_test_byte(unsigned int object, unsigned int offset)
{
	return (object * 31 + offset * 7 + 1) & 0xff;
}

static void zsmalloc_test_fill(struct zsmalloc_fixture *f, unsigned int object)
{
	unsigned int i;

	for (i = 0; i < ZS_TEST_OBJECT_SIZE; i++)
		f->buf[i] = zsmalloc_test_byte(object, i);
}

static int zsmalloc_fixture_init(struct kunit *test)
{
	struct zsmalloc_fixture *f;
	unsigned int i;
	int err;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->buf = kunit_kzalloc(test, ZS_TEST_OBJECT_SIZE, GFP_KERNEL);
	if (!f->buf)
		return -ENOMEM;
	INIT_LIST_HEAD(&f->isolated);
	f->target.gfp = GFP_HIGHUSER_MOVABLE;
	f->target.reason = MR_COMPACTION;
	test->priv = f;

	err = zsmalloc_example_init(&f->store, ZS_TEST_OBJECTS,
				    ZS_TEST_OBJECT_SIZE);
	if (err)
		return err;
	for (i = 0; i < ZS_TEST_OBJECTS; i++) {
		zsmalloc_test_fill(f, i);
		err = zsmalloc_example_store(&f->store, i, f->buf);
		if (err)
			return err;
	}
	return 0;
}

static void zsmalloc_fixture_exit(struct kunit *test)
{
	struct zsmalloc_fixture *f = test->priv;

	if (!list_empty(&f->isolated))
		putback_movable_pages(&f->isolated);
	zsmalloc_example_destroy(&f->store);
}

/* Number of objects whose contents differ from what was stored. */
static unsigned int zsmalloc_test_damaged(struct kunit *test)
{
	struct zsmalloc_fixture *f = test->priv;
	unsigned int i, j, damaged = 0;

	for (i = 0; i < ZS_TEST_OBJECTS; i++) {
		memset(f->buf, 0, ZS_TEST_OBJECT_SIZE);
		KUNIT_ASSERT_EQ(test, zsmalloc_example_load(&f->store, i,
							    f->buf), 0);
		for (j = 0; j < ZS_TEST_OBJECT_SIZE; j++) {
			if (f->buf[j] != zsmalloc_test_byte(i, j)) {
				damaged++;
				break;
			}
		}
	}
	return damaged;
}

static void mops_page_type__zsmalloc(struct kunit *test)
{
	struct zsmalloc_fixture *f = test->priv;
	struct page *page = zsmalloc_example_first_page(&f->store, 0);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_TRUE(test, PageZsmalloc(page));
	KUNIT_EXPECT_TRUE(test, page_has_movable_ops(page));
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
}

static void mops_isolated_flag__zsmalloc(struct kunit *test)
{
	struct zsmalloc_fixture *f = test->priv;
	struct page *page = zsmalloc_example_first_page(&f->store, 0);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	KUNIT_EXPECT_TRUE(test, PageMovableOpsIsolated(page));
	KUNIT_EXPECT_FALSE(test, isolate_movable_ops_page(page,
							  ISOLATE_UNEVICTABLE));

	putback_movable_pages(&f->isolated);
	KUNIT_EXPECT_FALSE(test, PageMovableOpsIsolated(page));
	KUNIT_EXPECT_PTR_EQ(test, zsmalloc_example_first_page(&f->store, 0),
			    page);
	KUNIT_EXPECT_EQ(test, zsmalloc_test_damaged(test), 0);
}

static void mops_zsmalloc_handles(struct kunit *test)
{
	struct zsmalloc_fixture *f = test->priv;
	struct page *page = zsmalloc_example_first_page(&f->store, 0);
	struct page *newpage;
	unsigned int succeeded = 0;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	KUNIT_ASSERT_EQ(test, migrate_example_migrate(&f->isolated, &f->target,
						      MIGRATE_SYNC,
						      &succeeded), 0);
	KUNIT_EXPECT_EQ(test, succeeded, 1);
	KUNIT_ASSERT_NOT_NULL(test, f->target.last);
	newpage = folio_page(f->target.last, 0);

	/* Same handle, new page, same bytes. */
	KUNIT_EXPECT_PTR_EQ(test, zsmalloc_example_first_page(&f->store, 0),
			    newpage);
	KUNIT_EXPECT_TRUE(test, PageZsmalloc(newpage));
	KUNIT_EXPECT_TRUE(test, page_has_movable_ops(newpage));
	KUNIT_EXPECT_EQ(test, zsmalloc_test_damaged(test), 0);
}

static void mops_migrate_page__zsmalloc(struct kunit *test)
{
	struct zsmalloc_fixture *f = test->priv;
	unsigned int i, moved = 0;

	/*
	 * Move the page of every object in turn: pages that hold the head of
	 * one object and the tail of another are among them.
	 */
	for (i = 0; i < ZS_TEST_OBJECTS; i++) {
		struct page *page = zsmalloc_example_first_page(&f->store, i);

		KUNIT_ASSERT_NOT_NULL(test, page);
		if (migrate_example_isolate(page, &f->isolated))
			continue;
		if (!migrate_example_move(&f->isolated, &f->target,
					  MIGRATE_SYNC))
			moved++;
	}
	KUNIT_EXPECT_EQ(test, moved, ZS_TEST_OBJECTS);
	KUNIT_EXPECT_EQ(test, f->target.allocated, moved);
	KUNIT_EXPECT_EQ(test, zsmalloc_test_damaged(test), 0);
}

static struct kunit_case movable_ops_zsmalloc_example_cases[] = {
	KUNIT_CASE(mops_page_type__zsmalloc),
	KUNIT_CASE(mops_isolated_flag__zsmalloc),
	KUNIT_CASE(mops_zsmalloc_handles),
	KUNIT_CASE(mops_migrate_page__zsmalloc),
	{}
};

static struct kunit_suite movable_ops_zsmalloc_example_test = {
	.name = "movable_ops_zsmalloc_example_test",
	.init = zsmalloc_fixture_init,
	.exit = zsmalloc_fixture_exit,
	.test_cases = movable_ops_zsmalloc_example_cases,
};

kunit_test_suite(movable_ops_zsmalloc_example_test);

MODULE_DESCRIPTION("KUnit tests of movable_ops migration of zsmalloc pages");
MODULE_LICENSE("GPL");
