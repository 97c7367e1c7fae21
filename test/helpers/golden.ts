import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

const GOLDEN_ROOT = path.resolve(import.meta.dirname, "../golden");

/**
 * A comparer against golden files under `test/golden/<area>/`; with `UPDATE_GOLDEN=1` it rewrites
 * them instead, which is the only way goldens change.
 */
export function goldenIn(area: string): (name: string, actual: string) => void {
  const dir = path.join(GOLDEN_ROOT, area);
  return (name, actual) => {
    const file = path.join(dir, name);
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    let expected: string;
    try {
      expected = readFileSync(file, "utf8");
    } catch {
      throw new Error(`missing golden ${file}; run with UPDATE_GOLDEN=1 to create it`);
    }
    expect(actual).toBe(expected);
  };
}
