import { readFileSync } from "node:fs";
import { fromPackageRoot } from "./package-root.js";

/** The tool's version, read from the package's package.json. */
export const VERSION = (
  JSON.parse(readFileSync(fromPackageRoot("package.json"), "utf8")) as { version: string }
).version;
