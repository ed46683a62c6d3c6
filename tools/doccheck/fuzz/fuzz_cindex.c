// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the C indexer, the Kconfig scanner and token-pasting
 * expansion on any bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + FILE_PAD + 1);
	struct found f, *parts[1] = { &f };

	if (!text)
		return 0;
	memcpy(text, data, size);
	memset(text + size, 0, FILE_PAD + 1);
	found_init(&f, NULL);
	cindex_scan(&f, text, size);
	kconfig_scan(&f, text, size);
	paste_expand(&f, parts, 1);
	found_free(&f);
	free(text);
	return 0;
}
