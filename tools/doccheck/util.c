// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation, buffers, whole-file reads, hashing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "doccheck.h"

const char *progname = "doccheck";

#define S 3	/* start and continue */
#define C 2	/* continue only */
const unsigned char ident_tab[256] = {
	['0'] = C, ['1'] = C, ['2'] = C, ['3'] = C, ['4'] = C,
	['5'] = C, ['6'] = C, ['7'] = C, ['8'] = C, ['9'] = C, ['_'] = S,
	['a'] = S, ['b'] = S, ['c'] = S, ['d'] = S, ['e'] = S, ['f'] = S,
	['g'] = S, ['h'] = S, ['i'] = S, ['j'] = S, ['k'] = S, ['l'] = S,
	['m'] = S, ['n'] = S, ['o'] = S, ['p'] = S, ['q'] = S, ['r'] = S,
	['s'] = S, ['t'] = S, ['u'] = S, ['v'] = S, ['w'] = S, ['x'] = S,
	['y'] = S, ['z'] = S,
	['A'] = S, ['B'] = S, ['C'] = S, ['D'] = S, ['E'] = S, ['F'] = S,
	['G'] = S, ['H'] = S, ['I'] = S, ['J'] = S, ['K'] = S, ['L'] = S,
	['M'] = S, ['N'] = S, ['O'] = S, ['P'] = S, ['Q'] = S, ['R'] = S,
	['S'] = S, ['T'] = S, ['U'] = S, ['V'] = S, ['W'] = S, ['X'] = S,
	['Y'] = S, ['Z'] = S,
};
#undef S
#undef C

static void oom(void)
{
	fprintf(stderr, "%s: out of memory\n", progname);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		oom();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void warnx_(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* ---- arena ---- */

struct arena_chunk {
	struct arena_chunk *next;
	char data[];
};

#define ARENA_CHUNK (1u << 20)

void *arena_alloc(struct arena *a, size_t size)
{
	char *p;

	size = (size + 7) & ~(size_t)7;
	if ((size_t)(a->end - a->cur) < size) {
		size_t n = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;
		struct arena_chunk *c = xmalloc(sizeof(*c) + n);

		c->next = a->chunks;
		a->chunks = c;
		a->cur = c->data;
		a->end = c->data + n;
	}
	p = a->cur;
	a->cur += size;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
	a->cur = a->end = NULL;
}

/* ---- buf ---- */

static void buf_grow(struct buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	b->cap = (b->len + more + 1) * 2;
	b->data = xrealloc(b->data, b->cap);
}

/* FILE_PAD NUL bytes after the text, as read_file() leaves them */
void buf_pad(struct buf *b)
{
	buf_grow(b, FILE_PAD);
	memset(b->data + b->len, 0, FILE_PAD + 1);
}

void buf_add(struct buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* The one printf-style formatter: measure, make room, write. */
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		return;
	buf_grow(b, n);
	vsnprintf(b->data + b->len, n + 1, fmt, ap);
	b->len += n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *xvstrfmt(const char *fmt, va_list ap)
{
	struct buf b = { 0 };

	buf_vaddf(&b, fmt, ap);
	if (!b.data)
		return xstrdup("");
	return xrealloc(b.data, b.len + 1);
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/*
 * Read a whole regular file into @b (replacing its content), followed by
 * FILE_PAD NUL bytes.  The file is opened read-only and never written.
 * Returns 0, or -1 with a message in @err.
 */
/*
 * Files as a patch leaves them (patchcheck.c): read_file() and
 * file_exists() answer with these instead of the disk.  Set before the
 * checks of a patch run and only read by them: one view of one tree per
 * process, which is why it is not passed down through every stage.
 */
static const struct overlay_file *overlay;
static size_t noverlay;

void overlay_set(const struct overlay_file *v, size_t n)
{
	overlay = v;
	noverlay = n;
}

/* "a/./b//c/../d" -> "a/b/d", in @out; a leading '/' stays */
void lexical_path(const char *p, struct buf *out)
{
	size_t root = *p == '/';

	out->len = 0;
	if (root)
		buf_addc(out, '/');
	while (*p) {
		size_t n;

		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (!n)
			break;
		if (n == 2 && p[0] == '.' && p[1] == '.' && out->len > root &&
		    !(out->len >= 2 && !memcmp(out->data + out->len - 2, "..", 2))) {
			while (out->len > root && out->data[out->len - 1] != '/')
				out->len--;
			if (out->len > root)
				out->len--;	/* the '/' before it */
		} else if (!(n == 1 && p[0] == '.')) {
			if (out->len > root)
				buf_addc(out, '/');
			buf_add(out, p, n);
		}
		p += n;
	}
	buf_addc(out, '\0');
}

static const struct overlay_file *overlay_find(const char *path)
{
	struct buf a = { 0 }, b = { 0 };
	const struct overlay_file *found = NULL;
	size_t i;

	if (!noverlay)
		return NULL;
	lexical_path(path, &a);
	for (i = 0; i < noverlay && !found; i++) {
		lexical_path(overlay[i].path, &b);
		if (!strcmp(a.data, b.data))
			found = &overlay[i];
	}
	buf_free(&a);
	buf_free(&b);
	return found;
}

bool file_exists(const char *path)
{
	const struct overlay_file *o = overlay_find(path);
	struct stat st;

	if (o)
		return o->exists;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int read_file(const char *path, struct buf *b, char *err, size_t errlen)
{
	const struct overlay_file *o = overlay_find(path);
	struct stat st;
	size_t got = 0;
	int fd;

	if (o && !o->exists) {
		snprintf(err, errlen, "cannot open: the patch deletes it");
		return -1;
	}
	if (o) {
		b->len = 0;
		buf_add(b, o->data, o->len);
		buf_pad(b);
		return 0;
	}

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errlen, "cannot stat: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "not a regular file");
		close(fd);
		return -1;
	}
	b->len = 0;
	buf_grow(b, (size_t)st.st_size + FILE_PAD);
	for (;;) {
		ssize_t n;

		if (got + 1 + FILE_PAD >= b->cap)
			buf_grow(b, got + 65536 + FILE_PAD - b->len);
		n = read(fd, b->data + got, b->cap - got - 1 - FILE_PAD);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errlen, "read error: %s", strerror(errno));
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		b->len = got;
	}
	close(fd);
	b->len = got;
	memset(b->data + got, 0, FILE_PAD + 1);
	return 0;
}

static inline uint64_t load64(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return w;
}

static inline uint64_t load32(const char *s)
{
	uint32_t w;

	memcpy(&w, s, 4);
	return w;
}

static inline uint64_t mix64(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9fb21c651e98df25ull;
	return h ^ (h >> 28);
}

/*
 * The hash of the name tables (doccheck.h says why there are two):
 * eight bytes at a time, the tail with two overlapping loads; the length
 * is part of the seed.
 */
uint32_t name_hash(const char *s, size_t n)
{
	uint64_t h = 0x243f6a8885a308d3ull ^ (n * 0x13198a2e03707344ull), w;
	size_t k = n;

	while (k > 8) {
		h = mix64(h, load64(s));
		s += 8;
		k -= 8;
	}
	if (k >= 4)
		w = load32(s) | load32(s + k - 4) << 32;
	else if (k)
		w = (unsigned char)s[0] | (unsigned char)s[k / 2] << 8 |
		    (uint64_t)(unsigned char)s[k - 1] << 16;
	else
		w = 0;
	h = mix64(h, w);
	h *= 0xc4ceb9fe1a85ec53ull;
	return (uint32_t)(h ^ (h >> 32));
}

int version_cmp(const char *a, const char *b)
{
	while (*a || *b) {
		long x = strtol(a, (char **)&a, 10);
		long y = strtol(b, (char **)&b, 10);

		if (x != y)
			return x < y ? -1 : 1;
		if (*a == '.')
			a++;
		else if (*a)
			return strcmp(a, b);
		if (*b == '.')
			b++;
		else if (*b)
			return strcmp(a, b);
	}
	return 0;
}

/*
 * A title's underline or overline, or a transition: three or more of one
 * punctuation character, trailing blanks aside.  The one test of both
 * halves (rst.c's references, outline.c's sections), so that both count
 * the same sections.
 */
bool rst_adornment(const char *s, size_t n)
{
	size_t i;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 3 || !s[0] || !strchr("=-~^\"'#*+`:._<>!$%&,;/?@[]\\{|}()", s[0]))
		return false;
	for (i = 1; i < n; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

/*
 * The column a line's text starts in, tabs to multiples of 8 as RST
 * counts them; *skip gets the number of blank bytes before it.
 */
int rst_indent(const char *s, size_t n, size_t *skip)
{
	int col = 0;
	size_t i;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		col = s[i] == '\t' ? (col + 8) & ~7 : col + 1;
	*skip = i;
	return col;
}

/*
 * The marker of a list item at the start of @t: 1 for a bullet ("- ",
 * "* ", "+ "), else the length of an enumerator ("1.", "(a)", "#."),
 * 0 when the line does not start one.  The item's text starts one
 * column after the marker.
 */
size_t rst_list_marker(const char *t, size_t tn)
{
	size_t j = 0;

	if (tn >= 2 && strchr("-*+", t[0]) && (t[1] == ' ' || t[1] == '\t'))
		return 1;
	if (tn && t[0] == '(')
		j = 1;
	if (j < tn && t[j] == '#')
		j++;
	else
		while (j < tn && j < 4 && ((t[j] >= '0' && t[j] <= '9') ||
					   (t[j] >= 'a' && t[j] <= 'z' && j < 2 &&
					    (j + 1 >= tn || t[j + 1] == '.' || t[j + 1] == ')'))))
			j++;
	if (j == 0 || (j == 1 && t[0] == '('))
		return 0;
	if (j < tn && (t[j] == '.' || t[j] == ')') && j + 1 < tn && t[j + 1] == ' ')
		return j + 1;
	return 0;
}

/*
 * The number of lines of @text, a last one without '\n' included: the
 * size of a line table, allocated once before it is filled.
 */
size_t count_lines(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t n = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);

		n++;
		p = nl ? nl + 1 : end;
	}
	return n;
}

/*
 * A directive whose text may start on its own line and go on in the
 * lines right after it (".. note:: text"): an admonition, which takes
 * no argument, so docutils reads those lines as its content, not as
 * options.  "admonition" itself is not one: its line is a title.
 */
bool rst_admonition(const char *name, size_t n)
{
	static const char *const names[] = {
		"attention", "caution", "danger", "error", "hint", "important",
		"note", "tip", "warning", "seealso", NULL
	};
	int i;

	for (i = 0; names[i]; i++)
		if (word_is(name, n, names[i]))
			return true;
	return false;
}

/* Offset of the first invalid UTF-8 sequence in s[0..n), or n if none. */
size_t utf8_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		int k = p[i] < 0x80 ? 0 : (p[i] & 0xe0) == 0xc0 ? 1 :
			(p[i] & 0xf0) == 0xe0 ? 2 : (p[i] & 0xf8) == 0xf0 ? 3 : -1;
		int j;

		if (k < 0 || i + k >= n)
			return i;
		for (j = 1; j <= k; j++)
			if ((p[i + j] & 0xc0) != 0x80)
				return i;
		i += k + 1;
	}
	return n;
}

struct tick tick_now(void)
{
	struct timespec ts;
	struct rusage ru;
	struct tick t;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	t.wall = ts.tv_sec + ts.tv_nsec / 1e9;
	t.cpu = 0;
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		t.cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
			ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	return t;
}

struct tick tick_since(struct tick t0)
{
	struct tick t = tick_now();

	t.wall -= t0.wall;
	t.cpu -= t0.cpu;
	return t;
}
