// SPDX-License-Identifier: GPL-2.0
/*
 * doccheck-floor MODE TREE: what any indexer that reads a kernel tree pays
 * before it knows a single declaration.  It lists the .c, .h, Kconfig*
 * and .rst files of TREE (the files bench/doccheck-speed gives rg), reads
 * each whole on two threads, and then, by MODE:
 *
 *   read     nothing more: the cost of the reads alone
 *   tokens   hashes every identifier outside comments and string or
 *            character literals, a byte at a time: the least a C
 *            indexer must do if it looks at every byte
 *   words    finds the start of every identifier-like word with 16-byte
 *            SSE2 masks and mixes its first eight bytes: no comments, no
 *            literals, no declarations; cheaper than any correct indexer
 *
 * It prints the counts so that the work cannot be optimised away.  This
 * is a benchmark program, not part of doccheck.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define PAD 32

enum mode { M_READ, M_TOKENS, M_OUTLINE, M_WORDS };

struct files {
	char **v;
	size_t n, cap;
	size_t rootlen;
};

struct run {
	const struct files *files;
	int rootfd;
	enum mode mode;
	size_t next;		/* atomic: the next file to take */
	uint64_t words, mix, bytes;	/* atomic sums of the workers' */
};

static struct files list;	/* nftw() has no argument for its callback */

static bool wanted(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n = strlen(path);

	base = base ? base + 1 : path;
	if (!strncmp(base, "Kconfig", 7))
		return true;
	return (n > 2 && path[n - 2] == '.' &&
		(path[n - 1] == 'c' || path[n - 1] == 'h')) ||
	       (n > 4 && !strcmp(path + n - 4, ".rst"));
}

static int add_file(const char *path, const struct stat *st, int type,
		    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type != FTW_F || !wanted(path))
		return 0;
	if (list.n == list.cap) {
		list.cap = list.cap ? list.cap * 2 : 4096;
		list.v = realloc(list.v, list.cap * sizeof(*list.v));
		if (!list.v)
			return -1;
	}
	list.v[list.n] = strdup(path + list.rootlen + 1);
	return list.v[list.n++] ? 0 : -1;
}

static bool is_word_start(unsigned char c)
{
	return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool is_word_char(unsigned char c)
{
	return is_word_start(c) || (c >= '0' && c <= '9');
}

/* Past the comment or literal at p; p itself when p starts neither. */
static const char *skip_comment_or_literal(const char *p, const char *end)
{
	const char *q;

	if (p[0] == '/' && p[1] == '*') {
		q = memmem(p + 2, end - p - 2, "*/", 2);
		return q ? q + 2 : end;
	}
	if (p[0] == '/' && p[1] == '/') {
		q = memchr(p, '\n', end - p);
		return q ? q + 1 : end;
	}
	if (p[0] == '"' || p[0] == '\'') {
		for (q = p + 1; q < end && *q != p[0] && *q != '\n'; q++)
			if (*q == '\\')
				q++;
		return q + 1;
	}
	return p;
}

static const char *skip_body(const char *p, const char *end);

/*
 * Byte at a time: identifiers hashed, comments and literals skipped;
 * with @bodies, function bodies and initializers skipped too.
 */
static void tokens(const char *p, const char *end, bool bodies,
		   uint64_t *words, uint64_t *mix)
{
	char last = 0;

	while (p < end) {
		unsigned char c = *p;
		const char *q = skip_comment_or_literal(p, end);

		if (q != p) {
			p = q;
		} else if (is_word_start(c)) {
			uint64_t h = 1469598103934665603ull;

			while (is_word_char(*p))
				h = (h ^ (unsigned char)*p++) * 1099511628211ull;
			*mix += h;
			(*words)++;
			last = 'a';
		} else if (c >= '0' && c <= '9') {
			while (is_word_char(*p))
				p++;
			last = '0';
		} else if (bodies && c == '{' && (last == ')' || last == '=')) {
			p = skip_body(p + 1, end);
			last = '}';
		} else {
			if (c > ' ')
				last = c;
			p++;
		}
	}
}

#ifdef __SSE2__
static __m128i in_range(__m128i v, char lo, char hi)
{
	return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(lo - 1)),
			     _mm_cmpgt_epi8(_mm_set1_epi8(hi + 1), v));
}

/* 16 bytes at a time: a bit per byte that may be in a word. */
static unsigned int word_mask(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i m = _mm_or_si128(_mm_or_si128(
		in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'),
		in_range(v, '0', '9')), _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));

	return (unsigned int)_mm_movemask_epi8(m);
}
#else
static unsigned int word_mask(const char *p)
{
	unsigned int m = 0;
	int i;

	for (i = 0; i < 16; i++)
		m |= (unsigned int)is_word_char(p[i]) << i;
	return m;
}
#endif

#ifdef __SSE2__
/* 16 bytes at a time: a bit per byte that a body skip must look at. */
static unsigned int body_mask(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i m = _mm_or_si128(
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('{')),
			     _mm_cmpeq_epi8(v, _mm_set1_epi8('}'))),
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('/')),
			     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
					  _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')))));

	return (unsigned int)_mm_movemask_epi8(m);
}
#else
static unsigned int body_mask(const char *p)
{
	unsigned int m = 0;
	int i;

	for (i = 0; i < 16; i++)
		m |= (unsigned int)!!strchr("{}/\"'", p[i] ? p[i] : 1) << i;
	return m;
}
#endif

/* From just after a '{' to just after its '}'; the text is NUL-padded. */
static const char *skip_body(const char *p, const char *end)
{
	int depth = 1;

	while (p < end) {
		unsigned int m = body_mask(p);
		const char *q;

		if (!m) {
			p += 16;
			continue;
		}
		p += __builtin_ctz(m);
		if (p >= end)
			break;
		q = skip_comment_or_literal(p, end);
		if (q != p) {
			p = q;
			continue;
		}
		if (*p == '{')
			depth++;
		else if (*p == '}' && --depth == 0)
			return p + 1;
		p++;
	}
	return end;
}

/* Word starts from the masks; the text is followed by PAD NUL bytes. */
static void words(const char *p, size_t len, uint64_t *nwords, uint64_t *mix)
{
	unsigned int carry = 0;
	size_t off;

	for (off = 0; off < len; off += 16) {
		unsigned int m = word_mask(p + off);
		unsigned int starts = m & ~((m << 1) | carry) & 0xffff;

		carry = m >> 15;
		while (starts) {
			uint64_t w;

			memcpy(&w, p + off + __builtin_ctz(starts), 8);
			*mix += w * 0x9e3779b97f4a7c15ull;
			(*nwords)++;
			starts &= starts - 1;
		}
	}
}

static int read_all(int fd, char **buf, size_t *cap, size_t *len)
{
	ssize_t n;

	*len = 0;
	for (;;) {
		if (*len + 65536 > *cap) {
			char *nb = realloc(*buf, *cap * 2 + PAD);

			if (!nb)
				return -1;
			*buf = nb;
			*cap *= 2;
		}
		n = read(fd, *buf + *len, *cap - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		*len += (size_t)n;
	}
	memset(*buf + *len, 0, PAD);
	return 0;
}

static void *worker(void *arg)
{
	struct run *r = arg;
	size_t cap = 1 << 20, len;
	char *buf = malloc(cap + PAD);
	uint64_t nwords = 0, mix = 0, bytes = 0;

	for (; buf;) {
		size_t i = __atomic_fetch_add(&r->next, 1, __ATOMIC_RELAXED);
		int fd;

		if (i >= r->files->n)
			break;
		fd = openat(r->rootfd, r->files->v[i], O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (read_all(fd, &buf, &cap, &len) == 0) {
			bytes += len;
			if (r->mode == M_TOKENS || r->mode == M_OUTLINE)
				tokens(buf, buf + len, r->mode == M_OUTLINE,
				       &nwords, &mix);
			else if (r->mode == M_WORDS)
				words(buf, len, &nwords, &mix);
		}
		close(fd);
	}
	free(buf);
	__atomic_fetch_add(&r->words, nwords, __ATOMIC_RELAXED);
	__atomic_fetch_add(&r->mix, mix, __ATOMIC_RELAXED);
	__atomic_fetch_add(&r->bytes, bytes, __ATOMIC_RELAXED);
	return NULL;
}

int main(int argc, char **argv)
{
	static const char *const names[] = { "read", "tokens", "outline",
					      "words" };
	struct run r = { .files = &list };
	pthread_t thread;
	bool started;
	int m;

	if (argc != 3) {
		fprintf(stderr, "usage: %s read|tokens|outline|words TREE\n", argv[0]);
		return 2;
	}
	for (m = 0; m < 4 && strcmp(argv[1], names[m]); m++)
		;
	if (m == 4) {
		fprintf(stderr, "%s: unknown mode '%s'\n", argv[0], argv[1]);
		return 2;
	}
	r.mode = (enum mode)m;
	list.rootlen = strlen(argv[2]);
	while (list.rootlen > 1 && argv[2][list.rootlen - 1] == '/')
		argv[2][--list.rootlen] = '\0';
	r.rootfd = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (r.rootfd < 0 || nftw(argv[2], add_file, 64, FTW_PHYS) != 0) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], argv[2], strerror(errno));
		return 2;
	}
	started = !pthread_create(&thread, NULL, worker, &r);
	worker(&r);
	if (started)
		pthread_join(thread, NULL);
	printf("%s: %zu files, %llu bytes, %llu words (%016llx)\n", names[m],
	       list.n, (unsigned long long)r.bytes,
	       (unsigned long long)r.words, (unsigned long long)r.mix);
	return 0;
}
