# SPDX-License-Identifier: GPL-2.0
"""Build the fixture site (site/) with conf.py, Doxygen and a KTAP file.

Checks what the extensions put on the pages: KUnit results, source browser
links, the rule tables, the language switch, the Chinese search index; and
that an unknown KUnit case fails the build.  Runs Debian's Sphinx
(/usr/bin/python3 -m sphinx) and doxygen, as "make htmldocs" does; the
kernel tree is not needed (no kernel-doc here).
"""

import html
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
EXAMPLES = os.path.join(ROOT, 'examples')

KTAP = """\
KTAP version 1
1..2
    KTAP version 1
    # Subtest: movable_ops_balloon_example_test
    1..3
    not ok 1 mops_isolated_flag
    ok 2 mops_migrate_page
    ok 3 mops_putback
not ok 1 movable_ops_balloon_example_test
    KTAP version 1
    # Subtest: movable_ops_zsmalloc_example_test
    1..1
    ok 1 mops_isolated_flag__zsmalloc # SKIP no zsmalloc
ok 2 movable_ops_zsmalloc_example_test
"""


def marker_line(filename, marker):
    """1-based line number of the line after @marker in examples/@filename."""
    with open(os.path.join(EXAMPLES, filename), encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if marker in line:
                return number + 1
    raise AssertionError('%s not in %s' % (marker, filename))


def make_site(tmp, pages=None):
    """A source tree in @tmp: the fixture pages (or @pages), examples/."""
    src = os.path.join(tmp, 'src')
    if pages is None:
        shutil.copytree(os.path.join(HERE, 'site'), src)
    else:
        for name, text in pages.items():
            path = os.path.join(src, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
    os.symlink(EXAMPLES, os.path.join(src, 'examples'))
    return src


def run_doxygen(html_dir):
    """The real Doxyfile, without graphs (they are slow and not checked)."""
    os.makedirs(html_dir, exist_ok=True)
    cfg = os.path.join(os.path.dirname(html_dir), 'Doxyfile')
    with open(cfg, 'w', encoding='utf-8') as f:
        f.write('@INCLUDE = %s\nHAVE_DOT = NO\n'
                % os.path.join(ROOT, 'Documentation', 'doxygen', 'Doxyfile'))
    env = dict(os.environ, PMD_SRCTREE=ROOT, PMD_HTML=html_dir,
               PMD_DEFINES='CONFIG_BALLOON_MIGRATION=1')
    subprocess.run(['doxygen', cfg], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def sphinx(src, out, ktap='', langs='en zh_CN', extra=()):
    env = dict(os.environ, PMD_KERNEL_TREE='', PMD_DOCS_LANGS=langs,
               PYTHONDONTWRITEBYTECODE='1')
    cmd = ['/usr/bin/python3', '-m', 'sphinx', '-b', 'html', '-n', '-W',
           '--keep-going', '-q', '-c', ROOT, '-d', os.path.join(out, 'doctrees'),
           '-D', 'pmd_ktap=' + ktap] + list(extra) + [src, os.path.join(out, 'html')]
    return subprocess.run(cmd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, check=False)


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def text_of(fragment):
    """The text of an HTML fragment, tags removed, spaces collapsed."""
    return ' '.join(html.unescape(re.sub(r'<[^>]+>', ' ', fragment)).split())


def rows(page):
    """{rule id: text of its row} of the rule table in @page."""
    table = re.search(r'<table class="[^"]*pmd-rules.*?</table>', page, re.S)
    assert table, 'no rule table'
    return {m.group(1): text_of(m.group(2)) for m in re.finditer(
        r'<tr[^>]*id="rules-([a-z0-9-]+)"[^>]*>(.*?)</tr>', table.group(0),
        re.S)}


class BuiltSite:
    """A site built once for a test class: its setUpClass() sets tmp (removed
    afterwards), html (the HTML output) and build (Sphinx's run)."""

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def page(self, name):
        return read(os.path.join(self.html, name + '.html'))

    def test_build_clean(self):
        self.assertEqual(self.build.returncode, 0, self.build.stdout)


class FixtureSite(BuiltSite, unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='pmd-site.')
        cls.src = make_site(cls.tmp)
        cls.out = os.path.join(cls.tmp, 'out')
        cls.html = os.path.join(cls.out, 'html')
        run_doxygen(cls.html)
        cls.ktap = os.path.join(cls.tmp, 'results.ktap')
        with open(cls.ktap, 'w', encoding='utf-8') as f:
            f.write(KTAP)
        cls.build = sphinx(cls.src, cls.out, cls.ktap)

    def test_kunit_role_shows_result_and_links_test(self):
        page = self.page('Documentation/mm/sample')
        case = re.search(r'<span class="kunit-case">(.*?mops_isolated_flag<.*?)'
                         r'</span></span>', page, re.S)
        self.assertTrue(case, page)
        self.assertIn('kunit-status kunit-fail', case.group(1))
        line = marker_line('balloon_example_test.c', 'static void '
                           'mops_isolated_flag(') - 1
        self.assertIn('href="../../doxygen/balloon__example__test_8c_source'
                      '.html#l%05d"' % line, case.group(1))
        self.assertIn('kunit-status kunit-skip', page)

    def test_sample_links_to_source_line(self):
        page = self.page('Documentation/mm/sample')
        first = marker_line('balloon_example.c', '/* [mops-migrate-page] */')
        last = marker_line('balloon_example.c', '/* [/mops-migrate-page] */') - 2
        link = re.search(r'<p class="pmd-sample-link">.*?href="([^"]+)".*?</p>',
                         page[page.index('A rule on a section'):], re.S)
        self.assertEqual(link.group(1), '../../doxygen/balloon__example_8c_'
                         'source.html#l%05d' % first)
        self.assertIn('lines %d\u2013%d' % (first, last), text_of(link.group(0)))
        # The anchor exists in Doxygen's page.
        doxygen = read(os.path.join(self.html, 'doxygen',
                                    'balloon__example_8c_source.html'))
        self.assertIn('id="l%05d"' % first, doxygen)

    def test_rule_table(self):
        table = rows(self.page('Documentation/rules'))
        self.assertEqual(list(table), ['mops-isolated-flag',
                                       'mops-zsmalloc-handles',
                                       'mops-migrate-page'])
        flag = table['mops-isolated-flag']
        self.assertIn('examples/balloon_example_test.c [mops-isolated-flag]',
                      flag)
        self.assertIn('mops_isolated_flag fail', flag)
        self.assertIn('mops_isolated_flag__zsmalloc skip', flag)
        self.assertTrue(flag.endswith('fail'), flag)
        # Neither the case before the first rule nor the one in the
        # unlabelled section belongs to a rule.
        self.assertNotIn('mig_vm_events', ' '.join(table.values()))
        self.assertNotIn('mops_putback', ' '.join(table.values()))
        self.assertEqual(table['mops-zsmalloc-handles'],
                         'mops-zsmalloc-handles Sample page none none not run')
        page = table['mops-migrate-page']
        self.assertIn('A rule on a section', page)
        self.assertIn('mops_migrate_page pass', page)
        self.assertTrue(page.endswith('pass'), page)

    def test_rule_table_links(self):
        page = self.page('Documentation/rules')
        self.assertIn('href="mm/sample.html#mops-isolated-flag"', page)
        self.assertIn('href="mm/sample.html#mops-migrate-page"', page)
        self.assertIn('results.ktap: 2 passed, 1 failed, 1 skipped', text_of(page))

    def test_rule_table_zh(self):
        page = self.page('translations/zh_CN/rules')
        table = rows(page)
        self.assertEqual(list(table), ['mops-isolated-flag'])
        self.assertIn('mops_isolated_flag 失败', table['mops-isolated-flag'])
        self.assertIn('href="mm/sample.html#zh-cn-mops-isolated-flag"', page)

    def test_language_switch(self):
        def switch(name):
            page = self.page(name)
            nav = re.search(r'<nav class="pmd-langswitch".*?</nav>', page, re.S)
            return re.findall(r'href="([^"]+)"', nav.group(0))
        self.assertEqual(switch('Documentation/mm/sample'),
                         ['../../translations/zh_CN/mm/sample.html'])
        self.assertEqual(switch('translations/zh_CN/mm/sample'),
                         ['../../../Documentation/mm/sample.html'])
        # No translation: the Chinese start page, said so.
        self.assertEqual(switch('Documentation/solo'),
                         ['../translations/zh_CN/index.html'])
        self.assertIn('无中文译文', self.page('Documentation/solo'))

    def test_chinese_pages(self):
        page = self.page('translations/zh_CN/mm/sample')
        self.assertIn('<html lang="zh-CN">', page)
        self.assertIn('<html lang="en">', self.page('Documentation/mm/sample'))
        # The source breaks the line between two characters; the page not.
        self.assertIn('页面被隔离期间，该标志保持置位。', page)
        self.assertIn('<p class="admonition-title">备注</p>', page)
        self.assertIn('目录', page)  # the sidebar in Chinese

    def test_chinese_search(self):
        # Sphinx writes the index as ASCII JSON: 隔离 is "\u9694\u79bb".
        index = read(os.path.join(self.html, 'searchindex.js'))
        self.assertIn('"\\u9694\\u79bb"', index)
        self.assertIn('"rule"', index)

    def test_chinese_query_splitter(self):
        data = read(os.path.join(self.html, '_static', 'language_data.js'))
        self.assertIn('var splitQuery', data)
        self.assertIn('Script=Han', data)

    def test_noop_rebuild_writes_nothing(self):
        page = os.path.join(self.html, 'Documentation', 'rules.html')
        before = os.stat(page).st_mtime_ns
        result = sphinx(self.src, self.out, self.ktap)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertEqual(os.stat(page).st_mtime_ns, before)

    def test_zz_new_results_rewrite_pages(self):
        """A new KTAP file updates the results without a source change."""
        time.sleep(0.01)
        with open(self.ktap, 'w', encoding='utf-8') as f:
            f.write(KTAP.replace('not ok 1 mops_isolated_flag',
                                 'ok 1 mops_isolated_flag'))
        result = sphinx(self.src, self.out, self.ktap)
        self.assertEqual(result.returncode, 0, result.stdout)
        table = rows(self.page('Documentation/rules'))
        self.assertIn('mops_isolated_flag pass', table['mops-isolated-flag'])
        self.assertNotIn('kunit-fail', self.page('Documentation/mm/sample'))


class Failures(unittest.TestCase):
    """Builds that must fail, or show no results."""

    def build(self, body, ktap=''):
        tmp = tempfile.mkdtemp(prefix='pmd-site.')
        self.addCleanup(shutil.rmtree, tmp, True)
        src = make_site(tmp, {'Documentation/index.rst':
                              'Title\n=====\n\n' + body + '\n'})
        out = os.path.join(tmp, 'out')
        return sphinx(src, out, ktap, langs='en',
                      extra=['-D', 'pmd_doxygen=']), out

    def test_unknown_case(self):
        result, _ = self.build(
            ':kunit:`movable_ops_balloon_example_test.mops_no_such_case`')
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('suite "movable_ops_balloon_example_test" has no case '
                      '"mops_no_such_case"', result.stdout)

    def test_unknown_suite(self):
        result, _ = self.build(':kunit:`no_such_suite.mops_isolate`')
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('no KUnit suite "no_such_suite"', result.stdout)

    def test_missing_region(self):
        result, _ = self.build(
            '.. literalinclude:: /examples/balloon_example.c\n'
            '   :start-after: /* [mops-no-such-rule] */\n'
            '   :end-before: /* [/mops-no-such-rule] */\n')
        self.assertNotEqual(result.returncode, 0)

    def test_no_results_without_ktap(self):
        result, out = self.build(
            ':kunit:`movable_ops_balloon_example_test.mops_isolate`\n\n'
            '.. kunit-rules::\n', ktap='/nonexistent/results.ktap')
        self.assertEqual(result.returncode, 0, result.stdout)
        page = read(os.path.join(out, 'html', 'Documentation', 'index.html'))
        self.assertIn('mops_isolate', page)
        self.assertNotIn('kunit-status', page)
        self.assertIn('No KUnit results', page)

    def test_missing_doxygen_output(self):
        tmp = tempfile.mkdtemp(prefix='pmd-site.')
        self.addCleanup(shutil.rmtree, tmp, True)
        src = make_site(tmp, {'Documentation/index.rst': 'Title\n=====\n'})
        result = sphinx(src, os.path.join(tmp, 'out'), langs='en')
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('no Doxygen output', result.stdout)


class DoxygenFilter(unittest.TestCase):
    """The kernel-doc/Doxygen clash, on Doxygen itself."""

    SOURCE = ('/**\n'
              ' * struct thing - a thing\n'
              ' * @b: bold to Doxygen, a member to kernel-doc\n'
              ' * @page: a page command to Doxygen\n'
              ' */\n'
              'struct thing {\n'
              '\tint b;\n'
              '\t/** @n: in-line member comment */\n'
              '\tint n;\n'
              '\tvoid *page;\n'
              '};\n\n'
              '/**\n'
              ' * thing_init() - set up @t for <linux/mm.h> users\n'
              ' * @t: the thing; &struct thing, %NULL is wrong\n'
              ' * @nr_pages: how many pages\n'
              ' *\n'
              ' * Return: 0 or -ENOMEM.\n'
              ' */\n'
              'int thing_init(struct thing *t, int nr_pages);\n')

    def doxygen(self, use_filter):
        tmp = tempfile.mkdtemp(prefix='pmd-doxygen.')
        self.addCleanup(shutil.rmtree, tmp, True)
        os.mkdir(os.path.join(tmp, 'examples'))
        with open(os.path.join(tmp, 'examples', 'thing.c'), 'w',
                  encoding='utf-8') as f:
            f.write(self.SOURCE)
        cfg = os.path.join(tmp, 'Doxyfile')
        with open(cfg, 'w', encoding='utf-8') as f:
            f.write('@INCLUDE = %s\nHAVE_DOT = NO\nINPUT = %s\n'
                    % (os.path.join(ROOT, 'Documentation', 'doxygen',
                                    'Doxyfile'),
                       os.path.join(tmp, 'examples')))
            if not use_filter:
                f.write('INPUT_FILTER =\n')
        env = dict(os.environ, PMD_SRCTREE=ROOT,
                   PMD_HTML=os.path.join(tmp, 'html'), PMD_DEFINES='')
        os.makedirs(os.path.join(tmp, 'html', 'doxygen'))
        return subprocess.run(['doxygen', cfg], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              check=False)

    def test_without_filter_doxygen_fails(self):
        result = self.doxygen(False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('@nr_pages', result.stdout)

    def test_with_filter_no_warning(self):
        result = self.doxygen(True)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertEqual(result.stdout.strip(), '')


if __name__ == '__main__':
    unittest.main()
