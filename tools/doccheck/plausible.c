// SPDX-License-Identifier: GPL-2.0
/*
 * Is a did-you-mean a likely typo?  A medium reference (a name in a
 * literal or in example code) is reported as unknown only when it is:
 * the same words in another order (three words or more, the same case,
 * two neighbours swapped or the name turned round), or one edit in a
 * long name that is no numbered sibling and no other short word, of
 * three words or more (two in a call or a tag, the edit inside a word).
 */
#include <string.h>

#include "doccheck.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * curr_reset_history ~ curr1_reset_history, usb3_hardware_lpm ~
 * usb2_hardware_lpm: numbered siblings (sysfs files, counters), no typo;
 * nor omapx_opp_init ~ omap3_opp_init, x for any number of a family.
 */
bool digit_edit(const char *a, const char *b)
{
	size_t i = 0, na = strlen(a), nb = strlen(b);

	while (i < na && i < nb && a[i] == b[i])
		i++;
	return (na > nb && is_digit(a[i])) || (nb > na && is_digit(b[i])) ||
	       (na == nb && i < na && (is_digit(a[i]) || a[i] == 'x') && is_digit(b[i]));
}

#define WORDS_MAX 16

/* The words of a snake_case or UPPER_CASE name: their starts and lengths */
static int split_words(const char *s, const char **w, size_t *len)
{
	int n = 0;

	while (*s) {
		size_t k;

		while (*s == '_')
			s++;
		k = strcspn(s, "_");
		if (!k)
			break;
		if (n == WORDS_MAX)
			return -1;
		w[n] = s;
		len[n++] = k;
		s += k;
	}
	return n;
}

static bool same_word(const char *a, size_t na, const char *b, size_t nb)
{
	return na == nb && !memcmp(a, b, na);
}

/*
 * The same words in another order look like a slip of the memory when
 * two neighbours swap (dma_get_residue ~ get_dma_residue) or the whole
 * name turns round (register_platform_device ~ platform_device_register);
 * a word taken from the middle to the end is another naming scheme
 * (rx_vport_unicast_bytes, a counter, ~ rx_unicast_bytes_vport).
 */
bool slip_order(const char *a, const char *b)
{
	const char *wa[WORDS_MAX], *wb[WORDS_MAX];
	size_t la[WORDS_MAX], lb[WORDS_MAX];
	int n = split_words(a, wa, la), i, j, r;

	if (n < 2 || n != split_words(b, wb, lb))
		return true;	/* not ours to judge */
	for (i = 0; i + 1 < n; i++) {
		bool ok = true;

		for (j = 0; j < n && ok; j++) {
			int k = j == i ? i + 1 : j == i + 1 ? i : j;

			ok = same_word(wa[k], la[k], wb[j], lb[j]);
		}
		if (ok)
			return true;
	}
	for (r = 1; r < n; r++) {
		bool ok = true;

		for (j = 0; j < n && ok; j++)
			ok = same_word(wa[(j + r) % n], la[(j + r) % n], wb[j], lb[j]);
		if (ok)
			return true;
	}
	return false;
}

/*
 * STATE_ONE ~ STATE_ON, SET_REPLY ~ SMT_REPLY, STATUS_VOUT ~ STATUS_OUT:
 * in a name of two words, one edit in a word of four letters or less
 * makes another word (an abbreviation, a register), not a misspelling;
 * INADRR_ANY ~ INADDR_ANY is one.  In any name, a word of one letter
 * changed is another name: bpf_func_c ~ bpf_func_t.
 */
bool short_word_edit(const char *a, const char *b)
{
	size_t i = 0, start, end;

	while (a[i] && a[i] == b[i])
		i++;
	for (start = i; start > 0 && a[start - 1] != '_'; start--)
		;
	for (end = i; a[end] && a[end] != '_'; end++)
		;
	if (end == start && start > 0)	/* the edit ends the word before */
		for (start--; start > 0 && a[start - 1] != '_'; start--)
			;
	return (word_count(a) == 2 && end - start <= 4) || end - start <= 1;
}

/*
 * The one edit between @a and @b is inside a word, not at its start or
 * end: cpnsole_init ~ console_init is a slip; sctp_connectx ~
 * sctp_connect and test_feature ~ test_features are other words.
 */
static bool inner_edit(const char *a, const char *b)
{
	size_t an = strlen(a), bn = strlen(b), p = 0, s = 0;

	while (p < an && p < bn && a[p] == b[p])
		p++;
	while (s < an - p && s < bn - p && a[an - 1 - s] == b[bn - 1 - s])
		s++;
	return p > 0 && a[p - 1] != '_' && s > 0 && a[an - s] != '_' &&
	       b[bn - s] != '_';
}

/*
 * @c_syntax: the name is written as C (a call, "struct name"), not as a
 * bare word that may be a file or an option: two words are enough.
 */
bool likely_typo(const char *name, const struct unknown *u, bool c_syntax)
{
	int words = word_count(name);

	if (!u)
		return false;
	if (unknown_match(u) == SM_TYPO)
		return strlen(name) >= 8 && !digit_edit(name, u->best) &&
		       !short_word_edit(name, u->best) &&
		       (is_upper_name(name, strlen(name)) || words >= 3 ||
			(c_syntax && words == 2 && inner_edit(name, u->best)));
	/* the same words, and the same style: snake_case or CamelCase */
	return unknown_match(u) == SM_ORDER && words >= 3 &&
	       slip_order(name, u->best) &&
	       !strchr(name, '_') == !strchr(u->best, '_') &&
	       is_upper_name(name, strlen(name)) ==
	       is_upper_name(u->best, strlen(u->best));
}
