// SPDX-License-Identifier: GPL-2.0
int sample_nic_probe(void);
