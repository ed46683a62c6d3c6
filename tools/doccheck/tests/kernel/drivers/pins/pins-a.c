/* Each driver defines its own DECLARE_PIN_FN(): each call uses its own. */
#define DECLARE_PIN_FN(n) static int pin_a_ ## n(void) { return n; }
DECLARE_PIN_FN(1)

#define SAMPLE_SYSCALL(nr, sym) long table_ ## sym(void);
#include <linux/sample_mapper.h>
