import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The tests' caches (font facts, src/io/font-facts.ts) go to a fresh folder, not the user's.
    env: { CRM_MATURITY_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), "crm-test-cache-")) },
  },
});
