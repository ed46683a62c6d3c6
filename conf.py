# SPDX-License-Identifier: GPL-2.0
#
# Sphinx configuration of the page migration documentation, for Debian's
# Sphinx 5.3 (python3-sphinx, run by /usr/bin/python3).  "make htmldocs"
# (mk/docs.mk) is the way in; it runs Doxygen first and passes:
#
#   PMD_KERNEL_TREE   the kernel tree whose kernel-doc extension and library
#                     build the API reference (unset: scripts/get-kernel is
#                     asked, as make does; empty: no kernel-doc, for the
#                     extension tests' small sites)
#   PMD_DOCS_LANGS    the languages to build ("en zh_CN"; from .config)
#   -D pmd_ktap=...   the KTAP file of "make kunit", if any
#
# The source directory is the repository root, so that pages include samples
# as "/examples/<file>.c" and translations sit at the kernel's
# translations/zh_CN/<path>; only Documentation/ and translations/ are read.

import logging
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'Documentation', 'sphinx'))

project = 'Page migration'
author = 'The page migration documentation authors'
copyright = '2026, ' + author

# -- Pages -------------------------------------------------------------------

langs = os.environ.get('PMD_DOCS_LANGS', 'en zh_CN').split()
include_patterns = []
if 'en' in langs:
    include_patterns.append('Documentation/**')
if 'zh_CN' in langs:
    include_patterns.append('translations/zh_CN/**')
if not include_patterns:
    raise ValueError('PMD_DOCS_LANGS names no known language (en, zh_CN)')
root_doc = ('Documentation/index' if 'en' in langs
            else 'translations/zh_CN/index')
exclude_patterns = [
    'Documentation/sphinx/**',   # our extensions, templates and tests
    'Documentation/doxygen/**',  # Doxygen configuration
    'translations/**/disclaimer-*.rst',  # included by pages, not a page
]
source_suffix = {'.rst': 'restructuredtext'}

# -- Extensions --------------------------------------------------------------

extensions = ['pmd_kunit', 'pmd_lang', 'pmd_transstatus']

# The kernel's own kernel-doc: its Sphinx extension and its Python library,
# loaded from the kernel tree, never copied here.
kernel_tree = os.environ.get('PMD_KERNEL_TREE')
if kernel_tree is None:
    series = os.environ.get('KERNEL_SERIES', '7.3')
    kernel_tree = subprocess.run(
        [os.path.join(here, 'scripts', 'get-kernel'), '-q', series],
        check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
if kernel_tree:
    kernel_ext = os.path.join(kernel_tree, 'Documentation', 'sphinx')
    # The Python kernel-doc (tools/lib/python/kdoc) of 7.x kernels; the
    # Perl kernel-doc of older trees is not driven by this configuration.
    for need in (os.path.join(kernel_ext, 'kerneldoc.py'),
                 os.path.join(kernel_tree, 'tools', 'lib', 'python', 'kdoc')):
        if not os.path.exists(need):
            raise FileNotFoundError('%s: no %s; kernel-doc needs a 7.x tree'
                                    % (kernel_tree, need))
    # kerneldoc.py finds the kdoc library through $srctree when imported.
    os.environ['srctree'] = kernel_tree
    # Appended, so that none of its modules can shadow ours.
    sys.path.append(kernel_ext)
    extensions.append('kerneldoc')
    # kernel-doc directives name files relative to this repository.
    kerneldoc_srctree = here
    kerneldoc_verbosity = 0

# -- C domain ----------------------------------------------------------------

primary_domain = 'c'
highlight_language = 'none'
nitpicky = True
# Kernel types that our declarations use but that are documented in the
# kernel, not on this site.  Listed one by one: a name missing from here is
# a broken reference and fails the build.
nitpick_ignore = [('c:identifier', name) for name in (
    'list_head', 'migrate_mode', 'movable_operations', 'page', 'pagetype',
    'size_t',
)]

# -- HTML --------------------------------------------------------------------

html_theme = 'alabaster'
html_theme_options = {
    'page_width': '1180px',
    'sidebar_width': '240px',
    'show_relbars': True,
}
html_sidebars = {'**': ['pmd-nav.html', 'pmd-search.html']}
# Pygments' own style: alabaster's underlines whitespace, and the samples
# are indented with tabs.
pygments_style = 'sphinx'
templates_path = ['Documentation/sphinx/templates']
html_static_path = ['Documentation/sphinx/static']
html_css_files = ['pmd.css']
html_title = 'Page migration documentation'
# <html>/index.html: a redirect to the start page (which is not at the top).
html_additional_pages = {'index': 'pmd-redirect.html'}
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None

# One search index for both languages.  Sphinx's Chinese search splits
# Chinese text into words with jieba (python3-jieba) and stems Latin words
# as English does, so English and Chinese pages are both searchable.
language = 'en'
html_search_language = 'zh'
try:
    import jieba  # without it, Chinese words would not be indexed at all
except ImportError as err:
    raise ImportError('Chinese search needs python3-jieba '
                      '(scripts/deps docs installs it)') from err
jieba.setLogLevel(logging.WARNING)  # not its progress lines on every build

# -- Our extensions ----------------------------------------------------------

pmd_ktap = ''            # make passes -D pmd_ktap=$(O)/kunit/results.ktap
pmd_review = ''          # make passes -D pmd_review=$(O)/doccheck/review
pmd_doxygen = 'doxygen'  # Doxygen writes into <html output>/doxygen
