import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resultsJsonChunks } from "../../src/batch/results-json.js";
import { compareIdBytes, Roster, type RosterLimits } from "../../src/batch/roster.js";
import type { BatchOutcome } from "../../src/batch/run.js";
import { SpillDir } from "../../src/batch/spill.js";
import { compareIds } from "../../src/core/math/numbers.js";
import { tmp } from "./helpers.js";

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
// Whole code points only: decoded CSV text never holds lone surrogates.
const idChars = fc.constantFrom(...Array.from("aZ_-.09123R中é😀~"));
const id = fc.array(idChars, { maxLength: 10 }).map((a) => a.join(""));
// Digit-heavy ids: leading zeros, runs of equal value, runs of 15 digits and more.
const digitId = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "0",
        "00",
        "5",
        "05",
        "50",
        "9",
        "10",
        "a",
        "b",
        "_",
        "/",
        ":",
        "\u0001",
        "é",
      ),
      fc.stringMatching(/^[0-9]{13,18}$/),
    ),
    { maxLength: 5 },
  )
  .map((a) => a.join(""));

/** The smallest limits: a chunk holds about 40 short ids, runs are read a record at a time. */
const TINY: RosterLimits = { chunkBytes: 1, readBytes: 1 };

function withRoster<T>(limits: Partial<RosterLimits>, f: (r: Roster, spill: SpillDir) => T): T {
  const folder = tmp();
  const spill = new SpillDir(folder);
  try {
    return f(new Roster(spill, limits), spill);
  } finally {
    spill.dispose();
    // Temporary files are unlinked as soon as they are open: nothing is ever left behind.
    expect(readdirSync(folder)).toEqual([]);
  }
}

function sortedIds(r: Roster): { id: string; role: number }[] {
  const out: { id: string; role: number }[] = [];
  const cursor = r.sorted();
  while (cursor.next()) out.push({ id: cursor.id, role: cursor.role });
  return out;
}

describe("Roster", () => {
  it("compares ids exactly as compareIds does", () => {
    fc.assert(
      fc.property(fc.oneof(id, digitId), fc.oneof(id, digitId), (a, b) => {
        const ba = Buffer.from(a, "utf8");
        const bb = Buffer.from(b, "utf8");
        expect(sign(compareIdBytes(ba, 0, ba.length, bb, 0, bb.length))).toBe(
          sign(compareIds(a, b)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("lists ids as compareIds orders them, whatever the prefix, in memory or merged from disk", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "R_", "x1", "ab", "中"),
        fc.oneof(
          fc.uniqueArray(id, { maxLength: 150 }),
          fc.uniqueArray(digitId, { maxLength: 150 }),
          fc.uniqueArray(fc.oneof(id, digitId), { maxLength: 150 }),
        ),
        fc.constantFrom<Partial<RosterLimits>>({}, TINY, { chunkBytes: 3000, readBytes: 100 }),
        fc.boolean(),
        (prefix, raw, limits, presorted) => {
          const ids = raw.map((x) => prefix + x);
          if (presorted) ids.sort(compareIds);
          withRoster(limits, (r) => {
            ids.forEach((x, i) => {
              expect(r.add(x, i + 2, i % 5)).toBe(-1);
            });
            const want = ids
              .map((x, i) => ({ id: x, role: i % 5 }))
              .sort((a, b) => compareIds(a.id, b.id));
            expect(sortedIds(r)).toEqual(want);
            // A second cursor reads the same.
            expect(sortedIds(r)).toEqual(want);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("is written to the results JSON exactly as JSON.stringify writes it, any id", () => {
    // Ids JSON escapes (quotes, backslashes, control characters), non-ASCII ones, and ids long
    // enough to fill the writer's 64 KiB blocks, or to need a larger one (30,000 control characters
    // take 180,000 bytes escaped).
    const escaped = fc.constantFrom('"', "\\", "\t", "\u0001", "\u001f", "\u007f", "中", "😀", "a");
    const anyId = fc.oneof(
      fc.array(fc.oneof(idChars, escaped), { minLength: 1, maxLength: 12 }).map((a) => a.join("")),
      fc
        .tuple(fc.constantFrom("x", '"', "é", "\u0001"), fc.integer({ min: 1, max: 30000 }))
        .map(([c, n]) => c.repeat(n)),
    );
    fc.assert(
      fc.property(fc.uniqueArray(anyId, { minLength: 0, maxLength: 60 }), (ids) => {
        withRoster({}, (roster) => {
          ids.forEach((x, i) => {
            expect(roster.add(x, i + 2, i % 2)).toBe(-1);
          });
          const roleIds = ["manager", "it"];
          const results = { questionnaire: { id: "q" }, respondents: [] };
          const outcome = { results, roster, roleIds, dispose() {} } as unknown as BatchOutcome;
          const text = Buffer.concat(
            [...resultsJsonChunks(outcome)].map((c) => Buffer.from(c)),
          ).toString("utf8");
          const respondents = sortedIds(roster).map((r) => ({ id: r.id, role: roleIds[r.role] }));
          expect(text).toBe(`${JSON.stringify({ ...results, respondents }, null, 2)}\n`);
          expect(respondents.map((r) => r.id).sort()).toEqual([...ids].sort());
        });
      }),
      { numRuns: 150 },
    );
  });

  it("finds duplicates exactly, naming the first row, in memory and on disk", () => {
    const N = 50_000;
    // A permutation of 0…N−1 (7919 is prime to N), so ids arrive out of order.
    const key = (i: number) => (i * 7919) % N;
    for (const limits of [{}, TINY, { chunkBytes: 64 << 10 }]) {
      withRoster(limits, (r, spill) => {
        let added = 0;
        for (let i = 0; i < N; i++) if (r.add(`id-${key(i)}`, i + 2, i % 4) === -1) added++;
        expect(added).toBe(N);
        expect(r.size).toBe(N);
        for (const i of [0, 1, 1234, N - 1]) expect(r.add(`id-${key(i)}`, 9, 0)).toBe(i + 2);
        expect(r.add(`id-${N}`, 9, 0)).toBe(-1);
        expect(r.add(`id-${N}`, 10, 0)).toBe(9);
        expect(r.size).toBe(N + 1);
        if (limits === TINY) {
          expect(spill.files).toEqual(["roster-log", "roster-runs"]);
        }
        const list = sortedIds(r);
        expect(list).toHaveLength(N + 1);
        const inverse = new Map(Array.from({ length: N }, (_, i) => [key(i), i]));
        const wrong = list.filter(
          (x, k) => x.id !== `id-${k}` || x.role !== (k === N ? 0 : (inverse.get(k) as number) % 4),
        );
        expect(wrong).toEqual([]);
      });
    }
  });

  it("keeps ids that arrive in order without sorting runs, and copes when the order breaks", () => {
    withRoster(TINY, (r, spill) => {
      for (let i = 1; i <= 5000; i++) r.add(String(i), i + 1, 0);
      expect(r.size).toBe(5000);
      expect(spill.files).toEqual(["roster-log"]);
      expect(r.add("77", 9, 0)).toBe(78);
      for (let i = 6000; i > 5000; i--) r.add(String(i), i + 1, 1);
      expect(r.size).toBe(6000);
      const list = sortedIds(r).map((x) => x.id);
      expect(list).toEqual(Array.from({ length: 6000 }, (_, i) => String(i + 1)));
    });
  });

  it("never touches the disk for a small roster", () => {
    withRoster({}, (r, spill) => {
      for (let i = 0; i < 1000; i++) r.add(`R_${(i * 7919) % 1000}x`, i + 2, 0);
      expect(spill.files).toEqual([]);
      expect(sortedIds(r)).toHaveLength(1000);
    });
  });
});
