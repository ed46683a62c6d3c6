# SPDX-License-Identifier: GPL-2.0
"""Tests of pmd_lang: page pairs, the language switch, Chinese line joins."""

import unittest

import pmd_lang

DOCS = {'Documentation/index', 'Documentation/mm/page_migration',
        'Documentation/solo', 'translations/zh_CN/index',
        'translations/zh_CN/mm/page_migration', 'translations/zh_CN/only'}
ROOTS = {'en': 'Documentation/index', 'zh_CN': 'translations/zh_CN/index'}


class Pairs(unittest.TestCase):

    def test_lang_of(self):
        self.assertEqual(pmd_lang.lang_of('Documentation/mm/x'), 'en')
        self.assertEqual(pmd_lang.lang_of('translations/zh_CN/mm/x'), 'zh_CN')
        self.assertEqual(pmd_lang.lang_of('elsewhere'), 'en')

    def test_counterpart(self):
        self.assertEqual(pmd_lang.counterpart('Documentation/mm/x', 'zh_CN'),
                         'translations/zh_CN/mm/x')
        self.assertEqual(pmd_lang.counterpart('translations/zh_CN/mm/x', 'en'),
                         'Documentation/mm/x')
        self.assertIsNone(pmd_lang.counterpart('elsewhere', 'zh_CN'))

    def switch(self, docname, docs=DOCS):
        return [(e['name'], e['target'], e['fallback'])
                for e in pmd_lang.switch_entries(docname, docs, ROOTS)]

    def test_switch_pair(self):
        self.assertEqual(self.switch('Documentation/mm/page_migration'), [
            ('English', None, False),
            ('简体中文', 'translations/zh_CN/mm/page_migration', False)])
        self.assertEqual(self.switch('translations/zh_CN/mm/page_migration'), [
            ('English', 'Documentation/mm/page_migration', False),
            ('简体中文', None, False)])

    def test_switch_without_counterpart(self):
        self.assertEqual(self.switch('Documentation/solo'), [
            ('English', None, False),
            ('简体中文', 'translations/zh_CN/index', True)])
        self.assertEqual(self.switch('translations/zh_CN/only'), [
            ('English', 'Documentation/index', True),
            ('简体中文', None, False)])

    def test_switch_language_not_built(self):
        english = {d for d in DOCS if d.startswith('Documentation/')}
        self.assertEqual(self.switch('Documentation/solo', english),
                         [('English', None, False)])


class JoinLines(unittest.TestCase):

    def test_join(self):
        self.assertEqual(pmd_lang.join_cjk_lines('页面被\n隔离，\n  然后'),
                         '页面被隔离，然后')

    def test_keep_latin_breaks(self):
        self.assertEqual(pmd_lang.join_cjk_lines('调用\nmigrate_pages()'),
                         '调用\nmigrate_pages()')
        self.assertEqual(pmd_lang.join_cjk_lines('two\nwords'), 'two\nwords')


if __name__ == '__main__':
    unittest.main()
