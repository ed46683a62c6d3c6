/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Example object store on zsmalloc.
 */
#ifndef _ZSMALLOC_EXAMPLE_H
#define _ZSMALLOC_EXAMPLE_H

#include <linux/mm_types.h>
#include <linux/types.h>

struct zs_pool;

/**
 * struct zsmalloc_example - a fixed number of equally sized objects
 * @pool: the zsmalloc pool holding the objects
 * @handles: one zsmalloc handle per object, 0 for an empty slot
 * @nr_objects: number of slots in @handles
 * @object_size: size of every object in bytes
 *
 * The store takes no lock of its own: threads that share it work on
 * different slots.  Migration needs no lock from the store either, since
 * zsmalloc keeps it away from an object between read_begin and read_end.
 */
struct zsmalloc_example {
	struct zs_pool *pool;
	unsigned long *handles;
	unsigned int nr_objects;
	size_t object_size;
};

int zsmalloc_example_init(struct zsmalloc_example *store,
			  unsigned int nr_objects, size_t object_size);
void zsmalloc_example_destroy(struct zsmalloc_example *store);
int zsmalloc_example_store(struct zsmalloc_example *store, unsigned int index,
			   const void *data);
int zsmalloc_example_erase(struct zsmalloc_example *store, unsigned int index);
int zsmalloc_example_load(struct zsmalloc_example *store, unsigned int index,
			  void *buf);
struct page *zsmalloc_example_first_page(struct zsmalloc_example *store,
					 unsigned int index);

#endif /* _ZSMALLOC_EXAMPLE_H */
