# SPDX-License-Identifier: GPL-2.0
"""Read the results of KUnit cases from a KTAP file.

"make kunit" writes the KTAP that kunit.py printed to
$(O)/kunit/results.ktap.  KTAP nests subtests by indentation: a suite's
"# Subtest: NAME" header and its cases' result lines sit at the same
indentation, one level deeper than the suite's own result line:

    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: movable_ops_balloon_example_test
        1..2
        ok 1 mops_page_type
        not ok 2 mops_migrate_eagain__async
    not ok 1 movable_ops_balloon_example_test
    ...

Only what the pages need is kept: the status of each (suite, case).
Parameterised cases report their parameters one level deeper still; those
lines belong to a "suite" named after the case and are kept the same way,
which does no harm.
"""

import re

PASS = 'pass'
FAIL = 'fail'
SKIP = 'skip'

_SUBTEST = re.compile(r'^(?P<indent>\s*)#\s*Subtest:\s*(?P<name>\S+)\s*$')
_RESULT = re.compile(r'^(?P<indent>\s*)(?P<not>not\s+)?ok\s+\d+'
                     r'(?:\s+-)?\s+(?P<name>[^#\s]+)[^#]*'
                     r'(?:#\s*(?P<directive>\w+))?')


def _width(indent):
    # kunit.py indents by four spaces; count a tab as a full level anyway.
    return len(indent.replace('\t', '    '))


def parse_ktap(text):
    """Map (suite, case) to PASS, FAIL or SKIP for every result in @text.

    Results at the outermost level (whole suites) have suite None.
    A case reported twice keeps its last status.
    """
    # Name of the subtest whose results are printed at each indentation.
    suite_at = {}
    results = {}
    for line in text.splitlines():
        m = _SUBTEST.match(line)
        if m:
            suite_at[_width(m.group('indent'))] = m.group('name')
            continue
        m = _RESULT.match(line)
        if not m:
            continue
        width = _width(m.group('indent'))
        directive = (m.group('directive') or '').upper()
        if directive == 'SKIP':
            status = SKIP
        elif m.group('not'):
            status = FAIL
        else:
            status = PASS
        results[(suite_at.get(width), m.group('name'))] = status
        # A deeper level's header does not outlive the test that owns it.
        for deeper in [w for w in suite_at if w > width]:
            del suite_at[deeper]
    return results


def read_ktap(path):
    """parse_ktap() of the file at @path; {} if there is no such file."""
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            return parse_ktap(f.read())
    except FileNotFoundError:
        return {}


def totals(results):
    """Count the cases of parse_ktap()'s result by status.

    Cases are the results one level below the outermost: neither whole
    suites nor the parameters of a parameterised case.
    """
    suites = {name for (suite, name) in results if suite is None}
    counts = {PASS: 0, FAIL: 0, SKIP: 0}
    for (suite, _), status in results.items():
        if suite in suites:
            counts[status] += 1
    return counts
