import { readFileSync } from "node:fs";

/** The tool's version, read from package.json next to dist/. */
export const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;
