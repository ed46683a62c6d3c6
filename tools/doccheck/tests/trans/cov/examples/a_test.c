// SPDX-License-Identifier: GPL-2.0
/* KUnit cases for the rule coverage fixture (names only). */

static void mops_good(struct kunit *test) { }
static void mops_good__param(struct kunit *test) { }
static void mops_nosample(struct kunit *test) { }
static void mops_nozh(struct kunit *test) { }
static void mig_failing(struct kunit *test) { }
static void mig_skipped(struct kunit *test) { }
static void mops_elsewhere(struct kunit *test) { }
static void mops_orphan(struct kunit *test) { }
static void helper_case(struct kunit *test) { }

static struct kunit_case a_cases[] = {
	KUNIT_CASE(mops_good),
	KUNIT_CASE_PARAM(mops_good__param, a_gen_params),
	KUNIT_CASE(mops_nosample),
	KUNIT_CASE(mops_nozh),
	KUNIT_CASE(mig_failing),
	KUNIT_CASE_SLOW(mig_skipped),
	KUNIT_CASE(mops_elsewhere),
	KUNIT_CASE(mops_orphan),
	KUNIT_CASE(helper_case),
	{}
};

static struct kunit_suite a_suite = {
	.name = "a_example_test",
	.test_cases = a_cases,
};
kunit_test_suites(&a_suite);
