import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveFormat } from "../../src/cli/format-option.js";
import { parseHorizon, wholeNumber } from "../../src/cli/options.js";
import { UsageError } from "../../src/core/diagnostics/errors.js";
import { REPO, runCli } from "../helpers/cli.js";

const ACME = path.join(REPO, "examples/acme-manufacturing/answers/01-ceo.yaml");

describe("--horizon", () => {
  it("accepts whole months from 1 to 120 written as plain decimal digits", () => {
    expect(parseHorizon("1")).toBe(1);
    expect(parseHorizon("12")).toBe(12);
    expect(parseHorizon("120")).toBe(120);
  });

  it.each(["0x10", "1e1", "0", "121", "12.0", "-1", "+12", " 12", "", "Infinity"])(
    "refuses %j",
    (value) => {
      expect(() => parseHorizon(value)).toThrow(UsageError);
    },
  );

  it.each(["score", "report", "roadmap"])("%s exits 2 on 0x10, 1e1, 0 and 121", (command) => {
    for (const value of ["0x10", "1e1", "0", "121"]) {
      const r = runCli([command, ACME, "--horizon", value, "--format", "json"]);
      expect(r.status, `${command} --horizon ${value}`).toBe(2);
      expect(r.stderr).toContain("--horizon expects whole months from 1 to 120");
    }
  });

  it("score accepts --horizon 12", () => {
    const r = runCli(["score", ACME, "--horizon", "12", "--format", "json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).horizonMonths).toBe(12);
  });
});

describe("wholeNumber", () => {
  it("accepts plain decimal digits only", () => {
    const parse = wholeNumber("--movers");
    expect(parse("0")).toBe(0);
    expect(parse("10")).toBe(10);
    for (const value of ["0x10", "1e1", "", " ", "-1", "1.5"]) {
      expect(() => parse(value), value).toThrow(UsageError);
    }
  });
});

describe("the -o extension chooses the format", () => {
  const FORMATS = ["md", "pdf", "json"];
  it.each([
    [{ format: "md", explicit: false, output: "report.pdf" }, "pdf"],
    [{ format: "md", explicit: false, output: "out/REPORT.PDF" }, "pdf"],
    [{ format: "md", explicit: false, output: "report.markdown" }, "md"],
    [{ format: "md", explicit: false, output: "report.txt" }, "md"],
    [{ format: "md", explicit: false, output: "-" }, "md"],
    [{ format: "md", explicit: false }, "md"],
    [{ format: "json", explicit: true, output: "report.json" }, "json"],
    [{ format: "json", explicit: true, output: "report.txt" }, "json"],
    [{ format: "pdf", explicit: true }, "pdf"],
  ])("%j → %s", (given, expected) => {
    expect(resolveFormat(given, FORMATS)).toBe(expected);
  });

  it("refuses --format that contradicts the extension", () => {
    expect(() =>
      resolveFormat({ format: "md", explicit: true, output: "report.pdf" }, FORMATS),
    ).toThrow(/--format md contradicts -o report\.pdf, whose extension means pdf/);
  });

  it("writes a PDF for `report -o report.pdf` and exits 2 for `--format md -o report.pdf`", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-format-"));
    const out = path.join(dir, "report.pdf");
    const r = runCli(["report", ACME, "-o", out]);
    expect(r.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const bad = runCli(["report", ACME, "--format", "md", "-o", path.join(dir, "x.pdf")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--format md contradicts -o");
    expect(existsSync(path.join(dir, "x.pdf"))).toBe(false);
    const json = runCli(["score", ACME, "-o", path.join(dir, "results.json")]);
    expect(json.status).toBe(0);
    expect(
      JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")).schemaVersion,
    ).toBeTypeOf("number");
  });
});
