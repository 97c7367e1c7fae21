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
  // The keys before and after `respondents`, each written as the members of an object at the top
  // level would be: JSON.stringify indents a top-level member the same whatever its neighbours.
  const entries = Object.entries(outcome.results);
  const at = entries.findIndex(([key]) => key === "respondents");
  if (at < 0) throw new Error("batch results without a respondents key");
  const before = members(Object.fromEntries(entries.slice(0, at)));
  const after = members(Object.fromEntries(entries.slice(at + 1)));
  yield before ? `{\n${before},\n  ` : "{\n  ";
  const { roster, roleIds } = outcome;
  const cursor = roster.sorted();
  if (!cursor.next()) yield '"respondents": []';
  else {
    yield '"respondents": [';
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
  yield after ? `,\n${after}\n}\n` : "\n}\n";
}

/** The members of `value` as `JSON.stringify(…, null, 2)` writes them at the top level ("" for none). */
function members(value: object): string {
  const text = JSON.stringify(value, null, 2);
  return text === "{}" ? "" : text.slice(2, -2);
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
