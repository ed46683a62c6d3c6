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
