# SPDX-License-Identifier: GPL-2.0
"""Tests of pmd_csource: KUnit suites and sample regions in C sources."""

import os
import re
import unittest

import pmd_csource

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'examples'))

SOURCE = """\
#include <kunit/test.h>

/* KUNIT_CASE(commented_out) is not a case */
static void first(struct kunit *test)
{
}

static void
second(struct kunit *test)
{
}

static struct kunit_case one_cases[] = {
	KUNIT_CASE(first),
	// KUNIT_CASE(also_commented),
	KUNIT_CASE_SLOW(second),
	KUNIT_CASE_PARAM(elsewhere, elsewhere_gen_params),
	{}
};

static struct kunit_case unused_cases[] = {
	KUNIT_CASE(first),
	{}
};

static struct kunit_suite one = {
	.name = "one_test",
	.test_cases = one_cases,
};
kunit_test_suite(one);
"""


class ParseSuites(unittest.TestCase):

    def test_suite_and_cases(self):
        suites = pmd_csource.parse_suites(SOURCE, 'one_test.c')
        self.assertEqual(list(suites), ['one_test'])
        self.assertEqual(sorted(suites['one_test']),
                         ['elsewhere', 'first', 'second'])

    def test_lines(self):
        cases = pmd_csource.parse_suites(SOURCE, 'one_test.c')['one_test']
        self.assertEqual(cases['first'], ('one_test.c', 4))
        # A definition split over two lines starts at its return type.
        self.assertEqual(cases['second'], ('one_test.c', 8))
        # Not defined here: the line of its KUNIT_CASE_PARAM() entry.
        self.assertEqual(cases['elsewhere'], ('one_test.c', 17))

    def test_real_examples(self):
        """Every KUNIT_CASE() of examples/ is found, with its function."""
        suites, files = pmd_csource.read_suites(EXAMPLES)
        self.assertTrue(files)
        for path in files:
            with open(path, encoding='utf-8') as f:
                text = f.read()
            name = re.search(r'\.name\s*=\s*"([^"]+)"', text).group(1)
            expected = set(re.findall(r'KUNIT_CASE\w*\((\w+)', text))
            self.assertEqual(set(suites[name]), expected, name)
            lines = text.splitlines()
            for case, (filename, line) in suites[name].items():
                self.assertEqual(filename, os.path.basename(path))
                self.assertIn(case + '(struct kunit', lines[line - 1])


class Regions(unittest.TestCase):

    TEXT = 'a\n/* [r-one] */\nb\nc\n/* [/r-one] */\nd\n'

    def test_region_lines(self):
        self.assertEqual(pmd_csource.region_lines(
            self.TEXT, '/* [r-one] */', '/* [/r-one] */'), (3, 4))

    def test_missing_marker(self):
        self.assertIsNone(pmd_csource.region_lines(
            self.TEXT, '/* [r-two] */', '/* [/r-two] */'))
        self.assertIsNone(pmd_csource.region_lines(
            self.TEXT, '/* [r-one] */', '/* [/r-two] */'))

    def test_region_of(self):
        self.assertEqual(pmd_csource.region_of('/* [mops-isolate] */'),
                         'mops-isolate')
        self.assertIsNone(pmd_csource.region_of('static int'))
        self.assertEqual(pmd_csource.marker('x-y', end=True), '/* [/x-y] */')


if __name__ == '__main__':
    unittest.main()
