import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleAnswers, hasStackTrace, runCli } from "../helpers/cli.js";

const answers = exampleAnswers("acme-manufacturing");

describe("report from a results JSON", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-results-json-"));
  const results = path.join(dir, "results.json");
  const scored = runCli(["score", ...answers, "--format", "json", "-o", results]);

  it("reports broken JSON at its file:line:column with exit 1 and no stack trace", () => {
    expect(scored.status).toBe(0);
    const broken = path.join(dir, "broken.json");
    const lines = readFileSync(results, "utf8").split("\n");
    // The client's name (line 5) loses its closing quote and comma.
    expect(lines[4]).toMatch(/"name": ".*",$/);
    lines[4] = lines[4]?.replace(/",$/, "") ?? "";
    writeFileSync(broken, lines.join("\n"));
    const r = runCli(["report", broken], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.json:5:\d+/);
    expect(r.stderr).toContain("expected valid JSON; found an unexpected line break");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("lists at most 100 respondents and says where the rest are", () => {
    const data = JSON.parse(readFileSync(results, "utf8"));
    data.respondents = Array.from({ length: 1200 }, (_, i) => ({
      id: `r${String(i).padStart(4, "0")}`,
      role: "frontline",
    }));
    data.respondentsByRole = { ...data.respondentsByRole, frontline: 1200 - 4 };
    const many = path.join(dir, "many.json");
    writeFileSync(many, `${JSON.stringify(data, null, 2)}\n`);
    const r = runCli(["report", many, "--edition", "internal"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("| r0099 |");
    expect(r.stdout).not.toContain("| r0100 |");
    expect(r.stdout).toContain(
      "The first 100 of 1,200 respondents are listed; every respondent is in the respondents CSV",
    );
  });

  describe("results large enough to be read a chunk at a time (over 8 MB)", () => {
    // 150,000 respondents in batch's layout: about 9 MB.
    const big = () => {
      const data = JSON.parse(readFileSync(results, "utf8"));
      const n = 150_000;
      data.respondents = Array.from({ length: n }, (_, i) => ({
        id: `r${String(i).padStart(6, "0")}`,
        role: "frontline",
      }));
      data.respondentsByRole = { ...data.respondentsByRole, frontline: n - 4 };
      return `${JSON.stringify(data, null, 2)}\n`;
    };
    const text = big();
    const lineOf = (at: number) => text.slice(0, at).split("\n").length;

    it("reports from them as from small ones", () => {
      expect(Buffer.byteLength(text)).toBeGreaterThan(8 * 1024 * 1024);
      const file = path.join(dir, "large.json");
      writeFileSync(file, text);
      const r = runCli(["report", file], { cwd: dir });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("| r000099 |");
      expect(r.stdout).toContain(
        "The first 100 of 150,000 respondents are listed; the complete list is part of the assessment's working papers",
      );
    });

    it("reports a truncated file at its end with exit 1 and no stack trace", () => {
      const file = path.join(dir, "truncated.json");
      const cut = text.indexOf('"r120000"');
      writeFileSync(file, text.slice(0, cut));
      const r = runCli(["report", file], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`truncated.json:${lineOf(cut)}:`);
      expect(r.stderr).toContain("found the end of the file before the document was complete");
      expect(hasStackTrace(r.stderr)).toBe(false);
    });

    it("reports a corrupt roster entry where it is, with exit 1", () => {
      const file = path.join(dir, "corrupt.json");
      const at = text.indexOf('"r100000"');
      // The entry's id loses its closing quote: the comma after it is read inside the string.
      writeFileSync(file, `${text.slice(0, at + 8)}${text.slice(at + 9)}`);
      const r = runCli(["report", file], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`corrupt.json:${lineOf(at)}:`);
      expect(r.stderr).toContain("expected valid JSON");
      expect(hasStackTrace(r.stderr)).toBe(false);
    });

    it("reports an entry of the wrong shape where it is, with exit 1", () => {
      const file = path.join(dir, "bad-entry.json");
      const at = text.indexOf('"r140000"');
      writeFileSync(file, `${text.slice(0, at)}140000${text.slice(at + 9)}`);
      const r = runCli(["report", file], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("found something else at respondents[140000]");
      expect(r.stderr).toContain(`bad-entry.json:${lineOf(at) - 1}:`);
    });
  });
});
