import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareIdBytes, Roster } from "../../src/batch/roster.js";
import { compareIds } from "../../src/scoring/numbers.js";

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
// Whole code points only: decoded CSV text never holds lone surrogates.
const idChars = fc.constantFrom(...Array.from("aZ_-.09123R中é😀~"));
const id = fc.array(idChars, { maxLength: 10 }).map((a) => a.join(""));

describe("Roster", () => {
  it("compares ids exactly as compareIds does", () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        const ba = Buffer.from(a, "utf8");
        const bb = Buffer.from(b, "utf8");
        expect(sign(compareIdBytes(ba, 0, ba.length, bb, 0, bb.length))).toBe(
          sign(compareIds(a, b)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("orders entries as compareIds orders their ids, whatever the prefix", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "R_", "x1", "ab", "中"),
        fc.uniqueArray(id, { maxLength: 60 }),
        (prefix, ids) => {
          const r = new Roster();
          ids.forEach((x, i) => {
            expect(r.add(prefix + x, i + 2, 0)).toBe(-1);
          });
          const got = [...r.sortedEntries()].map((e) => r.id(e));
          expect(got).toEqual(ids.map((x) => prefix + x).sort(compareIds));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("finds duplicates exactly, returning the first row, across growth", () => {
    const r = new Roster();
    for (let i = 0; i < 200_000; i++) expect(r.add(`id-${i}`, i + 2, i % 4)).toBe(-1);
    expect(r.size).toBe(200_000);
    expect(r.add("id-0", 9, 0)).toBe(2);
    expect(r.add("id-199999", 9, 0)).toBe(200_001);
    expect(r.add("id-200000", 9, 0)).toBe(-1);
    expect(r.id(12_345)).toBe("id-12345");
    expect(r.role(7)).toBe(3);
    expect(r.row(7)).toBe(9);
    // Already ordered ids keep their order without a sort.
    const order = r.sortedEntries();
    expect(order[0]).toBe(0);
    expect(r.id(order[1] as number)).toBe("id-1");
  });
});
