import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { validatePaths } from "../../../src/app/validate-files.js";
import { questionnaireSchemas } from "../../../src/core/questionnaire/schema.js";
import type { SchemaChecks } from "../../../src/core/questionnaire/schema-checks.js";
import { REPO } from "../../helpers/cli.js";

// The checks the build generated and put into dist/ (npm test builds first).
const CHECKS_FILE = path.join(REPO, ".build/schema-checks.cjs");
if (!existsSync(CHECKS_FILE)) throw new Error(`${CHECKS_FILE} is missing: run npm run build`);
const checks = createRequire(import.meta.url)(CHECKS_FILE) as SchemaChecks;

const PACK = path.join(REPO, "questionnaires/crm-maturity");
const load = (file: string): unknown =>
  jsYaml.load(readFileSync(path.join(PACK, file), "utf8"), { schema: jsYaml.CORE_SCHEMA });
const ROOT = load("questionnaire.yaml");
const PROFILES = load("profiles.yaml");
const { dimension, profilesFile, questionnaireRoot } = questionnaireSchemas();
const DIMENSIONS = readdirSync(path.join(PACK, "dimensions"))
  .sort()
  .map((f) => load(`dimensions/${f}`));

type Json = unknown;
type Path = Array<string | number>;

/** Every path to a value inside `value`, the root included. */
function pathsOf(value: Json, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(...pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]));
    }
  }
  return out;
}

/** Values an author could write in YAML, biased towards the ones the formats use. */
const yamlValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, 1, 3, 5, 6, 0.5, -1, 1.5, 10_001, Number.NaN),
  fc.constantFrom(Number.POSITIVE_INFINITY, 2 ** 53, "", "x", "en", "zh-CN", "EN", "lead"),
  fc.constantFrom("rigidify", "high", "process", "level", "likert", "executive", "lead.ceo"),
  fc.string({ maxLength: 6 }),
  fc.double(),
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom([], {}, ["x"], [1], { en: "x" }, { en: "" }, { "zh-cn": "x" }),
);

/** Edge values of the same type as the value they replace, where the formats draw their lines. */
const twist = fc.record({
  number: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 6),
  numberMore: fc.constantFrom(-1, 0.5, 1.5, 10_001, 2 ** 53, -0),
  // "😀" is one code point in two UTF-16 units: the checks count units (scripts/lib/schema-checks.mjs).
  string: fc.constantFrom("", " ", "X", "a b", "zh-CN", "lead.", "1", "😀"),
});

/** One structural edit: delete a key or item, replace a value, twist it, or add a key. */
const edit = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom("delete", "replace", "twist", "add-key"),
  value: yamlValue,
  twist,
  key: fc.constantFrom("extra", "id", "weight", "help", "dependsOn", "levels", "en", "7"),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function twisted(current: Json, e: Edit): Json {
  if (typeof current === "number") return e.pick % 2 ? e.twist.number : e.twist.numberMore;
  if (typeof current === "string") return e.twist.string;
  return e.value;
}

function applyEdit(value: Json, e: Edit): Json {
  // Twists go to a scalar, where the type checks and bounds are.
  const all = pathsOf(value);
  const scalars = all.filter((p) => {
    const v = p.reduce<Json>((x, k) => (x as Record<string, Json>)[k], value);
    return typeof v === "number" || typeof v === "string";
  });
  const paths = e.kind === "twist" && scalars.length ? scalars : all;
  const at = paths[e.pick % paths.length] ?? [];
  if (at.length === 0) return e.kind === "replace" ? e.value : value;
  const parent = at.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k], value);
  const key = at.at(-1) as string | number;
  const container = parent as Record<string | number, Json>;
  if (e.kind === "delete") {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
  } else if (e.kind === "replace") container[key] = e.value;
  else if (e.kind === "twist") container[key] = twisted(container[key], e);
  else if (container[key] && typeof container[key] === "object" && !Array.isArray(container[key])) {
    (container[key] as Record<string, Json>)[e.key] = e.value;
  }
  return value;
}

describe("precompiled schema checks agree with zod", () => {
  const cases = [
    {
      name: "questionnaire root",
      schema: questionnaireRoot,
      check: checks.root,
      // With a dimension declared inline too, which the root's check hands to the dimension's.
      values: [ROOT, { ...(ROOT as object), dimensions: [DIMENSIONS[0]] }],
    },
    { name: "dimension", schema: dimension, check: checks.dimension, values: DIMENSIONS },
    { name: "profiles file", schema: profilesFile, check: checks.profiles, values: [PROFILES] },
  ];
  for (const { name, schema, check, values } of cases) {
    it(`pass and fill in defaults as zod does on the bundled pack (${name})`, () => {
      for (const value of values) {
        const copy = structuredClone(value);
        expect(check(copy)).toBe(true);
        expect(copy).toEqual(schema.parse(value));
      }
    });

    it(`accept exactly what zod accepts, with the same defaults, after random edits (${name})`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(
          fc.nat({ max: values.length - 1 }),
          fc.array(edit, { minLength: 1, maxLength: 3 }),
          (which, edits) => {
            let value = structuredClone(values[which]);
            for (const e of edits) value = applyEdit(value, e);
            const byZod = schema.safeParse(structuredClone(value));
            const copy = structuredClone(value);
            expect(check(copy)).toBe(byZod.success);
            if (byZod.success) expect(copy).toEqual(byZod.data);
            if (byZod.success) accepted++;
          },
        ),
        { numRuns: 400 },
      );
      // Both answers must come up often, or the agreement says little.
      expect(accepted).toBeGreaterThan(40);
      expect(accepted).toBeLessThan(360);
    });
  }

  it("leave validate's findings unchanged on randomly edited files", () => {
    const files = readdirSync(path.join(PACK, "dimensions")).sort();
    fc.assert(
      fc.property(
        fc.nat({ max: files.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          const dir = mkdtempSync(path.join(tmpdir(), "crm-checks-"));
          cpSync(PACK, dir, { recursive: true });
          const file = path.join(dir, "dimensions", files[which] ?? "");
          let value = load(`dimensions/${files[which]}`);
          for (const e of edits) value = applyEdit(value, e);
          writeFileSync(file, jsYaml.dump(value, { lineWidth: -1 }));
          const withChecks = validatePaths([dir], dir, checks);
          const zodOnly = validatePaths([dir], dir, null);
          expect(withChecks).toEqual(zodOnly);
        },
      ),
      { numRuns: 60 },
    );
  });
});
