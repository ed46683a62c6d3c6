struct address_space_operations {
	int (*read_folio)(struct file *, struct folio *);
	bool (*isolate_page)(struct page *, isolate_mode_t);
	void (*putback_page)(struct page *);
};

struct address_space {
	struct inode *host;
	const struct address_space_operations *a_ops;
	unsigned long private_data;
};
