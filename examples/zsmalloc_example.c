// SPDX-License-Identifier: GPL-2.0
/*
 * Example object store on zsmalloc.
 *
 * zsmalloc packs objects into pages of type PGTY_zsmalloc and registers
 * movable_operations for that type, so compaction may move those pages at
 * any time.  The store therefore never keeps a pointer into a page: it keeps
 * the handle zs_malloc() returned and reaches the object through the handle
 * for every access.
 */

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/numa.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/zsmalloc.h>

#include "zsmalloc_example.h"

/**
 * zsmalloc_example_init() - create an empty store
 * @store: the store
 * @nr_objects: number of object slots
 * @object_size: size of each object in bytes
 *
 * Return: 0 or -ENOMEM.
 */
int zsmalloc_example_init(struct zsmalloc_example *store,
			  unsigned int nr_objects, size_t object_size)
{
	store->handles = kcalloc(nr_objects, sizeof(*store->handles),
				 GFP_KERNEL);
	if (!store->handles)
		return -ENOMEM;
	store->pool = zs_create_pool("zsmalloc_example");
	if (!store->pool) {
		kfree(store->handles);
		return -ENOMEM;
	}
	store->nr_objects = nr_objects;
	store->object_size = object_size;
	return 0;
}

/**
 * zsmalloc_example_destroy() - free every object and the pool
 * @store: the store
 */
void zsmalloc_example_destroy(struct zsmalloc_example *store)
{
	unsigned int i;

	for (i = 0; i < store->nr_objects; i++)
		if (store->handles[i])
			zs_free(store->pool, store->handles[i]);
	zs_destroy_pool(store->pool);
	kfree(store->handles);
}

/**
 * zsmalloc_example_store() - allocate an object and write it
 * @store: the store
 * @index: slot of the object, empty so far
 * @data: @store->object_size bytes to store
 *
 * Return: 0, -EINVAL for a bad or used slot, or -ENOMEM.
 */
int zsmalloc_example_store(struct zsmalloc_example *store, unsigned int index,
			   const void *data)
{
	/* __GFP_MOVABLE: the pages behind the object may be migrated. */
	const gfp_t gfp = GFP_KERNEL | __GFP_HIGHMEM | __GFP_MOVABLE;
	unsigned long handle;

	if (index >= store->nr_objects || store->handles[index])
		return -EINVAL;
	handle = zs_malloc(store->pool, store->object_size, gfp, NUMA_NO_NODE);
	if (IS_ERR_VALUE(handle))
		return (int)handle;
	zs_obj_write(store->pool, handle, (void *)data, store->object_size);
	store->handles[index] = handle;
	return 0;
}

/**
 * zsmalloc_example_erase() - free one object
 * @store: the store
 * @index: slot of the object
 *
 * Return: 0, or -EINVAL for a bad or empty slot.
 */
int zsmalloc_example_erase(struct zsmalloc_example *store, unsigned int index)
{
	if (index >= store->nr_objects || !store->handles[index])
		return -EINVAL;
	zs_free(store->pool, store->handles[index]);
	store->handles[index] = 0;
	return 0;
}

/* [mops-zsmalloc-handles] */
/**
 * zsmalloc_example_load() - copy an object out of the store
 * @store: the store
 * @index: slot of the object
 * @buf: @store->object_size bytes to copy the object to
 *
 * The handle is the only lasting name of the object.  Between
 * zs_obj_read_begin() and zs_obj_read_end() zsmalloc keeps migration away
 * from the object's pages; outside that window they may move, so the
 * address returned must not be kept.
 *
 * Return: 0, or -EINVAL for a bad or empty slot.
 */
int zsmalloc_example_load(struct zsmalloc_example *store, unsigned int index,
			  void *buf)
{
	unsigned long handle;
	void *obj;

	if (index >= store->nr_objects || !store->handles[index])
		return -EINVAL;
	handle = store->handles[index];
	obj = zs_obj_read_begin(store->pool, handle, store->object_size, buf);
	if (obj != buf)
		memcpy(buf, obj, store->object_size);
	zs_obj_read_end(store->pool, handle, store->object_size, obj);
	return 0;
}

/* [/mops-zsmalloc-handles] */

/**
 * zsmalloc_example_first_page() - the page an object starts in, right now
 * @store: the store
 * @index: slot of the object
 *
 * For tests and diagnostics only: the answer is stale as soon as this
 * returns, because the page may be migrated.  No reference is taken.
 *
 * Return: the page, or NULL for a bad or empty slot.
 */
struct page *zsmalloc_example_first_page(struct zsmalloc_example *store,
					 unsigned int index)
{
	struct scatterlist sg[2];
	struct page *page;

	if (index >= store->nr_objects || !store->handles[index])
		return NULL;
	zs_obj_read_sg_begin(store->pool, store->handles[index], sg,
			     store->object_size);
	page = sg_page(&sg[0]);
	zs_obj_read_sg_end(store->pool, store->handles[index]);
	return page;
}
