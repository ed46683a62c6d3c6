# SPDX-License-Identifier: GPL-2.0
"""What the pages need to know about the C sources in examples/.

- the KUnit suites of examples/*_test.c, their cases and the line where
  each case's function starts (for links into the source browser);
- where a sample region "/* [id] */ ... /* [/id] */" lies in a file.

This is a reader for the way our examples are written (one "static struct
kunit_case NAME[] = { KUNIT_CASE...(fn), ... };" array per suite and
"static struct kunit_suite ... = { .name = "...", .test_cases = NAME }"),
not a C parser.
"""

import glob
import os
import re

_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
_CASES = re.compile(r'struct\s+kunit_case\s+(?P<array>\w+)\s*\[\s*\]\s*=\s*'
                    r'\{(?P<body>.*?)\}\s*;', re.S)
# KUNIT_CASE(fn), KUNIT_CASE_SLOW(fn), KUNIT_CASE_PARAM(fn, gen), ...
_CASE = re.compile(r'\bKUNIT_CASE\w*\s*\(\s*(?P<fn>\w+)')
_SUITE = re.compile(r'struct\s+kunit_suite\s+\w+\s*=\s*\{(?P<body>.*?)\}\s*;',
                    re.S)
_SUITE_NAME = re.compile(r'\.name\s*=\s*"(?P<name>[^"]+)"')
_SUITE_CASES = re.compile(r'\.test_cases\s*=\s*(?P<array>\w+)')
_FUNCTION = r'^[ \t]*(?:static\s+)?void\s+{}\s*\(\s*struct\s+kunit\s*\*'


def _blank_comments(text):
    """@text with comments replaced by spaces, keeping every newline."""
    return _COMMENT.sub(lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text)


def _line_of(text, offset):
    return text.count('\n', 0, offset) + 1


def parse_suites(text, filename):
    """Map each suite in C source @text to {case: (filename, line)}.

    The line is that of the case function's definition, or of its
    KUNIT_CASE() entry when the definition is not in this file.
    """
    code = _blank_comments(text)
    arrays = {}
    for m in _CASES.finditer(code):
        cases = {}
        body_start = m.start('body')
        for c in _CASE.finditer(m.group('body')):
            fn = c.group('fn')
            d = re.search(_FUNCTION.format(re.escape(fn)), code, re.M)
            line = _line_of(code, d.start() if d else body_start + c.start())
            cases[fn] = (filename, line)
        arrays[m.group('array')] = cases
    suites = {}
    for m in _SUITE.finditer(code):
        name = _SUITE_NAME.search(m.group('body'))
        array = _SUITE_CASES.search(m.group('body'))
        if name and array and array.group('array') in arrays:
            suites[name.group('name')] = arrays[array.group('array')]
    return suites


def read_suites(examples_dir):
    """parse_suites() over every *_test.c in @examples_dir, merged.

    Filenames in the result are relative to @examples_dir.  Returns the
    suites and the sorted list of files read.
    """
    suites = {}
    files = sorted(glob.glob(os.path.join(examples_dir, '*_test.c')))
    for path in files:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        suites.update(parse_suites(text, os.path.basename(path)))
    return suites, files


def marker(region, end=False):
    """The comment that opens (or, with @end, closes) a sample region."""
    return '/* [%s%s] */' % ('/' if end else '', region)


_REGION = re.compile(r'^/\* \[(?P<id>[a-z0-9][a-z0-9-]*)\] \*/$')


def region_of(start_after):
    """The region id named by a ":start-after:" value, or None."""
    m = _REGION.match(start_after.strip())
    return m.group('id') if m else None


def region_lines(text, start_after, end_before):
    """First and last line (1-based) of what literalinclude takes.

    Like literalinclude: the region starts after the first line containing
    @start_after and ends before the first later line containing
    @end_before.  None when a marker is missing.
    """
    lines = text.splitlines()
    start = next((i for i, l in enumerate(lines) if start_after in l), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines))
                if end_before in lines[i]), None)
    if end is None:
        return None
    return start + 2, end
