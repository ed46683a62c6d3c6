# SPDX-License-Identifier: GPL-2.0
#
# make upstream: the pages, the samples and their KUnit suites as a kernel
# patch series in $(O)/upstream (scripts/upstream series), against the
# current tree, signed off by UPSTREAM_NAME <UPSTREAM_EMAIL> (make
# menuconfig, "Upstream export", or on the command line).
#
# make upstream-check: what a maintainer's tools say of it:
# checkpatch.pl --strict on every patch, git am onto the base, make
# htmldocs SPHINXDIRS="mm translations/zh_CN/mm" before and after (no
# new warning, both pages built), kunit.py run with the samples'
# .kunitconfig and make kunit's debugging tools (KUNIT_DEBUG; one build
# for both through ccache), doccheck on the two pages.  make check runs it with a
# test identity; UPSTREAM_CHECK_QUICK=1 leaves out htmldocs and kunit.py.
# htmldocs and kunit.py are not run again on the inputs they last passed
# on (scripts/upstream check: .check-passed); UPSTREAM_CHECK_FORCE=1
# runs them anyway.

# Kconfig strings keep their quotes and may hold spaces (a name): strip
# the first word's opening quote and the last word's closing one, and
# hand the values to the shell through the environment, not the command
# line, so that a name like O'Brien needs no quoting.
unquote-string = $(patsubst "%,%,$(patsubst %",%,$(1)))
UPSTREAM_NAME ?= $(call unquote-string,$(CONFIG_UPSTREAM_NAME))
UPSTREAM_EMAIL ?= $(call unquote-string,$(CONFIG_UPSTREAM_EMAIL))
up-out := $(abspath $(O))/upstream

.PHONY: upstream upstream-check upstream-check-ci

upstream: export UPSTREAM_NAME := $(UPSTREAM_NAME)
upstream: export UPSTREAM_EMAIL := $(UPSTREAM_EMAIL)
upstream: $(KCONFIG_CONFIG)
	@scripts/deps upstream
	@test -n "$$UPSTREAM_NAME" -a -n "$$UPSTREAM_EMAIL" || { \
	  echo "upstream: error: no Signed-off-by identity: set UPSTREAM_NAME and" \
	       "UPSTREAM_EMAIL (make menuconfig, \"Upstream export\")," \
	       "or make upstream UPSTREAM_NAME='...' UPSTREAM_EMAIL='...'" >&2; exit 1; }
	@scripts/upstream series --tree "$(kernel-tree)" --out $(up-out) \
		--name "$$UPSTREAM_NAME" --email "$$UPSTREAM_EMAIL"

upstream-check: $(dc-bin)
	@scripts/deps upstream kunit
	@scripts/upstream check --tree "$(kernel-tree)" --out $(up-out) \
		--doccheck $(dc-bin) --kunit-debug "$(KUNIT_DEBUG)" \
		$(if $(UPSTREAM_CHECK_QUICK),--skip-htmldocs --skip-kunit) \
		$(if $(or $(UPSTREAM_CHECK_FORCE),$(filter-out 0,$(FORCE))),--force)

# For make check: the series with a test identity, its check, then the
# tests of scripts/upstream (a defect in a patch makes the check fail).
# Its inputs are the whole project (every part goes into the series).
upstream-check-ci: $(dc-bin)
	@$(unless-passed) --input . --tool gcc --tool python3 --tool git \
		--tool sphinx-build --value "KUNIT_DEBUG=$(KUNIT_DEBUG)" \
		--input $(KCONFIG_CONFIG) --tree "$(kernel-tree)" -- \
		$(MAKE) -s upstream-check-ci-run

.PHONY: upstream-check-ci-run
upstream-check-ci-run: $(dc-bin)
	@$(MAKE) -s upstream UPSTREAM_NAME="Page Migration Docs CI" \
		UPSTREAM_EMAIL=ci@page-migration-docs.invalid >/dev/null
	@$(MAKE) -s upstream-check
	@scripts/tests/upstream "$(kernel-tree)" $(dc-bin)

check-targets += upstream-check-ci
help-lines += "upstream        - the pages, samples and tests as a kernel patch series" \
	      "upstream-check  - checkpatch, git am, htmldocs, kunit.py and doccheck on it"
