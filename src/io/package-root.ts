import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The installed package's root folder (where package.json, questionnaires/ and templates/ live).
 * Found by walking up, because the code runs from src/ in tests, from dist/ after a build, and from
 * bundle chunks at different depths.
 */
export const PACKAGE_ROOT = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (
      existsSync(path.join(dir, "package.json")) &&
      existsSync(path.join(dir, "questionnaires"))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the crm-maturity package root");
    dir = parent;
  }
})();

/** A path inside the package, e.g. `fromPackageRoot("templates")`. */
export const fromPackageRoot = (...segments: string[]): string =>
  path.join(PACKAGE_ROOT, ...segments);
