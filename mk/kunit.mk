# SPDX-License-Identifier: GPL-2.0
#
# make kunit: the examples as a samples directory of the kernel tree, their
# KUnit suites run by the kernel's own kunit.py.  Results land in
# $(O)/kunit/: results.ktap (the raw KTAP), results.json, summary.

example-suites := $(foreach s,BALLOON ZSMALLOC REGISTRATION MIGRATE_PAGES,$(if $(filter y,$(CONFIG_EXAMPLE_$(s))),$(s)))

.PHONY: kunit examples-lint
kunit: $(KCONFIG_CONFIG)
	@scripts/deps kunit kernel $(if $(filter x86_64,$(KUNIT_ARCH)),kunit-x86_64)
	@scripts/kunit --tree "$(kernel-tree)" --arch $(KUNIT_ARCH) \
		--suites "$(example-suites)" --out $(O)/kunit

examples-lint: $(KCONFIG_CONFIG)
	@scripts/deps kunit kernel
	@scripts/kunit --tree "$(kernel-tree)" --arch $(KUNIT_ARCH) \
		--suites "$(example-suites)" --out $(O)/kunit --lint-only

check-targets += examples-lint kunit
help-lines += "kunit           - run the examples' KUnit suites in the kernel tree" \
	      "examples-lint   - W=1 build and checkpatch.pl --strict of examples/"

.PHONY: scripts-test
scripts-test:
	@scripts/tests/run

check-targets += scripts-test
help-lines += "scripts-test    - tests of scripts/ (get-kernel, kunit, qemu-tcg, deps)"
