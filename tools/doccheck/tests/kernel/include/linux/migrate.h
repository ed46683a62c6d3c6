typedef struct folio *new_folio_t(struct folio *folio, unsigned long private);
typedef void free_folio_t(struct folio *folio, unsigned long private);

struct movable_operations {
	bool (*isolate_page)(struct page *, isolate_mode_t);
	int (*migrate_page)(struct page *dst, struct page *src,
			    enum migrate_mode);
	void (*putback_page)(struct page *);
};

int migrate_pages(struct list_head *from, new_folio_t get_new_folio,
		  free_folio_t put_new_folio, unsigned long private);
extern int set_movable_ops(const struct movable_operations *ops,
			   enum pagetype type);
#define MIGRATE_ASYNC_FLAG	0x1
