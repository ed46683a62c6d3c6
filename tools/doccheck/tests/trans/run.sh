# SPDX-License-Identifier: GPL-2.0
#
# Part 2's tests, sourced by tests/run (which defines run, check, same,
# hrun, $dc, $tmp, $here): translations against their originals, sync
# stamps and --fix-stamp, the review, rule coverage, hostile inputs.
#
#   trans/Documentation/        originals and zh_CN translations, one pair
#                               per alignment case; expected/CASE.out is the
#                               output and exit status of doccheck -T
#   trans/cov/                  pages, examples/ and KTAP for rule coverage
#
# Stamps are written into copies in $tmp, with and without a git history
# (git runs only on those copies; --no-git everywhere else, since the
# fixtures live in the project's own git tree).

tr=$here/trans
gitc() { git -c user.name=t -c user.email=t@example.org -c commit.gpgsign=false "$@"; }

# ---- alignment cases --------------------------------------------------------
for f in "$tr"/expected/*.out; do
	c=$(basename "$f" .out)
	[ "$c" = coverage ] && continue
	(cd "$tr" && "$dc" -T --no-git "Documentation/translations/zh_CN/mm/$c.rst"
	 echo "exit $?") >"$tmp/$c.out" 2>"$tmp/err"
	same "translation: $c" "$f" "$tmp/$c.out"
	grep -q 'runtime error\|AddressSanitizer\|LeakSanitizer' "$tmp/err" && bad "sanitizer: translation $c"
done

# ---- the glossary: the agreed word where the original uses the term -------
(cd "$tr" && "$dc" -T --no-git --glossary "$here/../data/glossary-zh_CN" \
	Documentation/translations/zh_CN/mm/term.rst; echo "exit $?") >"$tmp/term.out" 2>&1
same "glossary: a rejected word, and an agreed one missing" "$tr/expected/term.glossary" "$tmp/term.out"
(cd "$tr" && "$dc" -T --no-git --glossary "$here/../data/glossary-zh_CN" \
	Documentation/translations/zh_CN/mm/clean.rst; echo "exit $?") >"$tmp/term.out" 2>&1
check "glossary: a page that keeps the terms is clean" grep -qx 'exit 0' "$tmp/term.out"
printf 'isolate\n' >"$tmp/bad.glossary"
(cd "$tr" && "$dc" -T --no-git --glossary "$tmp/bad.glossary" \
	Documentation/translations/zh_CN/mm/clean.rst) >"$tmp/out" 2>"$tmp/err"
check "glossary: a malformed line is an error with its line" \
	[ $? -eq 2 ] && grep -q 'bad.glossary:1: not FORMS<TAB>AGREED' "$tmp/err"

cd "$tr"
run -T --no-git Documentation/translations/zh_CN
check "translation: a whole tree, findings of every case" \
	[ $st -eq 1 -a "$(grep -c '' "$tmp/out")" -eq "$(grep -hv '^exit' $(ls expected/*.out | grep -v coverage) | wc -l)" ]
check "translation: the disclaimer is no page" bash -c "! grep -q disclaimer '$tmp/out'"
run --no-git Documentation/translations/zh_CN/mm/clean.rst
check "translation: without -T and a tree, a usage error" [ $st -eq 2 ]
run -T --no-git --format=json Documentation/translations/zh_CN/mm/replaced.rst
check "translation: JSON" /usr/bin/python3 -c \
	"import json,sys; d=json.load(open(sys.argv[1])); assert {x['check'] for x in d} == {'missing-section','extra-section'}" "$tmp/out"
run -T --no-git --write-baseline "$tmp/tbase" Documentation/translations/zh_CN/mm/replaced.rst
run -T --no-git --baseline "$tmp/tbase" Documentation/translations/zh_CN/mm/replaced.rst
check "translation: a baseline quiets known drift" [ $st -eq 0 -a ! -s "$tmp/out" ]

# ---- review -------------------------------------------------------------------
run review --no-git Documentation/translations/zh_CN/mm/replaced.rst
same "review: text" expected/replaced.review "$tmp/out"
check "review: exit 0 with drift" [ $st -eq 0 ]
run review --no-git --summary Documentation/translations/zh_CN
sed 's/; [0-9.]* s$/; N s/' "$tmp/out" >"$tmp/summary"
same "review: summary of a tree" expected/summary.review "$tmp/summary"
run review --no-git --format=html Documentation/translations/zh_CN/mm/replaced.rst
check "review: HTML parses, tags balanced" /usr/bin/python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    stack = []
    def handle_starttag(self, t, a): self.stack.append(t)
    def handle_endtag(self, t): assert self.stack.pop() == t, t
p = P(); p.feed(open(sys.argv[1]).read()); assert not p.stack, p.stack' "$tmp/out"
check "review: HTML has the states" grep -q 'pmd-st-missing.*movable_ops pages' "$tmp/out"
check "review: HTML escapes" grep -q '<td class="pmd-line">22 -&gt; -</td>' "$tmp/out"
run review --no-git --format=html --output-dir "$tmp/rv" Documentation/translations/zh_CN/mm
check "review: --output-dir, one file per translation" \
	[ $st -eq 0 -a -s "$tmp/rv/Documentation/translations/zh_CN/mm/replaced.html" \
	  -a "$(find "$tmp/rv" -name '*.html' | wc -l)" -eq 17 ]
run review --no-git --format=html --output-dir Documentation/translations/zh_CN/mm/clean.rst/.. \
	Documentation/translations/zh_CN/mm/clean.rst
check "review: never writes over what it reads" \
	[ "$(md5sum <Documentation/translations/zh_CN/mm/clean.rst)" = "$(md5sum <"$tr/Documentation/translations/zh_CN/mm/clean.rst")" ]
run --summary -T --no-git Documentation/translations/zh_CN/mm/clean.rst
check "review: --summary without review is a usage error" [ $st -eq 2 ]

# Line N+1 of FILE is blank and line N+2 opens the stamp.
stamp_follows() {
	[ -z "$(sed -n "$(($2 + 1))p" "$1")" ] &&
		sed -n "$(($2 + 2))p" "$1" | grep -q '^\.\. translation-sync: v1'
}

# ---- sync stamps without git ------------------------------------------------------
s=$tmp/stamps
mkdir -p "$s"
cp -r "$tr/Documentation" "$s/"
cd "$s"
t=Documentation/translations/zh_CN/mm/clean.rst
o=Documentation/mm/clean.rst
cp $t "$tmp/before.rst"
run --fix-stamp --no-git $t
check "stamp: written" [ $st -eq 0 ]
check "stamp: says so" grep -q 'clean.rst: sync stamp written (Documentation/mm/clean.rst)' "$tmp/err"
diff "$tmp/before.rst" $t >"$tmp/d"
check "stamp: only lines added" bash -c "! grep -q '^[<-]' '$tmp/d'"
grep '^>' "$tmp/d" | grep -v '^> \.\. translation-sync: v1 Documentation/mm/clean.rst$' |
	grep -v '^>    \(commit\|sha256\|section\|blocks\) ' | grep -v '^> $' >"$tmp/other"
check "stamp: only the stamp added" [ ! -s "$tmp/other" ]
n=$(grep -n . "$tmp/before.rst" | tail -n 1 | cut -d: -f1)	# its last text line
check "stamp: the translation comes first, unchanged" bash -c "head -n $n $t | cmp -s - <(head -n $n '$tmp/before.rst')"
check "stamp: then a blank line and the stamp" stamp_follows $t $n
check "stamp: sha256 of the original" grep -q "^   sha256 $(sha256sum <$o | cut -d' ' -f1)\$" $t
check "stamp: no commit without git" grep -q '^   commit -$' $t
check "stamp: one section line per section" [ "$(grep -c '^   section ' $t)" -eq 4 ]
ino=$(stat -c %i $t)
run --fix-stamp --no-git $t
check "stamp: a second run changes nothing" [ $st -eq 0 -a "$(stat -c %i $t)" = "$ino" ]
check "stamp: and says so" grep -q 'sync stamp already current' "$tmp/err"
run -T --require-stamp --no-git $t
check "stamp: the check passes after it" [ $st -eq 0 -a ! -s "$tmp/out" ]

cp $o "$tmp/orig.rst"
sed -i 's/An introduction to/An intrduction to/; s/its callers\./its callers!/' $o
run -T --no-git $t
check "stamp: a typo and punctuation do not outdate" [ $st -eq 0 -a ! -s "$tmp/out" ]
run review --no-git $t
check "stamp: the typo's old word is recovered" grep -q "typo-level: 'introduction' -> 'intrduction'" "$tmp/out"
sed -i 's/the second section/the secnd sectoin/' $o
run review --no-git $t
check "stamp: two typos in one section" grep -q "typo-level: 'second' -> 'secnd', 'section' -> 'sectoin'" "$tmp/out"
cp "$tmp/orig.rst" $o
sed -i 's/``folio_isolate_lru()``/``folio_isolate_lrv()``/' $o
run -T --no-git $t
check "stamp: a one-letter edit of a name is substantive" grep -q "changed since the sync: edited: 'folio_isolate_lru' -> 'folio_isolate_lrv'" "$tmp/out"
cp "$tmp/orig.rst" $o
sed -i 's/What could not be migrated goes back:/What could not be migrated must go back at once:/' $o
run -T --no-git $t
check "stamp: a changed sentence outdates its section" [ $st -eq 1 ]
check "stamp: outdated-section names the section" grep -q "clean.rst:[0-9]*:1: error: the original's section 'Second section' (Documentation/mm/clean.rst:24) changed since the sync; this section was not edited since the stamp" "$tmp/out"
check "stamp: only that section" [ "$(wc -l <"$tmp/out")" -eq 1 ]
run review --no-git $t
check "review: without history, the changed block" grep -q '^        +What could not be migrated must go back at once:' "$tmp/out"
check "review: and what it cannot know" grep -q 'old wording is not known without history' "$tmp/out"
sum=$(md5sum <$t)
run --fix-stamp --no-git $t
check "fix-stamp: refuses while a changed section is untouched" [ $st -eq 1 -a "$(md5sum <$t)" = "$sum" ]
check "fix-stamp: says which" grep -q "not stamped: changed in the original and not edited here since the stamp: 'Second section'" "$tmp/err"
sed -i 's/未能迁移的页面要放回：/未能迁移的页面必须立即放回：/' $t
run -T --no-git $t
check "stamp: an edited translation is noticed" grep -q 'this section was edited since the stamp: if it is up to date, refresh the stamp' "$tmp/out"
run --fix-stamp --no-git $t
check "fix-stamp: writes once the translator edited it" [ $st -eq 0 ]
run -T --no-git --require-stamp $t
check "fix-stamp: and the check passes again" [ $st -eq 0 -a ! -s "$tmp/out" ]

t2=Documentation/translations/zh_CN/mm/added.rst
sum=$(md5sum <$t2)
run --fix-stamp --no-git $t2
check "fix-stamp: refuses a translation that fails the check" [ $st -eq 1 -a "$(md5sum <$t2)" = "$sum" ]
check "fix-stamp: and reports the findings" grep -q 'missing-section' "$tmp/out"

# the stamp field: placeholder, malformed, another original, missing
t3=Documentation/translations/zh_CN/mm/pathrule.rst
run -T --no-git --require-stamp $t3
check "stamp: --require-stamp reports a missing one" grep -q "pathrule.rst:1:1: error: no sync stamp" "$tmp/out"
run -T --no-git $t3
check "stamp: not required, not reported" [ $st -eq 0 ]
{ head -n 1 $t3; printf '\n.. translation-sync: Documentation/mm/pathrule.rst sha256:pending\n'
  tail -n +2 $t3; } >"$tmp/t3" && cp "$tmp/t3" $t3
run -T --no-git $t3
check "stamp: a placeholder is reported" grep -q 'sync stamp is a placeholder' "$tmp/out"
run --fix-stamp --no-git $t3
check "fix-stamp: replaces the placeholder" grep -q '^\.\. translation-sync: v1 ' $t3
check "fix-stamp: the placeholder line is gone" bash -c "! grep -q pending $t3"
run -T --no-git --require-stamp $t3
check "fix-stamp: on a page without header fields" [ $st -eq 0 ]
sed -i 's/^   sha256 \(.\{10\}\)/   sha256 zz/' $t
run -T --no-git $t
check "stamp: malformed" grep -q "error: malformed sync stamp: line [0-9]*: sha256 is 64 hex digits \[sync-stamp\]" "$tmp/out"
sed -i 's/^\.\. translation-sync: v1 .*/.. translation-sync: v1 Documentation\/mm\/other.rst/' $t3
run -T --no-git $t3
check "stamp: for another original" grep -q 'the sync stamp is for Documentation/mm/other.rst, the original is' "$tmp/out"

# a CRLF translation keeps CRLF; mode and symlinks are kept
t4=Documentation/translations/zh_CN/mm/bydoc.rst
sed -i 's/$/\r/' $t4
chmod 640 $t4
ln -s bydoc.rst Documentation/translations/zh_CN/mm/link.rst
run --fix-stamp --no-git Documentation/translations/zh_CN/mm/link.rst
check "fix-stamp: through a symlink" [ $st -eq 0 -a -L Documentation/translations/zh_CN/mm/link.rst ]
check "fix-stamp: writes the symlink's target" grep -q 'translation-sync' $t4
check "fix-stamp: every line still ends in CR LF" [ "$(grep -c $'\r$' $t4)" -eq "$(wc -l <$t4)" ]
check "fix-stamp: mode kept" [ "$(stat -c %a $t4)" = 640 ]
check "fix-stamp: no temporary file left" bash -c "! ls Documentation/translations/zh_CN/mm | grep -q stamp-"

# ---- sync stamps with git -----------------------------------------------------------
g=$tmp/git
mkdir -p "$g"
cp -r "$tr/Documentation" "$g/"
cd "$g"
gitc init -q . && gitc add -A && gitc commit -qm "pages"
run --fix-stamp $t
check "git: the stamp names the original's commit" grep -q "^   commit $(git log -1 --format=%H -- $o)\$" $t
gitc commit -qam "stamp"
sed -i 's/What could not be migrated goes back:/What could not be migrated must go back at once:/' $o
run -T $t
check "git: uncommitted change, outdated" grep -q "changed since the sync" "$tmp/out"
run review $t
check "git: review shows the old line" grep -q '^        -What could not be migrated goes back:' "$tmp/out"
check "git: and the new one" grep -q '^        +What could not be migrated must go back at once:' "$tmp/out"
check "git: describes the sync commit" grep -q 'Sync: sync stamp, commit [0-9a-f]\{7\} ([0-9-]*, "pages")' "$tmp/out"
gitc commit -qam "original: must go back"
run review --no-git $t
check "git: --no-git falls back to the fingerprints" grep -q 'old wording is not known without history' "$tmp/out"

# kernel trees have no stamps: their translators' commit messages, or dates
k=Documentation/translations/zh_CN/mm/identifier.rst
ko=Documentation/mm/identifier.rst
sed -i 's/first; the second/first, and only then; the second/' $ko
gitc commit -qam "original: first, and only then"
later=$(git log -1 --format=%H)
sed -i 's/^ 测试者$/ 测试者二/' $k
gitc commit -qm "zh_CN: update identifier.rst

Update the translation through commit ${later:0:12}
(\"original: first, and only then\")" -- $k
run review $k
check "git: the translators' convention names the sync point" grep -q "Sync: the commit named in the translation's last commit message, commit ${later:0:7}" "$tmp/out"
check "git: nothing changed since that commit" grep -q 'the original is unchanged since' "$tmp/out"
sed -i 's/What could not be migrated goes back:/Nothing stays isolated:/' $ko
gitc commit -qam "original: nothing stays isolated"
run -T $k
check "git: a later change of the original outdates the section" grep -q "identifier.rst:[0-9]*:1: error: the original's section 'Second section' .* changed since the sync" "$tmp/out"
kd=Documentation/translations/zh_CN/mm/labels.rst
sed -i 's/^ 测试者$/ 译者/' $kd
GIT_AUTHOR_DATE="2030-01-01T00:00:00" GIT_COMMITTER_DATE="2030-01-01T00:00:00" gitc commit -qm "zh_CN: labels" -- $kd
run review $kd
check "git: without the convention, by date" grep -q "Sync: the original's last commit authored before the translation's" "$tmp/out"

# ---- rule coverage ----------------------------------------------------------------
cd "$tr/cov"
(cd "$tr/cov" && "$dc" --examples examples --ktap results.ktap Documentation/mm/rules.rst \
	translations/zh_CN/mm/rules.rst; echo "exit $?") >"$tmp/cov.out" 2>"$tmp/err"
same "coverage: every check" "$tr/expected/coverage.out" "$tmp/cov.out"
run --examples examples Documentation/mm/rules.rst translations/zh_CN/mm/rules.rst
check "coverage: without KTAP, no results" bash -c "! grep -q rule-result '$tmp/out'"
run --examples examples --ktap bad.ktap Documentation/mm/rules.rst
check "coverage: a bad KTAP file is an error" [ $st -eq 2 ]
check "coverage: and named" grep -q 'bad.ktap: error: not KTAP' "$tmp/err"
run --examples no-such-dir Documentation/mm/rules.rst
check "coverage: a missing examples directory is named" grep -q 'no-such-dir: error: cannot open' "$tmp/err"
run --ktap results.ktap Documentation/mm/rules.rst
check "coverage: --ktap needs --examples" [ $st -eq 2 ]
mapfile -t ours < <(find "$top/Documentation" "$top/translations" -name '*.rst' -not -path '*/tests/*' | sort)
run --examples "$top/examples" "${ours[@]}"
check "coverage: the project's own pages are covered" [ $st -eq 0 -a ! -s "$tmp/out" ]

# ---- hostile inputs ----------------------------------------------------------------
x=$tmp/thostile
mkdir -p "$x/Documentation/mm" "$x/Documentation/translations/zh_CN/mm"
cd "$x"
zh=Documentation/translations/zh_CN/mm
printf ':Original: Documentation/mm/bin.rst\n\nText\n====\n' >$zh/bin.rst
printf 'Text\n====\n\x00\x01binary\n' >Documentation/mm/bin.rst
printf 'Bad \xff\xfe\n====\n\n:Original: x\n' >$zh/utf8.rst
printf 'Bad \xff\n====\n' >Documentation/mm/utf8.rst
printf ':Original: Documentation/mm/binzh.rst\n\x00zh\n' >$zh/binzh.rst
printf 'T\n=\n' >Documentation/mm/binzh.rst
{ printf ':Original: Documentation/mm/long.rst\n\nT\n====\n\n'; head -c 10485760 /dev/zero | tr '\0' 'a'; echo; } >$zh/long.rst
{ printf 'T\n====\n\n'; head -c 10485760 /dev/zero | tr '\0' 'b'; echo; } >Documentation/mm/long.rst
{ printf ':Original: Documentation/mm/stamp.rst\n\n.. translation-sync: v1 Documentation/mm/stamp.rst\n'
  for i in $(seq 1 3000); do printf '   section k%d 1 99999999999 zz 1 2 3\n   blocks %s\n' $i "$(head -c 300 /dev/urandom | base64 -w0)"; done
  printf '\nT\n=\n'; } >$zh/stamp.rst
printf 'T\n=\n' >Documentation/mm/stamp.rst
printf ':Original: Documentation/mm/toks.rst\n\n.. translation-sync: %s\n\nT\n=\n' "$(seq -s ' ' 1 40)" >$zh/toks.rst
printf 'T\n=\n' >Documentation/mm/toks.rst
printf ':Original: Documentation/mm/empty.rst\n' >$zh/empty.rst
: >Documentation/mm/empty.rst
printf ':Original: Documentation/mm/unreadable.rst\n\nT\n=\n' >$zh/unreadable.rst
printf 'T\n=\n' >Documentation/mm/unreadable.rst
chmod 000 Documentation/mm/unreadable.rst
mkdir -p "$zh/dir.rst"
# hrun makes everything below $tmp readable again: ours is closed after it
trun() {
	if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
		chmod -R a+rX "$tmp" "$here"
		chmod 000 "$x/Documentation/mm/unreadable.rst"
		setpriv --reuid=65534 --regid=65534 --clear-groups "$dc" "$@" >"$tmp/out" 2>"$tmp/err"
	else
		"$dc" "$@" >"$tmp/out" 2>"$tmp/err"
	fi
	st=$?
	if [ $st -ge 128 ] || grep -q 'runtime error\|AddressSanitizer' "$tmp/err"; then
		bad "thostile: crash (status $st) on $*"
		head -n 20 "$tmp/err"
	fi
}
trun -T --no-git $zh
check "thostile: no crash on any of them" [ $st -lt 128 ]
check "thostile: a binary original is named" grep -q "bin.rst:1:1: error: the original Documentation/mm/bin.rst is a binary file" "$tmp/out"
check "thostile: a binary translation is not compared" grep -q "binzh.rst:2:1: warning: binary file" "$tmp/out"
check "thostile: invalid UTF-8 is reported" grep -q "utf8.rst:1:5: warning: invalid UTF-8" "$tmp/out"
check "thostile: a garbage stamp is malformed" grep -q "stamp.rst:3:1: error: malformed sync stamp" "$tmp/out"
check "thostile: a stamp line of many words is malformed" grep -q "toks.rst:3:1: error: malformed sync stamp: line 3: expected" "$tmp/out"
check "thostile: an unreadable original is named" grep -q "unreadable.rst:1:1: error: cannot read the original .*Permission denied" "$tmp/out"
trun review --no-git --summary $zh
check "thostile: the review survives them too" [ $st -lt 128 ]
chmod 644 Documentation/mm/unreadable.rst
cd "$here"
