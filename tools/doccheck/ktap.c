// SPDX-License-Identifier: GPL-2.0
/*
 * KTAP version 1, as kunit.py writes it after "make kunit": nested test
 * lists, each opened by "KTAP version 1" and named by "# Subtest: NAME",
 * results "ok N name", "not ok N name" and "ok N name # SKIP reason",
 * indented by four spaces per level.  A result belongs to the subtest
 * named at its own indentation: a case's result to its suite, a
 * parameter's result to its case.  Kernel log prefixes ("[    1.23] ")
 * are dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "trans.h"

#define DEPTH 16

static void add_case(struct ktap *k, const char *suite, const char *name,
		     size_t n, enum ktap_result r, int line)
{
	struct ktap_case *c;

	GROW(k->v, k->n, k->cap, 32);
	c = &k->v[k->n++];
	c->suite = xstrdup(suite ? suite : "");
	c->name = xstrndup(name, n);
	c->res = r;
	c->line = line;
}

static const char *skip_prefix(const char *s, const char *end)
{
	if (s < end && *s == '[') {
		const char *c = memchr(s, ']', end - s);

		if (c && c + 1 < end && c[1] == ' ')
			return c + 2;
	}
	return s;
}

/* "ok 3 name # SKIP why" -> result, name */
static bool result_line(const char *s, const char *end, enum ktap_result *r,
			const char **name, size_t *n)
{
	const char *p = s, *hash;

	if (end - p >= 7 && !memcmp(p, "not ok ", 7)) {
		*r = KT_FAIL;
		p += 7;
	} else if (end - p >= 3 && !memcmp(p, "ok ", 3)) {
		*r = KT_PASS;
		p += 3;
	} else {
		return false;
	}
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	while (p < end && (*p == ' ' || *p == '-'))
		p++;
	hash = memchr(p, '#', end - p);
	*name = p;
	*n = (hash ? hash : end) - p;
	while (*n && (p[*n - 1] == ' ' || p[*n - 1] == '\t'))
		(*n)--;
	if (hash && end - hash >= 6 && !strncasecmp(hash + 1, " SKIP", 5))
		*r = *r == KT_FAIL ? KT_FAIL : KT_SKIP;
	return true;
}

void ktap_parse(struct ktap *k, const char *text, size_t len)
{
	char *names[DEPTH] = { 0 };
	const char *p = text, *end = text + len;
	int line = 0, d;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		const char *e = nl ? nl : end, *s = skip_prefix(p, e);
		int indent = 0;
		enum ktap_result r;
		const char *name;
		size_t n;

		line++;
		if (e > s && e[-1] == '\r')
			e--;
		while (s < e && (*s == ' ' || *s == '\t')) {
			indent += *s == '\t' ? 8 : 1;
			s++;
		}
		d = indent / 4 < DEPTH ? indent / 4 : DEPTH - 1;
		if (e - s > 11 && !memcmp(s, "# Subtest: ", 11)) {
			free(names[d]);
			names[d] = xstrndup(s + 11, e - s - 11);
		} else if (result_line(s, e, &r, &name, &n)) {
			add_case(k, names[d], name, n, r, line);
		}
		p = nl ? nl + 1 : end;
	}
	for (d = 0; d < DEPTH; d++)
		free(names[d]);
}

int ktap_read(struct ktap *k, const char *path)
{
	struct buf b = { 0 };
	char err[256];

	memset(k, 0, sizeof(*k));
	if (read_file(path, &b, err, sizeof(err)) < 0) {
		k->error = xstrdup(err);
		buf_free(&b);
		return -1;
	}
	if (!strstr(b.data, "KTAP version") && !strstr(b.data, "TAP version")) {
		k->error = xstrdup("not KTAP: no \"KTAP version\" line");
		buf_free(&b);
		return -1;
	}
	ktap_parse(k, b.data, b.len);
	buf_free(&b);
	return 0;
}

enum ktap_result ktap_case(const struct ktap *k, const char *suite,
			   const char *name)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		if (!strcmp(k->v[i].name, name) && (!suite || !strcmp(k->v[i].suite, suite)))
			return k->v[i].res;
	return KT_NONE;
}

void ktap_free(struct ktap *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		free(k->v[i].suite);
		free(k->v[i].name);
	}
	free(k->v);
	free(k->error);
	memset(k, 0, sizeof(*k));
}
