# SPDX-License-Identifier: GPL-2.0
"""Tie the pages' rules to their code samples, KUnit cases and results.

Provides:

``:kunit:`suite.case` ``
    Names a KUnit case of examples/*_test.c.  An unknown suite or case is a
    warning (an error under -W).  Renders the name, linked to the case's
    function in the Doxygen source browser, and, when the KTAP file of
    "make kunit" exists (config value pmd_ktap), the case's result.

``literalinclude`` (the standard directive, extended)
    A sample from examples/ gets a line under it naming the file and lines,
    linked to that line of the Doxygen source browser.

``.. kunit-rules::``
    A table of every rule of the pages in this page's language: the rule's
    label, its samples, its KUnit cases and their results.

A rule is a label ".. _mops-<id>:" or ".. _mig-<id>:" (zh_CN:
".. _zh_CN-mops-<id>:"); the samples and cases that follow it, up to the
next rule label or section title, belong to it.

Config values: pmd_examples_dir (default: <srcdir>/examples), pmd_ktap (the
KTAP file; empty for none), pmd_doxygen (the Doxygen HTML directory,
relative to the HTML output; empty for no source browser links).
"""

import os
import re

from docutils import nodes
from sphinx.directives.code import LiteralInclude
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.osutil import relative_uri

import pmd_csource
import pmd_ktap
from pmd_lang import lang_of

logger = logging.getLogger(__name__)

RULE_LABEL = re.compile(r'^(?:zh_cn-)?(?P<id>(?:mops|mig)-[a-z0-9]+(?:-[a-z0-9]+)*)$')

_WORDS = {
    'en': {
        'pass': 'pass', 'fail': 'fail', 'skip': 'skip', 'none': 'not run',
        'lines': 'lines {}\u2013{}', 'browse': 'source browser',
        'rule': 'Rule', 'sample': 'Code sample', 'cases': 'KUnit cases',
        'status': 'Result', 'no-rules': 'No rule labels found in the pages.',
        'summary': '{rules} rules in {pages} page(s).',
        'results': 'KUnit results from {file}: {pass} passed, {fail} failed, '
                   '{skip} skipped.',
        'no-results': 'No KUnit results: run "make kunit" to show them.',
        'missing': 'none',
    },
    'zh_CN': {
        'pass': '通过', 'fail': '失败', 'skip': '跳过', 'none': '未运行',
        'lines': '第 {}\u2013{} 行', 'browse': '源码浏览',
        'rule': '规则', 'sample': '示例代码', 'cases': 'KUnit 用例',
        'status': '结果', 'no-rules': '页面中没有找到规则标签。',
        'summary': '共 {pages} 个页面，{rules} 条规则。',
        'results': 'KUnit 结果（{file}）：{pass} 个通过，{fail} 个失败，'
                   '{skip} 个跳过。',
        'no-results': '没有 KUnit 结果：运行 “make kunit” 后即可显示。',
        'missing': '无',
    },
}


def _words(docname):
    return _WORDS.get(lang_of(docname), _WORDS['en'])


# --- nodes --------------------------------------------------------------

class kunit_case(nodes.Inline, nodes.Element):
    """A :kunit: role; replaced by links and a result when resolved."""


class sample_link(nodes.General, nodes.Element):
    """The line under a sample from examples/; resolved to a paragraph."""


class rules_table(nodes.General, nodes.Element):
    """Placeholder of the kunit-rules directive."""


# --- the sources: suites, KTAP results, Doxygen pages --------------------

class Sources:
    """What the build reads besides the pages, loaded once per build."""

    def __init__(self, app):
        cfg = app.config
        self.examples = os.path.abspath(
            cfg.pmd_examples_dir or os.path.join(app.srcdir, 'examples'))
        self.suites, self.test_files = pmd_csource.read_suites(self.examples)
        self.ktap = os.path.abspath(cfg.pmd_ktap) if cfg.pmd_ktap else ''
        self.results = pmd_ktap.read_ktap(self.ktap) if self.ktap else {}
        self.have_results = bool(self.ktap) and os.path.isfile(self.ktap)
        self.doxygen = None  # examples file name -> source page
        self.anchors = {}    # source page -> set of line anchors
        self.doxygen_dir = ''
        if cfg.pmd_doxygen and app.builder.format == 'html':
            self.doxygen_dir = cfg.pmd_doxygen
            self._read_tagfile(os.path.join(app.outdir, cfg.pmd_doxygen))

    def _read_tagfile(self, directory):
        tag = os.path.join(directory, 'examples.tag')
        self.doxygen_path = directory
        try:
            with open(tag, encoding='utf-8') as f:
                text = f.read()
        except FileNotFoundError:
            logger.warning('pmd_kunit: no Doxygen output at %s (run Doxygen '
                           'first: "make htmldocs" does)', directory)
            return
        self.doxygen = {}
        # <compound kind="file"><name>x.c</name>...<filename>x_8c.html
        for m in re.finditer(r'<compound kind="file">\s*<name>([^<]+)</name>'
                             r'.*?<filename>([^<]+?)(?:\.html)?</filename>',
                             text, re.S):
            self.doxygen[m.group(1)] = m.group(2) + '_source.html'

    def fingerprint(self):
        """Changes when results or the source browser change."""
        def stamp(path):
            try:
                st = os.stat(path)
                return (st.st_mtime_ns, st.st_size)
            except OSError:
                return None
        tag = (os.path.join(self.doxygen_path, 'examples.tag')
               if self.doxygen_dir else '')
        return (self.ktap, stamp(self.ktap) if self.ktap else None,
                self.doxygen_dir, stamp(tag) if tag else None)

    def source_page(self, filename, line, location):
        """The Doxygen URL (relative to the HTML root) of @filename:@line.

        Warns and returns None when the source browser lacks it.
        """
        if not self.doxygen_dir or self.doxygen is None:
            return None
        page = self.doxygen.get(filename)
        if page is None:
            logger.warning('pmd_kunit: %s is not in the Doxygen source '
                           'browser', filename, location=location)
            return None
        if page not in self.anchors:
            try:
                with open(os.path.join(self.doxygen_path, page),
                          encoding='utf-8') as f:
                    self.anchors[page] = set(
                        re.findall(r'id="(l\d+)"', f.read()))
            except OSError:
                self.anchors[page] = set()
        anchor = 'l%05d' % line
        if anchor not in self.anchors[page]:
            logger.warning('pmd_kunit: Doxygen page %s has no line %d',
                           page, line, location=location)
            return None
        return '%s/%s#%s' % (self.doxygen_dir, page, anchor)


def _sources(app):
    if not hasattr(app, 'pmd_sources'):
        app.pmd_sources = Sources(app)
    return app.pmd_sources


# --- the role and the directives ----------------------------------------

class KUnitRole(SphinxRole):
    """:kunit:`suite.case`"""

    def run(self):
        src = _sources(self.env.app)
        suite, _, case = self.text.strip().rpartition('.')
        node = kunit_case(self.rawtext, suite=suite, case=case, known=False)
        for path in src.test_files:
            self.env.note_dependency(path)
        if not suite or not case:
            logger.warning('kunit: "%s" is not "suite.case"', self.text,
                           location=self.get_source_info())
        elif suite not in src.suites:
            logger.warning('kunit: no KUnit suite "%s" in %s/*_test.c',
                           suite, src.examples, location=self.get_source_info())
        elif case not in src.suites[suite]:
            logger.warning('kunit: suite "%s" has no case "%s"', suite, case,
                           location=self.get_source_info())
        else:
            node['known'] = True
        node.source, node.line = self.get_source_info()
        return [node], []


class PmdLiteralInclude(LiteralInclude):
    """literalinclude that marks samples from examples/ for linking."""

    def run(self):
        result = super().run()
        src = _sources(self.env.app)
        _, path = self.env.relfn2path(self.arguments[0])
        path = os.path.abspath(path)
        if not path.startswith(src.examples + os.sep):
            return result
        blocks = [n for r in result for n in r.findall(nodes.literal_block)]
        if not blocks:
            return result  # an error was reported instead
        with open(path, encoding=self.options.get('encoding', 'utf-8')) as f:
            text = f.read()
        after = self.options.get('start-after')
        before = self.options.get('end-before')
        if after and before:
            lines = pmd_csource.region_lines(text, after, before)
        elif 'lines' in self.options:
            # ":lines: 10-20,30": link to where the first range starts.
            numbers = re.findall(r'\d+', self.options['lines'])
            first = int(numbers[0]) if numbers else 1
            lines = (first, int(numbers[1]) if len(numbers) > 1 else first)
        else:
            lines = (1, text.count('\n') or 1)
        if lines is None:
            return result
        rel = os.path.relpath(path, os.path.dirname(src.examples))
        info = {'file': rel.replace(os.sep, '/'),
                'name': os.path.basename(path),
                'region': pmd_csource.region_of(after) if after else None,
                'first': lines[0], 'last': lines[1]}
        blocks[0]['pmd_sample'] = info
        link = sample_link('', **info)
        link.source, link.line = self.get_source_info()
        return result + [link]


class KUnitRulesDirective(SphinxDirective):
    """.. kunit-rules::"""

    def run(self):
        node = rules_table('')
        node.source, node.line = self.get_source_info()
        return [node]


# --- collecting the rules of each page -----------------------------------

def _rule_name(node):
    """The rule label among @node's names, or None."""
    for name in node['names']:
        if RULE_LABEL.match(name):
            return name
    return None


def collect_rules(doctree):
    """The rules of @doctree in document order, with samples and cases.

    A rule starts at its label and runs to the next rule label or section
    title.  A label before a section title makes the section the rule (up to
    its first subsection).  Each rule is a dict: id, label, refid, section
    (title of the rule's section), samples (the pmd_sample dicts), cases
    ((suite, case) pairs).
    """
    rules = []
    current = None

    def title_of(section):
        if section is not None and section.children and \
                isinstance(section[0], nodes.title):
            return section[0].astext()
        return ''

    def start(name, refid, section):
        nonlocal current
        current = {'id': RULE_LABEL.match(name).group('id'), 'label': name,
                   'refid': refid, 'section': title_of(section),
                   'samples': [], 'cases': []}
        rules.append(current)

    def visit(node, section):
        nonlocal current
        for child in node.children:
            if isinstance(child, nodes.section):
                current = None
                name = _rule_name(child)
                if name:
                    # The label's own id, not the one made from the title.
                    start(name, doctree.nameids.get(name) or child['ids'][0],
                          child)
                visit(child, child)
                current = None
                continue
            if isinstance(child, nodes.target) and 'refid' in child:
                # docutils moves a label's name from its target to the
                # element that follows (PropagateTargets); sections are
                # handled above.
                element = doctree.ids.get(child['refid'])
                if element is not None and \
                        not isinstance(element, nodes.section):
                    name = _rule_name(child) or _rule_name(element)
                    if name:
                        start(name, child['refid'], section)
            elif current is not None and \
                    isinstance(child, nodes.literal_block) and \
                    'pmd_sample' in child:
                current['samples'].append(dict(child['pmd_sample']))
            elif current is not None and isinstance(child, kunit_case):
                current['cases'].append((child['suite'], child['case']))
            visit(child, section)

    visit(doctree, None)
    return rules


def _env_data(env):
    if not hasattr(env, 'pmd_rules'):
        env.pmd_rules = {}        # docname -> collect_rules()
        env.pmd_users = set()     # docs showing results or source links
        env.pmd_tables = set()    # docs with a kunit-rules table
        env.pmd_fingerprint = None
    return env


def _doctree_read(app, doctree):
    env = _env_data(app.env)
    docname = env.docname
    rules = collect_rules(doctree)
    if rules:
        env.pmd_rules[docname] = rules
    if any(doctree.findall(lambda n: isinstance(n, (kunit_case, sample_link)))):
        env.pmd_users.add(docname)
    if any(doctree.findall(rules_table)):
        env.pmd_tables.add(docname)


def _purge_doc(app, env, docname):
    env = _env_data(env)
    env.pmd_rules.pop(docname, None)
    env.pmd_users.discard(docname)
    env.pmd_tables.discard(docname)


def _merge_info(app, env, docnames, other):
    env = _env_data(env)
    other = _env_data(other)
    for docname in docnames:
        if docname in other.pmd_rules:
            env.pmd_rules[docname] = other.pmd_rules[docname]
    env.pmd_users |= other.pmd_users & set(docnames)
    env.pmd_tables |= other.pmd_tables & set(docnames)


def _get_outdated(app, env, added, changed, removed):
    """Docs to rebuild besides those whose source changed.

    Results and source links are put in when pages are written, so pages
    that show them are rewritten when the KTAP file or the Doxygen output
    change; rule tables are rewritten whenever any page changes.
    """
    env = _env_data(env)
    outdated = set()
    fingerprint = _sources(app).fingerprint()
    if fingerprint != env.pmd_fingerprint:
        env.pmd_fingerprint = fingerprint
        outdated |= env.pmd_users | env.pmd_tables
    if added or changed or removed:
        outdated |= env.pmd_tables
    return sorted(outdated - set(removed))


# --- rendering -----------------------------------------------------------

def _uri(app, fromdoc, target):
    """Relative URI from page @fromdoc to @target (relative to the root)."""
    # relative_uri() drops the fragment; keep it.
    path, hash_, fragment = target.partition('#')
    return relative_uri(app.builder.get_target_uri(fromdoc), path) + \
        hash_ + fragment


def _status_badge(status, words):
    key = status or 'none'
    return nodes.inline('', words[key], classes=['kunit-status',
                                                 'kunit-' + key])


def _case_node(app, fromdoc, suite, case, full, location):
    """A case's name, linked to its test function when possible."""
    src = _sources(app)
    text = '%s.%s' % (suite, case) if full else case
    name = nodes.literal(text, text)
    where = src.suites.get(suite, {}).get(case)
    target = src.source_page(*where, location) if where else None
    if target is None:
        return name
    ref = nodes.reference('', '', name, internal=False,
                          refuri=_uri(app, fromdoc, target),
                          reftitle='%s.%s' % (suite, case))
    return ref


def _render_case(app, fromdoc, node):
    src = _sources(app)
    words = _words(fromdoc)
    location = (node.source, node.line)
    out = nodes.inline('', '', classes=['kunit-case'])
    out += _case_node(app, fromdoc, node['suite'], node['case'], True,
                      location)
    if node['known'] and src.have_results:
        out += nodes.Text(' ')
        out += _status_badge(src.results.get((node['suite'], node['case'])),
                             words)
    return out


def _render_sample_link(app, fromdoc, node):
    src = _sources(app)
    words = _words(fromdoc)
    para = nodes.paragraph('', '', classes=['pmd-sample-link'])
    label = nodes.inline('', '')
    label += nodes.literal(node['file'], node['file'])
    label += nodes.Text(' ' + words['lines'].format(node['first'],
                                                    node['last']))
    target = src.source_page(node['name'], node['first'],
                             (node.source, node.line))
    if target is None:
        para += label
        return para
    para += nodes.reference('', '', label, internal=False,
                            refuri=_uri(app, fromdoc, target),
                            reftitle=words['browse'])
    para += nodes.Text(' (%s)' % words['browse'])
    return para


def _rule_status(statuses):
    if not statuses or None in statuses:
        return None
    for status in (pmd_ktap.FAIL, pmd_ktap.SKIP):
        if status in statuses:
            return status
    return pmd_ktap.PASS


def rules_of_language(env, lang):
    """(docname, rule) for every rule of the pages in language @lang."""
    return [(doc, rule) for doc in sorted(env.pmd_rules)
            if lang_of(doc) == lang for rule in env.pmd_rules[doc]]


def _render_table(app, fromdoc, node):
    env = _env_data(app.env)
    src = _sources(app)
    words = _words(fromdoc)
    location = (node.source, node.line)
    rules = rules_of_language(env, lang_of(fromdoc))
    out = []
    pages = {doc for doc, _ in rules}
    summary = nodes.paragraph()
    summary += nodes.Text(words['summary'].format(rules=len(rules),
                                                  pages=len(pages)) + ' ')
    if src.have_results:
        counts = pmd_ktap.totals(src.results)
        summary += nodes.Text(words['results'].format(
            file=os.path.relpath(src.ktap, os.path.dirname(src.examples)),
            **counts))
    else:
        summary += nodes.Text(words['no-results'])
    out.append(summary)
    if not rules:
        out.append(nodes.paragraph('', words['no-rules']))
        return out

    columns = [words['rule'], words['sample'], words['cases']]
    if src.have_results:
        columns.append(words['status'])
    table = nodes.table(classes=['pmd-rules'])
    group = nodes.tgroup(cols=len(columns))
    table += group
    for width in (25, 30, 35, 10)[:len(columns)]:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for title in columns:
        row += nodes.entry('', nodes.paragraph('', title))
    head += row
    group += head
    body = nodes.tbody()
    group += body

    used = set()
    for doc, rule in rules:
        # A rule stated on two pages gets one anchor, at its first row.
        anchor = 'rules-' + rule['id']
        row = nodes.row(ids=[] if anchor in used else [anchor])
        used.add(anchor)
        cell = nodes.entry()
        para = nodes.paragraph()
        para += nodes.reference(
            '', '', nodes.literal(rule['id'], rule['id']), internal=True,
            refuri=app.builder.get_relative_uri(fromdoc, doc) +
            '#' + rule['refid'])
        cell += para
        if rule['section']:
            cell += nodes.paragraph('', rule['section'],
                                    classes=['pmd-section'])
        row += cell

        cell = nodes.entry()
        for sample in rule['samples']:
            para = nodes.paragraph()
            text = sample['file'] + (
                ' [%s]' % sample['region'] if sample['region'] else '')
            lit = nodes.literal(text, text)
            target = src.source_page(sample['name'], sample['first'],
                                     location)
            if target:
                para += nodes.reference('', '', lit, internal=False,
                                        refuri=_uri(app, fromdoc, target))
            else:
                para += lit
            cell += para
        if not rule['samples']:
            cell += nodes.paragraph('', words['missing'])
        row += cell

        cell = nodes.entry()
        statuses = []
        for suite, case in rule['cases']:
            para = nodes.paragraph()
            para += _case_node(app, fromdoc, suite, case, False, location)
            if src.have_results:
                status = src.results.get((suite, case))
                statuses.append(status)
                para += nodes.Text(' ')
                para += _status_badge(status, words)
            cell += para
        if not rule['cases']:
            cell += nodes.paragraph('', words['missing'])
        row += cell

        if src.have_results:
            cell = nodes.entry()
            cell += nodes.paragraph('', '', _status_badge(
                _rule_status(statuses), words))
            row += cell
        body += row
    out.append(table)
    return out


def _doctree_resolved(app, doctree, docname):
    for node in list(doctree.findall(kunit_case)):
        node.replace_self(_render_case(app, docname, node))
    for node in list(doctree.findall(sample_link)):
        node.replace_self(_render_sample_link(app, docname, node))
    for node in list(doctree.findall(rules_table)):
        node.replace_self(_render_table(app, docname, node))


def _builder_inited(app):
    app.pmd_sources = Sources(app)


def setup(app):
    app.add_config_value('pmd_examples_dir', '', 'env')
    app.add_config_value('pmd_ktap', '', 'env')
    app.add_config_value('pmd_doxygen', 'doxygen', 'env')
    app.add_node(kunit_case)
    app.add_node(sample_link)
    app.add_node(rules_table)
    app.add_role('kunit', KUnitRole())
    app.add_directive('literalinclude', PmdLiteralInclude, override=True)
    app.add_directive('kunit-rules', KUnitRulesDirective)
    app.connect('builder-inited', _builder_inited)
    app.connect('env-get-outdated', _get_outdated)
    app.connect('doctree-read', _doctree_read)
    app.connect('env-purge-doc', _purge_doc)
    app.connect('env-merge-info', _merge_info)
    app.connect('doctree-resolved', _doctree_resolved)
    return {'version': '1.0', 'parallel_read_safe': True,
            'parallel_write_safe': True, 'env_version': 1}
