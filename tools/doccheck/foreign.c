// SPDX-License-Identifier: GPL-2.0
/*
 * Names a page uses that belong to another namespace than the kernel's
 * C code, told by their shape or by what the tree has instead:
 *
 *   glReadPixels(), drmGetUnique(), TPM2_ReadPublic(), GetButton()
 *       camelCase or CamelCase words: OpenGL, libdrm, TPM, ACPI and
 *       firmware names.  The kernel's own CamelCase names (PageLRU(),
 *       __SetPageMovable()) are one word, capital first.
 *   h_set_dabr(), keyctl_read()
 *       the tree has only the constant H_SET_DABR, KEYCTL_READ: the page
 *       names a hypervisor call or a library function by the operation
 *       the kernel knows as a number.
 *   bpf_redirect_map()
 *       a BPF helper: the tree lists it as BPF_FUNC_redirect_map (its C
 *       function has another name, bpf_xdp_redirect_map()).
 *   this_cpu_ops() in this_cpu_ops.rst
 *       the page's own topic, named like a function.
 */
#include <stdio.h>
#include <string.h>

#include "doccheck.h"

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Does the word s[0..n) hold a lower case letter followed by a capital? */
static bool camel_word(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (is_lower(s[i - 1]) && is_upper(s[i]))
			return true;
	return false;
}

/* "Import", "Button": a capital, then lower case only */
static bool title_word(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || !is_upper(s[0]))
		return false;
	for (i = 1; i < n; i++)
		if (!is_lower(s[i]))
			return false;
	return true;
}

bool foreign_style(const char *name)
{
	const char *p = name;
	int words = 0, upper = 0, title = 0;

	while (*p == '_')
		p++;
	while (*p) {
		size_t n = strcspn(p, "_");

		/* glReadPixels, drmGetUnique, vCPU: lower case, then capitals */
		if (is_lower(*p) && camel_word(p, n))
			return true;
		words++;
		if (n && is_upper_name(p, n))
			upper++;
		else if (title_word(p, n) || (is_upper(*p) && camel_word(p, n)))
			title++;
		p += n;
		while (*p == '_')
			p++;
	}
	/* TPM2_ReadPublic, TPM2_Import, Get_WMI: words of both kinds */
	return words > 1 && title && (upper || title == words);
}

/*
 * @best is the same letters as @name in another style: h_set_dabr and
 * H_SET_DABR, TPM2_ReadPublic and tpm2_read_public.  True when @name is
 * all lower case and @best all capitals, or @name is foreign_style()
 * and @best is not.
 */
bool case_variant(const char *name, const char *best)
{
	size_t n = strlen(name), i;

	for (i = 0; i < n && !is_upper(name[i]); i++)
		;
	if (i == n)
		return is_upper_name(best, strlen(best));
	return foreign_style(name) && !foreign_style(best) &&
	       !is_upper_name(best, strlen(best));
}

/* BPF_FUNC_redirect_map for bpf_redirect_map, in @buf; NULL if no helper */
const char *bpf_helper_id(const char *name, char *buf, size_t size)
{
	if (strncmp(name, "bpf_", 4) || strlen(name) + 6 > size)
		return NULL;
	snprintf(buf, size, "BPF_FUNC_%s", name + 4);
	return buf;
}

/* this_cpu_ops in .../this_cpu_ops.rst (or this-cpu-ops.rst) */
bool doc_topic(const char *path, const char *name)
{
	const char *base = strrchr(path, '/');
	size_t n = strlen(name), i;

	base = base ? base + 1 : path;
	if (strlen(base) != n + 4 || strcmp(base + n, ".rst"))
		return false;
	for (i = 0; i < n; i++)
		if (base[i] != name[i] && !(base[i] == '-' && name[i] == '_'))
			return false;
	return true;
}

/*
 * A line that makes a code block a user-space program: "int main(", or
 * an #include of a C library header (<stdio.h>, <sys/ioctl.h>; the
 * kernel's own are <linux/...>, <asm/...>, <net/...> and the like).
 */
bool user_space_line(const char *s, size_t n)
{
	static const char *const dirs[] = { "sys/", "netinet/", "arpa/", "bpf/", NULL };
	const char *p, *end = s + n;
	int i;

	while (s < end && ((*s >= '0' && *s <= '9') || *s == ' ' || *s == '\t'))
		s++;
	n = end - s;
	if (n > 10 && !memcmp(s, "#include", 8)) {
		p = memchr(s, '<', n);
		if (!p || !memchr(p, '>', end - p))
			return false;
		p++;
		for (i = 0; dirs[i]; i++)
			if (!strncmp(p, dirs[i], strlen(dirs[i])))
				return true;
		return memchr(p, '/', (const char *)memchr(p, '>', end - p) - p) == NULL;
	}
	p = memmem(s, n, "main(", 5);
	if (!p || (p > s && is_ident_char(p[-1])))
		return false;
	while (p > s && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	return (p - s >= 3 && !memcmp(p - 3, "int", 3)) ||
	       (p - s >= 4 && !memcmp(p - 4, "void", 4));
}

/* ".. code-block:: console" and the like */
bool shell_language(const char *s, size_t n)
{
	return word_is(s, n, "sh") || word_is(s, n, "bash") ||
	       word_is(s, n, "console") || word_is(s, n, "shell") ||
	       word_is(s, n, "shell-session");
}

/*
 * The first line of a block of shell commands: a prompt and a command,
 * "# echo ...", "$ cat ...".  ("# tracer: function" starts a trace.)
 */
bool shell_line(const char *s, size_t n)
{
	size_t k;

	if (n < 3 || (s[0] != '#' && s[0] != '$') || s[1] != ' ')
		return false;
	for (k = 2; k < n && s[k] != ' '; k++)
		;
	return is_shell_command(s + 2, k - 2);
}

/*
 * A line of shell commands: "name(" in it is a function of the command's
 * language (onmatch() of a histogram trigger, a program's option), not
 * of the kernel's C code.  Each is marked user, so that the page's prose
 * naming it is quiet too.
 */
void shell_calls(struct doc *d, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t k = ident_span(s, n, i);
		struct ref *r;

		if (!k || (i && is_ident_char(s[i - 1]))) {
			i++;
			continue;
		}
		if (i + k < n && s[i + k] == '(') {
			r = doc_ref(d, R_CALL, S_WEAK, s + i, s + i, k);
			if (r)
				r->user = true;
		}
		i += k;
	}
}

/*
 * "struct icsk_ack_u8" in a table of fields: a member (icsk_ack) and its
 * type glued together.  The length of the member's name, or 0.
 */
size_t typed_field(const char *name)
{
	static const char *const types[] = {
		"_u8", "_u16", "_u32", "_u64", "_s8", "_s16", "_s32", "_s64",
		"_int", "_bool", "_char", "_long", NULL
	};
	size_t n = strlen(name), k;
	int i;

	for (i = 0; types[i]; i++) {
		k = strlen(types[i]);
		if (n > k + 1 && !strcmp(name + n - k, types[i]))
			return n - k;
	}
	return 0;
}
