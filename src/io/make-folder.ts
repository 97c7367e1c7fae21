import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Creates the folder `dir` and its missing parents, one `mkdir` each, as `mkdir -p` does. Not
 * `mkdirSync(dir, { recursive: true })`: Node 20's retries forever when mkdir answers "no such
 * file" under a parent that exists (a folder under /proc, some FUSE file systems), and Node 22's
 * returns there without creating anything. A file in the way throws (EEXIST or ENOTDIR).
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  while (!existsSync(d) && path.dirname(d) !== d) {
    missing.push(d);
    d = path.dirname(d);
  }
  // mkdir on a file throws EEXIST, as the recursive mkdir does.
  if (missing.length === 0 && !statSync(d).isDirectory()) mkdirSync(d);
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      // Made meanwhile by another process: fine if it is a folder.
      const made = (err as NodeJS.ErrnoException).code === "EEXIST";
      if (!made || !statSync(folder).isDirectory()) throw err;
    }
  }
}
