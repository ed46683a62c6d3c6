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

DEFINE_EVENT_FN(mm_migrate_class, mm_migrate_fn_event,
	TP_PROTO(int x),
	TP_ARGS(x),
	sample_reg, sample_unreg);

TRACE_EVENT_SYSCALL(sys_sample_exit,
	TP_PROTO(long ret),
	TP_ARGS(ret),
	TP_STRUCT__entry(__field(long, ret)),
	TP_fast_assign(__entry->ret = ret;),
	TP_printk("ret=%ld", __entry->ret),
	sample_reg, sample_unreg);

/* changes an event, or makes none: no trace_ name */
TRACE_EVENT_FLAGS(mm_flags_only_event, 0);
DEFINE_EVENT_NOP(mm_migrate_class, mm_nop_event,
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
