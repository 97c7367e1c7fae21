import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRegularInput } from "../../src/io/inputs.js";

describe("readRegularInput", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-inputs-"));
  // Over two read blocks (1 MB), with every byte value, so that ranges cross block boundaries.
  const bytes = Buffer.alloc(2.5 * 1024 * 1024 + 17);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  const file = path.join(dir, "data.bin");
  writeFileSync(file, bytes);

  it("reads a small file whole and hands a large one out as a source", () => {
    expect(readRegularInput(file, "data.bin", bytes.length)).toEqual({ bytes });
    const read = readRegularInput(file, "data.bin", 1024);
    expect("source" in read && read.source.size).toBe(bytes.length);
  });

  it("gives the file's bytes for any range, in any order, clamped to the file", () => {
    const read = readRegularInput(file, "data.bin", 0);
    if (!("source" in read)) throw new Error("expected a source");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(bytes.length + 10), fc.nat(2 * 1024 * 1024)), {
          minLength: 1,
          maxLength: 6,
        }),
        (ranges) => {
          for (const [start, length] of ranges) {
            const got = Buffer.from(read.source.read(start, start + length));
            expect(got.equals(bytes.subarray(start, start + length))).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("gives nothing for a range past the end after a read there, not the last block's bytes", () => {
    // Found by the property above (seed -1145638939): an empty read past the end left the block
    // starting there, and the next range past the end was cut from it with a negative end.
    const read = readRegularInput(file, "data.bin", 0);
    if (!("source" in read)) throw new Error("expected a source");
    expect(read.source.read(440_918, 2_527_167).length).toBe(2_086_249);
    expect(read.source.read(bytes.length + 2, bytes.length + 100).length).toBe(0);
    expect(read.source.read(bytes.length + 9, bytes.length + 300_000).length).toBe(0);
    expect(read.source.read(100, 50).length).toBe(0);
  });

  it("refuses what is not a regular file, as readRegularFile does", () => {
    expect(readRegularInput(dir, "dir", 0)).toMatchObject({ problem: "folder" });
    expect(readRegularInput(path.join(dir, "none"), "none", 0)).toMatchObject({
      problem: "missing",
    });
  });
});
