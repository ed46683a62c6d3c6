# SPDX-License-Identifier: GPL-2.0
"""Tests of pmd_ktap: reading KUnit results from KTAP."""

import os
import tempfile
import unittest

import pmd_ktap
from pmd_ktap import FAIL, PASS, SKIP

KTAP = """\
KTAP version 1
1..3
    KTAP version 1
    # Subtest: suite_a
    # module: a_test
    1..3
    ok 1 case_one
    # case_two: EXPECTATION FAILED at a_test.c:12
    Expected x == 1, but
        x == 2 (0x2)
    not ok 2 case_two
    ok 3 case_three # SKIP needs CONFIG_FOO
# suite_a: pass:1 fail:1 skip:1 total:3
not ok 1 suite_a
    KTAP version 1
    # Subtest: suite_b
    1..2
        KTAP version 1
        # Subtest: param_case
        ok 1 param_case - 1
        not ok 2 param_case - 2
    not ok 1 param_case
    ok 2 - dashed_case
ok 2 suite_b
\t# Subtest: suite_c
\tok 1 tabbed
ok 3 suite_c
"""


class ParseKtap(unittest.TestCase):

    def setUp(self):
        self.results = pmd_ktap.parse_ktap(KTAP)

    def test_cases(self):
        self.assertEqual(self.results[('suite_a', 'case_one')], PASS)
        self.assertEqual(self.results[('suite_a', 'case_two')], FAIL)
        self.assertEqual(self.results[('suite_a', 'case_three')], SKIP)

    def test_suites_at_top_level(self):
        self.assertEqual(self.results[(None, 'suite_a')], FAIL)
        self.assertEqual(self.results[(None, 'suite_b')], PASS)

    def test_nested_parameters_do_not_leak(self):
        self.assertEqual(self.results[('suite_b', 'param_case')], FAIL)
        self.assertEqual(self.results[('param_case', 'param_case')], FAIL)
        # After the parameters, results belong to suite_b again.
        self.assertEqual(self.results[('suite_b', 'dashed_case')], PASS)

    def test_tab_indentation(self):
        self.assertEqual(self.results[('suite_c', 'tabbed')], PASS)

    def test_diagnostics_are_not_results(self):
        names = {case for _, case in self.results}
        self.assertNotIn('Expected', names)
        self.assertNotIn('x', names)

    def test_totals_count_cases_only(self):
        self.assertEqual(pmd_ktap.totals(self.results),
                         {PASS: 3, FAIL: 2, SKIP: 1})

    def test_read_missing_file(self):
        self.assertEqual(pmd_ktap.read_ktap('/nonexistent/results.ktap'), {})

    def test_read_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'results.ktap')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(KTAP)
            self.assertEqual(pmd_ktap.read_ktap(path), self.results)


if __name__ == '__main__':
    unittest.main()
