/* A macro that only calls another, twice */
#define MAKE_FN(n) int made_ ## n(void);
#define TWO_FNS(a, b) MAKE_FN(a) MAKE_FN(b)
TWO_FNS(0, 1)

/* Called here, defined by the .c file that includes this header. */
SAMPLE_SYSCALL(1, sys_read_sample)
