int isolate_lru_page(struct page *page)
{
	return 0;
}

int sample_max_order;
int sample_min_order;
int sample_old_limit;
unsigned int page_type(struct page *page)
{
	return 0;
}
