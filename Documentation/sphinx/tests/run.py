# SPDX-License-Identifier: GPL-2.0
"""Run the tests of the Sphinx extensions and the Doxygen filter.

Usage (what "make docs-test" runs), from Documentation/sphinx:
    /usr/bin/python3 tests/run.py
Ends with the line "docs-test: N passed, N failed, N skipped".
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def main():
    sys.path.insert(0, TOP)
    suite = unittest.defaultTestLoader.discover(HERE, top_level_dir=TOP)
    result = unittest.TextTestRunner(verbosity=1).run(suite)
    failed = len(result.failures) + len(result.errors) + \
        len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print('docs-test: %d passed, %d failed, %d skipped'
          % (passed, failed, skipped))
    return 0 if failed == 0 and result.testsRun else 1


if __name__ == '__main__':
    sys.exit(main())
