import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ISSUE_RULES } from "../../core/diagnostics/codes.js";
import { ISSUE_CODES } from "../../core/diagnostics/issue.js";
import type { PreparedIssue } from "./shared.js";
import { prepareIssues } from "./shared.js";
import type { Formatter } from "./types.js";

/** Where the tool is documented; SARIF's `tool.driver.informationUri`. */
export const INFORMATION_URI = "https://www.npmjs.com/package/crm-maturity";

const SRCROOT = "%SRCROOT%";

// encodeURI cannot encode lone surrogates (it throws); they cannot name a file anyway.
function toWellFormed(s: string): string {
  return s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}

// encodeURI leaves `?` and `#` (which would start a query or fragment) and `:` (which would make
// the first segment read as a scheme); inside a path segment they must be percent-encoded.
function encodeSegment(segment: string): string {
  return encodeURI(toWellFormed(segment)).replace(
    /[?#:]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A relative URI against %SRCROOT% for files under cwd, an absolute file URI otherwise. */
function artifactLocation(issue: PreparedIssue, cwd: string): { uri: string; uriBaseId?: string } {
  if (issue.path === ".." || issue.path.startsWith("../") || path.isAbsolute(issue.path)) {
    return { uri: pathToFileURL(path.resolve(cwd, issue.file)).href };
  }
  return { uri: issue.path.split("/").map(encodeSegment).join("/"), uriBaseId: SRCROOT };
}

// A stable identity for SARIF viewers that match results across runs by partialFingerprints.
// GitHub code scanning reads only primaryLocationLineHash, which upload-sarif computes from the
// file; this one is ignored there. Line numbers are left out so an identity survives edits above
// it, and identical findings in one file are told apart by their order, as codeql-action does.
function fingerprints(issues: readonly PreparedIssue[]): string[] {
  const seen = new Map<string, number>();
  return issues.map((issue) => {
    const hash = createHash("sha256")
      .update(`${issue.code}\0${issue.path}\0${issue.message}`)
      .digest("hex")
      .slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

/**
 * SARIF 2.1.0 with one run, following GitHub code scanning's requirements: every rule has
 * shortDescription, fullDescription and help texts; every result has ruleId, message.text, one
 * location with a repository-relative URI and a region, and partialFingerprints.
 */
export const formatSarif: Formatter = (issues, ctx) => {
  const prepared = prepareIssues(issues, ctx.cwd);
  const prints = fingerprints(prepared);
  const rules = ISSUE_CODES.map((code) => {
    const rule = ISSUE_RULES[code];
    return {
      id: code,
      name: code,
      shortDescription: { text: rule.summary },
      fullDescription: { text: rule.summary },
      help: { text: rule.help, markdown: rule.help },
      defaultConfiguration: { level: rule.severity },
    };
  });
  const results = prepared.map((issue, i) => ({
    ruleId: issue.code,
    ruleIndex: ISSUE_CODES.indexOf(issue.code),
    level: issue.severity,
    message: { text: issue.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(issue, ctx.cwd),
          region: {
            startLine: issue.start.line,
            startColumn: issue.start.column,
            endLine: issue.end.line,
            endColumn: issue.end.column,
          },
        },
      },
    ],
    partialFingerprints: { "crmMaturityIssue/v1": prints[i] },
  }));
  // A base URI must end with a slash, or resolving against it drops its last segment.
  const root = pathToFileURL(path.resolve(ctx.cwd)).href;
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "crm-maturity",
            version: ctx.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith("/") ? root : `${root}/` } },
        // Columns count UTF-16 code units, as the YAML parser's offsets do.
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
