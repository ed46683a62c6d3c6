# SPDX-License-Identifier: GPL-2.0
#
# make htmldocs: the HTML site of Documentation/ and translations/ (Sphinx,
# conf.py), with an API reference built by the kernel's own kernel-doc from
# the kernel tree, and a Doxygen source browser of examples/ that the code
# samples link to.  Output: $(O)/html (Doxygen in $(O)/html/doxygen), Sphinx
# doctrees in $(O)/doctrees.  Warnings are errors, in Sphinx (-W -n) and in
# Doxygen (WARN_AS_ERROR).
#
# make screenshots: headless Chromium pictures of both page_migration pages
# in $(O)/screenshots, for reviewers.  make docs-test: the extensions' tests.

docs-out := $(abspath $(O))
docs-html := $(docs-out)/html
docs-doctrees := $(docs-out)/doctrees
docs-ktap := $(docs-out)/kunit/results.ktap
docs-langs := $(if $(filter y,$(CONFIG_DOCS_LANG_EN)),en) \
	      $(if $(filter y,$(CONFIG_DOCS_LANG_ZH_CN)),zh_CN)

SPHINXBUILD := /usr/bin/python3 -m sphinx
SPHINXOPTS ?=
# One job: the build is small, and the machine is shared with kernel builds.
# $$tree: the kernel tree, set by the recipe below.
sphinx-cmd = PMD_KERNEL_TREE="$$tree" PMD_DOCS_LANGS="$(strip $(docs-langs))" \
	PYTHONDONTWRITEBYTECODE=1 \
	$(SPHINXBUILD) -b html -n -W --keep-going -q -j 1 \
	-d $(docs-doctrees) -D pmd_ktap=$(docs-ktap) \
	$(if $(dc-review),-D pmd_review=$(dc-review)) $(SPHINXOPTS) \
	$(srctree) $(docs-html)

# The source browser shows the code as the KUnit suites build it.
doxygen-defines = $(shell sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=y$$/\1=1/p' \
	$(srctree)/examples/.kunitconfig | sort -u)
doxygen-tag := $(docs-html)/doxygen/examples.tag
doxygen-inputs := Documentation/doxygen/Doxyfile \
	Documentation/doxygen/kdoc2doxygen.py examples/.kunitconfig \
	$(wildcard examples/*.[ch])

.PHONY: htmldocs screenshots cleandocs docs-test

$(doxygen-tag): $(doxygen-inputs)
	@scripts/deps docs
	@echo "  DOXYGEN $(docs-html)/doxygen"
	@rm -rf $(docs-html)/doxygen
	@mkdir -p $(docs-html)
	@PMD_SRCTREE=$(srctree) PMD_HTML=$(docs-html) \
		PMD_DEFINES="$(doxygen-defines)" \
		doxygen Documentation/doxygen/Doxyfile || { rm -f $@; exit 1; }

# Sphinx does not notice a change of our extensions' code: it drops its
# saved environment then, so that every page is read and written again.
docs-ext-stamp := $(docs-doctrees)/.extensions
$(docs-ext-stamp): $(wildcard Documentation/sphinx/*.py)
	@rm -f $(docs-doctrees)/environment.pickle
	@mkdir -p $(docs-doctrees)
	@touch $@

# Sphinx decides itself what to rebuild.  After a failed build its saved
# environment would hide the warnings of pages it read (they are not read
# again while unchanged), so a failure drops it: the next run reads all.
# The translation status pages come from doccheck review (mk/doccheck.mk).
htmldocs: $(doxygen-tag) $(docs-ext-stamp) $(if $(dc-review),$(dc-review)/.done)
	@scripts/deps docs
	@echo "  SPHINX  $(docs-html)"
	@tree="$(kernel-tree)"; \
	test -f "$$tree/Documentation/sphinx/kerneldoc.py" || { \
		echo "htmldocs: no kernel tree for kernel-doc ('$$tree'); see make kernel" >&2; \
		exit 1; }; \
	$(sphinx-cmd) || { rm -f $(docs-doctrees)/environment.pickle; exit 1; }
	@echo "  HTML    $(docs-html)/index.html"

# Under "make check", the pages are built after the KUnit run, so that they
# show its results.
ifneq ($(filter check,$(MAKECMDGOALS)),)
ifneq ($(wildcard mk/kunit.mk),)
htmldocs: | kunit
endif
endif

screenshots: htmldocs
	@scripts/deps screenshots
	@/usr/bin/python3 scripts/docs-screenshots $(docs-html) \
		$(docs-out)/screenshots

cleandocs:
	rm -rf $(docs-html) $(docs-doctrees) $(docs-out)/screenshots

docs-test:
	@scripts/deps docs
	@$(unless-passed) --input Documentation --input translations \
		--input examples --input conf.py --input mk/docs.mk \
		--tool /usr/bin/python3 --tool sphinx-build --tool doxygen --tool dot -- \
		env PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 Documentation/sphinx/tests/run.py

all-targets += htmldocs
check-targets += docs-test htmldocs
help-lines += "htmldocs        - HTML pages, API reference and source browser in O/html" \
	      "screenshots     - headless Chromium pictures of both pages in O/screenshots" \
	      "cleandocs       - remove the HTML output" \
	      "docs-test       - tests of the Sphinx extensions and the Doxygen filter"
