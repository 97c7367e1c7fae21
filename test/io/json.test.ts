import { describe, expect, it } from "vitest";
import { isRosterEntry } from "../../src/core/models/results.js";
import { type JsonTrim, parseJsonSource, STREAM_JSON_BYTES } from "../../src/io/json.js";

const TRIM: JsonTrim = { key: "respondents", keep: 3, check: isRosterEntry };

/** A results-like document with `n` roster entries, padded past the streaming size when asked. */
function roster(n: number, opts: { pad?: number; bad?: number } = {}): Buffer {
  const respondents = Array.from({ length: n }, (_, i) =>
    i === opts.bad ? { id: i, role: "frontline" } : { id: `r${i}`, role: "frontline" },
  );
  const doc = { schemaVersion: 2, respondents, after: { note: "x".repeat(opts.pad ?? 0) } };
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`);
}

const parse = (bytes: Buffer, trim: JsonTrim | null = TRIM) =>
  parseJsonSource(bytes, "/x/results.json", "results.json", trim ?? undefined);

describe("parseJsonSource", () => {
  for (const [name, pad] of [
    ["JSON.parse", 0],
    ["the streaming parse", STREAM_JSON_BYTES + 1],
  ] as const) {
    it(`keeps the first items of the trimmed array and counts them all (${name})`, () => {
      const bytes = roster(10, { pad });
      expect(bytes.length > STREAM_JSON_BYTES).toBe(pad > 0);
      const { file, issues, trimmed } = parse(bytes);
      expect(issues).toEqual([]);
      const value = file?.value as { respondents: unknown[]; after: { note: string } };
      expect(value.respondents).toEqual([
        { id: "r0", role: "frontline" },
        { id: "r1", role: "frontline" },
        { id: "r2", role: "frontline" },
      ]);
      expect(value.after.note.length).toBe(pad);
      expect(trimmed).toEqual({ total: 10 });
    });

    it(`reports the first roster entry that fails the check (${name})`, () => {
      expect(parse(roster(10, { pad, bad: 7 })).trimmed).toEqual({ total: 10, firstBad: 7 });
    });

    it(`locates a path in the text (${name})`, () => {
      const { file } = parse(roster(10, { pad }));
      // Line 1 "{", 2 "schemaVersion", 3 "respondents": [, 4 "{", 5 "id": "r0", …: 4 lines each.
      expect(file?.locate(["respondents", 2, "role"]).start).toEqual({ line: 14, column: 15 });
      expect(file?.locate(["respondents", 99]).start).toEqual({ line: 3, column: 18 });
    });
  }

  it("leaves the value whole without a trim", () => {
    const { file, trimmed } = parse(roster(5), null);
    expect((file?.value as { respondents?: unknown[] } | undefined)?.respondents).toHaveLength(5);
    expect(trimmed).toBeUndefined();
  });

  it("locates a syntax error at its line and column, saying what it found", () => {
    const { file, issues } = parse(Buffer.from('{\n  "a": 1,\n  "b": tru\n}\n'));
    expect(file).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "yaml-syntax",
      file: "results.json",
      start: { line: 3, column: 11 },
    });
    expect(issues[0]?.message).toBe("expected valid JSON; found an unexpected line break");
  });

  it("locates a misplaced token and a truncated file", () => {
    const misplaced = parse(Buffer.from('{\n  "a": 1\n  "b": 2\n}\n')).issues[0];
    expect(misplaced?.start.line).toBe(3);
    expect(misplaced?.message).toContain('"b"');
    const truncated = parse(Buffer.from('{\n  "a": [1, 2')).issues[0];
    expect(truncated?.message).toContain("end of the file");
    expect(truncated?.start.line).toBe(2);
  });

  it("locates a syntax error in a file large enough to stream", () => {
    const good = roster(3, { pad: STREAM_JSON_BYTES + 1 }).toString();
    const bytes = Buffer.from(
      good.replace('"role": "frontline"\n    }\n  ]', '"role": "frontline"\n    }\n  }'),
    );
    const { issues } = parse(bytes);
    expect(issues[0]?.code).toBe("yaml-syntax");
    // Line 16 closes the roster with "}" instead of "]".
    expect(issues[0]?.start.line).toBe(16);
    expect(issues[0]?.message).toContain('"}"');
  });
});
