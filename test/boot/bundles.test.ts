import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundleFor, CLI_BUNDLES, DOCUMENTS_CACHE } from "../../src/boot/bundles.js";

const line = (...args: string[]) => ["node", "crm-maturity", ...args];

describe("bundleFor: which CLI bundle runs a command line", () => {
  it("runs `validate` from its own bundle, with or without --debug before it", () => {
    const own = { bundle: CLI_BUNDLES.validate, cache: CLI_BUNDLES.validate };
    expect(bundleFor(line("validate"))).toEqual(own);
    expect(bundleFor(line("validate", "questionnaires/", "--format", "sarif"))).toEqual(own);
    expect(bundleFor(line("--debug", "validate", "--help"))).toEqual(own);
  });

  it("runs help, the version, other commands and anything before `validate` from the whole CLI, general cache", () => {
    for (const args of [
      [],
      ["--help"],
      ["--help", "validate"],
      ["-h", "validate"],
      ["--version", "validate"],
      ["help", "validate"],
      ["--", "validate"],
      ["score", "validate"],
      ["validat"],
      ["Validate"],
    ]) {
      expect(bundleFor(line(...args))).toEqual({ bundle: CLI_BUNDLES.all, cache: CLI_BUNDLES.all });
    }
  });

  it("runs `report` and `roadmap` from the whole CLI's bundle with the documents' cache", () => {
    for (const args of [
      ["report", "a.yaml"],
      ["--debug", "roadmap", "--help"],
    ]) {
      expect(bundleFor(line(...args))).toEqual({ bundle: CLI_BUNDLES.all, cache: DOCUMENTS_CACHE });
    }
  });

  it("chooses validate's bundle exactly when the first argument other than --debug is `validate`", () => {
    const arg = fc.constantFrom("validate", "--debug", "--help", "-V", "report", "x.yaml", "--");
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), (args) => {
        const first = args.find((a) => a !== "--debug");
        expect(bundleFor(line(...args)).bundle === CLI_BUNDLES.validate).toBe(first === "validate");
      }),
    );
  });
});
