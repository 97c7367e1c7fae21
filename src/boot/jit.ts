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
 * The flags are V8's own and change with it. V8 11 (Node 20) has one interrupt budget; V8 12 to
 * 14 (Node 22 to 26) tier up after a number of invocations scaled by the function's size, with
 * the same defaults (Maglev 400, TurboFan 3,000) throughout: raised by the same factor, about 60,
 * the Chinese PDF report took 0.83× the CPU time on Node 24 (paired runs, docs/reports.md § Speed),
 * `validate` 0.73×. Any other V8 keeps its defaults, since setting a flag it lacks prints
 * "unrecognized flag" on standard error.
 */
const INVOCATION_COUNTS = {
  shortRun: "--invocation-count-for-maglev=24000 --invocation-count-for-turbofan=180000",
  longRun: "--invocation-count-for-maglev=400 --invocation-count-for-turbofan=3000",
};
const JIT_FLAGS: Record<number, { shortRun: string; longRun: string }> = {
  11: { shortRun: "--interrupt-budget=4000000", longRun: "--interrupt-budget=67584" },
  12: INVOCATION_COUNTS,
  13: INVOCATION_COUNTS,
  14: INVOCATION_COUNTS,
};

/** The flags of this V8, if it is one of those above. */
const FLAGS = JIT_FLAGS[Number.parseInt(process.versions.v8, 10)];

/** The budget for a command of a second or less (the default of every command). */
export function tuneJitForShortRun(): void {
  if (FLAGS) setFlagsFromString(FLAGS.shortRun);
}

/** V8's own budget, for a command whose run grows with its input (`batch`). */
export function tuneJitForLongRun(): void {
  if (FLAGS) setFlagsFromString(FLAGS.longRun);
}
