// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests: the rules of set_movable_ops(), and that the migration core
 * calls the movable_operations registered for a page's type.
 *
 * Every case is named after the rule of Documentation/mm/page_migration.rst
 * it checks; a "__variant" suffix tells several cases of one rule apart.
 */

#include <kunit/test.h>
#include <linux/array_size.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/page-flags.h>
#include <linux/random.h>
#include <linux/zsmalloc.h>

#include "migrate_example.h"
#include "race_fixture.h"
#include "registration_example.h"
#include "zsmalloc_example.h"

#define REG_TEST_OBJECT_SIZE 100

struct registration_fixture {
	struct zsmalloc_example store;
	struct list_head isolated;
	struct migrate_example_target target;
	bool installed;
};

static int registration_fixture_init(struct kunit *test)
{
	static const u8 object[REG_TEST_OBJECT_SIZE] = { 0x5a };
	struct registration_fixture *f;
	int err;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	INIT_LIST_HEAD(&f->isolated);
	f->target.gfp = GFP_HIGHUSER_MOVABLE;
	f->target.reason = MR_COMPACTION;
	test->priv = f;
	err = zsmalloc_example_init(&f->store, 1, REG_TEST_OBJECT_SIZE);
	if (err)
		return err;
	return zsmalloc_example_store(&f->store, 0, object);
}

static void registration_fixture_exit(struct kunit *test)
{
	struct registration_fixture *f = test->priv;

	if (!list_empty(&f->isolated))
		putback_movable_pages(&f->isolated);
	if (f->installed)
		registration_example_remove();
	zsmalloc_example_destroy(&f->store);
}

static void registration_test_install(struct kunit *test)
{
	struct registration_fixture *f = test->priv;

	KUNIT_ASSERT_EQ(test, registration_example_install(), 0);
	f->installed = true;
}

static void registration_test_remove(struct kunit *test)
{
	struct registration_fixture *f = test->priv;

	registration_example_remove();
	f->installed = false;
}

static void mops_register_types(struct kunit *test)
{
	static const enum pagetype unsupported[] = {
		PGTY_buddy, PGTY_table, PGTY_guard, PGTY_hugetlb, PGTY_slab,
		PGTY_unaccepted, PGTY_large_kmalloc,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(unsupported); i++) {
		KUNIT_EXPECT_EQ_MSG(test,
				    registration_example_register(&registration_example_ops,
								  unsupported[i]),
				    -EINVAL, "page type %#x", unsupported[i]);
		/* Not even releasing is accepted for such a type. */
		KUNIT_EXPECT_EQ_MSG(test,
				    registration_example_register(NULL,
								  unsupported[i]),
				    -EINVAL, "page type %#x", unsupported[i]);
	}
}

static void mops_register_one_owner(struct kunit *test)
{
	/* zsmalloc registered itself at boot. */
	KUNIT_EXPECT_EQ(test,
			registration_example_register(&registration_example_ops,
						      PGTY_zsmalloc),
			-EBUSY);

	/* So did the balloon core, when balloon migration is built in. */
	if (IS_ENABLED(CONFIG_BALLOON_MIGRATION)) {
		KUNIT_EXPECT_EQ(test,
				registration_example_register(&registration_example_ops,
							      PGTY_offline),
				-EBUSY);
	}

	/* Once the shim owns the type, nobody else gets it. */
	registration_test_install(test);
	KUNIT_EXPECT_EQ(test, registration_example_register(&zsmalloc_mops,
							    PGTY_zsmalloc),
			-EBUSY);
	KUNIT_EXPECT_EQ(test,
			registration_example_register(&registration_example_ops,
						      PGTY_zsmalloc),
			-EBUSY);
	registration_test_remove(test);
}

/*
 * Two threads, one per CPU, register for the zsmalloc type at the same
 * moment, round after round; between rounds thread 0 counts the winners
 * and releases the type.  Through the driver's mutex exactly one call
 * wins each round.  Meanwhile zsmalloc pages have no owner, so nothing
 * may isolate one: the fixture's store is left alone.
 */
#define REG_RACE_ROUNDS 20000

struct registration_race {
	atomic_t arrived;
	atomic_t generation;
	int result[2];
	unsigned int rounds;
	unsigned int both;
	unsigned int none;
};

/*
 * Wait for the other thread; false if the race is over.  The release and
 * acquire of @generation make what each thread wrote before the meeting
 * visible to the other after it.
 */
static bool registration_race_meet(struct registration_race *r,
				   struct race *race, int *generation)
{
	int g = *generation;

	if (atomic_inc_return(&r->arrived) == 2) {
		atomic_set(&r->arrived, 0);
		atomic_set_release(&r->generation, g + 1);
	} else {
		while (atomic_read_acquire(&r->generation) == g) {
			if (race_stopped(race))
				return false;
			cpu_relax();
			cond_resched();
		}
	}
	*generation = g + 1;
	return true;
}

/*
 * The thread that opens a meeting leaves it first, by the time the news
 * takes to reach the other CPU, which is far longer than the few
 * instructions of set_movable_ops() in which two calls can collide.  A
 * random pause of either thread makes the calls meet within that window
 * in some of the rounds, so that a missing lock shows.
 */
static void registration_race_jitter(void)
{
	unsigned int spins = get_random_u32_below(256);

	while (spins--)
		cpu_relax();
}

static void registration_race_thread(struct race *race, unsigned int id)
{
	static const struct movable_operations *const ops[2] = {
		&registration_example_ops, &zsmalloc_mops,
	};
	struct registration_race *r = race->data;
	int generation = 0;

	while (r->rounds < REG_RACE_ROUNDS) {
		if (!registration_race_meet(r, race, &generation))
			return;
		registration_race_jitter();
		r->result[id] = registration_example_register(ops[id],
							      PGTY_zsmalloc);
		if (!registration_race_meet(r, race, &generation))
			return;
		if (id == 0) {
			int winners = !r->result[0] + !r->result[1];

			r->both += winners == 2;
			r->none += winners == 0;
			registration_example_register(NULL, PGTY_zsmalloc);
			r->rounds++;
		}
		if (!registration_race_meet(r, race, &generation))
			return;
	}
}

static void mops_register_one_owner__concurrent(struct kunit *test)
{
	struct registration_race *r;
	struct race *race;
	bool finished;

	r = kzalloc_obj(*r);
	KUNIT_ASSERT_NOT_NULL(test, r);
	race = race_alloc(test, r, 2);
	race->fn[0] = registration_race_thread;
	race->fn[1] = registration_race_thread;

	KUNIT_ASSERT_EQ(test, registration_example_register(NULL, PGTY_zsmalloc),
			0);
	finished = race_run(test, race);
	/* Whoever won last, zsmalloc gets its pages back. */
	registration_example_register(NULL, PGTY_zsmalloc);
	KUNIT_EXPECT_EQ(test, registration_example_register(&zsmalloc_mops,
							    PGTY_zsmalloc), 0);
	if (!finished)
		return;		/* r stays allocated: a thread may use it */

	kunit_info(test, "%u rounds: %u with two winners, %u with none\n",
		   r->rounds, r->both, r->none);
	KUNIT_EXPECT_GT(test, r->rounds, 0);
	KUNIT_EXPECT_EQ_MSG(test, r->both, 0,
			    "both racing registrations succeeded");
	KUNIT_EXPECT_EQ(test, r->none, 0);
	kfree(r);
}

static void mops_register_release(struct kunit *test)
{
	struct registration_fixture *f = test->priv;
	struct registration_example_stats stats;
	struct page *page;

	registration_test_install(test);
	registration_test_remove(test);

	/* zsmalloc owns its pages again: the shim sees nothing... */
	page = zsmalloc_example_first_page(&f->store, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	KUNIT_EXPECT_EQ(test, migrate_example_move(&f->isolated, &f->target,
						   MIGRATE_SYNC), 0);
	registration_example_read_stats(&stats);
	KUNIT_EXPECT_EQ(test, stats.isolated + stats.migrated, 0);

	/* ...and a second registration is refused again. */
	KUNIT_EXPECT_EQ(test,
			registration_example_register(&registration_example_ops,
						      PGTY_zsmalloc),
			-EBUSY);
}

static void mops_operations(struct kunit *test)
{
	struct registration_fixture *f = test->priv;
	struct registration_example_stats stats;
	struct page *page;
	u8 object[REG_TEST_OBJECT_SIZE];

	registration_test_install(test);
	page = zsmalloc_example_first_page(&f->store, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);

	/* Isolation and putback go through the ops of the page's type. */
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	putback_movable_pages(&f->isolated);
	registration_example_read_stats(&stats);
	KUNIT_EXPECT_EQ(test, stats.isolated, 1);
	KUNIT_EXPECT_EQ(test, stats.putback, 1);
	KUNIT_EXPECT_EQ(test, stats.migrated, 0);

	/* So does migration. */
	KUNIT_ASSERT_EQ(test, migrate_example_isolate(page, &f->isolated), 0);
	KUNIT_EXPECT_EQ(test, migrate_example_move(&f->isolated, &f->target,
						   MIGRATE_SYNC), 0);
	registration_example_read_stats(&stats);
	KUNIT_EXPECT_EQ(test, stats.isolated, 2);
	KUNIT_EXPECT_EQ(test, stats.migrated, 1);
	KUNIT_EXPECT_EQ(test, stats.putback, 1);
	KUNIT_EXPECT_EQ(test, stats.failed, 0);

	/* Every callback ran with its page locked. */
	KUNIT_EXPECT_EQ(test, stats.unlocked, 0);
	registration_test_remove(test);

	KUNIT_EXPECT_EQ(test, zsmalloc_example_load(&f->store, 0, object), 0);
	KUNIT_EXPECT_EQ(test, object[0], 0x5a);
	KUNIT_EXPECT_PTR_EQ(test, zsmalloc_example_first_page(&f->store, 0),
			    folio_page(f->target.last, 0));
}

static struct kunit_case movable_ops_registration_example_cases[] = {
	KUNIT_CASE(mops_register_types),
	KUNIT_CASE(mops_register_one_owner),
	KUNIT_CASE_SLOW(mops_register_one_owner__concurrent),
	KUNIT_CASE(mops_register_release),
	KUNIT_CASE(mops_operations),
	{}
};

static struct kunit_suite movable_ops_registration_example_test = {
	.name = "movable_ops_registration_example_test",
	.init = registration_fixture_init,
	.exit = registration_fixture_exit,
	.test_cases = movable_ops_registration_example_cases,
};

kunit_test_suite(movable_ops_registration_example_test);

MODULE_DESCRIPTION("KUnit tests of set_movable_ops() and its dispatch");
MODULE_LICENSE("GPL");
