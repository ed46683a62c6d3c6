/* SPDX-License-Identifier: GPL-2.0 */
int sample_bt_send(int x);
