struct page {
	unsigned long flags;
	struct address_space *mapping;
	unsigned long index;
};
