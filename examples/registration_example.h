/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Example of set_movable_ops(): a counting shim in front of zsmalloc's
 * movable_operations.
 */
#ifndef _REGISTRATION_EXAMPLE_H
#define _REGISTRATION_EXAMPLE_H

#include <linux/migrate.h>
#include <linux/types.h>

/**
 * struct registration_example_stats - what the shim has seen
 * @isolated: isolate_page() calls that succeeded
 * @refused: isolate_page() calls that failed
 * @migrated: migrate_page() calls that succeeded
 * @failed: migrate_page() calls that failed
 * @putback: putback_page() calls
 * @unlocked: callbacks that found their page unlocked (should stay 0)
 */
struct registration_example_stats {
	unsigned int isolated;
	unsigned int refused;
	unsigned int migrated;
	unsigned int failed;
	unsigned int putback;
	unsigned int unlocked;
};

extern const struct movable_operations registration_example_ops;

int registration_example_register(const struct movable_operations *ops,
				  enum pagetype type);
int registration_example_install(void);
void registration_example_remove(void);
void registration_example_read_stats(struct registration_example_stats *stats);

#endif /* _REGISTRATION_EXAMPLE_H */
