/*
 * The CLI is built as two bundles of the same program, each with its own V8 code cache
 * (scripts/build.mjs): every command in dist/crm-maturity.cjs, and `validate` alone in
 * dist/crm-maturity-validate.cjs, half the size, so that the command CI runs on every push reads,
 * deserialises and starts less (docs/validate.md). Each bundle is a whole program: nothing is shared
 * between them at run time.
 */
export const CLI_BUNDLES = {
  all: "crm-maturity",
  validate: "crm-maturity-validate",
} as const;

export type CliBundle = (typeof CLI_BUNDLES)[keyof typeof CLI_BUNDLES];

/**
 * The bundle that runs a command line (`process.argv`): validate's own when the command is
 * `validate` with nothing before it but `--debug`; every other command line (help, the version,
 * another command, a mistyped one) the whole CLI's, so that it reads exactly as before.
 */
export function bundleFor(argv: readonly string[]): CliBundle {
  const args = argv.slice(2);
  const command = args.find((a) => a !== "--debug");
  return command === "validate" ? CLI_BUNDLES.validate : CLI_BUNDLES.all;
}
