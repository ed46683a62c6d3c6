struct address_space_operations {
	int (*read_folio)(struct file *, struct folio *);
	int (*migrate_folio)(struct address_space *, struct folio *dst,
			     struct folio *src, enum migrate_mode);
};

struct address_space {
	struct inode *host;
	const struct address_space_operations *a_ops;
};
extern int curr1_reset_history;

/* a callback parameter of a prototype: docs name it, fill_sample() */
int get_tree_sample(struct file *f,
		    int (*fill_sample)(struct inode *inode, void *data));
