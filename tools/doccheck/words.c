// SPDX-License-Identifier: GPL-2.0
/*
 * The word lists of the checks, in one place: words of C that are never
 * a kernel name, the C library and compiler names a page may use, the
 * shell commands that make a line a command line, and the placeholder
 * words of examples.  The indexer (cindex.c), the extractor (csnip.c,
 * foreign.c) and the rules (rules.c) all ask here.
 */
#include <string.h>
#include <strings.h>

#include "doccheck.h"

/*
 * C's keywords, GCC's spellings of them, and the kernel's attributes:
 * no declaration names one.  The tag keywords come last, in this order,
 * so that the indexer can tell them apart (cindex.c).
 */
const char *const c_keywords[] = {
	"auto", "break", "case", "char", "const", "continue",
	"default", "do", "double", "else", "extern", "float", "for",
	"goto", "if", "inline", "int", "long", "register", "restrict",
	"return", "short", "signed", "sizeof", "static", "switch",
	"unsigned", "void", "volatile", "while", "bool", "_Bool",
	"__attribute__", "__attribute", "asm", "__asm__", "__asm",
	"typeof", "__typeof__", "__typeof", "__inline", "__inline__",
	"__volatile__", "__restrict", "__extension__", "_Static_assert",
	"static_assert", "_Alignas", "_Alignof", "__always_inline",
	"noinline", "__init", "__exit", "__user", "__iomem",
	"__must_check", "notrace",
	"struct", "union", "enum", "typedef", NULL
};

static bool in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (word_is(s, n, *list))
			return true;
	return false;
}

bool is_c_keyword(const char *s, size_t n)
{
	return in_list(c_keywords, s, n);
}

/*
 * Words of C code that are no reference either: the preprocessor's
 * "defined", the constants and the kernel's short integer types.
 */
bool is_c_plain_word(const char *s, size_t n)
{
	static const char *const words[] = {
		"defined", "true", "false", "NULL", "u8", "u16", "u32", "u64",
		NULL
	};

	return in_list(words, s, n);
}

/*
 * The commands that start a command line in a page ("# echo 1 > ...",
 * ``modprobe foo``): what follows is the shell's, not C.
 */
bool is_shell_command(const char *s, size_t n)
{
	static const char *const cmds[] = {
		"echo", "cat", "cd", "ls", "mount", "modprobe", "insmod",
		"rmmod", "sudo", "perf", "trace-cmd", "bpftool", "ip", "tc",
		"ethtool", "dmesg", "grep", "make", "mkdir", "sysctl", "git",
		"cp", "mv", "rm", "export", "python", "python3", "dd", "tar",
		"chmod", "ln", "scripts", "tools", "./", NULL
	};

	return in_list(cmds, s, n);
}

/*
 * Names a page may use that no kernel tree declares: the C library,
 * POSIX threads, the compiler's built-ins and operators, and the
 * predefined macros (__FILE__, __VA_ARGS__).
 */
bool is_libc_name(const char *name)
{
	static const char *const names[] = {
		"malloc", "calloc", "realloc", "free", "printf", "fprintf",
		"sprintf", "snprintf", "scanf", "sscanf", "fopen", "fclose",
		"fread", "fwrite", "perror", "strerror", "exit", "abort",
		"atexit", "getenv", "setenv", "system", "popen", "pclose",
		"dlopen", "dlsym", "dlclose", "errno", "pthread_create",
		"pthread_join", "pthread_mutex_lock", "pthread_mutex_unlock",
		"posix_memalign", "aligned_alloc", "main", "getpid", "gettid",
		"sysconf", "syscall", "assert", "sizeof", "typeof", "alignof",
		"_Alignof", "_Generic", NULL
	};
	static const char *const prefixes[] = {
		"pthread_", "__builtin_", "__sync_", "__atomic_", "__has_", NULL
	};
	size_t n = strlen(name);
	int i;

	if (in_list(names, name, n))
		return true;
	for (i = 0; prefixes[i]; i++)
		if (!strncmp(prefixes[i], name, strlen(prefixes[i])))
			return true;
	return n > 4 && name[0] == '_' && name[1] == '_' &&
	       is_upper_name(name, n) && name[n - 1] == '_' && name[n - 2] == '_';
}

/* Example names: CONFIG_FOO_BAR, foo_update(), my_probe(), do_something(). */
bool placeholder(const char *name)
{
	static const char *const words[] = {
		"foo", "bar", "baz", "qux", "xxx", "yyy", "xyz", "something",
		"example", "mydev", "mydriver", "blah", "whatever", "xyzzy", NULL
	};
	size_t n = strlen(name);
	const char *p = name;
	int i;

	if (!strncasecmp(name, "my_", 3) || !strncasecmp(name, "your_", 5) ||
	    !strncmp(name, "CONFIG_MY_", 10))
		return true;
	/* readX_relaxed, pwmX_enable, listXX: X for a number or a size */
	if (!is_upper_name(name, n) && strchr(name, 'X')) {
		const char *x = strchr(name, 'X');

		if (x > name && ((x[-1] >= 'a' && x[-1] <= 'z') || x[-1] == '_'))
			return true;
	}
	/* SYSCALL_DEFINEn, BPF_CALL_x: one lower-case letter for a number */
	if (n > 2 && name[n - 1] >= 'a' && name[n - 1] <= 'z' &&
	    is_upper_name(name, n - 1))
		return true;
	/* struct pcpu_dstats__percpu: an attribute glued to the name */
	if (strstr(name, "__percpu") || strstr(name, "__rcu") || strstr(name, "__user"))
		return true;
	while (*p) {
		size_t w = strcspn(p, "_");

		for (i = 0; words[i]; i++)
			if (strlen(words[i]) == w && !strncasecmp(p, words[i], w))
				return true;
		/* mychip, myctl, mydev */
		if (w >= 3 && w <= 8 && !strncmp(p, "my", 2))
			return true;
		p += w;
		while (*p == '_')
			p++;
	}
	return false;
}
