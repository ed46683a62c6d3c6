// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the reStructuredText extractor on any bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + FILE_PAD + 1);
	struct doc d;

	if (!text)
		return 0;
	memcpy(text, data, size);
	memset(text + size, 0, FILE_PAD + 1);
	doc_init(&d, "fuzz.rst");
	rst_extract(&d, text, size);
	doc_free(&d);
	free(text);
	return 0;
}
