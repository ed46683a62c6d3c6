// SPDX-License-Identifier: GPL-2.0
/*
 * Output: like a compiler (file:line:col: error: message [check]), as a
 * JSON array, or as SARIF 2.1.0 for code-scanning tools.  Findings the
 * baseline suppressed are not shown.
 */
#include <string.h>

#include "doccheck.h"

/* Part 2's checks; part 1 names its own in check.c. */
static const char *const part2_names[] = {
	[C_T_ORIGINAL - C_T_ORIGINAL] = "translation-original",
	[C_T_MISSING - C_T_ORIGINAL] = "missing-section",
	[C_T_EXTRA - C_T_ORIGINAL] = "extra-section",
	[C_T_REORDERED - C_T_ORIGINAL] = "reordered-section",
	[C_T_CODE - C_T_ORIGINAL] = "code-differs",
	[C_T_LABEL - C_T_ORIGINAL] = "label-differs",
	[C_T_XREF - C_T_ORIGINAL] = "xref-differs",
	[C_T_STRUCT - C_T_ORIGINAL] = "structure-differs",
	[C_T_IDENT - C_T_ORIGINAL] = "identifier-differs",
	[C_T_OUTDATED - C_T_ORIGINAL] = "outdated-section",
	[C_T_STAMP - C_T_ORIGINAL] = "sync-stamp",
	[C_T_HEADER - C_T_ORIGINAL] = "translation-header",
	[C_T_UNDERLINE - C_T_ORIGINAL] = "title-underline",
	[C_T_WIDTH - C_T_ORIGINAL] = "line-width",
	[C_T_UPDATE - C_T_ORIGINAL] = "update-line",
	[C_T_TERM - C_T_ORIGINAL] = "term",
	[C_R_SAMPLE - C_T_ORIGINAL] = "rule-sample",
	[C_R_TEST - C_T_ORIGINAL] = "rule-test",
	[C_R_TRANSLATION - C_T_ORIGINAL] = "rule-translation",
	[C_R_UNUSED - C_T_ORIGINAL] = "unused-sample",
	[C_R_CASE - C_T_ORIGINAL] = "unknown-rule-case",
	[C_R_RESULT - C_T_ORIGINAL] = "rule-result",
};

const char *check_label(enum check_id c)
{
	if (c >= C_T_ORIGINAL && c < C__COUNT)
		return part2_names[c - C_T_ORIGINAL];
	return check_names[c];
}

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void text(FILE *out, const struct findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		if (f->suppressed)
			continue;
		fprintf(out, "%s:%d:%d: %s: %s [%s]\n", f->file, f->line, f->col,
			f->error ? "error" : "warning", f->msg, check_label(f->check));
	}
}

static void json(FILE *out, const struct findings *fs)
{
	bool first = true;
	size_t i;

	fputs("[", out);
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		if (f->suppressed)
			continue;
		fputs(first ? "\n  {" : ",\n  {", out);
		first = false;
		fputs("\"file\": ", out);
		json_str(out, f->file);
		fprintf(out, ", \"line\": %d, \"column\": %d, \"severity\": \"%s\", "
			"\"check\": \"%s\", \"name\": ", f->line, f->col,
			f->error ? "error" : "warning", check_label(f->check));
		json_str(out, f->name);
		fputs(", \"message\": ", out);
		json_str(out, f->msg);
		fputs("}", out);
	}
	fputs(first ? "]\n" : "\n]\n", out);
}

static void sarif(FILE *out, const struct findings *fs, const char *target)
{
	bool first = true;
	size_t i;
	int c;

	fputs("{\n  \"version\": \"2.1.0\",\n"
	      "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"doccheck\", "
	      "\"informationUri\": \"https://www.kernel.org/doc/html/latest/\", "
	      "\"rules\": [", out);
	for (c = 0; c < C__COUNT; c++)
		fprintf(out, "%s{\"id\": \"%s\"}", c ? ", " : "", check_label(c));
	fputs("]}},\n    \"columnKind\": \"unicodeCodePoints\",\n", out);
	fputs("    \"properties\": {\"target\": ", out);
	json_str(out, target);
	fputs("},\n    \"results\": [", out);
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		if (f->suppressed)
			continue;
		fputs(first ? "\n      {" : ",\n      {", out);
		first = false;
		fprintf(out, "\"ruleId\": \"%s\", \"level\": \"%s\", \"message\": {\"text\": ",
			check_label(f->check), f->error ? "error" : "warning");
		json_str(out, f->msg);
		fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ",
		      out);
		json_str(out, f->file);
		fprintf(out, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d}}}]}",
			f->line, f->col);
	}
	fputs(first ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n", out);
}

void report(FILE *out, const struct findings *fs, enum format f,
	    const char *target)
{
	switch (f) {
	case F_TEXT:
		text(out, fs);
		break;
	case F_JSON:
		json(out, fs);
		break;
	case F_SARIF:
		sarif(out, fs, target);
		break;
	case F_EMAIL:	/* patchcheck.c writes its own */
		text(out, fs);
		break;
	}
}
