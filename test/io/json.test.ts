import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRosterEntry, PLAIN_ROSTER_ENTRY } from "../../src/core/models/results-facts.js";
import { memorySource } from "../../src/io/inputs.js";
import {
  type JsonTrim,
  parseChunkedJson,
  parseJsonSource,
  STREAM_JSON_BYTES,
} from "../../src/io/json.js";

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
    ["the chunked parse", STREAM_JSON_BYTES + 1],
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

  it("hands a large file the chunked parse does not take to the streaming parse", () => {
    // Items that are not objects: no slice ending at "}" holds them, so the scan gives up.
    const doc = {
      schemaVersion: 2,
      respondents: [1, 2, 3, 4],
      after: "x".repeat(STREAM_JSON_BYTES),
    };
    const bytes = Buffer.from(JSON.stringify(doc, null, 2));
    expect(parseChunkedJson(memorySource(bytes), "/x", "x", TRIM)).toBeUndefined();
    const { file, issues, trimmed } = parse(bytes);
    expect(issues).toEqual([]);
    expect((file?.value as { respondents?: unknown[] } | undefined)?.respondents).toEqual([
      1, 2, 3,
    ]);
    expect(trimmed).toEqual({ total: 4, firstBad: 0 });
  });

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

describe("parseChunkedJson (large results read a chunk at a time)", () => {
  const PLAIN: JsonTrim = { ...TRIM, plainItem: PLAIN_ROSTER_ENTRY };
  const whole = (text: string, trim: JsonTrim) => {
    const value = JSON.parse(text) as Record<string, unknown>;
    const list = value[trim.key] as unknown[];
    const firstBad = list.findIndex((item) => !trim.check(item));
    return {
      value: { ...value, [trim.key]: list.slice(0, trim.keep) },
      trimmed: { total: list.length, ...(firstBad >= 0 ? { firstBad } : {}) },
    };
  };
  const chunked = (text: string, trim: JsonTrim, readBytes: number) => {
    const r = parseChunkedJson(
      memorySource(Buffer.from(text)),
      "/x/r.json",
      "r.json",
      trim,
      readBytes,
    );
    return r && { value: r.file.value, trimmed: r.trimmed };
  };
  // Roster entries as written, odd ones (escapes, names, other key orders, nested objects, "}" in
  // strings) and a few that are not entries at all.
  const entry = fc.oneof(
    fc.record({ id: fc.string(), role: fc.string() }),
    fc.record({ id: fc.string(), role: fc.string(), name: fc.string() }),
    fc.record({ role: fc.string(), id: fc.string() }),
    fc.record({ id: fc.constantFrom("a}", "}, {", '"}"'), role: fc.string() }),
    fc.record({ id: fc.string(), role: fc.string(), extra: fc.jsonValue() }),
    fc.jsonValue(),
  );
  const doc = fc.record({
    before: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
    respondents: fc.array(entry, { maxLength: 12 }),
    after: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
    indent: fc.constantFrom(0, 2, "\t"),
  });
  const write = (d: {
    before: Record<string, unknown>;
    respondents: unknown[];
    after: Record<string, unknown>;
    indent: number | string;
  }) => {
    const before = Object.fromEntries(
      Object.entries(d.before).filter(([k]) => k !== "respondents"),
    );
    const after = Object.fromEntries(Object.entries(d.after).filter(([k]) => k !== "respondents"));
    return `${JSON.stringify({ ...before, respondents: d.respondents, ...after }, null, d.indent)}\n`;
  };

  it("gives what JSON.parse of the whole file gives, at any chunk size", () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 300 }), fc.boolean(), (d, readBytes, plain) => {
        const trim = plain ? PLAIN : TRIM;
        const json = write(d);
        const got = chunked(json, trim, readBytes);
        // The scan may hand a file it cannot take to the streaming parse; when it answers, it is right.
        if (got) expect(got).toEqual(whole(json, trim));
      }),
      { numRuns: 400 },
    );
  });

  it("answers for the files results writers produce", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), role: fc.string() }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 200 }),
        (respondents, readBytes) => {
          const json = write({
            before: { schemaVersion: 2 },
            respondents,
            after: { n: 1 },
            indent: 2,
          });
          expect(chunked(json, PLAIN, readBytes)).toEqual(whole(json, PLAIN));
        },
      ),
    );
  });

  it("never answers for a truncated or corrupt file", () => {
    fc.assert(
      fc.property(
        doc,
        fc.integer({ min: 1, max: 64 }),
        fc.nat(),
        fc.constantFrom("", "}", "]", ",", '"', "\\", "\u0001", "x"),
        (d, readBytes, at, put) => {
          const json = write(d);
          const cut = at % json.trimEnd().length;
          const broken = `${json.slice(0, cut)}${put}${put ? json.slice(cut + 1) : ""}`;
          let expected: unknown;
          try {
            expected = whole(broken, PLAIN);
          } catch {
            expected = undefined;
          }
          const got = chunked(broken, PLAIN, readBytes);
          // Whatever JSON.parse refuses, the chunked parse refuses too (the caller then locates it).
          if (expected === undefined) expect(got).toBeUndefined();
          else if (got) expect(got).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("refuses invalid UTF-8 anywhere, a character cut across chunks included", () => {
    const json = write({
      before: {},
      respondents: [{ id: "é€😀", role: "r" }],
      after: {},
      indent: 2,
    });
    for (let readBytes = 1; readBytes < 40; readBytes++) {
      expect(chunked(json, PLAIN, readBytes)?.value).toEqual(whole(json, PLAIN).value);
    }
    const bytes = Buffer.from(json);
    const bad = Buffer.concat([
      bytes.subarray(0, bytes.indexOf("é")),
      Buffer.from([0xc3]),
      bytes.subarray(bytes.indexOf("é") + 2),
    ]);
    for (let readBytes = 1; readBytes < 40; readBytes++) {
      expect(parseChunkedJson(memorySource(bad), "/x", "x", PLAIN, readBytes)).toBeUndefined();
    }
  });
});

describe("PLAIN_ROSTER_ENTRY", () => {
  it("matches only the text of valid roster entries", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const text = `{"id": "${s}", "role": "x"},`;
        PLAIN_ROSTER_ENTRY.lastIndex = 0;
        if (PLAIN_ROSTER_ENTRY.test(text)) {
          expect(PLAIN_ROSTER_ENTRY.lastIndex).toBe(text.length);
          expect(isRosterEntry(JSON.parse(text.slice(0, -1)))).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(fc.record({ id: fc.string(), role: fc.string() }), (e) => {
        const text = `${JSON.stringify(e, null, 2)},`;
        PLAIN_ROSTER_ENTRY.lastIndex = 0;
        const matched = PLAIN_ROSTER_ENTRY.test(text);
        // Strings without escapes are matched; the rest are left to JSON.parse.
        const escaped = [...(e.id + e.role)].some((c) => c === '"' || c === "\\" || c < " ");
        expect(matched).toBe(!escaped);
      }),
    );
  });
});
