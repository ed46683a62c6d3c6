# SPDX-License-Identifier: GPL-2.0
#
# make kunit: the examples as a samples directory of the kernel tree, their
# KUnit suites run by the kernel's own kunit.py.  Results land in
# $(O)/kunit/: results.ktap (the raw KTAP), results.json, summary.

example-suites := $(foreach s,BALLOON ZSMALLOC REGISTRATION MIGRATE_PAGES,$(if $(filter y,$(CONFIG_EXAMPLE_$(s))),$(s)))
# The kernel's debugging tools of "make menuconfig" (KUnit, "Kernel
# debugging tools for the KUnit run"); KUNIT_DEBUG= on the command line
# names them instead (KUNIT_DEBUG= alone: none).
KUNIT_DEBUG ?= $(foreach t,SMP LOCKDEP KASAN KMEMLEAK DEBUG_LIST DEBUG_PAGEALLOC,$(if $(filter y,$(CONFIG_KUNIT_$(t))),$(t)))

.PHONY: kunit examples-lint
kunit-inputs = --input examples --input scripts --input mk/kunit.mk \
	--input $(KCONFIG_CONFIG) --tool gcc --tool python3 \
	$(if $(filter x86_64,$(KUNIT_ARCH)),--tool qemu-system-x86_64) \
	--tree "$(kernel-tree)"

kunit: $(KCONFIG_CONFIG)
	@scripts/deps kunit kernel $(if $(filter x86_64,$(KUNIT_ARCH)),kunit-x86_64)
	@$(unless-passed) $(kunit-inputs) --summary $(O)/kunit/summary -- \
		scripts/kunit --tree "$(kernel-tree)" --arch $(KUNIT_ARCH) \
		--suites "$(example-suites)" --debug "$(KUNIT_DEBUG)" --out $(O)/kunit

examples-lint: $(KCONFIG_CONFIG)
	@scripts/deps kunit kernel
	@$(unless-passed) $(kunit-inputs) -- \
		scripts/kunit --tree "$(kernel-tree)" --arch $(KUNIT_ARCH) \
		--suites "$(example-suites)" --out $(O)/kunit --lint-only

# make kunit-mutants: the rules the concurrent cases and the debugging
# tools check, each broken in a copy of examples/; every one must fail.
.PHONY: kunit-mutants
kunit-mutants: $(KCONFIG_CONFIG)
	@scripts/deps kunit kernel
	@scripts/tests/kunit-mutants "$(kernel-tree)"

check-targets += examples-lint kunit
help-lines += "kunit           - run the examples' KUnit suites in the kernel tree" \
	      "kunit-mutants   - break each rule in a copy of examples/; its case must fail" \
	      "examples-lint   - W=1 build and checkpatch.pl --strict of examples/"

.PHONY: scripts-test
scripts-test:
	@$(unless-passed) --input scripts --tool bash --tool python3 -- scripts/tests/run

check-targets += scripts-test
help-lines += "scripts-test    - tests of scripts/ (get-kernel, kunit, qemu-tcg, deps)"
