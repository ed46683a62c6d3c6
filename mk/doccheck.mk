# SPDX-License-Identifier: GPL-2.0
#
# make doccheck: build tools/doccheck, index the older kernel trees of
# HISTORY_SERIES (names-only deltas against the current tree, cached in
# $(O)/doccheck/index), then check our own Documentation/ and
# translations/ against the current tree: it must be clean.
#
# make doccheck-test: doccheck's unit tests (fixtures, no kernel needed),
# then the same tests built with ASan and UBSan.
# make fuzz: the libFuzzer targets, FUZZ_SECONDS each (default 25).
# make bench-doccheck: doccheck against one rg pass over the whole tree
# (PAGE_CACHE=cold, as root: with the page cache dropped before each run);
# hyperfine's table goes to $(O)/bench/.
#
# Part 2: make doccheck also compares each translation with its original
# (sections, code, labels, names, the sync stamp, which every translation
# must have) and checks rule coverage (labels, samples of examples/, KUnit
# cases, and the KTAP results of make kunit when there are any).
# make transreview [T=translations/zh_CN/x.rst]: the translators' review,
# by section.  The HTML of the same review, one page per translation, is
# made for make htmldocs in $(O)/doccheck/review.

dc-build := $(abspath $(O))/doccheck
dc-bin := $(dc-build)/doccheck
dc-index := $(dc-build)/index
dc-repl := tools/doccheck/data/replacements
# The history doccheck ships: the deltas of dc-index, as make doccheck-history
# copies them (doccheck uses them when it is given no -H).
dc-data := tools/doccheck/data/history
dc-sources := $(wildcard tools/doccheck/*.[ch])
# What an index holds depends on these only.
dc-indexer := $(addprefix tools/doccheck/,doccheck.h names.c walk.c index.c \
	cindex.c paste.c kconfig.c util.c parallel.c)
# (HISTORY_SERIES may still hold the quotes of .config around its words)
dc-history := $(foreach s,$(subst ",,$(HISTORY_SERIES)),$(dc-index)/$(s).idx)
# Our pages; the Sphinx extensions' test sites are fixtures of their own.
dc-docs = $(shell find $(wildcard Documentation translations) -name '*.rst' \
	-not -path '*/tests/*' 2>/dev/null | sort)
FUZZ_SECONDS ?= 25
dc-ktap := $(abspath $(O))/kunit/results.ktap
# (the KTAP file is looked for when the recipe runs: make check runs
# make kunit first)
dc-part2 = -T --require-stamp --examples $(srctree)/examples \
	$$(test -f $(dc-ktap) && echo --ktap $(dc-ktap))
dc-translations = $(shell find translations -name '*.rst' \
	-not -name 'disclaimer-*' 2>/dev/null | sort)
dc-review := $(dc-build)/review

# tools/doccheck's own make compiles, and runs its plain and sanitized
# tests, side by side (-O: each target's output together), unless this
# make already hands out jobs (make -jN).
dc-jobs := $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc) -Otarget)

.PHONY: doccheck doccheck-build doccheck-test fuzz fuzz-check bench-doccheck bench-recall bench-patch \
	transreview install \
	doccheck-history doccheck-history-check

$(dc-bin): $(dc-sources) tools/doccheck/Makefile
	@scripts/deps doccheck
	@$(MAKE) -s $(dc-jobs) -C tools/doccheck BUILD=$(dc-build) $(dc-bin)

doccheck-build: $(dc-bin)

# The full index of the current tree is only the base of the deltas.
$(dc-index)/base.idx: $(dc-indexer) $(KCONFIG_CONFIG) | $(dc-bin)
	@mkdir -p $(@D)
	@echo "  INDEX   $(kernel-tree)"
	@nice -n 19 $(dc-bin) -k "$(kernel-tree)" -w $@.tmp && mv $@.tmp $@

$(dc-index)/%.idx: $(dc-index)/base.idx
	@tree=$$(scripts/get-kernel -q $*) && \
	echo "  INDEX   $$tree (history)" && \
	nice -n 19 $(dc-bin) -k "$$tree" -w $@.tmp --base $< && mv $@.tmp $@

# With the history doccheck ships (no -H): what a maintainer who runs
# "doccheck -k TREE" gets.  doccheck-history-check proves that data is what
# the real trees give today.
doccheck: $(dc-bin) doccheck-history-check
	@echo "  DOCCHECK Documentation translations"
	@$(dc-bin) -k "$(kernel-tree)" --root $(srctree) --cache $(dc-build)/cache \
		$(dc-part2) $(dc-docs)

# What the shipped history is made from: the indexer's sources and the
# pinned package of the current tree and of each older one
# (scripts/kernels.conf).  make doccheck-history writes it beside the data
# as $(dc-stamp).
dc-stamp := $(dc-data)/SOURCES
dc-series := $(subst ",,$(KERNEL_SERIES) $(HISTORY_SERIES))
dc-stamp-text = { echo "indexer $$(cat $(dc-indexer) | sha256sum | cut -d' ' -f1)"; \
	for s in $(dc-series); do \
		awk -v s="$$s" '$$1 == s { print "tree", $$1, $$3 }' scripts/kernels.conf; \
	done; }

# make doccheck-history: write the shipped history from the trees (after a
# change of the indexer, or of HISTORY_SERIES); sorted, so the same trees
# give the same bytes.
doccheck-history: $(dc-history)
	@mkdir -p $(dc-data)
	@rm -f $(dc-data)/*.idx
	@for f in $(dc-history); do cp "$$f" $(dc-data)/ && echo "  DATA    $(dc-data)/$${f##*/}"; done
	@$(dc-stamp-text) >$(dc-stamp) && echo "  DATA    $(dc-stamp)"

# The stamp proves the data was made by this indexer from the pinned
# trees; where the older trees are in the cache (or HISTORY_TREES=1, which
# fetches them), they are indexed again and compared byte for byte.  A
# fresh machine has only the current tree: it checks the stamp and does
# not download three more trees to remake what the project ships.
dc-trees-cached := $(if $(strip $(foreach s,$(subst ",,$(HISTORY_SERIES)),\
	$(if $(wildcard $(PMD_CACHE)/linux-$(s)/.get-kernel.stamp),,$(s)))),,y)
dc-compare := $(if $(or $(HISTORY_TREES),$(dc-trees-cached)),$(dc-history))

doccheck-history-check: $(dc-compare)
	@$(dc-stamp-text) | cmp -s - $(dc-stamp) || { \
		echo "doccheck: $(dc-data) was not made by this indexer from the trees of scripts/kernels.conf: run make doccheck-history" >&2; \
		$(dc-stamp-text) | diff $(dc-stamp) - >&2; exit 1; }
	@for f in $(dc-compare); do \
		cmp -s "$$f" $(dc-data)/$${f##*/} || { \
		echo "doccheck: $(dc-data)/$${f##*/} is not what the $$(basename $$f .idx) tree gives now: run make doccheck-history" >&2; \
		exit 1; }; done
	@extra="$(filter-out $(notdir $(dc-history)),$(notdir $(wildcard $(dc-data)/*.idx)))"; \
	[ -z "$$extra" ] || { echo "doccheck: $(dc-data) has $$extra, not in HISTORY_SERIES" >&2; exit 1; }
	@$(if $(dc-compare),echo "  HISTORY $(dc-data): what the trees give",\
		echo "  HISTORY $(dc-data): stamp checked (older trees not in the cache; HISTORY_TREES=1 indexes them)")

# Under "make check", after the KUnit run, so that its results count.
ifneq ($(filter check,$(MAKECMDGOALS)),)
ifneq ($(wildcard mk/kunit.mk),)
doccheck: | kunit
endif
endif

transreview: $(dc-bin) $(dc-history)
	@$(dc-bin) review -k "$(kernel-tree)" $(addprefix -H ,$(dc-history)) \
		-r $(dc-repl) --root $(srctree) $(or $(T),$(dc-translations))

# The review as HTML for make htmldocs: the history indexes only when they
# are there already (make doccheck builds them), the kernel tree for the
# stale names.  Written to a new directory, then moved into place.
$(dc-review)/.done: $(dc-bin) $(dc-docs) $(wildcard $(dc-history))
	@echo "  REVIEW  $(dc-review)"
	@rm -rf $(dc-review).tmp && \
	$(dc-bin) review --format=html --output-dir $(dc-review).tmp \
		-k "$(kernel-tree)" $(addprefix -H ,$(wildcard $(dc-history))) \
		-r $(dc-repl) --root $(srctree) $(dc-translations) && \
	rm -rf $(dc-review) && mv $(dc-review).tmp $(dc-review) && touch $@

# make install PREFIX=/usr/local: doccheck, its data and its man page
PREFIX ?= /usr/local
install: doccheck-build
	@$(MAKE) -s -C tools/doccheck BUILD=$(dc-build) PREFIX=$(PREFIX) install

dc-test-inputs = --input tools/doccheck --input mk/doccheck.mk \
	--tool cc --tool gcc --tool clang --tool python3

doccheck-test:
	@scripts/deps doccheck
	@$(unless-passed) $(dc-test-inputs) --tree "$(kernel-tree)" -- \
		$(MAKE) -s $(dc-jobs) -C tools/doccheck BUILD=$(dc-build) \
		CHECKPATCH="$(wildcard $(kernel-tree)/scripts/checkpatch.pl)" test

fuzz:
	@scripts/deps doccheck fuzz
	@nice -n 19 $(MAKE) -s -C tools/doccheck BUILD=$(dc-build) \
		FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz

# Under make check: the saved corpus of the long runs, then a short fuzz.
FUZZ_CHECK_SECONDS ?= 5
fuzz-check:
	@scripts/deps doccheck fuzz
	@$(unless-passed) $(dc-test-inputs) -- \
		nice -n 19 $(MAKE) -s $(dc-jobs) -C tools/doccheck BUILD=$(dc-build) \
		FUZZ_SECONDS=$(FUZZ_CHECK_SECONDS) fuzz-check

# make bench-recall: names removed since an older tree and misspellings of
# live ones, put into copies of the tree's pages in every form the
# extractor knows; recall by form and kind (SEED=, PER_FORM=).
RECALL_SEED ?= doccheck-recall-1
bench-recall: $(dc-bin) $(dc-index)/base.idx
	@mkdir -p $(O)/bench
	@bench/doccheck-recall $(dc-bin) "$(kernel-tree)" $(dc-index)/base.idx \
		$(wildcard $(dc-data)/*.idx) --seed $(RECALL_SEED) \
		--out $(O)/bench/recall --cache $(dc-build)/cache \
		--report $(O)/bench/doccheck-recall.md \
		--misses $(O)/bench/doccheck-recall-misses.json

# make bench-patch: doccheck --patch with the cached index, one patch and ten
bench-patch: $(dc-bin)
	@scripts/deps bench
	@mkdir -p $(O)/bench
	@BENCH_OUT=$(O)/bench/doccheck-patch.md bench/doccheck-patch $(dc-bin) "$(kernel-tree)"

bench-doccheck: $(dc-bin) $(dc-history)
	@scripts/deps bench
	@mkdir -p $(O)/bench
	@BENCH_OUT=$(O)/bench/doccheck-speed.md \
	 BENCH_OUT_COLD=$(O)/bench/doccheck-speed-pagecold.md \
	 bench/doccheck-speed "$(dc-bin)" "$(kernel-tree)" $(dc-history)

all-targets += doccheck-build
check-targets += doccheck-test doccheck fuzz-check
help-lines += "doccheck        - check Documentation/ and translations/ against the kernel tree" \
	      "doccheck-test   - doccheck's unit tests, plain and with ASan/UBSan" \
	      "fuzz            - run doccheck's libFuzzer targets (FUZZ_SECONDS each)" \
	      "fuzz-check      - replay the saved fuzz corpus, then fuzz FUZZ_CHECK_SECONDS each" \
	      "bench-doccheck  - time doccheck against rg over the whole kernel tree" \
	      "bench-recall    - doccheck's recall on names injected into copies of the pages" \
	      "bench-patch     - time doccheck --patch on one patch and on ten" \
	      "                  (PAGE_CACHE=cold: files from the disk; root only)" \
	      "transreview     - translators' review by section (T=one translation)" \
	      "doccheck-history - write the history doccheck ships from the older trees" \
	      "install         - install doccheck, its data and man page (PREFIX=/usr/local)"
