import type { AtomicOutput } from "../io/atomic-file.js";
import type { BatchOutcome } from "./run.js";

/** Bytes of roster entries gathered before they are handed on (an id adds at most 65,535). */
const BLOCK = 1 << 16;

/** Copies the few bytes of `piece` into `buf` at `at`; returns their length (Buffer#copy costs more per call). */
function put(piece: Uint8Array, buf: Buffer, at: number): number {
  for (let i = 0; i < piece.length; i++) buf[at + i] = piece[i] as number;
  return piece.length;
}

/**
 * The results JSON in exactly the text `score --format json` writes (`JSON.stringify(results,
 * null, 2)` and a newline), produced piece by piece so that a roster of a million respondents
 * is never held as one string or one array of objects. The roster's entries are written as
 * UTF-8 bytes, most ids copied from the roster's own bytes without becoming strings.
 */
export function* resultsJsonChunks(outcome: BatchOutcome): Generator<string | Buffer> {
  // Each top-level member on its own: JSON.stringify indents a top-level member the same whatever
  // its neighbours. Apart, a member with Chinese text (the questionnaire's titles) makes only its
  // own text two-byte: V8 builds the rest of a string two-byte from the first such character on,
  // and encodes two-byte text to UTF-8 several times slower (the statistics run to megabytes).
  let first = true;
  for (const [key, value] of Object.entries(outcome.results)) {
    const text = key === "respondents" ? undefined : member(key, value);
    if (text === "") continue;
    yield first ? "{\n" : ",\n";
    first = false;
    if (text === undefined) yield* rosterChunks(outcome);
    else yield text;
  }
  yield first ? "{}\n" : "\n}\n";
}

/** A top-level member as `JSON.stringify(…, null, 2)` writes it ("" when it writes none). */
function member(key: string, value: unknown): string {
  const text = JSON.stringify({ [key]: value }, null, 2);
  return text === "{}" ? "" : text.slice(2, -2);
}

/** The `respondents` member from the roster, in id order. */
function* rosterChunks(outcome: BatchOutcome): Generator<string | Buffer> {
  const { roster, roleIds } = outcome;
  const cursor = roster.sorted();
  if (!cursor.next()) {
    yield '  "respondents": []';
    return;
  }
  yield '  "respondents": [';
  const open = Buffer.from('\n    {\n      "id": ');
  const next = Buffer.from(',\n    {\n      "id": ');
  const roles = roleIds.map((r) => Buffer.from(`,\n      "role": ${JSON.stringify(r)}\n    }`));
  // Room for the block and one more entry whose id is copied (at most 65,535 bytes). The
  // buffer is reused; each block handed on is a copy of its filled part.
  const rest = open.length + Math.max(...roles.map((r) => r.length)) + 2;
  let buf = Buffer.allocUnsafe(BLOCK + 0x10000 + rest);
  let p = 0;
  let first = true;
  do {
    p += put(first ? open : next, buf, p);
    first = false;
    buf[p] = 0x22; // "
    const copied = cursor.copyPlainId(buf, p + 1);
    if (copied >= 0) {
      p += 1 + copied;
      buf[p++] = 0x22;
    } else {
      // An id JSON escapes: up to six bytes a character, so it may need a block of its own.
      const id = Buffer.from(JSON.stringify(cursor.id), "utf8");
      if (p + id.length + rest > buf.length) {
        yield Buffer.from(buf.subarray(0, p));
        if (id.length + rest > buf.length) buf = Buffer.allocUnsafe(id.length + rest);
        p = 0;
      }
      p += id.copy(buf, p);
    }
    p += put(roles[cursor.role] as Buffer, buf, p);
    if (p > BLOCK) {
      yield Buffer.from(buf.subarray(0, p));
      p = 0;
    }
  } while (cursor.next());
  yield Buffer.from(buf.subarray(0, p));
  yield "\n  ]";
}

/**
 * Writes the results JSON to an output opened before the run (its caller commits it); the run's
 * temporary files are removed either way.
 */
export async function writeResultsJson(outcome: BatchOutcome, out: AtomicOutput): Promise<void> {
  try {
    for (const chunk of resultsJsonChunks(outcome)) await out.write(chunk);
  } finally {
    outcome.dispose();
  }
}
