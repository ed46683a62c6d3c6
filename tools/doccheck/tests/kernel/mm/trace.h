/* Names defined by the kernel's definition macros. */
TRACE_EVENT(mm_migrate_pages,
	TP_PROTO(unsigned long succeeded),
	TP_ARGS(succeeded),
	TP_STRUCT__entry(__field(unsigned long, succeeded)),
	TP_fast_assign(__entry->succeeded = succeeded;),
	TP_printk("succeeded=%lu", __entry->succeeded)
);

DEFINE_EVENT(mm_migrate_class, mm_migrate_start,
	TP_PROTO(int x),
	TP_ARGS(x));

BPF_CALL_2(bpf_sample_helper, int, a, int, b)
{
	return a + b;
}

#define DECLARE_SAMPLE_BIT(name, bit) SAMPLE_ ## name ## _BIT = bit
enum {
	DECLARE_SAMPLE_BIT(READ, 0),
	DECLARE_SAMPLE_BIT(WRITE, 1),
};
