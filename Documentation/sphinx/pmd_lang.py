# SPDX-License-Identifier: GPL-2.0
"""Languages of the site and the switch between a page and its translation.

The site keeps the kernel's layout: an English page Documentation/X has its
Simplified Chinese translation at translations/zh_CN/X.  Every HTML page
gets a switch at its top: the current language, and a link to the same page
in the other language, or to that language's start page (marked as such)
when the page has no counterpart.

Each language's pages also get, in the sidebar, the table of contents of
their own language's start page (pmd_nav) and words in their language;
zh_CN pages get lang="zh-CN" (which picks the Chinese glyphs of CJK fonts),
admonition titles in Chinese, and no stray spaces where a source line breaks
between two Chinese characters.
"""

import posixpath
import re

from docutils import nodes
from sphinx import addnodes
from sphinx import search
from sphinx.environment.adapters.toctree import TocTree
from sphinx.search.zh import SearchChinese

# Language code, docname prefix, name shown in the switch, HTML lang tag.
LANGUAGES = (
    ('en', 'Documentation/', 'English', 'en'),
    ('zh_CN', 'translations/zh_CN/', '简体中文', 'zh-CN'),
)
_BY_CODE = {code: (prefix, name, tag) for code, prefix, name, tag in LANGUAGES}

# Words the extensions put on pages, per language.
_WORDS = {
    'no-translation': {'en': 'no English page', 'zh_CN': '无中文译文'},
    'contents': {'en': 'Contents', 'zh_CN': '目录'},
    'search': {'en': 'Search', 'zh_CN': '搜索'},
    'go': {'en': 'Go', 'zh_CN': '搜索'},
}

# Titles of the standard admonitions on zh_CN pages (Sphinx puts the
# site's language, English, there).
_ZH_ADMONITIONS = {
    nodes.attention: '注意', nodes.caution: '小心', nodes.danger: '危险',
    nodes.error: '错误', nodes.hint: '提示', nodes.important: '重要',
    nodes.note: '备注', nodes.tip: '小技巧', nodes.warning: '警告',
}

# Characters between which a line break is no space in Chinese text: CJK
# ideographs and punctuation, fullwidth forms, and the quotes and dashes
# Chinese text uses.
_CJK = '\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026'
_CJK_BREAK = re.compile('(?<=[%s])\\s*\\n\\s*(?=[%s])' % (_CJK, _CJK))


def lang_of(docname):
    """Language code of @docname; pages outside both trees count as 'en'."""
    for code, prefix, _, _ in LANGUAGES:
        if docname.startswith(prefix):
            return code
    return 'en'


def counterpart(docname, code):
    """The docname @docname would have in language @code (may not exist)."""
    here = lang_of(docname)
    prefix = _BY_CODE[here][0]
    if not docname.startswith(prefix):
        return None
    return _BY_CODE[code][0] + docname[len(prefix):]


def switch_entries(docname, found_docs, root_of):
    """The entries of the switch on page @docname.

    @found_docs: every docname of the site; @root_of: language code -> the
    start page of that language.  Returns a list of dicts with the
    language's name, its HTML lang tag, the target docname (None for the
    current language) and whether the target is only the start page.
    Languages without pages in this build are left out.
    """
    here = lang_of(docname)
    entries = []
    for code, _, name, tag in LANGUAGES:
        if code == here:
            entries.append({'name': name, 'tag': tag, 'target': None,
                            'fallback': False, 'code': code})
            continue
        target = counterpart(docname, code)
        fallback = target not in found_docs
        if fallback:
            target = root_of.get(code)
            if target not in found_docs:
                continue
        entries.append({'name': name, 'tag': tag, 'target': target,
                        'fallback': fallback, 'code': code})
    return entries


def join_cjk_lines(text):
    """@text without the line breaks between two Chinese characters."""
    return _CJK_BREAK.sub('', text)


def _skip_text(node):
    """True for text that is shown as written (code, raw HTML)."""
    while node is not None:
        if isinstance(node, (nodes.FixedTextElement, nodes.literal,
                             nodes.raw, nodes.comment)):
            return True
        node = node.parent
    return False


def _doctree_read(app, doctree):
    if lang_of(app.env.docname) != 'zh_CN':
        return
    for text in list(doctree.findall(nodes.Text)):
        if '\n' in text and not _skip_text(text.parent):
            joined = join_cjk_lines(text.astext())
            if joined != text.astext():
                text.parent.replace(text, nodes.Text(joined))
    for kind, title in _ZH_ADMONITIONS.items():
        for node in list(doctree.findall(kind)):
            new = nodes.admonition('', nodes.title('', title), *node.children,
                                   classes=[kind.__name__] + node['classes'])
            node.replace_self(new)


ROOTS = {code: prefix + 'index' for code, prefix, _, _ in LANGUAGES}


def _lang_nav(app, pagename):
    """The sidebar TOC of @pagename's language: its start page's toctrees."""
    env = app.env
    root = ROOTS[lang_of(pagename)]
    if root not in env.found_docs:
        return ''
    adapter = TocTree(env)
    result = None
    for toctree in env.get_doctree(root).findall(addnodes.toctree):
        resolved = adapter.resolve(pagename, app.builder, toctree, prune=True,
                                   maxdepth=2, titles_only=False,
                                   collapse=False, includehidden=True)
        if resolved is None:
            continue
        if result is None:
            result = resolved
        else:
            result.extend(resolved.children)
    if result is None:
        return ''
    return app.builder.render_partial(result)['fragment']


def _html_page_context(app, pagename, templatename, context, doctree):
    lang = lang_of(pagename)
    context['pmd_words'] = {key: words[lang] for key, words in _WORDS.items()}
    context['pmd_root'] = ROOTS[lang]
    context['pmd_nav'] = _lang_nav(app, pagename)
    if doctree is None:
        return  # genindex, search: no pair to switch to
    env = app.env
    roots = ROOTS
    here_uri = app.builder.get_target_uri(pagename)
    links = []
    for entry in switch_entries(pagename, env.found_docs, roots):
        link = dict(entry)
        if entry['target'] is not None:
            uri = app.builder.get_target_uri(entry['target'])
            link['url'] = posixpath.relpath(
                uri, posixpath.dirname(here_uri) or '.')
            if entry['fallback']:
                link['note'] = _WORDS['no-translation'][entry['code']]
        links.append(link)
    context['pmd_langswitch'] = links
    # The basic theme writes <html lang="{{ language }}">.
    context['language'] = _BY_CODE[lang_of(pagename)][2]


# Sphinx's Chinese search cuts the pages into words with jieba, but the
# browser has no jieba: a query typed without spaces, such as 隔离标志, is
# one term that matches no word of the index.  This splitter cuts each run
# of Chinese characters in the query into the longest words the index
# knows (forward maximum matching), single characters where it knows none.
_SPLITTER_JS = r"""
var splitQuery = (query) => {
  const index = (typeof Search !== "undefined" && Search._index) || {};
  const known = (word) => (index.terms && word in index.terms) ||
                          (index.titleterms && word in index.titleterms);
  const words = [];
  query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
    .filter((part) => part)
    .forEach((part) => {
      (part.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) || []).forEach((run) => {
        if (!/\p{Script=Han}/u.test(run)) {
          words.push(run);
          return;
        }
        for (let i = 0; i < run.length;) {
          let j = Math.min(run.length, i + 8);
          while (j > i + 1 && !known(run.slice(i, j))) j--;
          words.push(run.slice(i, j));
          i = j;
        }
      });
    });
  return words;
};
"""


class SearchChineseSplit(SearchChinese):
    """Sphinx's Chinese search, with the query splitter above."""
    js_splitter_code = _SPLITTER_JS


def setup(app):
    search.languages['zh'] = SearchChineseSplit
    app.connect('doctree-read', _doctree_read)
    app.connect('html-page-context', _html_page_context)
    return {'version': '1.0', 'parallel_read_safe': True,
            'parallel_write_safe': True}
