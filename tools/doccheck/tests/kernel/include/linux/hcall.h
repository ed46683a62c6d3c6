/* A hypervisor call is a number to the kernel; an I/O function. */
#define H_SET_DABR 0x28

int do_io(void);
