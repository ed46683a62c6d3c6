// SPDX-License-Identifier: GPL-2.0
/*
 * Output: like a compiler (file:line:col: error: message [check]), as a
 * JSON array, or as SARIF 2.1.0 for code-scanning tools.  Findings the
 * baseline suppressed are not shown.
 */
#include <string.h>

#include "doccheck.h"

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
			f->error ? "error" : "warning", f->msg, check_names[f->check]);
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
			f->error ? "error" : "warning", check_names[f->check]);
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
		fprintf(out, "%s{\"id\": \"%s\"}", c ? ", " : "", check_names[c]);
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
			check_names[f->check], f->error ? "error" : "warning");
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
	}
}
