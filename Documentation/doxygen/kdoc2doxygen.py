#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Doxygen INPUT_FILTER: turn kernel-doc comments into Doxygen comments.

kernel-doc and Doxygen both claim "/**" comments but read them differently:
kernel-doc's "@name:" introduces a parameter or member, while Doxygen reads
"@name" as the command "\\name" ("@b" is bold, "@page" starts a page, most
others are unknown commands and warnings).  Rather than switching Doxygen
warnings off, this filter rewrites each kernel-doc comment into what the
same text means in Doxygen:

  name() - brief          ->  \\brief brief
  struct name - brief     ->  \\brief brief
  @param: text            ->  \\param param text      (functions, macros)
  @member: text           ->  - \\p member: text      (struct, union, enum)
  @name (in the text)     ->  \\p name
  &struct name, &name     ->  struct name, name
  %CONST                  ->  \\c CONST
  Return: text            ->  \\return text
  DOC: title              ->  the block becomes a plain comment
  /** @member: text */     ->  /** text */  (in-line member comment)

Backslashes and angle brackets in comment text are escaped, so that
"<linux/balloon.h>" is not taken for an HTML tag.  Every line maps to one
line: Doxygen's line numbers (and the source browser's anchors, which the
Sphinx pages link to) stay those of the real file.  Code outside "/**"
comments passes through untouched.

Usage (Doxygen runs it as INPUT_FILTER): kdoc2doxygen.py FILE
"""

import re
import sys

# "/**" opening a comment, but not "/***" banners or "/**/".
_OPEN = re.compile(r'^(\s*)/\*\*(?![*/])(.*)$')
# The title line: "name() - brief", "struct name - brief", "DOC: title".
_TITLE = re.compile(
    r'^(?P<lead>\s*\*?\s*)'
    r'(?:(?P<kind>struct|union|enum|typedef)\s+)?'
    r'(?P<name>[A-Za-z_]\w*)\s*(?P<call>\(\s*\))?\s*'
    r'(?:-+\s*(?P<brief>.*))?$')
_DOC = re.compile(r'^\s*\*?\s*DOC:')
# "@name:" at the start of a comment line; "@foo.bar:" and "@...:" too.
_PARAM = re.compile(r'^(?P<lead>\s*\*?\s*)@(?P<name>\.\.\.|[A-Za-z_][\w.]*)'
                    r'\s*:\s?(?P<text>.*)$')
_RETURN = re.compile(r'^(?P<lead>\s*\*?\s*)Returns?:\s*(?P<text>.*)$')
_INLINE_PARAM = re.compile(r'(?<![\w@\\])@([A-Za-z_]\w*|\.\.\.)')
_AMP = re.compile(r'&((?:struct|union|enum|typedef)\s+)?(?=[A-Za-z_])')
_PERCENT = re.compile(r'(?<![\w%])%([A-Za-z_-][\w-]*)')


def _escape(text):
    """Escape what Doxygen would read as commands or HTML tags."""
    return (text.replace('\\', '\\\\')
                .replace('<', '\\<').replace('>', '\\>'))


def _inline(text):
    """Rewrite kernel-doc's inline markup in a run of comment text."""
    text = _escape(text)
    text = _INLINE_PARAM.sub(r'\\p \1', text)
    text = _AMP.sub(r'\1', text)
    return _PERCENT.sub(r'\\c \1', text)


def _split_end(line):
    """Split a line at the "*/" that closes the comment, if any."""
    end = line.find('*/')
    if end < 0:
        return line, None
    return line[:end], line[end:]


class _Block:
    """State of the kernel-doc comment being rewritten."""

    def __init__(self):
        self.members = False  # "@x:" names a member, not a parameter
        self.title_seen = False


def _body_line(block, text):
    """Rewrite one line of comment text (without "/**" or "*/")."""
    if not block.title_seen:
        if not text.strip(' \t*'):
            return text  # a blank line before the title
        block.title_seen = True
        m = _PARAM.match(text)
        if m:
            # No title: an in-line member comment inside a struct, which
            # documents the member that follows, as a Doxygen "/**" does.
            return m.group('lead') + _inline(m.group('text'))
        m = _TITLE.match(text)
        # A bare word is text, not a title: kernel-doc titles have "()",
        # a kind or a " - brief".
        if m and (m.group('call') or m.group('kind') or
                  m.group('brief') is not None):
            block.members = m.group('kind') in ('struct', 'union', 'enum')
            brief = m.group('brief')
            if brief:
                return m.group('lead') + '\\brief ' + _inline(brief)
            return m.group('lead').rstrip()
    m = _PARAM.match(text)
    if m:
        lead, name, rest = m.group('lead', 'name', 'text')
        if block.members:
            return '%s- \\p %s: %s' % (lead, name, _inline(rest))
        return '%s\\param %s %s' % (lead, name, _inline(rest))
    m = _RETURN.match(text)
    if m:
        return m.group('lead') + '\\return ' + _inline(m.group('text'))
    return _inline(text)


def _comment_lines(lines, start):
    """Index just past the comment opened on lines[start]."""
    i = start
    while i < len(lines):
        if '*/' in (lines[i][lines[i].index('/**') + 3:] if i == start
                    else lines[i]):
            return i + 1
        i += 1
    return i


def filter_source(source):
    """Return @source with every kernel-doc comment rewritten."""
    lines = source.split('\n')
    out = []
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        end = _comment_lines(lines, i)
        comment = lines[i:end]
        if any(_DOC.match(l) for l in comment[:2]) or \
                _DOC.match(m.group(2)):
            # A DOC: block documents no declaration: hide it from Doxygen
            # (it would attach it to whatever follows).
            comment[0] = m.group(1) + '/*' + lines[i][len(m.group(1)) + 3:]
            out.extend(comment)
            i = end
            continue
        block = _Block()
        for j, line in enumerate(comment):
            head = ''
            if j == 0:
                head, line = m.group(1) + '/**', m.group(2)
            text, tail = _split_end(line)
            if tail is not None and not text.strip(' \t*'):
                out.append(head + text + tail)
                continue
            out.append(head + _body_line(block, text) + (tail or ''))
        i = end
    return '\n'.join(out)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write('usage: kdoc2doxygen.py FILE\n')
        return 2
    with open(argv[1], encoding='utf-8') as f:
        sys.stdout.write(filter_source(f.read()))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
