import path from "node:path";
import { describe, expect, it } from "vitest";
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
