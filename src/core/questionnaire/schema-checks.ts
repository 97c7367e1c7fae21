/**
 * Yes-or-no checks of the questionnaire file formats, compiled ahead of time from the zod schemas'
 * JSON Schemas. The build generates them (scripts/lib/schema-checks.mjs) and puts them in place of
 * this module in dist/; running from source, as the unit tests do, there are none.
 *
 * Why: every command loads a questionnaire (`validate` on every CI push), and compiled checks are
 * several times faster than zod's parse on cold code, without building zod's schemas at all. zod
 * stays the one definition of the format: a check that passes fills in the defaults in place, as
 * zod's parse would; one that fails says nothing more, and zod then runs to find and explain the
 * problem. A property test holds both to the same findings.
 */
export interface SchemaChecks {
  root(value: unknown): boolean;
  dimension(value: unknown): boolean;
  profiles(value: unknown): boolean;
}

export const schemaChecks: SchemaChecks | undefined = undefined;
