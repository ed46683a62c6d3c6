// SPDX-License-Identifier: GPL-2.0
/*
 * doccheck - report kernel API names in reStructuredText that a kernel
 * tree does not have: unknown, removed, in the wrong struct, Kconfig
 * symbols and paths.
 *
 * Exit status: 0 no finding, 1 findings, 2 usage or I/O error.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "patch.h"
#include "trans.h"

struct opts {
	const char *kernel, *index, *write_index, *base, *replacements, *cache;
	const char *baseline, *write_baseline;
	char *data_replacements;	/* the shipped replacements, when used */
	bool no_history;		/* --no-history: not the shipped history */
	int default_trees;		/* how many of hist are the shipped ones */
	enum format format;
	int jobs;
	bool dump_refs, stats;
	const char *roots[16];
	int nroots;
	struct history hist;
	struct check_opts check;	/* --explain, --stats */
	const char *patch, *git_range;	/* --patch FILE|-, --git A..B */
	const char *glossary;		/* --glossary FILE */
	struct glossary gl;
	struct topts t;		/* part 2: translations, stamps, coverage */
};

static void usage(FILE *f)
{
	fprintf(f,
"usage: doccheck [OPTIONS] [PATH...]\n"
"       doccheck review [OPTIONS] TRANSLATION...\n"
"       doccheck -k DIR --patch FILE|-    (or --git A..B in DIR's git tree)\n"
"Check the kernel API names that reStructuredText files mention.\n"
"PATHs are .rst files or directories (searched for *.rst); the default is\n"
"the Documentation directory of --kernel.\n"
"\n"
"  -k, --kernel DIR         index this kernel tree (the target)\n"
"  -i, --index FILE         load the target's index from FILE instead\n"
"  -H, --history FILE       index of an older tree (repeatable; label inside);\n"
"                           without it, the history doccheck ships is used\n"
"      --no-history         use no older tree\n"
"  -r, --replacements FILE  what replaced removed names\n"
"  -f, --format FMT         text (default), json or sarif; email with --patch\n"
"  -b, --baseline FILE      do not report the findings listed in FILE\n"
"      --write-baseline FILE  write the findings as a baseline\n"
"  -w, --write-index FILE   write the full index of --kernel and stop\n"
"      --base FILE          with -w: only what the index FILE lacks\n"
"  -j, --jobs N             threads (default: the number of CPUs)\n"
"      --cache DIR          keep the tree's index in DIR for the next run\n"
"      --root DIR           paths may also exist below DIR (repeatable)\n"
"      --dump-refs          print the references found, check nothing\n"
"      --explain FILE:LINE[:COL] | NAME\n"
"                           for each reference there (or of that name): its\n"
"                           facts, history, suggestion and the deciding rule\n"
"      --stats              print timings and counts on stderr\n"
"      --rules              print the rules that judge each reference, in order\n"
"\n"
"Patches: apply in memory, check what they leave, report what they add:\n"
"      --patch FILE|-       a format-patch file, an mbox of a series, a diff\n"
"      --git A..B           the commits of a range of --kernel's git tree\n"
"\n"
"Translations, sync stamps, rule coverage (the kernel tree is optional):\n"
"  -T, --translations       compare each translation among PATHs with its\n"
"                           original: sections, code, labels, names, stamp\n"
"      --require-stamp      a translation without a sync stamp is a finding\n"
"      --glossary FILE      the agreed words of terms (default: the shipped\n"
"                           DATA/glossary-zh_CN for zh_CN translations)\n"
"      --fix-stamp          write the sync stamp of each translation that\n"
"                           passes the check (only that field, atomically)\n"
"      --no-git             do not ask git for history\n"
"      --examples DIR       rule coverage: sample regions and KUnit cases\n"
"      --ktap FILE          with --examples: KUnit results of make kunit\n"
"  review: a report by section for translators; --format text|html,\n"
"      --summary            one line per translation, with totals\n"
"      --output-dir DIR     one report per translation: DIR/PATH.html|.txt\n"
"  -h, --help\n"
"\n"
"Output: FILE:LINE:COL: error|warning: MESSAGE [CHECK]\n"
"Exit status: 0 clean, 1 findings, 2 usage or I/O error.\n");
}

static const char *history_label(const char *path)
{
	static char label[256];
	char line[128];
	FILE *f = fopen(path, "r");

	snprintf(label, sizeof(label), "%s", path);
	if (!f)
		return label;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "label ", 6)) {
			line[strcspn(line, "\n")] = '\0';
			snprintf(label, sizeof(label), "%s", line + 6);
			break;
		}
		if (line[0] != '#')
			break;
	}
	fclose(f);
	return label;
}

/* --rules: the table of rules.c, "NAME quiet|report CLASSES: WHY" */
static void print_rules(FILE *f)
{
	size_t i;
	int c;

	for (i = 0; i < nrules; i++) {
		fprintf(f, "%s %s ", rules[i].name,
			rules[i].check == C__COUNT ? "quiet" : "report");
		for (c = 0; c < RC__COUNT; c++)
			if (rules[i].classes & 1u << c)
				fprintf(f, "%s%s", class_name(c),
					rules[i].classes >> (c + 1) ? "," : "");
		fprintf(f, ": %s%s%s\n", rules[i].why,
			rules[i].check == C__COUNT ? "" : " -> ",
			rules[i].check == C__COUNT ? "" : check_names[rules[i].check]);
	}
}

/* The long options without a short one */
enum {
	OPT_REQUIRE_STAMP = 1001,
	OPT_FIX_STAMP,
	OPT_NO_GIT,
	OPT_EXAMPLES,
	OPT_KTAP,
	OPT_SUMMARY,
	OPT_OUTPUT_DIR,
	OPT_EXPLAIN,
	OPT_NO_HISTORY,
	OPT_RULES,
	OPT_PATCH,
	OPT_GIT,
	OPT_GLOSSARY,
};

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "kernel", required_argument, NULL, 'k' },
		{ "index", required_argument, NULL, 'i' },
		{ "history", required_argument, NULL, 'H' },
		{ "replacements", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "write-baseline", required_argument, NULL, 'B' },
		{ "write-index", required_argument, NULL, 'w' },
		{ "base", required_argument, NULL, 'a' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "cache", required_argument, NULL, 'C' },
		{ "dump-refs", no_argument, NULL, 'd' },
		{ "stats", no_argument, NULL, 's' },
		{ "root", required_argument, NULL, 'R' },
		{ "translations", no_argument, NULL, 'T' },
		{ "require-stamp", no_argument, NULL, OPT_REQUIRE_STAMP },
		{ "fix-stamp", no_argument, NULL, OPT_FIX_STAMP },
		{ "no-git", no_argument, NULL, OPT_NO_GIT },
		{ "examples", required_argument, NULL, OPT_EXAMPLES },
		{ "ktap", required_argument, NULL, OPT_KTAP },
		{ "summary", no_argument, NULL, OPT_SUMMARY },
		{ "output-dir", required_argument, NULL, OPT_OUTPUT_DIR },
		{ "explain", required_argument, NULL, OPT_EXPLAIN },
		{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
		{ "rules", no_argument, NULL, OPT_RULES },
		{ "patch", required_argument, NULL, OPT_PATCH },
		{ "git", required_argument, NULL, OPT_GIT },
		{ "glossary", required_argument, NULL, OPT_GLOSSARY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "k:i:H:r:f:b:w:j:hT", longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			o->kernel = optarg;
			break;
		case 'i':
			o->index = optarg;
			break;
		case 'H':
			if (history_add(&o->hist, history_label(optarg), optarg) < 0)
				return -1;
			break;
		case 'r':
			o->replacements = optarg;
			break;
		case 'f':
			if (!strcmp(optarg, "text"))
				o->format = F_TEXT;
			else if (!strcmp(optarg, "json"))
				o->format = F_JSON;
			else if (!strcmp(optarg, "sarif"))
				o->format = F_SARIF;
			else if (!strcmp(optarg, "html") && o->t.review)
				o->t.html = true;
			else if (!strcmp(optarg, "email"))
				o->format = F_EMAIL;
			else {
				warnx_("unknown format '%s' (text, json, sarif, email)", optarg);
				return -1;
			}
			break;
		case 'b':
			o->baseline = optarg;
			break;
		case 'B':
			o->write_baseline = optarg;
			break;
		case 'w':
			o->write_index = optarg;
			break;
		case 'a':
			o->base = optarg;
			break;
		case 'j':
			o->jobs = atoi(optarg);
			break;
		case 'C':
			o->cache = optarg;
			break;
		case 'd':
			o->dump_refs = true;
			break;
		case 's':
			o->stats = true;
			break;
		case 'R':
			if (o->nroots == 16) {
				warnx_("at most 16 --root options");
				return -1;
			}
			o->roots[o->nroots++] = optarg;
			break;
		case 'T':
			o->t.translations = true;
			break;
		case OPT_REQUIRE_STAMP:
			o->t.require_stamp = true;
			break;
		case OPT_FIX_STAMP:
			o->t.fix_stamp = o->t.translations = true;
			break;
		case OPT_NO_GIT:
			o->t.no_git = true;
			break;
		case OPT_EXAMPLES:
			o->t.examples = optarg;
			break;
		case OPT_KTAP:
			o->t.ktap = optarg;
			break;
		case OPT_SUMMARY:
			o->t.summary = true;
			break;
		case OPT_OUTPUT_DIR:
			o->t.outdir = optarg;
			break;
		case OPT_NO_HISTORY:
			o->no_history = true;
			break;
		case OPT_RULES:
			print_rules(stdout);
			exit(0);
		case OPT_PATCH:
			o->patch = optarg;
			break;
		case OPT_GIT:
			o->git_range = optarg;
			break;
		case OPT_GLOSSARY:
			o->glossary = optarg;
			break;
		case OPT_EXPLAIN:
			if (explain_parse(&o->check, optarg) < 0) {
				warnx_("--explain %s: not FILE:LINE[:COL] or a name", optarg);
				return -1;
			}
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			return -1;
		}
	}
	if (!o->dump_refs && !o->kernel && !o->index && !o->t.translations &&
	    !o->t.examples) {
		warnx_("need --kernel DIR or --index FILE");
		return -1;
	}
	if ((o->t.outdir || o->t.summary) && !o->t.review) {
		warnx_("--output-dir and --summary are options of doccheck review");
		return -1;
	}
	if (o->t.ktap && !o->t.examples) {
		warnx_("--ktap needs --examples");
		return -1;
	}
	if ((o->check.explain_file || o->check.explain_name) && !o->kernel && !o->index) {
		warnx_("--explain needs --kernel DIR or --index FILE");
		return -1;
	}
	if ((o->patch || o->git_range) && !o->kernel) {
		warnx_("--patch and --git need --kernel DIR (the tree the patches apply to)");
		return -1;
	}
	if (o->patch && o->git_range) {
		warnx_("--patch or --git, not both");
		return -1;
	}
	if (o->format == F_EMAIL && !o->patch && !o->git_range) {
		warnx_("--format=email is a reply to a patch: it needs --patch or --git");
		return -1;
	}
	if (o->write_index && !o->kernel) {
		warnx_("--write-index needs --kernel");
		return -1;
	}
	return 0;
}

/* ---- the history doccheck ships ---- */

#ifndef DOCCHECK_DATADIR
#define DOCCHECK_DATADIR "/usr/local/share/doccheck"
#endif

/* DOCCHECK_DATA, else where make install put the data */
static const char *data_dir(void)
{
	const char *d = getenv("DOCCHECK_DATA");

	return d && *d ? d : DOCCHECK_DATADIR;
}

static bool is_idx(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcmp(name + n - 4, ".idx");
}

/*
 * Without -H: the name-only indexes of the released trees doccheck ships
 * (DATA/history/NAME.idx, made by "make doccheck-history" from the real
 * trees), and DATA/replacements without -r.  Those not older than the
 * target are dropped once its label is known (history_keep_older()).
 */
static int default_history(struct opts *o)
{
	struct buf path = { 0 };
	struct dirent *e;
	struct stat st;
	DIR *dir;
	int ret = 0;

	buf_addf(&path, "%s/history", data_dir());
	dir = opendir(path.data);
	if (!dir) {
		warnx_("no history data in %s (%s): removed names are reported as "
		       "unknown; pass -H or set DOCCHECK_DATA", path.data, strerror(errno));
		buf_free(&path);
		return 0;
	}
	while ((e = readdir(dir)) && ret == 0) {
		if (!is_idx(e->d_name))
			continue;
		path.len = 0;
		buf_addf(&path, "%s/history/%s", data_dir(), e->d_name);
		ret = history_add(&o->hist, history_label(path.data), path.data);
		o->default_trees++;
	}
	closedir(dir);
	path.len = 0;
	buf_addf(&path, "%s/replacements", data_dir());
	if (!o->replacements && stat(path.data, &st) == 0) {
		o->data_replacements = xstrdup(path.data);
		o->replacements = o->data_replacements;
	}
	buf_free(&path);
	return ret;
}

/* ---- the documents ---- */

struct docs {
	struct doc *v;
	size_t n, cap;
	int io_errors;
	struct tick read;	/* reading and extracting them, for --stats */
};

static bool is_rst(const char *path)
{
	size_t n = strlen(path);

	return n > 4 && !strcmp(path + n - 4, ".rst");
}

static void add_doc(struct docs *ds, const char *path)
{
	GROW(ds->v, ds->n, ds->cap, 256);
	doc_init(&ds->v[ds->n++], path);
}

static void collect(struct docs *ds, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		ds->io_errors++;
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		struct walk w = { 0 };
		struct buf p = { 0 };
		size_t i;

		if (walk_tree(&w, path) < 0)
			ds->io_errors++;
		for (i = 0; i < w.n; i++) {
			if (w.v[i].is_dir || !is_rst(w.v[i].path))
				continue;
			p.len = 0;
			buf_addf(&p, "%s%s%s", path,
				 path[strlen(path) - 1] == '/' ? "" : "/", w.v[i].path);
			add_doc(ds, p.data);
		}
		buf_free(&p);
		walk_free(&w);
	} else {
		add_doc(ds, path);
	}
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct doc *)a)->path, ((const struct doc *)b)->path);
}

static void extract_all(struct docs *ds, int jobs)
{
	struct tick t0 = tick_now();

	if (ds->n)
		qsort(ds->v, ds->n, sizeof(*ds->v), by_path);
	ds->io_errors += extract_docs(ds->v, ds->n, jobs);
	ds->read = tick_since(t0);
}

static const char *const kind_names[] = {
	[R_NAME] = "name", [R_CALL] = "call", [R_TAG] = "tag",
	[R_MEMBER] = "member", [R_KCONFIG] = "kconfig", [R_PATH] = "path",
};
static const char *const strength_names[] = {
	[S_WEAK] = "weak", [S_MEDIUM] = "medium", [S_STRONG] = "strong",
};

static void dump_refs(const struct docs *ds)
{
	size_t i, j;

	for (i = 0; i < ds->n; i++) {
		const struct doc *d = &ds->v[i];

		for (j = 0; j < d->ndiags; j++)
			printf("%s:%d:%d: diag %s\n", d->path, d->diags[j].line,
			       d->diags[j].col, d->diags[j].msg);
		for (j = 0; j < d->nrefs; j++) {
			const struct ref *r = &d->refs[j];

			printf("%s:%d:%d: %s %s %s", d->path, r->line, r->col,
			       kind_names[r->kind], strength_names[r->strength], r->name);
			if (r->base)
				printf(" base=%s", r->base);
			if (r->chain >= 0)
				printf(" chain");
			if (r->local)
				printf(" local");
			if (r->defined)
				printf(" defined");
			if (r->declared)
				printf(" declared");
			if (r->user)
				printf(" user");
			printf(" section=%d\n", r->section);
		}
	}
}

/* doccheck reads its inputs and never writes them. */
static bool is_input(const struct opts *o, const struct docs *ds, const char *out)
{
	struct stat a, b;
	size_t i;
	int t;

	if (stat(out, &a) < 0)
		return false;
	for (i = 0; i < ds->n; i++)
		if (stat(ds->v[i].path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return true;
	for (t = 0; t < o->hist.ntrees; t++)
		if (stat(o->hist.paths[t], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return true;
	if (o->index && stat(o->index, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return true;
	if (o->replacements && stat(o->replacements, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return true;
	return o->baseline && stat(o->baseline, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static int write_index(const struct opts *o)
{
	struct index idx, base;
	struct index_opts io = { .jobs = o->jobs };
	int ret;

	if (index_tree(&idx, o->kernel, &io) < 0)
		return 2;
	if (o->base && index_load(&base, o->base) < 0)
		return 2;
	ret = index_save(&idx, o->write_index, o->base ? &base : NULL);
	if (o->base)
		index_free(&base);
	index_free(&idx);
	return ret < 0 ? 2 : 0;
}

static void docs_free(struct docs *ds)
{
	size_t k;

	for (k = 0; k < ds->n; k++)
		doc_free(&ds->v[k]);
	free(ds->v);
}

/* Part 1: the API names of the documents, when there is a tree. */
static int check_api(struct opts *o, struct docs *ds, struct index *idx,
		     bool *loaded, struct findings *fs, struct tick *tindex)
{
	struct names want;
	struct tick t1 = tick_now();
	int status = 0;

	names_init(&want);
	wanted_names(&want, ds->v, ds->n);
	if (o->index) {
		if (index_load(idx, o->index) < 0)
			status = 2;
	} else {
		struct index_opts io = { .jobs = o->jobs, .want = &want,
					 .stats = o->stats, .cache = o->cache };

		if (index_tree(idx, o->kernel, &io) < 0)
			status = 2;
	}
	names_free(&want);
	if (status)
		return status;
	*loaded = true;
	*tindex = tick_since(t1);
	if (o->default_trees)
		history_keep_older(&o->hist, idx->label);
	idx->roots = o->roots;
	idx->nroots = o->nroots;
	if (o->replacements && history_load_replacements(&o->hist, o->replacements) < 0)
		return 2;
	o->check.stats = o->stats;
	if (o->check.explain_file || o->check.explain_name)
		o->check.explain_out = stdout;
	if (check_docs(idx, &o->hist, ds->v, ds->n, fs, &o->check) < 0)
		ds->io_errors++;
	return 0;
}

/* --glossary FILE, else the shipped glossary of zh_CN when there is one */
static int load_glossary(struct opts *o)
{
	struct buf path = { 0 };
	int ret = 0;

	if (o->glossary) {
		ret = glossary_load(&o->gl, o->glossary);
	} else {
		buf_addf(&path, "%s/glossary-zh_CN", data_dir());
		if (file_exists(path.data)) {
			ret = glossary_load(&o->gl, path.data);
			if (ret == 0)
				o->gl.lang = xstrdup("zh_CN");
		}
		buf_free(&path);
	}
	if (ret == 0 && o->gl.n)
		o->t.glossary = &o->gl;
	return ret;
}

/* Part 2: translations and rule coverage. */
static int check_part2(struct opts *o, struct docs *ds, struct tset *ts,
		       struct findings *fs, struct arena *names, bool api)
{
	size_t i, j;

	if (o->t.translations && load_glossary(o) < 0)
		return 2;

	/* without part 1, the problems of the files themselves */
	for (i = 0; i < ds->n && !api; i++)
		for (j = 0; j < ds->v[i].ndiags; j++)
			findings_add(fs, ds->v[i].path, ds->v[i].diags[j].line,
				     ds->v[i].diags[j].col, false, C_BAD_INPUT, "",
				     "%s", ds->v[i].diags[j].msg);
	if (o->t.translations) {
		trans_analyze(&o->t, ds->v, ds->n, ts);
		trans_findings(&o->t, ts, fs);
	}
	if (o->t.examples && coverage_check(&o->t, ds->v, ds->n, fs, names) < 0)
		return 2;
	return 0;
}

/* Check the documents; returns the exit status. */
static int check_all(struct opts *o, struct docs *ds)
{
	struct index idx = { 0 };
	struct findings fs = { 0 };
	struct tset ts = { 0 };
	struct arena names = { 0 };
	bool api = o->kernel || o->index, loaded = false;
	struct tick t1 = tick_now(), t2 = t1, t3, tindex = { 0, 0 };
	int status = 0, st;
	size_t k;

	if (api) {
		status = check_api(o, ds, &idx, &loaded, &fs, &tindex);
		if (status)
			goto out;
	}
	t2 = tick_now();
	status = check_part2(o, ds, &ts, &fs, &names, api);
	if (status)
		goto out;
	t3 = tick_now();
	findings_sort(&fs);
	if ((o->baseline && baseline_apply(&fs, o->baseline) < 0) ||
	    (o->write_baseline && baseline_write(&fs, o->write_baseline) < 0)) {
		status = 2;
		goto out;
	}
	st = o->t.fix_stamp ? trans_fix_stamps(&o->t, &ts, &fs) : 0;
	if (o->t.review && o->t.outdir)
		st = st > 2 ? st : review_write(&o->t, &ts, &fs, api);
	else if (o->t.review)
		review_print(stdout, &o->t, &ts, &fs, api);
	else if (!o->check.explain_out)
		report(stdout, &fs, o->format, api ? idx.label : "");
	if (o->stats)
		fprintf(stderr, "doccheck: %zu documents, %zu C files, %zu Kconfig files, "
			"%zu bytes indexed, %zu findings\n"
			"doccheck: %.3f s documents, %.3f s index, %.3f s check, "
			"%.3f s translations and coverage (%zu translations); "
			"CPU time %.2f s, %.2f s, %.2f s, %.2f s\n",
			ds->n, idx.nfiles_c, idx.nfiles_kconfig, idx.nbytes, fs.n,
			ds->read.wall, tindex.wall, t2.wall - t1.wall - tindex.wall,
			t3.wall - t2.wall, ts.n, ds->read.cpu, tindex.cpu,
			t2.cpu - t1.cpu - tindex.cpu, t3.cpu - t2.cpu);
	for (k = 0; k < fs.n && !o->t.review; k++)
		if (!fs.v[k].suppressed)
			status = 1;
	if (st > status)
		status = st;
	if (ds->io_errors)
		status = 2;
out:
	findings_free(&fs);
	tset_free(&ts);
	arena_free(&names);
	if (loaded)
		index_free(&idx);
	return status;
}

int main(int argc, char **argv)
{
	struct opts o = { 0 };
	struct docs ds = { 0 };
	int i, status;

	history_init(&o.hist);
	if (argc > 1 && !strcmp(argv[1], "review")) {
		o.t.review = o.t.translations = true;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	if (parse_args(argc, argv, &o) < 0) {
		usage(stderr);
		history_free(&o.hist);
		return 2;
	}
	if (o.write_index) {
		status = write_index(&o);
		goto out;
	}
	if (!o.hist.ntrees && !o.no_history && (o.kernel || o.index) &&
	    !o.dump_refs && default_history(&o) < 0) {
		status = 2;
		goto out;
	}
	if (o.patch || o.git_range) {
		struct popts po = { .kernel = o.kernel, .git_range = o.git_range,
				    .cache = o.cache, .jobs = o.jobs, .format = o.format,
				    .hist = &o.hist, .default_history = o.default_trees > 0,
				    .replacements = o.replacements,
				    .roots = o.roots, .nroots = o.nroots };

		status = patch_check(o.patch, &po);
		goto out;
	}
	if (optind < argc) {
		for (i = optind; i < argc; i++)
			collect(&ds, argv[i]);
	} else if (o.check.explain_file) {
		collect(&ds, o.check.explain_file);	/* that file alone */
	} else if (o.kernel) {
		struct buf p = { 0 };

		buf_addf(&p, "%s/Documentation", o.kernel);
		collect(&ds, p.data);
		buf_free(&p);
	}
	if (o.write_baseline && is_input(&o, &ds, o.write_baseline)) {
		warnx_("%s: refusing to write a file doccheck reads", o.write_baseline);
		status = 2;
		goto out;
	}
	if (o.kernel && !o.index && !o.dump_refs)
		index_walk_ahead(o.kernel, o.cache != NULL);	/* while the documents are read */
	extract_all(&ds, o.jobs);
	if (o.dump_refs) {
		dump_refs(&ds);
		status = ds.io_errors ? 2 : 0;
	} else {
		status = check_all(&o, &ds);
	}
out:
	docs_free(&ds);
	history_free(&o.hist);
	free((char *)o.check.explain_file);
	free(o.data_replacements);
	free(o.gl.lang);
	glossary_free(&o.gl);
	fflush(stdout);
	return status;
}
