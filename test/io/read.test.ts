import { describe, expect, it } from "vitest";
import { parseDataBytes } from "../../src/io/read.js";

const read = (text: string, name: string) => parseDataBytes(Buffer.from(text), `/x/${name}`, name);

// A `{` document is tried as JSON first; which parser's findings a broken one gets depends on
// what the reader most likely wrote.
describe("parseDataBytes", () => {
  const broken = '{\n  "assessment": { "date": "2026-03-16" "by": 1 }\n}\n';

  it("gives a broken .json file or standard input the one JSON finding", () => {
    for (const name of ["answers.json", "<stdin>"]) {
      const { file, issues } = read(broken, name);
      expect(file).toBeUndefined();
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: "yaml-syntax",
        file: name,
        start: { line: 2, column: 40 },
      });
      expect(issues[0]?.message).toMatch(/^expected valid JSON; found the value "by"/);
    }
  });

  it("gives a broken .yaml file the YAML parser's findings", () => {
    const { issues } = read(broken, "answers.yaml");
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message).toMatch(/^expected valid YAML/);
  });

  it("reads a YAML flow mapping that is not JSON as YAML, from a file or standard input", () => {
    for (const name of ["answers.yaml", "<stdin>"]) {
      const { file, issues } = read("{a: 1, b: [x, y]}\n", name);
      expect(issues).toEqual([]);
      expect(file?.value).toEqual({ a: 1, b: ["x", "y"] });
    }
  });
});
