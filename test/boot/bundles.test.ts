import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundleFor, CLI_BUNDLES } from "../../src/boot/bundles.js";

const line = (...args: string[]) => ["node", "crm-maturity", ...args];

describe("bundleFor: which CLI bundle runs a command line", () => {
  it("runs `validate` from its own bundle, with or without --debug before it", () => {
    expect(bundleFor(line("validate"))).toBe(CLI_BUNDLES.validate);
    expect(bundleFor(line("validate", "questionnaires/", "--format", "sarif"))).toBe(
      CLI_BUNDLES.validate,
    );
    expect(bundleFor(line("--debug", "validate", "--help"))).toBe(CLI_BUNDLES.validate);
  });

  it("runs help, the version, other commands and anything before `validate` from the whole CLI", () => {
    for (const args of [
      [],
      ["--help"],
      ["--help", "validate"],
      ["-h", "validate"],
      ["--version", "validate"],
      ["help", "validate"],
      ["--", "validate"],
      ["report", "validate"],
      ["validat"],
      ["Validate"],
    ]) {
      expect(bundleFor(line(...args))).toBe(CLI_BUNDLES.all);
    }
  });

  it("chooses validate's bundle exactly when the first argument other than --debug is `validate`", () => {
    const arg = fc.constantFrom("validate", "--debug", "--help", "-V", "report", "x.yaml", "--");
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), (args) => {
        const first = args.find((a) => a !== "--debug");
        expect(bundleFor(line(...args)) === CLI_BUNDLES.validate).toBe(first === "validate");
      }),
    );
  });
});
