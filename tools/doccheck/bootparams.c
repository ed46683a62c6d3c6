// SPDX-License-Identifier: GPL-2.0
/*
 * The boot parameters a tree documents, from its kernel-parameters.txt:
 * a page naming one (slab_max_order) names the parameter, whatever C
 * variable once had that name.  An entry is an indented "name=" or
 * "name" followed by its tags, "[MM]", on its line or the next; '-' in a
 * name is read as '_'.
 */
#include <stdlib.h>
#include <string.h>

#include "doccheck.h"

#define PARAMS_FILE "Documentation/admin-guide/kernel-parameters.txt"

/* The next line starts with its tags, "[KNL,EARLY]". */
static bool tags_follow(const char *eol, const char *end)
{
	const char *q = eol + 1;

	if (q >= end || (*q != ' ' && *q != '\t'))
		return false;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	return q < end && *q == '[';
}

/*
 * The name an entry line starts with, or 0: "name=", "name [TAGS]", or
 * "name" alone with its tags on the next line (no_hash_pointers).
 */
static size_t entry_name(const char *p, const char *eol, const char *end,
			 const char **name)
{
	const char *q = p;
	size_t k = 0;

	while (q < eol && (*q == ' ' || *q == '\t'))
		q++;
	while (q + k < eol && (is_ident_char(q[k]) || q[k] == '-' || q[k] == '.'))
		k++;
	*name = q;
	if (q == p || !k)
		return 0;
	if (q + k == eol)
		return tags_follow(eol, end) ? k : 0;
	if (q[k] == '=' || ((q[k] == ' ' || q[k] == '\t') &&
			    memchr(q + k, '[', eol - q - k)))
		return k;
	return 0;
}

void bootparams_load(struct names *params, const char *root)
{
	struct buf path = { 0 }, text = { 0 };
	char err[256];
	const char *p, *end;

	buf_addf(&path, "%s/%s", root, PARAMS_FILE);
	if (read_file(path.data, &text, err, sizeof(err)) < 0)
		goto out;
	for (p = text.data, end = text.data + text.len; p < end;) {
		const char *eol = memchr(p, '\n', end - p), *q;
		size_t k, i;

		eol = eol ? eol : end;
		k = entry_name(p, eol, end, &q);
		if (k) {
			char *name = xstrndup(q, k);

			for (i = 0; i < k; i++)
				if (name[i] == '-')
					name[i] = '_';
			names_add(params, name, k, 0);
			free(name);
		}
		p = eol + 1;
	}
out:
	buf_free(&text);
	buf_free(&path);
}
