# SPDX-License-Identifier: GPL-2.0
"""Tests of the Doxygen input filter Documentation/doxygen/kdoc2doxygen.py."""

import glob
import importlib.util
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))

_spec = importlib.util.spec_from_file_location(
    'kdoc2doxygen', os.path.join(ROOT, 'Documentation', 'doxygen',
                                 'kdoc2doxygen.py'))
kdoc2doxygen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kdoc2doxygen)
filt = kdoc2doxygen.filter_source


class Filter(unittest.TestCase):

    def test_function(self):
        src = ('/**\n'
               ' * foo_bar() - do the thing\n'
               ' * @page: a page; see &struct page and @flags\n'
               ' * @flags: %GFP_KERNEL or %NULL\n'
               ' *\n'
               ' * Context: any.\n'
               ' * Return: 0 or -EBUSY.\n'
               ' */\n'
               'int foo_bar(struct page *page, int flags);\n')
        self.assertEqual(filt(src), (
            '/**\n'
            ' * \\brief do the thing\n'
            ' * \\param page a page; see struct page and \\p flags\n'
            ' * \\param flags \\c GFP_KERNEL or \\c NULL\n'
            ' *\n'
            ' * Context: any.\n'
            ' * \\return 0 or -EBUSY.\n'
            ' */\n'
            'int foo_bar(struct page *page, int flags);\n'))

    def test_struct_members_are_a_list(self):
        src = ('/**\n'
               ' * struct foo - a thing\n'
               ' * @b: the b, not bold\n'
               ' * @page.lru: nested member\n'
               ' */\n')
        self.assertEqual(filt(src), (
            '/**\n'
            ' * \\brief a thing\n'
            ' * - \\p b: the b, not bold\n'
            ' * - \\p page.lru: nested member\n'
            ' */\n'))

    def test_escapes(self):
        out = filt('/**\n * f() - see <linux/mm.h>, a\\b, p->lru\n */\n')
        self.assertIn('\\<linux/mm.h\\>', out)
        self.assertIn('a\\\\b', out)
        self.assertIn('p-\\>lru', out)

    def test_doc_block_is_hidden(self):
        src = '/**\n * DOC: Overview\n * @x is text here\n */\nint x;\n'
        out = filt(src)
        self.assertTrue(out.startswith('/*\n'))
        self.assertIn('@x is text here', out)

    def test_code_and_plain_comments_untouched(self):
        src = ('/* @page is not kernel-doc */\n'
               'static int a = 1; /** @b: trailing */\n'
               '/***** banner *****/\n'
               'x = y @ z;\n')
        out = filt(src)
        self.assertIn('/* @page is not kernel-doc */', out)
        self.assertIn('/***** banner *****/', out)
        self.assertIn('x = y @ z;', out)

    def test_inline_member_comment(self):
        self.assertEqual(filt('\t/** @count: how many */\n'),
                         '\t/** how many */\n')

    def test_bare_word_is_not_a_title(self):
        out = filt('/**\n * Example\n * @x: y\n */\n')
        self.assertIn(' * Example\n', out)

    def test_examples_keep_their_lines(self):
        """Line numbers must not move: the pages link to them."""
        files = glob.glob(os.path.join(ROOT, 'examples', '*.[ch]'))
        self.assertTrue(files)
        for path in files:
            with open(path, encoding='utf-8') as f:
                text = f.read()
            out = filt(text)
            self.assertEqual(out.count('\n'), text.count('\n'), path)
            # Nothing kernel-doc-ish is left for Doxygen to misread.
            for line in out.splitlines():
                if line.lstrip().startswith('* @'):
                    self.fail('%s: %s' % (path, line))


if __name__ == '__main__':
    unittest.main()
