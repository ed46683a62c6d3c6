/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#define SNDRV_SAMPLE_VERSION 1
