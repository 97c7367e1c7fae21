// The limits of the readers, in one place (docs/safety.md lists them). Each is refused with a
// located message, never a crash, a hang or unbounded memory.

/** The largest file read whole (questionnaire, answers, targets, results, mapping, template, font). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Alias expansions allowed in one YAML document before it counts as a "billion laughs" bomb. */
export const MAX_ALIAS_COUNT = 1000;

/** Bytes that aliases may add to a YAML document by expansion (a large anchor aliased often). */
export const MAX_ALIAS_BYTES = 16 * 1024 * 1024;

/** How deep includes may nest below a questionnaire root. */
export const MAX_INCLUDE_DEPTH = 32;
