import { randomBytes } from "node:crypto";
import type { AtomicOutput } from "../io/atomic-file.js";
import type { BatchOutcome } from "./run.js";

/** Whether JSON.stringify would write `s` between quotes unchanged (most ids). */
function plain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * The results JSON in exactly the text `score --format json` writes (`JSON.stringify(results,
 * null, 2)` and a newline), produced piece by piece so that a roster of a million respondents
 * is never held as one string or one array of objects.
 */
export function* resultsJsonChunks(outcome: BatchOutcome): Generator<string> {
  const token = `roster-${randomBytes(12).toString("hex")}`;
  const text = `${JSON.stringify({ ...outcome.results, respondents: token }, null, 2)}\n`;
  const marker = `"respondents": "${token}"`;
  const at = text.indexOf(marker);
  yield text.slice(0, at);
  const { roster, roleIds } = outcome;
  const cursor = roster.sorted();
  const roles = roleIds.map((r) => JSON.stringify(r));
  if (!cursor.next()) yield '"respondents": []';
  else {
    yield '"respondents": [';
    let buf = "";
    let first = true;
    do {
      const raw = cursor.id;
      const id = plain(raw) ? `"${raw}"` : JSON.stringify(raw);
      const role = roles[cursor.role];
      buf += `${first ? "" : ","}\n    {\n      "id": ${id},\n      "role": ${role}\n    }`;
      first = false;
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    } while (cursor.next());
    yield `${buf}\n  ]`;
  }
  yield text.slice(at + marker.length);
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
