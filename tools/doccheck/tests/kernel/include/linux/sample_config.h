/* SPDX-License-Identifier: GPL-2.0 */
/* A C macro named like a Kconfig symbol, as some headers define one. */
#define CONFIG_SAMPLE_BUILTIN 1
