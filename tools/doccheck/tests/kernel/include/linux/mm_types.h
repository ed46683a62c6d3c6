struct list_head;

struct page {
	unsigned long flags;
	union {
		struct {
			struct list_head lru;
			struct address_space *mapping;
		};
		unsigned int page_type;
	};
	unsigned long private __aligned(8);
};

struct folio {
	struct page page;
	struct address_space *mapping;
};
