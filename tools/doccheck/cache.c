// SPDX-License-Identifier: GPL-2.0
/*
 * The cache of a tree's index (--cache DIR): the full index, saved with
 * the tree's stamp (walk.c) and the tool's, and mapped back on the next
 * run, which takes from it only the names its documents ask about, as a
 * fresh index would hold them, every file's path (a fresh index has
 * them too), and the log of every name for did-you-mean.  A run with a
 * warm cache does not read the tree's files.
 *
 * The file is native binary, for this machine only:
 *
 *   struct chead, then
 *   slots[nslots]        entry index + 1, open addressing by name_hash()
 *   entries[nentries]    struct centry: a name, its kinds, its owners
 *   owners[nowners]      struct cowner: entry of the tag, of the type
 *   built[nbuilt]        entries every run takes: K_BUILT (check.c tries
 *                        them all) and K_FILE (pathhint.c reads them all)
 *   strings              NUL-terminated names
 *   log                  NUL-terminated names, for suggest.c
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doccheck.h"

#define CACHE_MAGIC "doccheck-cache3"
#define NONE 0xffffffffu

struct chead {
	char magic[16];
	uint64_t stamp;
	uint64_t nslots, nentries, nowners, nbuilt, nstrings, nlog;
	uint64_t nfiles_c, nfiles_kconfig, nbytes;
	char label[32];
};

struct centry {
	uint32_t hash, kinds, name, owners, nowners;
};

struct cowner {
	uint32_t tag, type, fnptr;
};

/* ---- save ---- */

struct saver {
	struct centry *e;
	struct cowner *o;
	uint32_t *built;
	size_t ne, no, nb, cap_o, cap_b;
	struct buf strings;
};

static uint32_t entry_of(const struct index *idx, const char *s)
{
	const struct name *nm = names_find(&idx->names, s, strlen(s));

	return nm ? (uint32_t)(size_t)nm->data - 1 : NONE;
}

static void add_owners(struct saver *sv, const struct index *idx,
		       struct centry *e, const struct owner *o)
{
	e->owners = sv->no;
	for (; o; o = o->next, e->nowners++) {
		GROW(sv->o, sv->no, sv->cap_o, 1 << 16);
		sv->o[sv->no++] = (struct cowner){
			entry_of(idx, o->tag), o->type ? entry_of(idx, o->type) : NONE,
			o->fnptr
		};
	}
}

static bool write_all(int fd, const void *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p = (const char *)p + k;
		n -= k;
	}
	return true;
}

static int write_cache(const char *path, const struct chead *h,
		       const uint32_t *slots, const struct saver *sv,
		       const struct index *idx)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), i;
	bool ok;

	if (fd < 0) {
		warnx_("%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	ok = write_all(fd, h, sizeof(*h)) &&
	     write_all(fd, slots, h->nslots * sizeof(*slots)) &&
	     write_all(fd, sv->e, sv->ne * sizeof(*sv->e)) &&
	     write_all(fd, sv->o, sv->no * sizeof(*sv->o)) &&
	     write_all(fd, sv->built, sv->nb * sizeof(*sv->built)) &&
	     write_all(fd, sv->strings.data, sv->strings.len);
	for (i = 0; ok && i < idx->nlogs; i++)
		ok = write_all(fd, idx->logs[i].data, idx->logs[i].len);
	if (close(fd) < 0 || !ok) {
		warnx_("%s: write error", path);
		return -1;
	}
	return 0;
}

int cache_save(const struct index *idx, const char *path, uint64_t stamp)
{
	struct chead h = { .magic = CACHE_MAGIC, .stamp = stamp };
	struct saver sv = { 0 };
	struct name *nm;
	uint32_t *slots;
	size_t i, mask;
	int ret;

	sv.e = xcalloc(idx->names.count ? idx->names.count : 1, sizeof(*sv.e));
	names_for_each(&idx->names, i, nm)
		nm->data = (void *)(++sv.ne);
	for (h.nslots = 1024; h.nslots < 2 * sv.ne; h.nslots *= 2)
		;
	mask = h.nslots - 1;
	slots = xcalloc(h.nslots, sizeof(*slots));
	buf_add(&sv.strings, "", 1);
	names_for_each(&idx->names, i, nm) {
		uint32_t k = (uint32_t)(size_t)nm->data - 1, s;
		struct centry *e = &sv.e[k];

		e->hash = nm->hash;
		e->kinds = nm->kinds;
		e->name = sv.strings.len;
		buf_add(&sv.strings, nm->str, nm->len + 1);
		add_owners(&sv, idx, e, nm->owners);
		for (s = nm->hash & mask; slots[s]; s = (s + 1) & mask)
			;
		slots[s] = k + 1;
		if (nm->kinds & (K_BUILT | K_FILE)) {
			GROW(sv.built, sv.nb, sv.cap_b, 1024);
			sv.built[sv.nb++] = k;
		}
	}
	h.nentries = sv.ne;
	h.nowners = sv.no;
	h.nbuilt = sv.nb;
	h.nstrings = sv.strings.len;
	for (i = 0; i < (size_t)idx->nlogs; i++)
		h.nlog += idx->logs[i].len;
	h.nfiles_c = idx->nfiles_c;
	h.nfiles_kconfig = idx->nfiles_kconfig;
	h.nbytes = idx->nbytes;
	snprintf(h.label, sizeof(h.label), "%s", idx->label);
	ret = write_cache(path, &h, slots, &sv, idx);
	names_for_each(&idx->names, i, nm)
		nm->data = NULL;
	free(slots);
	free(sv.e);
	free(sv.o);
	free(sv.built);
	buf_free(&sv.strings);
	return ret;
}

/* ---- load ---- */

struct cmap {
	const struct chead *h;
	const uint32_t *slots;
	const struct centry *e;
	const struct cowner *o;
	const uint32_t *built;
	const char *strings, *log;
};

static const char *cstr(const struct cmap *m, uint32_t entry)
{
	return m->strings + m->e[entry].name;
}

/* Entry @k points inside the file (a damaged file is a miss, not a crash). */
static bool sane(const struct cmap *m, uint64_t k)
{
	return k < m->h->nentries && m->e[k].name < m->h->nstrings &&
	       (uint64_t)m->e[k].owners + m->e[k].nowners <= m->h->nowners;
}

static bool sane_ref(const struct cmap *m, uint32_t k)
{
	return k == NONE || (k < m->h->nentries && m->e[k].name < m->h->nstrings);
}

/* Copy entry @k, and its owners, into @t. */
static void take(struct names *t, const struct cmap *m, uint32_t k)
{
	const struct centry *e = &m->e[k];
	const char *s = cstr(m, k);
	struct name *nm;
	uint32_t i;

	if (!sane(m, k))
		return;
	nm = names_add_h(t, s, strlen(s), e->kinds, name_hash(s, strlen(s)));
	for (i = e->nowners; i-- > 0;) {
		const struct cowner *o = &m->o[e->owners + i];
		const char *tag, *type;

		if (!sane_ref(m, o->tag) || !sane_ref(m, o->type))
			continue;
		tag = o->tag == NONE ? "" : cstr(m, o->tag);
		type = o->type == NONE ? NULL : cstr(m, o->type);

		names_add_owner(t, nm, tag, strlen(tag), type,
				type ? strlen(type) : 0, o->fnptr);
	}
}

static long lookup(const struct cmap *m, const char *s, size_t n, uint32_t h)
{
	uint64_t mask = m->h->nslots - 1, i, probes;

	for (i = h & mask, probes = 0; m->slots[i] && probes < m->h->nslots;
	     i = (i + 1) & mask, probes++) {
		uint32_t k = m->slots[i] - 1;

		if (k < m->h->nentries && m->e[k].hash == h && sane(m, k) &&
		    !strncmp(cstr(m, k), s, n) && !cstr(m, k)[n])
			return k;
	}
	return -1;
}

/* The sections, if the file is whole: sizes add up, strings end. */
static bool map_sections(struct cmap *m, const char *p, size_t len)
{
	const struct chead *h = (const void *)p;
	uint64_t need;

	if (len < sizeof(*h) || memcmp(h->magic, CACHE_MAGIC, sizeof(h->magic)))
		return false;
	need = sizeof(*h) + h->nslots * 4 + h->nentries * sizeof(struct centry) +
	       h->nowners * sizeof(struct cowner) + h->nbuilt * 4 +
	       h->nstrings + h->nlog;
	if (need != len || !h->nslots || (h->nslots & (h->nslots - 1)) ||
	    !h->nstrings)
		return false;
	m->h = h;
	m->slots = (const void *)(h + 1);
	m->e = (const void *)(m->slots + h->nslots);
	m->o = (const void *)(m->e + h->nentries);
	m->built = (const void *)(m->o + h->nowners);
	m->strings = (const char *)(m->built + h->nbuilt);
	m->log = m->strings + h->nstrings;
	return m->strings[h->nstrings - 1] == '\0' &&
	       (!h->nlog || m->log[h->nlog - 1] == '\0');
}

/* The log in two halves, cut after a NUL: suggest.c reads each on a thread. */
static void split_log(struct index *idx, const char *log, size_t n)
{
	const char *cut = memchr(log + n / 2, '\0', n - n / 2);
	size_t half = cut ? (size_t)(cut - log) + 1 : n;

	idx->logs = xcalloc(2, sizeof(*idx->logs));
	idx->logs[0].data = (char *)log;
	idx->logs[0].len = half;
	idx->logs[1].data = (char *)log + half;
	idx->logs[1].len = n - half;
	idx->nlogs = 2;
}

int cache_load(struct index *idx, const char *path, uint64_t stamp,
	       const struct names *want)
{
	struct cmap m;
	struct stat st;
	const struct name *nm;
	void *p;
	size_t i;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(struct chead)) {
		close(fd);
		return -1;
	}
	p = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -1;
	if (!map_sections(&m, p, st.st_size) || m.h->stamp != stamp) {
		munmap(p, st.st_size);
		return -1;
	}
	memset(idx, 0, sizeof(*idx));
	names_init(&idx->names);
	idx->map = p;
	idx->maplen = st.st_size;
	idx->label = xstrndup(m.h->label, strnlen(m.h->label, sizeof(m.h->label)));
	idx->nfiles_c = m.h->nfiles_c;
	idx->nfiles_kconfig = m.h->nfiles_kconfig;
	idx->nbytes = m.h->nbytes;
	names_for_each(want, i, nm) {
		long k = lookup(&m, nm->str, nm->len, name_hash(nm->str, nm->len));

		if (k >= 0)
			take(&idx->names, &m, k);
	}
	for (i = 0; i < m.h->nbuilt; i++)
		if (m.built[i] < m.h->nentries)
			take(&idx->names, &m, m.built[i]);
	split_log(idx, m.log, m.h->nlog);
	return 0;
}
