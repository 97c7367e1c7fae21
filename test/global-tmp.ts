// Every test run gets one temporary root (TMPDIR for the tests and the CLI runs they start, and
// the font-facts cache folder), removed when the run ends, so repeated runs leave nothing in the
// system's temporary folder.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), "crm-tests-"));
  // Readable by others, as the system's folder is: the permission tests run the CLI as `nobody`.
  chmodSync(root, 0o755);
  const cache = path.join(root, "cache");
  // os.tmpdir() reads TMPDIR on POSIX, TEMP and TMP on Windows.
  process.env.TMPDIR = root;
  process.env.TEMP = root;
  process.env.TMP = root;
  process.env.CRM_MATURITY_CACHE_DIR = cache;
  return () => rmSync(root, { recursive: true, force: true });
}
