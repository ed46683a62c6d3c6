// SPDX-License-Identifier: GPL-2.0
/*
 * History from git, when the pages live in a git work tree: the commit
 * a stamp names, the synced text of an original, and for kernel trees
 * without stamps the convention of the kernel's translators ("Update the
 * translation through commit <hash>", "update to commit <hash>" in the
 * translation's last commit message) or, failing that, the original's
 * last commit authored before the translation's.
 *
 * git runs without a shell (fork and exec), with optional locks off, and
 * only reads: log, cat-file, rev-parse.  Without git, or outside a work
 * tree, every call fails and doccheck says what cannot be known.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trans.h"

/* Run "git -C DIR ARGS..."; its output in @out.  Returns its status. */
static int git_run(const char *dir, const char *const *args, struct buf *out)
{
	const char *argv[16];
	int fds[2], status, n = 0, i;
	pid_t pid;

	argv[n++] = "git";
	argv[n++] = "-C";
	argv[n++] = dir;
	for (i = 0; args[i] && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	out->len = 0;
	buf_add(out, "", 0);
	if (pipe(fds) < 0)
		return -1;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(fds[1], 1);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 2);
		}
		close(fds[0]);
		close(fds[1]);
		setenv("GIT_OPTIONAL_LOCKS", "0", 1);
		setenv("LC_ALL", "C", 1);
		unsetenv("GIT_DIR");
		unsetenv("GIT_WORK_TREE");
		execvp("git", (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	for (;;) {
		char chunk[65536];
		ssize_t r = read(fds[0], chunk, sizeof(chunk));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		buf_add(out, chunk, r);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void chomp(struct buf *b)
{
	while (b->len && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == '\r'))
		b->data[--b->len] = '\0';
}

static bool is_hash(const char *s)
{
	return strlen(s) == 40 && strspn(s, "0123456789abcdef") == 40;
}

int git_open(struct git *g, const char *path)
{
	const char *args[] = { "rev-parse", "--show-toplevel", NULL };
	struct buf out = { 0 };
	char *dir = xstrdup(path), *slash;
	int ret = -1;

	g->top = NULL;
	if (g->disabled) {
		free(dir);
		return -1;
	}
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	if (!*dir)
		strcpy(dir, "/");
	if (git_run(dir, args, &out) == 0) {
		chomp(&out);
		if (out.len) {
			g->top = xstrdup(out.data);
			ret = 0;
		}
	}
	buf_free(&out);
	free(dir);
	return ret;
}

void git_close(struct git *g)
{
	free(g->top);
	g->top = NULL;
}

/* @path relative to the work tree's top, or NULL outside it. */
char *git_relpath(const struct git *g, const char *path)
{
	char rp[PATH_MAX], rt[PATH_MAX];
	size_t n;

	if (!g->top || !realpath(path, rp) || !realpath(g->top, rt))
		return NULL;
	n = strlen(rt);
	if (strncmp(rp, rt, n) || rp[n] != '/')
		return NULL;
	return xstrdup(rp + n + 1);
}

int git_show(const struct git *g, const char *commit, const char *rel,
	     struct buf *out)
{
	struct buf spec = { 0 };
	const char *args[] = { "cat-file", "blob", NULL, NULL };
	int st;

	if (!g->top)
		return -1;
	buf_addf(&spec, "%s:%s", commit, rel);
	args[2] = spec.data;
	st = git_run(g->top, args, out);
	buf_free(&spec);
	if (st == 0) {
		/* read_file's contract: NUL padding after the text */
		size_t n = out->len;

		buf_add(out, "\0\0\0\0\0\0\0\0", FILE_PAD);
		out->len = n;
	}
	return st == 0 ? 0 : -1;
}

/* The last commit at or before @at (a commit) that changed @rel. */
static int last_commit_at(const struct git *g, const char *at, const char *rel,
			  char hash[41])
{
	const char *args[] = { "log", "-1", "--format=%H", at, "--", rel, NULL };
	struct buf out = { 0 };
	int ret = -1;

	if (g->top && git_run(g->top, args, &out) == 0) {
		chomp(&out);
		if (is_hash(out.data)) {
			memcpy(hash, out.data, 41);
			ret = 0;
		}
	}
	buf_free(&out);
	return ret;
}

int git_last_commit(const struct git *g, const char *rel, char hash[41])
{
	return last_commit_at(g, "HEAD", rel, hash);
}

/* "... through commit 0123abcd..." in @msg: the hash, or NULL. */
static const char *message_hash(const char *msg, size_t *n)
{
	static const char *const phrases[] = {
		"update the translation through commit ", "update to commit ", NULL
	};
	int i;

	for (i = 0; phrases[i]; i++) {
		const char *p = strcasestr(msg, phrases[i]);

		if (p) {
			p += strlen(phrases[i]);
			*n = strspn(p, "0123456789abcdef");
			if (*n >= 7)
				return p;
		}
	}
	return NULL;
}

/* By date: the original's newest commit authored before the translation's. */
static int by_date(const struct git *g, const char *tcommit, long tdate,
		   const char *orel, char hash[41])
{
	/* no kernel file has 20,000 commits; a hostile history stops there */
	const char *args[] = { "log", "--max-count=20000", "--format=%H %at", tcommit,
			       "--", orel, NULL };
	struct buf out = { 0 };
	const char *p;
	int ret = -1;

	if (git_run(g->top, args, &out) != 0) {
		buf_free(&out);
		return -1;
	}
	for (p = out.data; *p;) {
		const char *nl = strchr(p, '\n');
		long at = strtol(p + 41 <= out.data + out.len ? p + 41 : p, NULL, 10);

		if (nl && nl - p > 41 && at <= tdate) {
			memcpy(hash, p, 40);
			hash[40] = '\0';
			ret = 0;
			break;
		}
		p = nl ? nl + 1 : p + strlen(p);
	}
	buf_free(&out);
	return ret;
}

/* The original's commit a kernel translation was synced to. */
int git_sync_point(const struct git *g, const char *trel, const char *orel,
		   char hash[41], enum sync_from *how)
{
	const char *args[] = { "log", "-1", "--format=%H %at%n%B", "--", trel, NULL };
	struct buf out = { 0 }, rev = { 0 };
	const char *h;
	char tcommit[41];
	size_t n;
	int ret = -1;

	if (!g->top || git_run(g->top, args, &out) != 0 || out.len < 42 ||
	    !memchr(out.data, '\n', out.len))
		goto out;
	memcpy(tcommit, out.data, 40);
	tcommit[40] = '\0';
	if (!is_hash(tcommit))
		goto out;
	h = message_hash(out.data, &n);
	if (h) {
		const char *rargs[] = { "rev-parse", "--verify", "-q", NULL, NULL };

		buf_add(&rev, h, n);
		buf_addstr(&rev, "^{commit}");
		rargs[3] = rev.data;
		if (git_run(g->top, rargs, &out) == 0) {
			chomp(&out);
			if (is_hash(out.data) && last_commit_at(g, out.data, orel, hash) == 0) {
				*how = SF_GIT_MESSAGE;
				ret = 0;
				goto out;
			}
		}
		git_run(g->top, args, &out);	/* the message again */
	}
	if (by_date(g, tcommit, strtol(out.data + 41, NULL, 10), orel, hash) == 0) {
		*how = SF_GIT_DATE;
		ret = 0;
	}
out:
	buf_free(&out);
	buf_free(&rev);
	return ret;
}

/* "0123abc (2026-11-20, "subject")" */
int git_describe(const struct git *g, const char *commit, struct buf *out)
{
	const char *args[] = { "log", "-1", "--date=short",
			       "--format=%h (%ad, \"%s\")", commit, NULL };
	struct buf o = { 0 };
	int ret = -1;

	if (g->top && git_run(g->top, args, &o) == 0 && o.len) {
		chomp(&o);
		buf_addstr(out, o.data);
		ret = 0;
	}
	buf_free(&o);
	return ret;
}
