import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { ISSUE_RULES } from "../../../src/core/diagnostics/codes.js";
import { ISSUE_CODES, type Issue, type IssueCode } from "../../../src/core/diagnostics/issue.js";
import { escapeData, escapeProperty } from "../../../src/render/diagnostics/github.js";
import {
  DEFAULT_FORMAT,
  FORMAT_NAMES,
  FORMATTERS,
  type FormatContext,
  type FormatName,
  type Formatter,
} from "../../../src/render/diagnostics/index.js";
import { escapeXmlAttribute, escapeXmlText } from "../../../src/render/diagnostics/junit.js";
import { goldenIn } from "../../helpers/golden.js";
import { parseXml } from "../../helpers/xml.js";

/** Compares with a golden file under test/golden/validate/. */
const expectGolden = goldenIn("validate");

// Every formatter, loaded once (the registry loads them on demand).
const loaded = Object.fromEntries(
  await Promise.all(FORMAT_NAMES.map(async (name) => [name, await FORMATTERS[name]()] as const)),
) as Record<FormatName, Formatter>;

const CWD = "/work/project";
const ctx: FormatContext = {
  cwd: CWD,
  color: false,
  filesChecked: 4,
  toolVersion: "0.1.0",
  width: 80,
};

function issue(
  code: IssueCode,
  file: string,
  line: number,
  column: number,
  message: string,
  end?: [number, number],
): Issue {
  const [endLine, endColumn] = end ?? [line, column + 4];
  return {
    code,
    severity: ISSUE_RULES[code].severity,
    message,
    file,
    start: { line, column },
    end: { line: endLine, column: endColumn },
  };
}

const CORE = "questionnaires/crm core.yaml";
const DATA = "questionnaires/dimensions/data.yaml";

// Deliberately unsorted; the same file given both absolute and relative.
const ISSUES: readonly Issue[] = [
  issue("missing-kpis", DATA, 20, 3, "Recommendation `clean-data` has no KPIs."),
  issue(
    "unresolved-reference",
    `${CWD}/${CORE}`,
    12,
    3,
    `dependsOn: expected one of "r2", 'r3' (100% of ids checked), found "r9".`,
    [12, 20],
  ),
  issue("invalid-value", DATA, 7, 5, "Expected a level <= 5 & >= 1,\nfound 7."),
  issue("missing-translation", CORE, 3, 1, "标题缺少 en 翻译: expected languages en, zh-CN."),
  issue("duplicate-id", DATA, 7, 5, "Id `data` is declared twice; first at line 2.", [7, 9]),
];

describe("ISSUE_RULES", () => {
  it("documents every code with a summary and help", () => {
    expect(Object.keys(ISSUE_RULES).sort()).toEqual([...ISSUE_CODES].sort());
    for (const code of ISSUE_CODES) {
      expect(ISSUE_RULES[code].summary).toMatch(/\S.*\.$/);
      expect(ISSUE_RULES[code].help).toMatch(/\S.*\.$/);
    }
  });
});

describe("registry", () => {
  it("names every formatter", () => {
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(FORMATTERS).sort());
    expect(FORMAT_NAMES).toContain(DEFAULT_FORMAT);
  });
});

describe("golden output", () => {
  for (const name of FORMAT_NAMES) {
    it(name, () => {
      expectGolden(`${name}.txt`, loaded[name](ISSUES, ctx));
    });
  }
});

describe("any input order gives the same output", () => {
  const files = ["a.yaml", `${CWD}/a.yaml`, "dir with space/b.yaml", `${CWD}/c.yaml`];
  const arbIssue = fc
    .record({
      code: fc.constantFrom(...ISSUE_CODES),
      severity: fc.constantFrom("error" as const, "warning" as const),
      message: fc.string({ maxLength: 12 }),
      file: fc.constantFrom(...files),
      line: fc.integer({ min: 1, max: 4 }),
      column: fc.integer({ min: 1, max: 4 }),
      span: fc.integer({ min: 0, max: 3 }),
    })
    .map(
      ({ line, column, span, ...rest }): Issue => ({
        ...rest,
        start: { line, column },
        end: { line: line + (span > 1 ? 1 : 0), column: column + span },
      }),
    );
  const arbCase = fc
    .array(arbIssue, { maxLength: 12 })
    .chain((issues) =>
      fc.tuple(
        fc.constant(issues),
        fc.shuffledSubarray(issues, { minLength: issues.length, maxLength: issues.length }),
      ),
    );

  for (const name of FORMAT_NAMES) {
    it(name, () => {
      fc.assert(
        fc.property(arbCase, ([issues, shuffled]) => {
          expect(loaded[name](shuffled, ctx)).toBe(loaded[name](issues, ctx));
        }),
      );
    });
  }

  it("holds for the fixed issues reversed", () => {
    for (const name of FORMAT_NAMES) {
      expect(loaded[name]([...ISSUES].reverse(), ctx)).toBe(loaded[name](ISSUES, ctx));
    }
  });
});

describe("stylish", () => {
  it("has no ANSI escapes without colour, and has them with colour", () => {
    expect(loaded.stylish(ISSUES, ctx)).not.toContain("\u001b");
    expect(loaded.stylish(ISSUES, { ...ctx, color: true })).toContain("\u001b[");
    expect(loaded.stylish([], { ...ctx, color: true })).toContain("\u001b[");
  });

  it("shows control characters from the input as escapes", () => {
    const out = loaded.stylish([issue("unknown-key", "a.yaml", 1, 1, "key \u001b[31mx")], ctx);
    expect(out).not.toContain("\u001b");
    expect(out).toContain("key \\u001b[31mx");
  });

  for (const width of [40, 60, 80, 120, 200]) {
    it(`fits ${width} columns, file paths aside, and keeps every word of every message`, () => {
      const out = loaded.stylish(ISSUES, { ...ctx, width });
      const paths = new Set([CORE, DATA]);
      for (const line of out.split("\n")) {
        if (!paths.has(line)) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
      }
      const words = (text: string) => text.split(/\s+/).filter(Boolean);
      const shown = words(out);
      for (const i of ISSUES) {
        for (const w of [...words(i.message), i.code]) expect(shown).toContain(w);
      }
    });
  }

  it("aligns every code after its message where the width allows, else puts it underneath", () => {
    expect(loaded.stylish(ISSUES, { ...ctx, width: 200 })).toContain(
      '  12:3  error  dependsOn: expected one of "r2", \'r3\' (100% of ids checked), found "r9".  unresolved-reference\n',
    );
    expect(loaded.stylish(ISSUES, { ...ctx, width: 50 })).toContain(
      '  12:3  error  dependsOn: expected one of "r2",\n               \'r3\' (100% of ids checked), found\n               "r9".\n               unresolved-reference\n',
    );
  });

  it("summarises a clean run", () => {
    expect(loaded.stylish([], ctx)).toBe("✔ 4 files checked, no problems\n");
    expect(loaded.stylish([], { ...ctx, filesChecked: 1 })).toBe("✔ 1 file checked, no problems\n");
  });

  it("counts problems with singular and plural", () => {
    const out = loaded.stylish([issue("yaml-syntax", "a.yaml", 1, 1, "Bad.")], ctx);
    expect(out.trimEnd().split("\n").at(-1)).toBe("✖ 1 problem (1 error, 0 warnings)");
  });
});

describe("json", () => {
  it("reports paths relative to cwd and a summary", () => {
    const report = JSON.parse(loaded.json(ISSUES, ctx));
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 4, errors: 4, warnings: 1 });
    expect(report.issues.map((i: { file: string }) => i.file)).toEqual([
      CORE,
      CORE,
      DATA,
      DATA,
      DATA,
    ]);
  });

  it("reports a clean run", () => {
    expect(loaded.json([], ctx)).toBe(
      `${JSON.stringify({ version: 1, summary: { files: 4, errors: 0, warnings: 0 }, issues: [] }, null, 2)}\n`,
    );
  });
});

describe("github", () => {
  it("escapes data and properties as @actions/core does", () => {
    expect(escapeData("100% a,b:c\r\nd")).toBe("100%25 a,b:c%0D%0Ad");
    expect(escapeProperty("100% a,b:c\r\nd")).toBe("100%25 a%2Cb%3Ac%0D%0Ad");
    // `%` first, so existing escapes are not decoded by the runner.
    expect(escapeData("%0A")).toBe("%250A");
  });

  it("writes one command per issue", () => {
    const out = loaded.github(
      [
        issue("missing-kpis", "dir/a,b:c.yaml", 2, 3, "50% done: x,y\nnext", [4, 5]),
        issue("yaml-syntax", `${CWD}/z.yaml`, 1, 1, "Bad.", [1, 2]),
      ],
      ctx,
    );
    expect(out).toBe(
      "::warning file=dir/a%2Cb%3Ac.yaml,line=2,col=3,endLine=4,endColumn=5,title=missing-kpis::50%25 done: x,y%0Anext\n" +
        "::error file=z.yaml,line=1,col=1,endLine=1,endColumn=2,title=yaml-syntax::Bad.\n",
    );
  });

  it("writes nothing for a clean run", () => {
    expect(loaded.github([], ctx)).toBe("");
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

describe("sarif", () => {
  const sarif = (issues: readonly Issue[]): SarifLog => JSON.parse(loaded.sarif(issues, ctx));

  it("is SARIF 2.1.0 whose results point at their rules", () => {
    const log = sarif(ISSUES);
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    if (!run) throw new Error("no run");
    expect(run.tool.driver.name).toBe("crm-maturity");
    expect(run.tool.driver.version).toBe("0.1.0");
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...ISSUE_CODES]);
    expect(run.originalUriBaseIds["%SRCROOT%"]?.uri).toBe("file:///work/project/");
    expect(run.results).toHaveLength(ISSUES.length);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.level).toBe(ISSUE_RULES[result.ruleId as IssueCode].severity);
      const location = result.locations[0]?.physicalLocation.artifactLocation;
      expect(location?.uriBaseId).toBe("%SRCROOT%");
      expect(location?.uri).not.toMatch(/^\/|^[a-z]+:|\\/i);
    }
    expect(run.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "questionnaires/crm%20core.yaml",
    );
    const prints = run.results.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("percent-encodes unsafe characters in each path segment", () => {
    const log = sarif([issue("yaml-syntax", "a#b/c?d:e%f [g] 中.yaml", 1, 1, "Bad.")]);
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "a%23b/c%3Fd%3Ae%25f%20%5Bg%5D%20%E4%B8%AD.yaml",
    );
  });

  it("uses an absolute file URI for files outside cwd", () => {
    const log = sarif([issue("yaml-syntax", "/elsewhere/x.yaml", 1, 1, "Bad.")]);
    const location = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: "file:///elsewhere/x.yaml" });
  });

  // Characters encodeURI escapes but a hand-made file URI might not; pathToFileURL does (20.19.0 on).
  it("percent-encodes [ ] ^ | in absolute file URIs and in the source root", () => {
    const odd = { ...ctx, cwd: "/work/p [1]^|" };
    const log: SarifLog = JSON.parse(
      loaded.sarif([issue("yaml-syntax", "/elsewhere/a [b]^|.yaml", 1, 1, "Bad.")], odd),
    );
    const run = log.runs[0];
    expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "file:///elsewhere/a%20%5Bb%5D%5E%7C.yaml",
    );
    expect(run?.originalUriBaseIds).toEqual({
      "%SRCROOT%": { uri: "file:///work/p%20%5B1%5D%5E%7C/" },
    });
  });

  it("tells identical findings apart in their fingerprints", () => {
    const twice = [
      issue("unknown-key", "a.yaml", 1, 1, "x"),
      issue("unknown-key", "a.yaml", 5, 1, "x"),
    ];
    const prints = sarif(twice).runs[0]?.results.map((r) => r.partialFingerprints);
    expect(prints?.[0]).not.toEqual(prints?.[1]);
  });

  it("reports a clean run with every rule and no results", () => {
    const log = sarif([]);
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.tool.driver.rules).toHaveLength(ISSUE_CODES.length);
  });
});

/**
 * Parses with saxes, which throws on malformed XML; raw tabs and newlines in attribute values
 * would be read back as spaces, so there must be none.
 */
function expectWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(() => parseXml(xml)).not.toThrow();
  expect(xml).not.toMatch(/="[^"]*[\t\n][^"]*"/);
}

describe("junit", () => {
  it("is well-formed, with a suite per file and a failure per issue", () => {
    const xml = loaded.junit(ISSUES, ctx);
    expectWellFormedXml(xml);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<failure /g)).toHaveLength(ISSUES.length);
    expect(xml).toContain('<testsuites name="crm-maturity validate" tests="5" failures="5"');
    // The classname without its extension, which Jenkins would read as the class; a time, which
    // the strict Ant JUnit schema requires.
    expect(xml).toContain(
      '<testcase name="invalid-value at 7:5" classname="questionnaires/dimensions/data" file="questionnaires/dimensions/data.yaml" time="0"',
    );
    expect(xml).toMatch(/<testsuite name="[^"]+" tests="\d+" failures="\d+" errors="0" time="0">/);
    expect(xml).toContain('type="missing-kpis"');
  });

  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXmlText(`a & b < c > "d" 'e'\r\n\u0000\u0008\uffff\ud800`)).toBe(
      "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;&#13;\n",
    );
    expect(escapeXmlAttribute("x\ty\nz\u001b😀")).toBe("x&#9;y&#10;z😀");
    const xml = loaded.junit(
      [issue("unknown-key", "a&b.yaml", 1, 1, "<key> & \"q\" 'x' \u0001 中文\nmore")],
      ctx,
    );
    expectWellFormedXml(xml);
    expect(xml).toContain('message="&lt;key&gt; &amp; &quot;q&quot; &apos;x&apos;  中文&#10;more"');
    expect(xml).toContain('classname="a&amp;b" file="a&amp;b.yaml"');
    // What a parser reads back: the text as given, less the one character XML cannot carry.
    const failure = parseXml(xml).root.children[0]?.children[0]?.children[0];
    expect(failure?.attributes.message).toBe("<key> & \"q\" 'x'  中文\nmore");
    expect(failure?.text).toBe("error unknown-key at a&b.yaml:1:1\n<key> & \"q\" 'x'  中文\nmore");
  });

  it("reports a clean run as one passing testcase", () => {
    const xml = loaded.junit([], ctx);
    expectWellFormedXml(xml);
    expect(xml).toContain('<testcase name="validate" classname="crm-maturity" time="0"/>');
    expect(xml).not.toContain("<failure");
  });
});
