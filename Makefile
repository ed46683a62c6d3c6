# SPDX-License-Identifier: GPL-2.0
#
# Page migration documentation toolchain.
#
#   make            fetch the kernel tree, build doccheck and the HTML docs
#   make check      run every test: doccheck's own tests, doccheck on our
#                   pages, the HTML build with warnings as errors, KUnit
#
# "make help" lists every target.  Options live in .config (see Kconfig);
# KDIR=, O= and KUNIT_ARCH= on the command line override them.

.DEFAULT_GOAL := all
SHELL := /bin/bash
srctree := $(CURDIR)

# ---------------------------------------------------------------------------
# Configuration (Debian's kconfig-frontends)

KCONFIG_CONFIG ?= $(srctree)/.config
# Not exported: Kbuild reads the same variable, and kunit.py runs Kbuild.
kconf = KCONFIG_CONFIG=$(KCONFIG_CONFIG) kconfig

config-targets := menuconfig nconfig defconfig olddefconfig savedefconfig

$(KCONFIG_CONFIG): Kconfig
	@scripts/deps kconfig
	@$(kconf)-conf --olddefconfig Kconfig >/dev/null
	@echo "  CONF    $(notdir $@)"

ifeq ($(filter $(config-targets) help,$(MAKECMDGOALS)),)
-include $(KCONFIG_CONFIG)
endif

unquote = $(patsubst "%",%,$(1))

KERNEL_SERIES ?= $(call unquote,$(CONFIG_KERNEL_SERIES))
HISTORY_SERIES ?= $(call unquote,$(CONFIG_HISTORY_SERIES))
KUNIT_ARCH ?= $(call unquote,$(CONFIG_KUNIT_ARCH))
KDIR ?= $(call unquote,$(CONFIG_KDIR))
O ?= $(srctree)/output
export PMD_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/page-migration-docs

menuconfig:
	@scripts/deps kconfig
	$(kconf)-mconf Kconfig

nconfig:
	@scripts/deps kconfig
	$(kconf)-nconf Kconfig

defconfig:
	@scripts/deps kconfig
	$(kconf)-conf --alldefconfig Kconfig

olddefconfig:
	@scripts/deps kconfig
	$(kconf)-conf --olddefconfig Kconfig

savedefconfig:
	@scripts/deps kconfig
	$(kconf)-conf --savedefconfig=defconfig Kconfig

# ---------------------------------------------------------------------------
# The kernel tree: a developer's own (KDIR=) or Debian's, in the cache

kernel-tree = $(or $(KDIR),$(shell scripts/get-kernel -q $(KERNEL_SERIES)))

.PHONY: kernel
kernel: $(KCONFIG_CONFIG)
	@scripts/deps kernel
ifeq ($(KDIR),)
	@scripts/get-kernel $(KERNEL_SERIES)
else
	@test -f $(KDIR)/Makefile || { echo "KDIR=$(KDIR) is not a kernel tree" >&2; exit 1; }
	@echo $(KDIR)
endif

# The checks of "make check" do not run again on inputs they passed on:
# $(unless-passed) --input PATH ... -- COMMAND keys a run on what it reads
# and keeps the key in $(O)/passed/TARGET (scripts/unless-passed).
# FORCE=1 runs every check anyway.
unless-passed = scripts/unless-passed --stamp $(O)/passed/$@ \
	$(if $(filter-out 0,$(FORCE)),--force)

# Each part adds its targets to all-targets, check-targets and help-lines.
all-targets :=
check-targets :=
help-lines :=
include $(sort $(wildcard mk/*.mk))

# ---------------------------------------------------------------------------

.PHONY: all check help clean
all: kernel $(all-targets)

check: $(check-targets)

clean:
	rm -rf $(O)

help:
	@echo 'Main targets:'
	@echo '  all (default)   - fetch the kernel tree, build doccheck and the docs'
	@echo '  check           - run all tests (what .ci/run runs)'
	@echo 'Parts:'
	@echo '  kernel          - fetch and unpack the kernel tree (prints its path)'
	@printf '  %s\n' $(help-lines)
	@echo 'Configuration:'
	@echo '  menuconfig nconfig defconfig olddefconfig savedefconfig'
	@echo 'Variables: KDIR=<tree> O=<output dir> KUNIT_ARCH=um|x86_64'
