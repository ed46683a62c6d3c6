# SPDX-License-Identifier: GPL-2.0
"""Translation status pages, from doccheck review.

"make htmldocs" first runs ``doccheck review --format=html --output-dir
DIR`` over translations/ (mk/doccheck.mk) and passes DIR as the config
value pmd_review.  For each translated page translations/<lang>/X that has
a report DIR/translations/<lang>/X.html, this extension adds

- a page translations/<lang>/X-status.html: the report (sections up to
  date, outdated with the original's diff, missing, extra; names to
  update; stale names; translator and reviewer),
- a line at the top of the translated page linking to it, with the
  report's one-line summary,
- a page translations/<lang>/status.html listing every translated page of
  that language with its summary.

Without pmd_review (the default) it adds nothing.  With it, a translated
page without a report is a warning, so an error under -W: the reports
must cover every translation.
"""

import html
import os
import posixpath
import re

from sphinx.util import logging

from pmd_lang import LANGUAGES, lang_of

logger = logging.getLogger(__name__)

_WORDS = {
    'status': {'en': 'Translation status', 'zh_CN': '翻译状态'},
    'of': {'en': 'Translation status: {}', 'zh_CN': '翻译状态：{}'},
    'all': {'en': 'Translation status of all pages',
            'zh_CN': '全部译文的翻译状态'},
    'intro': {'en': 'What doccheck review reports for each translated page: '
                    'which sections are up to date, outdated, missing or '
                    'extra, and why.',
              'zh_CN': '每个译文页面的 doccheck review 报告：哪些章节是最新的、'
                       '过时的、缺失的或多余的，以及原因。'},
    'page': {'en': 'Translated page', 'zh_CN': '译文页面'},
    'summary': {'en': 'Summary', 'zh_CN': '概况'},
    'back': {'en': 'Back to the page', 'zh_CN': '返回译文页面'},
}

_TAGS = {code: tag for code, _, _, tag in LANGUAGES}
_SUMMARY = re.compile(r'<p class="pmd-review-summary">(.*?)</p>', re.S)


def _word(key, lang):
    return _WORDS[key].get(lang, _WORDS[key]['en'])


def report_path(review_dir, docname):
    """The report doccheck review writes for the page @docname."""
    return os.path.join(review_dir, docname + '.html')


def status_page(docname):
    """The page name of @docname's status page."""
    return docname + '-status'


def index_page(lang):
    """The page listing the status of every page of @lang."""
    for code, prefix, _, _ in LANGUAGES:
        if code == lang:
            return prefix + 'status'
    return None


def summary_of(report):
    """The one-line summary of a report, as plain text."""
    match = _SUMMARY.search(report)
    if not match:
        return ''
    return html.unescape(re.sub(r'<[^>]+>', '', match.group(1))).strip()


def _translated(env):
    return sorted(d for d in env.found_docs if lang_of(d) != 'en')


def _reports(app):
    """{docname: report HTML} of the translated pages, warning for gaps."""
    review_dir = app.config.pmd_review
    if not review_dir:
        return {}
    reports = {}
    for docname in _translated(app.env):
        path = report_path(review_dir, docname)
        try:
            with open(path, encoding='utf-8') as f:
                reports[docname] = f.read()
        except OSError as err:
            logger.warning('no translation status report for this page (%s: '
                           '%s); make htmldocs writes them with doccheck '
                           'review', path, err.strerror, location=docname)
    return reports


def _rel(app, frm, to):
    uri_from = app.builder.get_target_uri(frm)
    uri_to = app.builder.get_target_uri(to)
    return posixpath.relpath(uri_to, posixpath.dirname(uri_from) or '.')


def _title(env, docname):
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def _status_body(app, docname, report):
    lang = lang_of(docname)
    page = status_page(docname)
    back = _rel(app, page, docname)
    index = index_page(lang)
    parts = ['<h1>%s</h1>' % html.escape(_word('of', lang).format(
                 _title(app.env, docname))),
             '<p class="pmd-status-nav"><a href="%s">%s</a> | <a href="%s">%s'
             '</a></p>' % (html.escape(back), _word('back', lang),
                           html.escape(_rel(app, page, index)),
                           _word('all', lang)),
             '<div lang="en">', report, '</div>']
    return '\n'.join(parts)


def _index_body(app, lang, docnames, reports):
    index = index_page(lang)
    rows = []
    for docname in docnames:
        rows.append('<tr><td><a href="%s">%s</a></td><td>%s</td></tr>' % (
            html.escape(_rel(app, index, status_page(docname))),
            html.escape(_title(app.env, docname)),
            html.escape(summary_of(reports[docname]))))
    return ('<h1>%s</h1>\n<p>%s</p>\n<table class="pmd-status-index">'
            '<thead><tr><th>%s</th><th>%s</th></tr></thead><tbody>\n%s\n'
            '</tbody></table>' % (_word('all', lang), _word('intro', lang),
                                  _word('page', lang), _word('summary', lang),
                                  '\n'.join(rows)))


def _get_outdated(app, env, added, changed, removed):
    # A translated page shows its report's summary: read it again (so that
    # it is written again) when the summary changed.
    review_dir = app.config.pmd_review
    known = getattr(env, 'pmd_status_summary', {})
    again = []
    current = {}
    for docname in _translated(env):
        try:
            with open(report_path(review_dir, docname), encoding='utf-8') as f:
                current[docname] = summary_of(f.read())
        except OSError:
            current[docname] = None
        if review_dir and known.get(docname) != current[docname]:
            again.append(docname)
    env.pmd_status_summary = current
    return again


def _env_updated(app, env):
    # Read before the pages are written: each translated page links to its
    # report.  Kept on the application, not in the pickled environment.
    app.pmd_status_reports = _reports(app)
    return []


def _collect_pages(app):
    reports = getattr(app, 'pmd_status_reports', {})
    by_lang = {}
    for docname, report in sorted(reports.items()):
        by_lang.setdefault(lang_of(docname), []).append(docname)
        yield (status_page(docname),
               {'title': _word('of', lang_of(docname)).format(
                   _title(app.env, docname)),
                'body': _status_body(app, docname, report),
                'pmd_status_page': True},
               'page.html')
    for lang, docnames in sorted(by_lang.items()):
        yield (index_page(lang),
               {'title': _word('all', lang),
                'body': _index_body(app, lang, docnames, reports),
                'pmd_status_page': True},
               'page.html')


def _page_context(app, pagename, templatename, context, doctree):
    reports = getattr(app, 'pmd_status_reports', None)
    if not reports:
        return
    if doctree is None:
        # our generated pages: in the language of their translation
        if context.get('pmd_status_page'):
            context['language'] = _TAGS.get(lang_of(pagename), 'en')
        return
    if pagename not in reports:
        return
    lang = lang_of(pagename)
    context['pmd_status'] = {
        'url': _rel(app, pagename, status_page(pagename)),
        'text': _word('status', lang),
        'summary': summary_of(reports[pagename]),
    }


def setup(app):
    app.add_config_value('pmd_review', '', 'env')
    app.connect('env-get-outdated', _get_outdated)
    app.connect('env-updated', _env_updated)
    app.connect('html-collect-pages', _collect_pages)
    app.connect('html-page-context', _page_context)
    return {'version': '1.0', 'parallel_read_safe': True,
            'parallel_write_safe': True}
