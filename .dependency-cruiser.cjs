// Import boundaries of src/ (see ARCHITECTURE.md), checked by `npm run lint:deps` in CI.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "core/ is pure: it imports no I/O, use case, CLI, rendering, view or language code.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/(io|app|cli|render|views|i18n|batch|interview|survey|boot)/" },
    },
    {
      name: "scoring-before-analysis",
      comment:
        "Scoring computes scores; analysis (risks, readiness, roadmap) reads them. core/assessment.ts joins the two.",
      severity: "error",
      from: { path: "^src/core/scoring/" },
      to: { path: "^src/core/analysis/" },
    },
    {
      name: "only-cli-imports-cli",
      comment: "Nothing below the command line depends on it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "app-is-above-the-rest",
      comment: "Use cases call the layers below; nothing below calls a use case.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(app|cli)/" },
      to: { path: "^src/app/" },
    },
    {
      name: "no-cycles",
      comment: "No module imports itself through others.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-folder-cycles",
      comment: "No two folders of src/ import each other, directly or through others.",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "zod-through-one-module",
      comment:
        "zod is imported through src/core/zod.ts, which configures it once and which the validate bundle loads on demand (src/boot/side-bundles.ts).",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(core/zod|boot/zod-on-demand)\\.ts$" },
      to: { path: "(^|/)node_modules/zod/" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ["core"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // TypeScript 7 has no JavaScript API, so dependency-cruiser parses with swc.
    parser: "swc",
    exclude: { path: "\\.d\\.ts$" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
