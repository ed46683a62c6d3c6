/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A macro of 20 parameters: real trees have 41 (amd's REG_UPDATE_20).
 * The name it pastes must be made, however many parameters come before
 * the one pasted.
 */
#define WIDE_BIT(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, \
		 a14, a15, a16, a17, a18, a19, a20) WIDE_ ## a20 ## _BIT = 0

enum {
	WIDE_BIT(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14,
		 p15, p16, p17, p18, p19, LAST),
};
