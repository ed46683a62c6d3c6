// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests: the movable_ops rules on zsmalloc pages, and that objects of
 * the example store survive migration of the pages behind them.
 *
 * Every case is named after the rule of Documentation/mm/page_migration.rst
 * it checks; a "__variant" suffix tells several cases of one rule apart.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/slab.h>
#include <linux/zsmalloc.h>

#include "migrate_example.h"
#include "race_fixture.h"
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

/*
 * Objects written, read back and freed while their pages move.  Threads 0
 * and 1 each own half of the slots of a store of their own; every round
 * they store their objects, note the page each one starts in, wait until
 * thread 2 has gone twice over those pages as compaction would (isolate,
 * migrate), then read every object back and free it.
 */
#define ZS_RACE_WRITERS		2
#define ZS_RACE_PER_WRITER	24
#define ZS_RACE_OBJECTS		(ZS_RACE_WRITERS * ZS_RACE_PER_WRITER)
#define ZS_RACE_ROUNDS		200

struct zsmalloc_race {
	struct zsmalloc_example store;
	unsigned long pfns[ZS_RACE_OBJECTS];
	atomic_t passes;
	struct migrate_example_target target;
	unsigned int moved;
	unsigned int rounds[ZS_RACE_WRITERS];
	unsigned int damaged[ZS_RACE_WRITERS];
	unsigned int errors[ZS_RACE_WRITERS];
	u8 buf[ZS_RACE_WRITERS][ZS_TEST_OBJECT_SIZE];
};

static u8 zsmalloc_race_byte(unsigned int object, unsigned int round,
			     unsigned int offset)
{
	return zsmalloc_test_byte(object + round, offset);
}

static void zsmalloc_race_fill(u8 *buf, unsigned int object,
			       unsigned int round)
{
	unsigned int i;

	for (i = 0; i < ZS_TEST_OBJECT_SIZE; i++)
		buf[i] = zsmalloc_race_byte(object, round, i);
}

static bool zsmalloc_race_intact(const u8 *buf, unsigned int object,
				 unsigned int round)
{
	unsigned int i;

	for (i = 0; i < ZS_TEST_OBJECT_SIZE; i++)
		if (buf[i] != zsmalloc_race_byte(object, round, i))
			return false;
	return true;
}

/* Wait until the compactor has finished two passes after this point. */
static void zsmalloc_race_wait(struct zsmalloc_race *r, struct race *race)
{
	int until = atomic_read(&r->passes) + 2;

	while (atomic_read(&r->passes) < until && !race_stopped(race))
		usleep_range(50, 100);
}

static void zsmalloc_race_writer(struct zsmalloc_race *r, struct race *race,
				 unsigned int w)
{
	unsigned int first = w * ZS_RACE_PER_WRITER;
	unsigned int last = first + ZS_RACE_PER_WRITER;
	unsigned int i, round;
	u8 *buf = r->buf[w];

	for (round = 0; round < ZS_RACE_ROUNDS && !race_stopped(race); round++) {
		for (i = first; i < last; i++) {
			struct page *page;

			zsmalloc_race_fill(buf, i, round);
			if (zsmalloc_example_store(&r->store, i, buf)) {
				r->errors[w]++;
				continue;
			}
			page = zsmalloc_example_first_page(&r->store, i);
			WRITE_ONCE(r->pfns[i], page_to_pfn(page));
		}
		zsmalloc_race_wait(r, race);
		for (i = first; i < last; i++) {
			WRITE_ONCE(r->pfns[i], 0);
			memset(buf, 0, ZS_TEST_OBJECT_SIZE);
			if (zsmalloc_example_load(&r->store, i, buf))
				continue;
			if (!zsmalloc_race_intact(buf, i, round))
				r->damaged[w]++;
			zsmalloc_example_erase(&r->store, i);
		}
		r->rounds[w]++;
	}
}

static void zsmalloc_race_compactor(struct zsmalloc_race *r,
				    struct race *race)
{
	LIST_HEAD(pages);
	unsigned int i;

	while (!race_stopped(race)) {
		for (i = 0; i < ZS_RACE_OBJECTS; i++) {
			unsigned long pfn = READ_ONCE(r->pfns[i]);

			/*
			 * The object may be freed and its page gone by now;
			 * like compaction, isolation takes any page frame
			 * and refuses those that are not movable_ops pages.
			 */
			if (!pfn || migrate_example_isolate(pfn_to_page(pfn), &pages))
				continue;
			if (!migrate_example_move(&pages, &r->target,
						  MIGRATE_SYNC))
				r->moved++;
		}
		atomic_inc(&r->passes);
		cond_resched();
	}
}

static void zsmalloc_race_thread(struct race *race, unsigned int id)
{
	if (id < ZS_RACE_WRITERS)
		zsmalloc_race_writer(race->data, race, id);
	else
		zsmalloc_race_compactor(race->data, race);
}

static void mops_zsmalloc_handles__concurrent(struct kunit *test)
{
	struct zsmalloc_race *r;
	struct race *race;
	unsigned int w;

	r = kzalloc_obj(*r);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->target.gfp = GFP_HIGHUSER_MOVABLE;
	r->target.reason = MR_COMPACTION;
	if (zsmalloc_example_init(&r->store, ZS_RACE_OBJECTS,
				  ZS_TEST_OBJECT_SIZE)) {
		kfree(r);
		KUNIT_FAIL_AND_ABORT(test, "cannot create the store");
	}
	race = race_alloc(test, r, ZS_RACE_WRITERS + 1);
	for (w = 0; w <= ZS_RACE_WRITERS; w++)
		race->fn[w] = zsmalloc_race_thread;
	if (!race_run(test, race))
		return;		/* r stays allocated: a thread may use it */

	kunit_info(test, "%u and %u rounds, %u pages migrated\n",
		   r->rounds[0], r->rounds[1], r->moved);
	for (w = 0; w < ZS_RACE_WRITERS; w++) {
		KUNIT_EXPECT_GT(test, r->rounds[w], 0);
		KUNIT_EXPECT_EQ_MSG(test, r->damaged[w], 0,
				    "objects of writer %u read back wrong", w);
		KUNIT_EXPECT_EQ(test, r->errors[w], 0);
	}
	KUNIT_EXPECT_GT(test, r->moved, 0);
	KUNIT_EXPECT_EQ(test, r->target.allocated,
			r->moved + r->target.freed);
	/* Every object was freed, and with them every page of the pool. */
	KUNIT_EXPECT_EQ(test, zs_get_total_pages(r->store.pool), 0UL);
	zsmalloc_example_destroy(&r->store);
	kfree(r);
}

static struct kunit_case movable_ops_zsmalloc_example_cases[] = {
	KUNIT_CASE(mops_page_type__zsmalloc),
	KUNIT_CASE(mops_isolated_flag__zsmalloc),
	KUNIT_CASE(mops_zsmalloc_handles),
	KUNIT_CASE_SLOW(mops_zsmalloc_handles__concurrent),
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
