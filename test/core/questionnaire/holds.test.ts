import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validatePaths } from "../../../src/app/validate-files.js";
import { REPO } from "../../helpers/cli.js";

const PACK = path.join(REPO, "questionnaires/crm-maturity");
const HOLD = "        holdWeeks: 4\n        holdCriterion: 1\n";

/** A copy of the bundled pack with rigidify's hold lines replaced by `lines`; its findings. */
function validateWith(lines: string, edit: (yaml: string) => string = (y) => y) {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-holds-"));
  cpSync(PACK, dir, { recursive: true });
  const file = path.join(dir, "questionnaire.yaml");
  const yaml = readFileSync(file, "utf8");
  if (!yaml.includes(HOLD)) throw new Error("the bundled pack holds rigidify four weeks");
  const next = edit(yaml.replace(HOLD, lines));
  writeFileSync(file, next);
  const lineOf = (needle: string) => next.slice(0, next.indexOf(needle)).split("\n").length;
  return { issues: validatePaths([dir], dir).issues, lineOf };
}

describe("validate checks the phases' holds", () => {
  it("passes the bundled pack's hold", () => {
    expect(validateWith(HOLD).issues).toEqual([]);
  });

  it("locates a hold criterion beyond the phase's exit criteria", () => {
    const { issues, lineOf } = validateWith("        holdWeeks: 4\n        holdCriterion: 4\n");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "unresolved-reference",
      severity: "error",
      file: "questionnaire.yaml",
      start: { line: lineOf("holdCriterion: 4"), column: 24 },
    });
    expect(issues[0]?.message).toBe(
      "expected the number of one of rigidify's exit criteria (1 to 3) as the criterion its hold belongs to; found 4",
    );
  });
});
