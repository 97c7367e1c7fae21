import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/diagnostics/errors.js";
import { renderMarkdown } from "../../src/render/report/markdown.js";
import { loadTemplates } from "../../src/render/templates.js";
import { acmeReport } from "../helpers/report.js";

/** A fresh template folder holding the given files (relative path → content). */
function templateDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-templates-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function issuesOf(dir: string) {
  try {
    await loadTemplates({ dir, cwd: dir });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).issues;
  }
  throw new Error("expected the templates to be rejected");
}

describe("template override", () => {
  it("lets a user partial replace one section and keeps the others", async () => {
    const dir = templateDir({
      "partials/summary.hbs":
        "## {{headings.summary}}\n\nOur own summary for {{meta.client.name}}: {{fmtScore summary.overall.score}}.\n",
    });
    const md = await renderMarkdown(acmeReport(), { templateDir: dir, cwd: dir });
    expect(md).toContain(
      "## 1. Executive summary\n\nOur own summary for Acme Precision Components: 2.51.\n",
    );
    expect(md).not.toContain("### Consulting judgement");
    expect(md).toContain("## 2. Maturity profile");
    expect(md).toContain("## 6. Roadmap");
  });

  it("lets a user replace the main template and add partials of their own", async () => {
    const dir = templateDir({
      "report.md.hbs": "# {{meta.client.name}}\n\n{{> letter}}\n\n{{> risks}}\n",
      "partials/letter.hbs": "Dear board, the verdict is: {{summary.readiness.verdictName}}.",
    });
    const md = await renderMarkdown(acmeReport(), { templateDir: dir, cwd: dir });
    expect(
      md.startsWith(
        "# Acme Precision Components\n\nDear board, the verdict is: Ready with conditions.\n",
      ),
    ).toBe(true);
    expect(md).toContain("## 5. Risk register");
    expect(md).not.toContain("## 1. Executive summary");
  });

  it("escapes client text in user templates too (the data is pre-escaped)", async () => {
    const dir = templateDir({ "report.md.hbs": "{{meta.client.name}}\n" });
    const report = acmeReport();
    report.meta.client.name = "# A | B";
    expect(await renderMarkdown(report, { templateDir: dir, cwd: dir })).toBe("\\# A \\| B\n");
  });
});

describe("template safety", () => {
  it("rejects a partial name that leaves the template folder", async () => {
    const dir = templateDir({ "report.md.hbs": "line one\n  {{> ../../secrets}}\n" });
    const issues = await issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "include-outside-root",
      file: "report.md.hbs",
      start: { line: 2, column: 3 },
    });
    expect(issues[0]?.message).toContain('"../../secrets"');
  });

  it("rejects absolute partial paths", async () => {
    const dir = templateDir({ "partials/summary.hbs": '{{> "/etc/passwd"}}' });
    const issues = await issuesOf(dir);
    expect(issues[0]).toMatchObject({ code: "include-outside-root", file: "partials/summary.hbs" });
  });

  it("rejects template files that link outside the folder", async () => {
    const outside = templateDir({ "secret.hbs": "top secret" });
    const dir = templateDir({});
    mkdirSync(path.join(dir, "partials"));
    symlinkSync(path.join(outside, "secret.hbs"), path.join(dir, "partials/summary.hbs"));
    const issues = await issuesOf(dir);
    expect(issues[0]).toMatchObject({ code: "include-outside-root", file: "partials/summary.hbs" });
  });

  it("reports an unknown partial where it is used", async () => {
    const dir = templateDir({ "partials/summary.hbs": "\n\n{{> sumary}}" });
    const issues = await issuesOf(dir);
    expect(issues[0]).toMatchObject({
      code: "include-not-found",
      file: "partials/summary.hbs",
      start: { line: 3, column: 1 },
    });
    expect(issues[0]?.message).toContain('found "sumary"');
  });

  it("reports a Handlebars syntax error with its line", async () => {
    const dir = templateDir({ "partials/kpis.hbs": "ok\nok\n{{#each kpis.rows}}\nno close\n" });
    const issues = await issuesOf(dir);
    expect(issues[0]).toMatchObject({ code: "invalid-value", file: "partials/kpis.hbs" });
    expect(issues[0]?.message).toMatch(
      /^expected a valid Handlebars template; found a syntax error/,
    );
  });

  it("reports a template folder that does not exist", async () => {
    const dir = templateDir({});
    await expect(loadTemplates({ dir: "no-such-folder", cwd: dir })).rejects.toMatchObject({
      issues: [{ code: "file-unreadable", file: "no-such-folder" }],
    });
  });
});
