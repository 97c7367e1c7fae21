import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validatePaths } from "../../../src/app/validate-files.js";
import { REPO } from "../../helpers/cli.js";

const PACK = path.join(REPO, "questionnaires/crm-maturity");
const HOLD = "        holdWeeks: 4\n        holdCriterion: 1\n";

const MINI = path.join(REPO, "test/fixtures/validate/valid");

/**
 * A copy of the mini fixture pack, edited; its findings. `phases`: the lines after each phase's
 * goal; `recommendations`: lines appended to the dimension's recommendations.
 */
function validateMini(o: {
  hold: { phase: "rigidify" | "optimise" | "solidify"; weeks: number };
  rollout?: string;
  firstPhase?: string;
}) {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-holds-mini-"));
  cpSync(MINI, dir, { recursive: true });
  const root = path.join(dir, "questionnaire.yaml");
  let yaml = readFileSync(root, "utf8");
  const goal: Record<string, string> = {
    rigidify: "        goal: { en: Adopt., zh-CN: 引入。 }\n",
    optimise: "      optimise: { goal: { en: Adapt., zh-CN: 调整。 } }\n",
    solidify: "      solidify: { goal: { en: Fix., zh-CN: 固化。 } }\n",
  };
  const line = goal[o.hold.phase] ?? "";
  if (!yaml.includes(line)) throw new Error("the mini fixture changed");
  yaml = yaml.replace(
    line,
    o.hold.phase === "rigidify"
      ? `${line}        holdWeeks: ${o.hold.weeks}\n`
      : line.replace(/\}\s*\}\n$/, `}, holdWeeks: ${o.hold.weeks} }\n`),
  );
  if (o.firstPhase)
    yaml = yaml.replace(
      "    verdict: not-ready\n",
      `    verdict: not-ready\n    firstPhase: [${o.firstPhase}]\n`,
    );
  writeFileSync(root, yaml);
  if (o.rollout) {
    const dim = path.join(dir, "dimensions/lead.yaml");
    writeFileSync(dim, readFileSync(dim, "utf8") + o.rollout);
  }
  const lineOf = (needle: string) => yaml.slice(0, yaml.indexOf(needle)).split("\n").length;
  return { issues: validatePaths([dir], dir).issues, lineOf };
}

/** A go-live recommendation of the mini pack, in `phase`, taking `weeks`, after `dependsOn`. */
const golive = (phase: string, weeks: number, dependsOn: string[] = []) => `  - id: lead.golive
    phase: ${phase}
    appliesBelow: 4
    title: { en: Go live, zh-CN: 上线 }
    actions: [{ en: Go live., zh-CN: 上线。 }]
    owner: executive
    weeks: ${weeks}
    rollout: true
    kpis: [{ en: Units live, zh-CN: 已上线单位 }]
    dependsOn: [${dependsOn.join(", ")}]
`;

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

  it("warns, located, about a hold on a phase no rollout can run in", () => {
    // The bundled pack's rollouts run in rigidify and optimise: none in solidify.
    const { issues, lineOf } = validateWith("        holdCriterion: 1\n", (yaml) =>
      yaml.replace(
        /(\n {6}solidify:\n(?: {8}.*\n| {10}.*\n)*?)( {8}exitCriteria:)/,
        "$1        holdWeeks: 4\n$2",
      ),
    );
    expect(issues.map((i) => [i.code, i.severity, i.file, i.start.line, i.start.column])).toEqual([
      ["hold-without-rollout", "warning", "questionnaire.yaml", lineOf("holdWeeks: 4"), 20],
    ]);
    expect(issues[0]?.message).toBe(
      "expected a hold only on a phase a `rollout` recommendation can run in; found holdWeeks: 4 on solidify, where no rollout ever runs (none is in solidify, pushed there by a dependency or pulled there by a readiness rule), so the hold never applies",
    );
  });

  it("counts a rollout a dependency pushes into the phase, or a readiness rule pulls into the first", () => {
    const codes = (o: Parameters<typeof validateMini>[0]) =>
      validateMini(o).issues.map((i) => i.code);
    expect(codes({ hold: { phase: "solidify", weeks: 4 } })).toEqual(["hold-without-rollout"]);
    expect(
      codes({ hold: { phase: "solidify", weeks: 4 }, rollout: golive("rigidify", 2) }),
    ).toEqual(["hold-without-rollout"]);
    // lead.review runs in solidify: a go-live after it runs there too.
    expect(
      codes({
        hold: { phase: "solidify", weeks: 4 },
        rollout: golive("rigidify", 2, ["lead.review"]),
      }),
    ).toEqual([]);
    expect(
      codes({ hold: { phase: "rigidify", weeks: 4 }, rollout: golive("optimise", 2) }),
    ).toEqual(["hold-without-rollout"]);
    expect(
      codes({
        hold: { phase: "rigidify", weeks: 4 },
        rollout: golive("optimise", 2),
        firstPhase: "lead.golive",
      }),
    ).toEqual([]);
  });

  it("warns, located, when the shortest rollout and the hold outrun the default horizon", () => {
    // Twelve months: 52 weeks, the last kept for the reassessment; 2 + 49 fits, 2 + 50 does not.
    expect(
      validateMini({ hold: { phase: "optimise", weeks: 49 }, rollout: golive("optimise", 2) })
        .issues,
    ).toEqual([]);
    const { issues, lineOf } = validateMini({
      hold: { phase: "optimise", weeks: 50 },
      rollout: golive("optimise", 2),
    });
    expect(issues.map((i) => [i.code, i.severity, i.start.line])).toEqual([
      ["hold-beyond-horizon", "warning", lineOf("holdWeeks: 50")],
    ]);
    expect(issues[0]?.message).toBe(
      "expected optimise's shortest rollout (2 weeks) and its hold to end within the 51 weeks a 12-month horizon leaves before the reassessment; found holdWeeks: 50, so every rollout of optimise waits for the next cycle unless the horizon is at least 13 months",
    );
  });
});
