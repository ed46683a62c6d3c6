#define DECLARE_PIN_FN(n) static int pin_b_ ## n(void) { return n; }
DECLARE_PIN_FN(2)
