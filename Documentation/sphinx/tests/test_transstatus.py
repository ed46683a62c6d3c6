# SPDX-License-Identifier: GPL-2.0
"""Tests of pmd_transstatus: the translation status pages from doccheck review.

Builds the fixture site (site/) with hand-written report fragments in the
form doccheck review --format=html writes them (the C side is tested by
tools/doccheck/tests); no doccheck, Doxygen or kernel tree is needed.
"""

import os
import shutil
import tempfile
import unittest

import pmd_transstatus
from tests.test_site import BuiltSite, make_site, read, sphinx, text_of

REPORT = """<div class="pmd-review">
<table class="pmd-review-head">
<tr><th>Translation</th><td>{doc}.rst</td></tr></table>
<p class="pmd-review-summary">{summary}</p>
<table class="pmd-review-sections"><tbody>
<tr class="pmd-st-outdated"><td class="pmd-st">outdated</td><td>A section</td>
<td class="pmd-line">3 -&gt; 5</td><td><ul><li>changed</li></ul>
<pre class="pmd-diff">-old &lt;b&gt;
+new</pre></td></tr>
</tbody></table>
</div>
"""

ZH_PAGES = ('translations/zh_CN/index', 'translations/zh_CN/rules',
            'translations/zh_CN/mm/sample')


def write_reports(review, pages, summary='2 sections: 1 up to date, 1 outdated'):
    for doc in pages:
        path = os.path.join(review, doc + '.html')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(REPORT.format(doc=doc, summary=summary))


def build(tmp, review):
    src = make_site(tmp)
    out = os.path.join(tmp, 'out')
    extra = ['-D', 'pmd_doxygen=']
    if review is not None:
        extra += ['-D', 'pmd_review=' + review]
    return sphinx(src, out, extra=extra), os.path.join(out, 'html')


class Helpers(unittest.TestCase):

    def test_names(self):
        self.assertEqual(pmd_transstatus.status_page('translations/zh_CN/mm/x'),
                         'translations/zh_CN/mm/x-status')
        self.assertEqual(pmd_transstatus.index_page('zh_CN'),
                         'translations/zh_CN/status')
        self.assertEqual(pmd_transstatus.report_path('/r', 'translations/zh_CN/x'),
                         '/r/translations/zh_CN/x.html')

    def test_summary(self):
        self.assertEqual(pmd_transstatus.summary_of(
            '<p class="pmd-review-summary">3 sections: 2 up &amp; 1</p>'),
            '3 sections: 2 up & 1')
        self.assertEqual(pmd_transstatus.summary_of('<p>none</p>'), '')


class StatusPages(BuiltSite, unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='pmd-status.')
        cls.review = os.path.join(cls.tmp, 'review')
        write_reports(cls.review, ZH_PAGES)
        cls.build, cls.html = build(cls.tmp, cls.review)

    def test_status_page_has_the_report(self):
        page = self.page('translations/zh_CN/mm/sample-status')
        self.assertIn('<h1>翻译状态：示例页面</h1>', page)
        self.assertIn('<tr class="pmd-st-outdated">', page)
        # the report's own escaping is kept, not doubled
        self.assertIn('-old &lt;b&gt;', page)
        self.assertIn('href="sample.html"', page)
        self.assertIn('href="../status.html"', page)
        self.assertIn('lang="zh-CN"', page)

    def test_translated_page_links_to_status(self):
        page = self.page('translations/zh_CN/mm/sample')
        self.assertIn('<p class="pmd-status-link"><a href="sample-status.html">'
                      '翻译状态</a>: 2 sections: 1 up to date, 1 outdated</p>', page)
        # English pages get no such line
        self.assertNotIn('pmd-status-link', self.page('Documentation/mm/sample'))

    def test_index_lists_every_translation(self):
        page = text_of(self.page('translations/zh_CN/status'))
        for title in ('示例页面', '规则'):
            self.assertIn(title, page)
        self.assertEqual(page.count('2 sections: 1 up to date, 1 outdated'), 3)


class MissingReport(unittest.TestCase):

    def test_a_translation_without_report_fails_the_build(self):
        tmp = tempfile.mkdtemp(prefix='pmd-status.')
        try:
            review = os.path.join(tmp, 'review')
            write_reports(review, ZH_PAGES[:2])
            result, html_dir = build(tmp, review)
            self.assertNotEqual(result.returncode, 0, result.stdout)
            self.assertIn('no translation status report for this page',
                          result.stdout)
            self.assertIn('mm/sample', result.stdout)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_without_reports_no_pages(self):
        tmp = tempfile.mkdtemp(prefix='pmd-status.')
        try:
            result, html_dir = build(tmp, None)
            self.assertEqual(result.returncode, 0, result.stdout)
            self.assertTrue(os.path.exists(os.path.join(
                html_dir, 'translations', 'zh_CN', 'mm', 'sample.html')))
            self.assertFalse(os.path.exists(os.path.join(
                html_dir, 'translations', 'zh_CN', 'mm', 'sample-status.html')))
            self.assertNotIn('pmd-status-link', read(os.path.join(
                html_dir, 'translations', 'zh_CN', 'mm', 'sample.html')))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    unittest.main()
