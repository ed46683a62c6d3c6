enum pageflags {
	PG_locked,
	PG_lru,
	PG_isolated = PG_lru,
};

#define PAGE_MAPPING_MOVABLE	0x2

void __SetPageMovable(struct page *page, const struct movable_operations *ops);
void __ClearPageMovable(struct page *page);
bool PageMovable(struct page *page);
struct address_space *page_mapping(struct page *page);
