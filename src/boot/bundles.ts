/*
 * The CLI is built as two bundles of the same program (scripts/build.mjs): every command in
 * dist/crm-maturity.cjs, and `validate` alone in dist/crm-maturity-validate.cjs, 40% of the size,
 * so that the command CI runs on every push reads, deserialises and starts less
 * (docs/validate.md). Each bundle is a whole program: nothing is shared between them at run time.
 *
 * Each runs with a V8 code cache recorded at build time by running commands: the validate bundle's
 * by `validate`; the whole CLI's has two, because a cache holds what its training compiled and
 * every command pays to read all of it: one trained by `validate` (loading a questionnaire, which
 * every command does) for most commands, and one trained by reports in Markdown and PDF for
 * `report` and `roadmap`, which run the views and renderers (docs/reports.md).
 */
export const CLI_BUNDLES = {
  all: "crm-maturity",
  validate: "crm-maturity-validate",
} as const;

export type CliBundle = (typeof CLI_BUNDLES)[keyof typeof CLI_BUNDLES];

/** The whole CLI's code cache for the commands that write documents. */
export const DOCUMENTS_CACHE = "crm-maturity-documents";

const DOCUMENT_COMMANDS: ReadonlySet<string> = new Set(["report", "roadmap"]);

/** A bundle and the code cache it runs with: the stems of their files in dist/. */
export interface BundleChoice {
  bundle: CliBundle;
  cache: string;
}

/**
 * What runs a command line (`process.argv`), decided by its command (the first argument other
 * than `--debug`): validate's bundle for `validate`; the whole CLI's for every other command line
 * (help, the version, another command, a mistyped one), so that it reads exactly as before, with
 * the documents' cache for `report` and `roadmap`.
 */
export function bundleFor(argv: readonly string[]): BundleChoice {
  const command = argv.slice(2).find((a) => a !== "--debug");
  if (command === "validate") return { bundle: CLI_BUNDLES.validate, cache: CLI_BUNDLES.validate };
  const documents = command !== undefined && DOCUMENT_COMMANDS.has(command);
  return { bundle: CLI_BUNDLES.all, cache: documents ? DOCUMENTS_CACHE : CLI_BUNDLES.all };
}
