// SPDX-License-Identifier: GPL-2.0
/*
 * The C indexer: the names a C file declares at file scope, without
 * preprocessing or parsing expressions.
 *
 * What it records:
 *   #define NAME            macro (function-like or not), at any depth
 *   T NAME(...)             function, declared or defined
 *   T NAME; T NAME = ...    global variable, or typedef under "typedef"
 *   T (*NAME)(...)          variable or typedef of function pointer type
 *   struct/union/enum TAG   tags; members of aggregate bodies, with the
 *                           tag that holds them; enum constants
 *   MACRO(args);            file-scope macro calls: simple arguments are
 *                           names, and the call is kept for paste.c;
 *                           SYSCALL_DEFINEn(), EXPORT_SYMBOL*(),
 *                           BPF_CALL_n(), LSM_HOOK(), the
 *                           TRACE_EVENT() and DEFINE_EVENT() families
 *                           name what they define
 *
 * Function bodies and initializers are skipped by a byte loop that only
 * stops at braces, quotes, comments and '#': that is where the time goes.
 * "#if 0" blocks are skipped.  A '}' in column 0 ends any body, which
 * resynchronises after unbalanced braces in #ifdef branches.
 *
 * The input must be followed by FILE_PAD NUL bytes.
 */
#include <pthread.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "doccheck.h"

enum { T_EOF, T_IDENT, T_PUNCT, T_OTHER };

struct tok {
	int type;
	int kw;			/* T_IDENT: KW_NONE or which keyword */
	char c;			/* T_PUNCT */
	const char *s;		/* T_IDENT */
	size_t n;
};

struct cx {
	struct found *f;
	const char *start, *p, *end;
	bool bol;		/* only blanks since the last newline */
	struct tok back;
	bool has_back;
};

/* Brace depth kept in a struct; only a BPF selftest nests deeper (64). */
#define MAX_NEST 16

/* What a word is to the scanner: a name, or which keyword. */
enum { KW_NONE, KW_OTHER, KW_STRUCT, KW_UNION, KW_ENUM, KW_TYPEDEF };


#define KW_SLOTS 512
#define KW_MAX 64		/* at least the length of c_keywords[] (words.c) */
static uint8_t kw_slot[KW_SLOTS];	/* c_keywords[] index + 1, open addressing */
static uint8_t kw_len[KW_MAX];
static uint64_t kw_pad[KW_MAX][2];
static pthread_once_t kw_once = PTHREAD_ONCE_INIT;
static bool kw_ready;

static unsigned kw_hash(const char *s, size_t n)
{
	return ((unsigned char)s[0] * 7u + (unsigned char)s[n - 1] * 13u +
		(unsigned char)s[n / 2] * 3u + n * 31u) % KW_SLOTS;
}

static void kw_init(void)
{
	int i;

	for (i = 0; c_keywords[i] && i < KW_MAX; i++) {
		unsigned h = kw_hash(c_keywords[i], strlen(c_keywords[i]));

		while (kw_slot[h])
			h = (h + 1) % KW_SLOTS;
		kw_slot[h] = i + 1;
		kw_len[i] = strlen(c_keywords[i]);
		memcpy(kw_pad[i], c_keywords[i], kw_len[i]);
	}
	__atomic_store_n(&kw_ready, true, __ATOMIC_RELEASE);
}

static uint64_t low_bytes(size_t n)
{
	return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
}

/*
 * s[0..n) is keyword i, 2 <= n <= 16.  The keyword is zero-padded; @s
 * is a name in a text followed by FILE_PAD NUL bytes, so eight bytes
 * from s, and from s + 8 when n > 8, are readable.
 */
static inline bool is_kw(int i, const char *s, size_t n)
{
	uint64_t a, b;

	if (kw_len[i] != n)
		return false;
	memcpy(&b, s, 8);
	if ((kw_pad[i][0] ^ b) & low_bytes(n))
		return false;
	if (n <= 8)
		return true;
	memcpy(&b, s + 8, 8);
	a = kw_pad[i][1];
	return !((a ^ b) & low_bytes(n - 8));
}

static int keyword_of(const char *s, size_t n)
{
	unsigned h;

	if (n < 2 || n > 16)
		return KW_NONE;
	if (!__atomic_load_n(&kw_ready, __ATOMIC_ACQUIRE))
		pthread_once(&kw_once, kw_init);
	for (h = kw_hash(s, n); kw_slot[h]; h = (h + 1) % KW_SLOTS) {
		if (is_kw(kw_slot[h] - 1, s, n)) {
			if (word_is(s, n, "struct"))
				return KW_STRUCT;
			if (word_is(s, n, "union"))
				return KW_UNION;
			if (word_is(s, n, "enum"))
				return KW_ENUM;
			return word_is(s, n, "typedef") ? KW_TYPEDEF : KW_OTHER;
		}
	}
	return KW_NONE;
}

static const char *skip_comment(const char *p, const char *end)
{
	const char *q;

	/* p points at the '/' of "/ *" */
	for (q = p + 2; q < end; q++) {
		q = memchr(q, '*', end - q);
		if (!q)
			return end;
		if (q[1] == '/')
			return q + 2;
	}
	return end;
}

static const char *skip_quoted(const char *p, const char *end, char quote)
{
	for (p++; p < end; p++) {
		if (*p == '\\') {
			p++;
			continue;
		}
		if (*p == quote)
			return p + 1;
		if (*p == '\n')
			return p;
	}
	return end;
}

/* The first '\n' or '/' at or after @p, or @end: 16 bytes at a time. */
static const char *find_nl_slash(const char *p, const char *end)
{
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n'), sl = _mm_set1_epi8('/');

	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		unsigned m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl),
							    _mm_cmpeq_epi8(v, sl)));

		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
#endif
	while (p < end && *p != '\n' && *p != '/')
		p++;
	return p;
}

/* End of the logical line at @p: after its newline, comments included. */
static const char *skip_logical_line(const char *p, const char *end)
{
	for (;;) {
		const char *q = find_nl_slash(p, end), *nl;

		if (q >= end)
			return end;
		if (*q == '\n') {
			if (q[-1] == '\\' || (q[-1] == '\r' && q[-2] == '\\')) {
				p = q + 1;
				continue;
			}
			return q + 1;
		}
		if (q[1] == '*') {
			p = skip_comment(q, end);
			continue;
		}
		if (q[1] == '/') {
			nl = memchr(q, '\n', end - q);
			return nl ? nl + 1 : end;
		}
		p = q + 1;
	}
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Skip an "#if 0" group, from the start of the line after the #if 0. */
static const char *skip_if0(const char *p, const char *end)
{
	int nest = 0;

	while (p < end) {
		const char *q = skip_blanks(p), *w;
		size_t n;

		if (*q == '#') {
			w = skip_blanks(q + 1);
			for (n = 0; is_ident_char(w[n]); n++)
				;
			if (n >= 2 && !memcmp(w, "if", 2)) {
				nest++;
			} else if (word_is(w, n, "endif")) {
				if (!nest--)
					return skip_logical_line(q, end);
			} else if (!nest && (word_is(w, n, "else") ||
					     word_is(w, n, "elif"))) {
				return skip_logical_line(q, end);
			}
		}
		q = memchr(p, '\n', end - p);
		p = q ? q + 1 : end;
	}
	return end;
}

#ifdef __SSE2__
static inline __m128i in_range(__m128i v, char lo, char hi)
{
	return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(lo - 1)),
			     _mm_cmplt_epi8(v, _mm_set1_epi8(hi + 1)));
}
#endif

/*
 * Length of the identifier at @p; 16 bytes at a time while they are
 * before @end (register headers are full of long names).
 */
static size_t ident_len(const char *p, const char *end)
{
	const char *q = p;

#ifdef __SSE2__
	while (end - q >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)q);
		__m128i m = _mm_or_si128(
			_mm_or_si128(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)),
					      'a', 'z'),
				     in_range(v, '0', '9')),
			_mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
		unsigned stop = ~_mm_movemask_epi8(m) & 0xffff;

		if (stop)
			return q - p + __builtin_ctz(stop);
		q += 16;
	}
#else
	(void)end;
#endif
	while (is_ident_char(*q))
		q++;
	return q - p;
}

/* Keep a function-like macro whose expansion may generate names. */
static void define_fmacro(struct cx *cx, const char *name, size_t n,
			  const char *p, const char *eol)
{
	const char *params[MACRO_ARGS_MAX];
	size_t paramn[MACRO_ARGS_MAX];
	int np = 0;
	bool variadic = false;
	const char *body;
	size_t bn;

	p++;			/* '(' */
	for (;;) {
		p = skip_blanks(p);
		if (is_ident_start(*p) && np < MACRO_ARGS_MAX) {
			params[np] = p;
			paramn[np] = ident_len(p, cx->end);
			p += paramn[np++];
		} else if (*p == '.' && p[1] == '.' && p[2] == '.') {
			/* "args..." names the rest; "..." is __VA_ARGS__ */
			if (!np || params[np - 1] + paramn[np - 1] != p) {
				if (np == MACRO_ARGS_MAX)
					return;
				params[np] = "__VA_ARGS__";
				paramn[np++] = 11;
			}
			variadic = true;
			p += 3;
		} else if (*p == '\\' || *p == '\n' || *p == '\r') {
			p++;
		} else if (*p == ',') {
			p++;
		} else {
			break;
		}
	}
	if (*p != ')')
		return;
	body = p + 1;
	while (body < eol && (*body == ' ' || *body == '\t' || *body == '\\' ||
			      *body == '\n' || *body == '\r'))
		body++;
	bn = eol > body ? (size_t)(eol - body) : 0;
	if (bn && (memmem(body, bn, "##", 2) ||
		   (is_upper_name(name, n) && is_ident_start(*body) &&
		    is_upper_name(body, ident_len(body, cx->end)) &&
		    body[ident_len(body, cx->end)] == '(')))
		found_add_def(cx->f, name, n, params, paramn, np, variadic,
			      body, bn);
}

/* At '#', the first non-blank of a line.  Returns where scanning goes on. */
static const char *directive(struct cx *cx, const char *p)
{
	const char *w = skip_blanks(p + 1), *eol;
	size_t n = ident_len(w, cx->end);

	eol = skip_logical_line(w, cx->end);
	if (word_is(w, n, "define")) {
		const char *name = skip_blanks(w + n);
		size_t nn = ident_len(name, cx->end);

		if (nn && is_ident_start(*name)) {
			bool fn = name[nn] == '(';

			found_name(cx->f, name, nn,
				  K_MACRO | (fn ? K_FMACRO : 0));
			if (fn)
				define_fmacro(cx, name, nn, name + nn, eol);
		}
	} else if (word_is(w, n, "if")) {
		const char *c = skip_blanks(w + n);

		if (*c == '0' && !is_ident_char(c[1]) && c[1] != '.')
			return skip_if0(eol, cx->end);
	}
	return eol;
}

static bool at_line_start(const char *p, const char *start)
{
	while (p > start && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	return p == start || p[-1] == '\n';
}

/*
 * The first byte at or after @p that a body cannot skip: a brace, a
 * quote, '/', '#' or NUL.  Sixteen bytes at a time with SSE2, never
 * reading at or past @end; the byte loop finishes (the text ends with
 * NUL bytes).  Most of the bytes of a kernel tree pass here.
 */
static const char *skip_plain(const char *p, const char *end)
{
	static const bool stop[256] = {
		['{'] = 1, ['}'] = 1, ['"'] = 1, ['\''] = 1,
		['/'] = 1, ['#'] = 1, ['\0'] = 1,
	};
#ifdef __SSE2__
	const __m128i c1 = _mm_set1_epi8('{'), c2 = _mm_set1_epi8('}');
	const __m128i c3 = _mm_set1_epi8('"'), c4 = _mm_set1_epi8('\'');
	const __m128i c5 = _mm_set1_epi8('/'), c6 = _mm_set1_epi8('#');
	const __m128i c7 = _mm_setzero_si128();

	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		__m128i m = _mm_or_si128(
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c1),
						  _mm_cmpeq_epi8(v, c2)),
				     _mm_or_si128(_mm_cmpeq_epi8(v, c3),
						  _mm_cmpeq_epi8(v, c4))),
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c5),
						  _mm_cmpeq_epi8(v, c6)),
				     _mm_cmpeq_epi8(v, c7)));
		unsigned bits = _mm_movemask_epi8(m);

		if (bits)
			return p + __builtin_ctz(bits);
		p += 16;
	}
#else
	(void)end;
#endif
	while (!stop[(unsigned char)*p])
		p++;
	return p;
}

/* Skip a brace-enclosed body; @p is just after its '{'. */
static const char *skip_body(struct cx *cx, const char *p)
{
	int depth = 1;

	for (;;) {
		p = skip_plain(p, cx->end);
		switch (*p) {
		case '{':
			depth++;
			p++;
			break;
		case '}':
			p++;
			if (--depth == 0 || p[-2] == '\n')
				return p;
			break;
		case '"':
		case '\'':
			p = skip_quoted(p, cx->end, *p);
			break;
		case '/':
			if (p[1] == '*')
				p = skip_comment(p, cx->end);
			else if (p[1] == '/')
				p = skip_logical_line(p, cx->end);
			else
				p++;
			break;
		case '#':
			if (at_line_start(p, cx->start))
				p = directive(cx, p);
			else
				p++;
			break;
		default:	/* NUL */
			if (p >= cx->end)
				return cx->end;
			p++;
		}
	}
}

static void next_tok(struct cx *cx, struct tok *t)
{
	const char *p = cx->p;

	if (cx->has_back) {
		*t = cx->back;
		cx->has_back = false;
		return;
	}
	for (;;) {
		unsigned char c = *p;

		if (c == '\n') {
			cx->bol = true;
			p++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
			   c == '\v' || c == '\\') {
			p++;
		} else if (c == '#' && cx->bol) {
			p = directive(cx, p);
			cx->bol = true;
		} else if (c == '/' && p[1] == '*') {
			p = skip_comment(p, cx->end);
		} else if (c == '/' && p[1] == '/') {
			p = skip_logical_line(p, cx->end);
			cx->bol = true;
		} else if (c == '\0' && p >= cx->end) {
			t->type = T_EOF;
			cx->p = p;
			return;
		} else if (c == '\0') {
			p++;
		} else {
			break;
		}
	}
	cx->bol = false;
	if (is_ident_start(*p)) {
		t->type = T_IDENT;
		t->s = p;
		t->n = ident_len(p, cx->end);
		t->kw = keyword_of(p, t->n);
		p += t->n;
	} else if (*p >= '0' && *p <= '9') {
		t->type = T_OTHER;
		t->s = p;
		while (is_ident_char(*p) || *p == '.' ||
		       ((*p == '+' || *p == '-') &&
			(p[-1] == 'e' || p[-1] == 'E' || p[-1] == 'p' || p[-1] == 'P')))
			p++;
		t->n = p - t->s;
	} else if (*p == '"' || *p == '\'') {
		t->type = T_OTHER;
		t->s = NULL;
		p = skip_quoted(p, cx->end, *p);
	} else {
		t->type = T_PUNCT;
		t->c = *p++;
	}
	cx->p = p;
}

static void push_back(struct cx *cx, const struct tok *t)
{
	cx->back = *t;
	cx->has_back = true;
}

static bool tok_is(const struct tok *t, char c)
{
	return t->type == T_PUNCT && t->c == c;
}

static bool is_keyword(const char *s, size_t n)
{
	return keyword_of(s, n) == KW_OTHER;
}

static uint32_t tag_kind(const struct tok *t)
{
	if (t->type != T_IDENT)
		return 0;
	switch (t->kw) {
	case KW_STRUCT:
		return K_STRUCT;
	case KW_UNION:
		return K_UNION;
	case KW_ENUM:
		return K_ENUM;
	}
	return 0;
}

static bool is_call_macro(const char *s, size_t n)
{
	return is_upper_name(s, n) ||
	       (n >= 12 && !memcmp(s, "struct_group", 12)) ||
	       (n >= 14 && !memcmp(s, "__struct_group", 14));
}

/* ---- file-scope macro calls ---- */

static bool has_prefix(const struct tok *t, const char *p)
{
	size_t n = strlen(p);

	return t->n >= n && !memcmp(t->s, p, n);
}

/*
 * Which argument of a tracepoint macro names the event: 0 for the
 * TRACE_EVENT() family (TRACE_EVENT_FN(), TRACE_EVENT_SYSCALL(),
 * TRACE_EVENT_RCU(), ...) and DECLARE_TRACE_EVENT(), 1 for the
 * DEFINE_EVENT() family (its first argument is the class), -1 for any
 * other macro.  TRACE_EVENT_FLAGS() and TRACE_EVENT_PERF_PERM() change
 * an event, DEFINE_EVENT_CLASS_*() and DEFINE_EVENT_NOP() make none.
 * (DECLARE_TRACE() is left to the paste expansion: its trace_ name
 * changed, from NAME to NAME_tp.)
 */
static int event_name_arg(const struct tok *name)
{
	if (has_prefix(name, "TRACE_EVENT"))
		return has_prefix(name, "TRACE_EVENT_FLAGS") ||
		       has_prefix(name, "TRACE_EVENT_PERF_PERM") ? -1 : 0;
	if (has_prefix(name, "DECLARE_TRACE_EVENT"))
		return 0;
	if (has_prefix(name, "DEFINE_EVENT"))
		return has_prefix(name, "DEFINE_EVENT_CLASS") ||
		       has_prefix(name, "DEFINE_EVENT_NOP") ? -1 : 1;
	return -1;
}

/* A tracepoint's event, and its trace_NAME() */
static void found_event(struct found *t, const struct tok *ev)
{
	char buf[256];

	if (ev->type != T_IDENT || ev->n > 200)
		return;
	found_name(t, ev->s, ev->n, K_FUNC);
	snprintf(buf, sizeof(buf), "trace_%.*s", (int)ev->n, ev->s);
	found_name(t, buf, strlen(buf), K_FUNC | K_GEN);
}

static void special_call(struct cx *cx, const struct tok *name,
			 const struct tok *arg0)
{
	struct found *t = cx->f;
	char buf[256];

	if (arg0->type != T_IDENT || arg0->n > 200)
		return;
	if (name->n == 15 && !memcmp(name->s, "SYSCALL_DEFINE", 14)) {
		found_name(t, arg0->s, arg0->n, K_SYSCALL);
		snprintf(buf, sizeof(buf), "sys_%.*s", (int)arg0->n, arg0->s);
		found_name(t, buf, strlen(buf), K_SYSCALL | K_FUNC);
	} else if (name->n == 22 && !memcmp(name->s, "COMPAT_SYSCALL_DEFINE", 21)) {
		snprintf(buf, sizeof(buf), "compat_sys_%.*s", (int)arg0->n, arg0->s);
		found_name(t, buf, strlen(buf), K_SYSCALL | K_FUNC);
	} else if (event_name_arg(name) == 0 ||
		   word_is(name->s, name->n, "DECLARE_EVENT_CLASS")) {
		found_event(t, arg0);
	} else if (name->n == 10 && !memcmp(name->s, "BPF_CALL_", 9)) {
		/* BPF_CALL_2(bpf_redirect_map, ...): a BPF helper */
		found_name(t, arg0->s, arg0->n, K_FUNC);
	} else if (name->n >= 13 && !memcmp(name->s, "EXPORT_SYMBOL", 13)) {
		found_name(t, arg0->s, arg0->n, K_EXPORT);
	}
}

/*
 * A macro call at file scope, after its '('.  Simple arguments (one
 * name or number each) are recorded as names and the call kept for
 * paste expansion.
 */
static void file_scope_call(struct cx *cx, const struct tok *name)
{
	const char *args[MACRO_ARGS_MAX];
	size_t argn[MACRO_ARGS_MAX];
	struct tok t, first = { .type = T_EOF };
	int nargs = 0, ntok = 0, depth = 1;
	bool simple = true;

	for (;;) {
		next_tok(cx, &t);
		if (t.type == T_EOF)
			return;
		if (tok_is(&t, '(') || tok_is(&t, '[')) {
			depth++;
		} else if (tok_is(&t, ')') || tok_is(&t, ']')) {
			if (--depth == 0)
				break;
		} else if (tok_is(&t, '{') && depth == 1) {
			/* a body passed as an argument */
			cx->p = skip_body(cx, cx->p);
			simple = false;
			continue;
		}
		if (depth == 1 && tok_is(&t, ',')) {
			if (ntok != 1)
				simple = false;
			ntok = 0;
			continue;
		}
		if (depth == 1 && ntok++ == 0 && nargs < MACRO_ARGS_MAX) {
			/* a simple argument: a name or a number */
			bool number = t.type == T_OTHER && t.s;

			if (!nargs)
				first = t;
			args[nargs] = t.type == T_IDENT || number ? t.s : NULL;
			argn[nargs++] = t.n;
			if (t.type != T_IDENT && !number)
				simple = false;
		} else if (depth == 1) {
			simple = false;
		}
	}
	if (ntok > 1)
		simple = false;
	special_call(cx, name, &first);
	if (event_name_arg(name) == 1 && nargs > 1 && args[1]) {
		struct tok ev = { .type = T_IDENT, .s = args[1], .n = argn[1] };

		found_event(cx->f, &ev);
	}
	/*
	 * LSM_HOOK(RET, DEFAULT, NAME, ...) in lsm_hook_defs.h: a hook of the
	 * security modules, a callback of union security_list_options that
	 * the framework's macros give its name (BPF LSM programs attach to it).
	 */
	if (word_is(name->s, name->n, "LSM_HOOK") && nargs > 2 && args[2] &&
	    is_ident_start(args[2][0]))
		found_name(cx->f, args[2], argn[2], K_FUNC | K_GEN);
	if (!simple || !nargs)
		return;
	for (int i = 0; i < nargs; i++)
		if (is_ident_start(args[i][0]) && !is_keyword(args[i], argn[i]))
			found_name(cx->f, args[i], argn[i], K_MACROARG);
	/* what EXPORT_SYMBOL() defines is the export; its expansion is internal */
	if (name->n >= 13 && !memcmp(name->s, "EXPORT_SYMBOL", 13))
		return;
	found_add_call(cx->f, name->s, name->n, args, argn, nargs);
}

/* Skip a parenthesised group, after its '('. */
static void skip_parens(struct cx *cx)
{
	struct tok t;
	int depth = 1;

	while (depth) {
		next_tok(cx, &t);
		if (t.type == T_EOF)
			return;
		if (tok_is(&t, '('))
			depth++;
		else if (tok_is(&t, ')'))
			depth--;
		else if (tok_is(&t, '{'))
			cx->p = skip_body(cx, cx->p);
	}
}

/* ---- aggregates ---- */

struct agg {
	struct cx *cx;
	const char *tags[MAX_NEST];
	size_t tagn[MAX_NEST];
	int depth;
	bool is_enum;
	const char *type;	/* struct tag of the member being declared */
	size_t typen;
};

static void add_member(struct agg *a, const struct tok *t, uint32_t extra,
		       bool fnptr)
{
	struct found *f = a->cx->f;
	struct name *m = found_name(f, t->s, t->n, K_MEMBER | extra);
	int i;

	if (fnptr && a->tagn[0])
		found_name(f, a->tags[0], a->tagn[0], K_OPS);
	if (!m)
		return;
	/* Owners: the outermost tag and the innermost named one. */
	names_add_owner(&f->names, m, a->tags[0], a->tagn[0], a->type,
			a->typen, fnptr);
	for (i = (a->depth < MAX_NEST ? a->depth : MAX_NEST) - 1; i > 0; i--) {
		if (a->tags[i] && a->tagn[i]) {
			names_add_owner(&f->names, m, a->tags[i], a->tagn[i],
					a->type, a->typen, fnptr);
			break;
		}
	}
}

/* After "struct TAG {": read the members up to the matching '}'. */
static void aggregate(struct cx *cx, uint32_t kind, const struct tok *tag)
{
	struct agg a = { .cx = cx, .depth = 1, .is_enum = kind == K_ENUM };
	struct tok t, prev = { .type = T_PUNCT, .c = '{' }, prev2 = prev;
	unsigned long callmask = 0;
	int pd = 0;

	a.tags[0] = tag ? tag->s : "";
	a.tagn[0] = tag ? tag->n : 0;
	for (;;) {
		next_tok(cx, &t);
		if (t.type == T_EOF)
			return;
		if (t.type == T_PUNCT) {
			switch (t.c) {
			case '{':
				if (a.depth < MAX_NEST) {
					a.tags[a.depth] = NULL;
					a.tagn[a.depth] = 0;
					if (prev.type == T_IDENT && prev2.type == T_IDENT &&
					    tag_kind(&prev2)) {
						a.tags[a.depth] = prev.s;
						a.tagn[a.depth] = prev.n;
					}
				}
				a.depth++;
				a.type = NULL;
				break;
			case '}':
				if (--a.depth == 0)
					return;
				break;
			case ';':
				a.type = NULL;
				pd = 0;
				break;
			case '(':
				if (pd < 63 && prev.type == T_IDENT &&
				    is_call_macro(prev.s, prev.n))
					callmask |= 1ul << (pd + 1);
				pd++;
				break;
			case ')':
				if (pd > 0 && pd < 64)
					callmask &= ~(1ul << pd);
				if (pd > 0)
					pd--;
				break;
			}
		} else if (t.type == T_IDENT && tag_kind(&t)) {
			struct tok n;

			next_tok(cx, &n);
			if (n.type == T_IDENT) {
				found_name(cx->f, n.s, n.n, tag_kind(&t));
				a.type = n.s;
				a.typen = n.n;
			}
			prev2 = prev;
			prev = t;
			push_back(cx, &n);
			continue;
		} else if (t.type == T_IDENT && t.kw != KW_OTHER) {
			struct tok n;

			next_tok(cx, &n);
			if (a.is_enum && pd == 0 && tok_is(&n, '(') &&
			    is_upper_name(t.s, t.n)) {
				/* DECLARE_VMA_BIT(READ, 0): constants by pasting */
				file_scope_call(cx, &t);
				prev2 = prev;
				prev = t;
				continue;
			}
			if (a.is_enum) {
				if (pd == 0 && (tok_is(&prev, '{') || tok_is(&prev, ',')))
					found_name(cx->f, t.s, t.n, K_ENUMCONST);
			} else if (tok_is(&n, ';') ||
				   (n.type == T_IDENT && n.n > 2 && !memcmp(n.s, "__", 2) &&
				    pd == 0) ||
				   (pd == 0 && (tok_is(&n, ',') || tok_is(&n, '[') ||
						tok_is(&n, ':')))) {
				add_member(&a, &t, 0, false);
			} else if (pd == 1 && tok_is(&prev, '*') && tok_is(&prev2, '(') &&
				   tok_is(&n, ')')) {
				add_member(&a, &t, 0, true);
			} else if (pd > 0 && pd < 64 && (callmask >> pd & 1) &&
				   (tok_is(&n, ',') || tok_is(&n, ')'))) {
				add_member(&a, &t, K_MACROARG, false);
			}
			push_back(cx, &n);
		}
		prev2 = prev;
		prev = t;
	}
}

/* ---- file scope ---- */

struct stmt {
	int ntok;		/* tokens so far at paren depth 0 */
	int pd;
	bool is_typedef;
	bool in_init;
	struct tok prev, prev2;
};

static void stmt_reset(struct stmt *s)
{
	memset(s, 0, sizeof(*s));
	s->prev.type = T_PUNCT;
	s->prev.c = ';';
	s->prev2 = s->prev;
}

static void declarator(struct cx *cx, struct stmt *s, const struct tok *t)
{
	found_name(cx->f, t->s, t->n, s->is_typedef ? K_TYPEDEF : K_VAR);
}

/* An identifier at file scope, not a keyword. */
static void file_scope_ident(struct cx *cx, struct stmt *s, const struct tok *t)
{
	struct tok n;

	next_tok(cx, &n);
	if (s->in_init) {
		push_back(cx, &n);
		return;
	}
	if (s->pd == 0 && tok_is(&n, '(')) {
		if (s->ntok == 0 || is_upper_name(t->s, t->n)) {
			/* static inline bool IS_ERR(...) is a function too */
			if (s->ntok > 0 && s->prev.type == T_IDENT)
				found_name(cx->f, t->s, t->n, K_FUNC);
			file_scope_call(cx, t);
			return;
		}
		found_name(cx->f, t->s, t->n, s->is_typedef ? K_TYPEDEF : K_FUNC);
	} else if (s->pd == 0 && s->ntok > 0 &&
		   (tok_is(&n, ';') || tok_is(&n, ',') || tok_is(&n, '[') ||
		    tok_is(&n, '='))) {
		declarator(cx, s, t);
	} else if (s->pd == 1 && tok_is(&s->prev, '*') &&
		   tok_is(&s->prev2, '(') && tok_is(&n, ')')) {
		declarator(cx, s, t);
	} else if (s->pd == 2 && tok_is(&s->prev, '*') && tok_is(&s->prev2, '(') &&
		   tok_is(&n, ')')) {
		/* "int (*fill_super)(struct super_block *sb, ...)": a callback parameter */
		found_name(cx->f, t->s, t->n, K_PARAM);
	} else if (s->pd == 1 && (tok_is(&n, ',') || tok_is(&n, ')')) &&
		   (s->prev.type == T_IDENT || tok_is(&s->prev, '*'))) {
		/* "new_folio_t get_new_folio": a parameter docs may name */
		found_name(cx->f, t->s, t->n, K_PARAM);
	}
	push_back(cx, &n);
}

/*
 * A file of #defines and comments only, like the generated register
 * headers (a third of a kernel tree's bytes): its object-like macros,
 * a line at a time.  Returns false at the first line that is anything
 * else (code, a function-like macro, #if 0): the caller then scans the
 * whole file as C, which finds the same names again.
 */
static bool defines_only(struct cx *cx)
{
	const char *p = cx->start, *end = cx->end, *w, *name;
	size_t nn;

	while (p < end) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (p >= end)
			break;
		if (p[0] == '/' && p[1] == '*') {
			p = skip_comment(p, end);
			continue;
		}
		if (p[0] == '/' && p[1] == '/') {
			p = skip_logical_line(p, end);
			continue;
		}
		if (*p != '#')
			return false;
		w = skip_blanks(p + 1);
		if (!memcmp(w, "define", 6) && (w[6] == ' ' || w[6] == '\t')) {
			name = skip_blanks(w + 7);
			nn = ident_len(name, end);
			if (!nn || !is_ident_start(*name) || name[nn] == '(')
				return false;
			found_name(cx->f, name, nn, K_MACRO);
		} else if (w[0] == 'i' && w[1] == 'f' && !is_ident_char(w[2])) {
			return false;	/* maybe #if 0 */
		}
		p = skip_logical_line(w, end);
	}
	return true;
}

void cindex_scan(struct found *f, const char *text, size_t len)
{
	struct cx cx = {
		.f = f, .start = text, .p = text, .end = text + len, .bol = true,
	};
	struct stmt s;
	struct tok t;

	if (defines_only(&cx))
		return;
	stmt_reset(&s);
	for (;;) {
		uint32_t kind;

		next_tok(&cx, &t);
		if (t.type == T_EOF)
			return;
		kind = t.type == T_IDENT ? tag_kind(&t) : 0;
		if (kind) {
			struct tok n;

			next_tok(&cx, &n);
			if (n.type == T_IDENT) {
				struct tok b;

				next_tok(&cx, &b);
				found_name(f, n.s, n.n, kind |
					   (tok_is(&b, '{') && f->core ? K_CORE : 0));
				if (tok_is(&b, '{'))
					aggregate(&cx, kind, &n);
				else
					push_back(&cx, &b);
			} else if (tok_is(&n, '{')) {
				aggregate(&cx, kind, NULL);
			} else {
				push_back(&cx, &n);
			}
			s.ntok++;
			s.prev2 = s.prev;
			s.prev = t;
			s.prev.type = T_OTHER;	/* a type */
			continue;
		}
		if (t.type == T_IDENT) {
			if (t.kw == KW_TYPEDEF)
				s.is_typedef = true;
			else if (t.kw == KW_OTHER) {
				struct tok n;

				next_tok(&cx, &n);
				if (tok_is(&n, '(') && !s.in_init &&
				    (t.s[0] == '_' || t.s[0] == 't' || t.s[0] == 'a'))
					skip_parens(&cx);	/* __attribute__((x)) */
				else
					push_back(&cx, &n);
			} else {
				file_scope_ident(&cx, &s, &t);
			}
		} else if (t.type == T_PUNCT) {
			switch (t.c) {
			case '(':
				s.pd++;
				break;
			case ')':
				if (s.pd > 0)
					s.pd--;
				break;
			case '{':
				cx.p = skip_body(&cx, cx.p);
				if (!s.in_init && s.pd == 0) {
					stmt_reset(&s);
					continue;
				}
				break;
			case '}':
			case ';':
				stmt_reset(&s);
				continue;
			case '=':
				if (s.pd == 0)
					s.in_init = true;
				break;
			case ',':
				if (s.pd == 0)
					s.in_init = false;
				break;
			}
		}
		if (s.pd == 0)
			s.ntok++;
		s.prev2 = s.prev;
		s.prev = t;
	}
}
