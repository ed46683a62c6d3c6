// SPDX-License-Identifier: GPL-2.0
/*
 * Example of set_movable_ops(): a shim that takes over the movable_ops of
 * zsmalloc pages, counts every callback and forwards it to zsmalloc.
 *
 * set_movable_ops() accepts only the page types the migration core knows
 * (PGTY_offline for balloon pages, PGTY_zsmalloc) and one owner per type;
 * a driver cannot make pages of a type of its own movable.  The shim shows
 * the whole life cycle on a type that already has an owner: release the
 * owner's registration, register, and hand the type back.  It is meant for
 * tests and debugging: while it is installed, every zsmalloc page in the
 * system goes through it.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/lockdep.h>
#include <linux/migrate.h>
#include <linux/mutex.h>
#include <linux/page-flags.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/zsmalloc.h>

#include "registration_example.h"

/*
 * The callbacks get no context pointer: set_movable_ops() keeps one ops
 * pointer per page type.  Shared state is therefore file-scope.
 */
static DEFINE_SPINLOCK(registration_example_lock);
static struct registration_example_stats registration_example_stats;

/* Serialises this driver's calls of set_movable_ops(), which has no lock. */
static DEFINE_MUTEX(registration_example_mutex);

static void registration_example_count(unsigned int *counter,
				       struct page *page)
{
	spin_lock(&registration_example_lock);
	(*counter)++;
	if (!PageLocked(page))
		registration_example_stats.unlocked++;
	spin_unlock(&registration_example_lock);
}

/* [mops-operations] */
/* Called with @page locked; true lets the VM isolate it. */
static bool registration_example_isolate(struct page *page,
					 isolate_mode_t mode)
{
	bool ok = zsmalloc_mops.isolate_page(page, mode);

	registration_example_count(ok ? &registration_example_stats.isolated :
				   &registration_example_stats.refused, page);
	return ok;
}

/* Called with @src and @dst locked; 0, -EAGAIN or a permanent error. */
static int registration_example_migrate(struct page *dst, struct page *src,
					enum migrate_mode mode)
{
	int err = zsmalloc_mops.migrate_page(dst, src, mode);

	registration_example_count(err ? &registration_example_stats.failed :
				   &registration_example_stats.migrated, dst);
	return err;
}

/* Called with @page locked when an isolated page is not migrated. */
static void registration_example_putback(struct page *page)
{
	zsmalloc_mops.putback_page(page);
	registration_example_count(&registration_example_stats.putback, page);
}

const struct movable_operations registration_example_ops = {
	.isolate_page = registration_example_isolate,
	.migrate_page = registration_example_migrate,
	.putback_page = registration_example_putback,
};

/* [/mops-operations] */

/* [mops-register-types] */
/*
 * set_movable_ops() with its errors told: -EINVAL if the migration core
 * has no movable_ops slot for @type, -EBUSY if @type has an owner already.
 */
static int registration_example_set(const struct movable_operations *ops,
				    enum pagetype type)
{
	int err;

	lockdep_assert_held(&registration_example_mutex);
	err = set_movable_ops(ops, type);
	if (err == -EINVAL)
		pr_debug("page type %#x cannot have movable_ops\n", type);
	else if (err == -EBUSY)
		pr_debug("page type %#x already has movable_ops\n", type);
	return err;
}

/* [/mops-register-types] */

/* [mops-register-one-owner] */
/**
 * registration_example_register() - register or release one page type
 * @ops: the operations, or NULL to release @type
 * @type: page type, PGTY_offline or PGTY_zsmalloc
 *
 * set_movable_ops() takes no lock: of two calls that race for a free type,
 * both may find it free and both succeed, the later one silently replacing
 * the earlier.  Every registration of this driver therefore goes through
 * registration_example_mutex, and then exactly one of two racing calls
 * gets the type.
 *
 * Return: 0, -EINVAL or -EBUSY, as set_movable_ops().
 */
int registration_example_register(const struct movable_operations *ops,
				  enum pagetype type)
{
	int err;

	mutex_lock(&registration_example_mutex);
	err = registration_example_set(ops, type);
	mutex_unlock(&registration_example_mutex);
	return err;
}

/**
 * registration_example_install() - put the shim in front of zsmalloc
 *
 * A type has one owner: our registration only succeeds once zsmalloc's is
 * released with set_movable_ops(NULL, PGTY_zsmalloc).  Releasing and
 * registering happen under one hold of the mutex, so no registration of
 * this driver comes in between; nothing outside it may register for the
 * type meanwhile.
 *
 * Return: 0, or the error of set_movable_ops().
 */
int registration_example_install(void)
{
	int err;

	spin_lock(&registration_example_lock);
	registration_example_stats = (struct registration_example_stats){};
	spin_unlock(&registration_example_lock);

	mutex_lock(&registration_example_mutex);
	err = registration_example_set(NULL, PGTY_zsmalloc);
	if (!err) {
		err = registration_example_set(&registration_example_ops,
					       PGTY_zsmalloc);
		if (err)
			registration_example_set(&zsmalloc_mops, PGTY_zsmalloc);
	}
	mutex_unlock(&registration_example_mutex);
	return err;
}

/* [/mops-register-one-owner] */

/* [mops-register-release] */
/**
 * registration_example_remove() - give zsmalloc pages back to zsmalloc
 *
 * Releasing takes set_movable_ops(NULL, type); it succeeds whoever owns the
 * type, so only the owner may call it.  Pages isolated while the shim was
 * installed are finished by zsmalloc's own callbacks: the migration core
 * looks the operations up by page type on every call.
 */
void registration_example_remove(void)
{
	mutex_lock(&registration_example_mutex);
	WARN_ON(registration_example_set(NULL, PGTY_zsmalloc));
	WARN_ON(registration_example_set(&zsmalloc_mops, PGTY_zsmalloc));
	mutex_unlock(&registration_example_mutex);
}

/* [/mops-register-release] */

/**
 * registration_example_read_stats() - copy the shim's counters
 * @stats: where to copy them
 */
void registration_example_read_stats(struct registration_example_stats *stats)
{
	spin_lock(&registration_example_lock);
	*stats = registration_example_stats;
	spin_unlock(&registration_example_lock);
}
