import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One temporary root per run (TMPDIR and the font-facts cache, not the user's), removed at the end.
    globalSetup: ["test/global-tmp.ts"],
  },
});
