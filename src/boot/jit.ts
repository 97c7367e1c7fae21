import { setFlagsFromString } from "node:v8";

/*
 * How eagerly V8 optimises: the bytecode a function runs between its checks for tiering up
 * (`--interrupt-budget`). V8's default (66 KB in Node 20's V8 11.3) suits programs that run for
 * minutes; a command lives for a second or less, and optimising early mostly spends CPU on V8's
 * background threads compiling code that has little left to run. With 4 MB only the loops that
 * carry a command reach the optimising compiler: a PDF report takes about a quarter less CPU time,
 * Markdown and the Word and PowerPoint documents less too (bench/report.bench.mjs). `batch`
 * streams for as long as its export lasts and goes back to V8's default (it is a fifth slower
 * with the larger budget).
 *
 * A V8 code cache is accepted only under the flags it was made with, so the short-run budget is
 * set before every cache is read or recorded (src/boot/code-cache.ts); changing the flag later,
 * as `batch` does, leaves code already compiled as it is.
 *
 * The flag is V8 11's (Node 20). V8 12 and later (Node 22 on) tier up by invocation counts
 * instead and print "unrecognized flag" on standard error for it, so there V8's defaults stand.
 */
const SHORT_RUN_FLAGS = "--interrupt-budget=4000000";
const LONG_RUN_FLAGS = "--interrupt-budget=67584";

/** Whether this V8 has the interrupt budget flag (V8 11, Node 20). */
const HAS_INTERRUPT_BUDGET = /^11\./.test(process.versions.v8);

/** The budget for a command of a second or less (the default of every command). */
export function tuneJitForShortRun(): void {
  if (HAS_INTERRUPT_BUDGET) setFlagsFromString(SHORT_RUN_FLAGS);
}

/** V8's own budget, for a command whose run grows with its input (`batch`). */
export function tuneJitForLongRun(): void {
  if (HAS_INTERRUPT_BUDGET) setFlagsFromString(LONG_RUN_FLAGS);
}
