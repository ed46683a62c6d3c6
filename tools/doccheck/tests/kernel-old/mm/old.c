int isolate_lru_page(struct page *page)
{
	return 0;
}
