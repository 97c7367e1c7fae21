// No hand-written function in src/ may run over 120 lines (ARCHITECTURE.md, "No god functions").
// A function is measured with everything nested in it (closures count in their parent), from its
// first to its last line. Parsed with swc, the build's TypeScript parser. Part of `npm run lint`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseSync } from "@swc/core";

const MAX_LINES = 120;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FUNCTIONS = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ClassMethod",
  "Constructor",
]);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(file);
    else if (entry.name.endsWith(".ts")) yield file;
  }
}

/** Line number (1-based) of each byte offset, through the offsets where lines start. */
function lineIndex(bytes) {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function longFunctions(file) {
  const text = readFileSync(file, "utf8");
  // A leading ";" pins the module's span to byte 0 of what was parsed: swc's spans are offsets in
  // a buffer shared by every parse, so the module's own start is subtracted.
  const ast = parseSync(`;${text}`, { syntax: "typescript" });
  const base = ast.span.start + 1;
  const lineOf = lineIndex(Buffer.from(text));
  const found = [];
  const visit = (node, name) => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, name);
      return;
    }
    if (!node || typeof node !== "object") return;
    const own =
      node.identifier?.value ??
      node.key?.value ??
      (node.type === "VariableDeclarator" ? node.id?.value : undefined);
    if (FUNCTIONS.has(node.type)) {
      const first = lineOf(node.span.start - base);
      const lines = lineOf(node.span.end - base - 1) - first + 1;
      if (lines > MAX_LINES) found.push({ line: first, name: own ?? name ?? "(anonymous)", lines });
      return; // nested functions count in this one
    }
    for (const [key, child] of Object.entries(node)) if (key !== "span") visit(child, own ?? name);
  };
  visit(ast.body, undefined);
  return found;
}

const problems = [];
for (const file of sourceFiles(path.join(ROOT, "src"))) {
  for (const f of longFunctions(file)) {
    problems.push(
      `${path.relative(ROOT, file)}:${f.line}  ${f.name} is ${f.lines} lines (at most ${MAX_LINES})`,
    );
  }
}
if (problems.length > 0) {
  console.error(
    `${problems.join("\n")}\nSplit these functions: no function in src/ runs over ${MAX_LINES} lines.`,
  );
  process.exit(1);
}
console.log(`✔ no function in src/ over ${MAX_LINES} lines`);
