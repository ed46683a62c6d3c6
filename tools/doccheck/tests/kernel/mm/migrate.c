/*
 * Function bodies are skipped: nothing declared inside is a name of the
 * tree.  Neither are names in comments: not_a_name_in_comment().
 */
static const char *msg = "braces { in strings } and not_a_name_in_string()";

int migrate_pages(struct list_head *from, new_folio_t get_new_folio,
		  free_folio_t put_new_folio, unsigned long private)
{
	int local_in_body = '}';
	struct local_struct_in_body { int x; } v;

	if (from) {
		char c = '{';
	}
	return local_in_body;
}

int set_movable_ops(const struct movable_operations *ops, enum pagetype type)
{
	return 0;
}
EXPORT_SYMBOL_GPL(set_movable_ops);

SYSCALL_DEFINE4(migrate_pages, pid_t, pid, unsigned long, maxnode,
		const unsigned long __user *, old_nodes,
		const unsigned long __user *, new_nodes)
{
	return 0;
}

#if 0
int not_a_name_under_if0(void)
{
}
#endif

static int (*migrate_hook)(struct page *page);
static DEFINE_MUTEX(migrate_mutex);
unsigned long migrate_counter = 0, migrate_other;

/* the boot parameter sample_debug of kernel-parameters.txt */
int sample_debug_level;
