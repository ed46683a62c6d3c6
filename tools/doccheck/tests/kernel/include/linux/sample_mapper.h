/* A variadic X-macro, as the BPF helper list: ", ## ctx" drops the comma. */
#define ___SAMPLE_FUNC_MAPPER(FN, ctx...)	\
	FN(unspec, 0, ##ctx)			\
	FN(map_lookup, 1, ##ctx)

#define __SAMPLE_ENUM_FN(x, y) SAMPLE_FUNC_ ## x = y,
enum sample_func_id {
	___SAMPLE_FUNC_MAPPER(__SAMPLE_ENUM_FN)
	__SAMPLE_FUNC_MAX_ID,
};

/* A macro that only calls another, twice */
#define MAKE_FN(n) int made_ ## n(void);
#define TWO_FNS(a, b) MAKE_FN(a) MAKE_FN(b)
TWO_FNS(0, 1)

/* Called here, defined by the .c file that includes this header. */
SAMPLE_SYSCALL(1, sys_read_sample)
