import { groupByPath, prepareIssues } from "./shared.js";
import type { Formatter } from "./types.js";

// Characters outside XML 1.0's Char production (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const ILLEGAL_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

function replaceWith(s: string, pattern: RegExp): string {
  return s.replace(ILLEGAL_XML, "").replace(pattern, (c) => ENTITIES[c] ?? c);
}

/** Escapes XML element content; drops characters XML 1.0 forbids. Parsers turn a raw \r into \n. */
export function escapeXmlText(s: string): string {
  return replaceWith(s, /[&<>"'\r]/g);
}

/** Escapes a quoted XML attribute value; parsers would turn raw tabs and newlines into spaces. */
export function escapeXmlAttribute(s: string): string {
  return replaceWith(s, /[&<>"'\t\n\r]/g);
}

function attributes(attrs: Record<string, string | number>): string {
  return Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join("");
}

const SUITES_NAME = "crm-maturity validate";

/**
 * JUnit XML: a testsuite per file, a failing testcase per issue. Warnings are failures too:
 * GitLab and Jenkins show details only for failed tests (there is no warning status), and the
 * body starts with the severity so warnings read as such. A clean run is one passing testcase.
 */
export const formatJunit: Formatter = (issues, ctx) => {
  const prepared = prepareIssues(issues, ctx.cwd);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (prepared.length === 0) {
    const counts = { tests: 1, failures: 0, errors: 0 };
    lines.push(
      `<testsuites${attributes({ name: SUITES_NAME, ...counts })}>`,
      `  <testsuite${attributes({ name: SUITES_NAME, ...counts, time: 0 })}>`,
      `    <testcase${attributes({ name: "validate", classname: "crm-maturity", time: 0 })}/>`,
      "  </testsuite>",
      "</testsuites>",
    );
    return `${lines.join("\n")}\n`;
  }

  const total = prepared.length;
  lines.push(
    `<testsuites${attributes({ name: SUITES_NAME, tests: total, failures: total, errors: 0 })}>`,
  );
  for (const [file, group] of groupByPath(prepared)) {
    const n = group.length;
    lines.push(
      `  <testsuite${attributes({ name: file, tests: n, failures: n, errors: 0, time: 0 })}>`,
    );
    // Jenkins splits a classname at its last dot into package and class: without the extension,
    // "dimensions/lead.yaml" shows as "dimensions/lead", not as class "yaml" (ESLint does the same).
    const classname = file.replace(/\.[^./]+$/, "");
    for (const issue of group) {
      const at = `${issue.start.line}:${issue.start.column}`;
      const testcase = { name: `${issue.code} at ${at}`, classname, file, time: 0 };
      const body = `${issue.severity} ${issue.code} at ${file}:${at}\n${issue.message}`;
      lines.push(
        `    <testcase${attributes(testcase)}>`,
        `      <failure${attributes({ message: issue.message, type: issue.code })}>${escapeXmlText(body)}</failure>`,
        "    </testcase>",
      );
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
};
