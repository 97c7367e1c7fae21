// Builds dist/: the CLI as a CommonJS bundle (dist/crm-maturity.cjs) and `validate` alone as
// another (dist/crm-maturity-validate.cjs), each with a V8 code cache made by running `validate`
// over the bundled pack once (dist/<bundle>.v8-cache), the whole CLI's with a second cache made
// by rendering reports (dist/crm-maturity-documents.v8-cache; src/boot/bundles.ts), and the small
// entry that loads them (dist/cli.cjs). Why: src/boot/code-cache.ts. Everything is CommonJS because an
// ES-module entry alone costs ~10 ms of start-up on Node 20. The bundles also carry schema checks
// compiled from the zod schemas (src/core/questionnaire/schema-checks.ts).
// Packages stay external (many read their own data files at run time), except pdfkit and fontkit:
// they form a side bundle of their own with its own code cache, trained by rendering PDFs
// (dist/pdf-stack.cjs), loaded only by commands that write a PDF; docx forms another, trained by
// rendering Word reports (dist/docx.cjs), and zod another for the validate bundle (dist/zod.cjs).
// All: src/boot/side-bundles.ts.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";
import { BUILD_WORK } from "./lib/import-source.mjs";
import { writeSchemaChecks } from "./lib/schema-checks.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = path.join(root, "dist");
// Build intermediates that are not shipped.
const work = BUILD_WORK;
// scripts/lib/build-helpers.ts once bundled (buildHelpers below).
let helpers;

// Start-up shims: each replaces, inside one dependency, a module it loads eagerly but this CLI never
// uses, because every command pays for it at start-up.
const SHIMS = [
  // zod re-exports its ~50 message locales; only English is used (messages are rewritten by
  // src/core/diagnostics/zod-issues.ts).
  {
    dependency: "zod",
    filter: /locales[\\/]index\.js$/,
    contents: (resolved) =>
      `export { default as en } from ${JSON.stringify(path.join(path.dirname(resolved), "en.js"))};`,
  },
  // commander loads node:child_process (and with it net, stream, dgram) to run external
  // subcommands, which this CLI has none of: load it only if something asks.
  {
    dependency: "commander",
    filter: /^node:child_process$/,
    contents: () =>
      'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
  },
  // chalk detects the terminal's colours when loaded (node:tty, node:os); this CLI always passes
  // an explicit level (`new Chalk({ level })`, decided from NO_COLOR and the TTY), so skip it.
  {
    dependency: "chalk",
    filter: /^#supports-color$/,
    contents: () => "export default { stdout: false, stderr: false };",
  },
];
const startupShims = {
  name: "startup-shims",
  setup(b) {
    SHIMS.forEach((shim, i) => {
      b.onResolve({ filter: shim.filter }, (args) =>
        args.namespace === "file" &&
        args.importer.includes(`${path.sep}node_modules${path.sep}${shim.dependency}${path.sep}`)
          ? {
              path: path.resolve(args.resolveDir, args.path),
              namespace: "startup-shim",
              pluginData: i,
            }
          : undefined,
      );
    });
    b.onLoad({ filter: /.*/, namespace: "startup-shim" }, (args) => ({
      contents: SHIMS[args.pluginData].contents(args.path),
      resolveDir: path.dirname(args.path),
    }));
  },
};

// src/core/questionnaire/schema-checks.ts has no checks in source; the bundle gets the generated ones.
const checksFile = path.join(work, "schema-checks.cjs");
const schemaChecks = {
  name: "schema-checks",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]questionnaire[\\/]schema-checks\.ts$/ }, () => ({
      contents: `import { root, dimension, profiles } from ${JSON.stringify(checksFile)};
export const schemaChecks = { root, dimension, profiles };`,
      loader: "ts",
      resolveDir: root,
    }));
  },
};

// src/render/precompiled-templates.ts has no templates in source; the bundle gets them precompiled.
const precompiledTemplates = {
  name: "precompiled-templates",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, async () => ({
      contents: await precompiledTemplatesModule(),
      loader: "js",
      resolveDir: root,
    }));
  },
};

// src/io/pdf-libraries.ts loads pdfkit and fontkit from node_modules; the bundle loads them from
// dist/pdf-stack.cjs with their code cache instead.
const pdfLibraries = {
  name: "pdf-libraries",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]io[\\/]pdf-libraries\.ts$/ }, () => ({
      contents: `export { loadPdfLibraries } from ${JSON.stringify(path.join(root, "src/boot/pdf-stack.ts"))};`,
      loader: "ts",
      resolveDir: root,
    }));
  },
};

// The CLI bundles take the docx library from its side bundle, dist/docx.cjs with its code cache,
// loaded when a module that imports it first runs (the Word renderers, loaded on first use).
const docxFromSideBundle = {
  name: "docx-from-side-bundle",
  setup(b) {
    b.onResolve({ filter: /^docx$/ }, () => ({ path: "docx", namespace: "docx-side-bundle" }));
    b.onLoad({ filter: /.*/, namespace: "docx-side-bundle" }, () => ({
      contents: `module.exports = require(${JSON.stringify(path.join(root, "src/boot/side-bundles.ts"))}).loadSideBundle("docx");`,
      loader: "js",
      resolveDir: root,
    }));
  },
};

// What dist/docx.cjs changes in docx, without changing what it does (each replaced text must occur
// once, or the build stops):
// - a picture's name is the SHA-1 of its bytes, which docx computes with hash.js in JavaScript
//   (~40 ms for a report's charts and their PNG fallbacks); bytes are hashed by node:crypto
//   instead, the same digest. Text goes to hash.js as before (it encodes strings its own way).
// - docx carries the browser build of util-deprecate, which looks up its settings in
//   `localStorage`: Node 25 on defines that global and warns on standard error when it is read
//   without --localstorage-file. Node has no such settings for it, so it reads none.
const DOCX_PATCHES = [
  {
    what: "hashedId",
    from: 'var hashedId = (data) => import_hash.default.sha1().update(data instanceof ArrayBuffer ? new Uint8Array(data) : data).digest("hex");',
    to: 'var hashedId = (data) => typeof data === "string" ? import_hash.default.sha1().update(data).digest("hex") : require("node:crypto").createHash("sha1").update(data instanceof ArrayBuffer ? new Uint8Array(data) : data).digest("hex");',
  },
  {
    what: "util-deprecate's config",
    from: "\t\ttry {\n\t\t\tif (!global.localStorage) return false;\n\t\t} catch (_) {\n\t\t\treturn false;\n\t\t}\n",
    to: "\t\treturn false;\n",
  },
];
const docxPatches = {
  name: "docx-patches",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.cjs$/ }, (args) => {
      let source = readFileSync(args.path, "utf8");
      for (const { what, from, to } of DOCX_PATCHES) {
        if (source.split(from).length !== 2) {
          throw new Error(`build: docx's ${what} changed; check docx-patches`);
        }
        source = source.replace(from, to);
      }
      return { contents: source, loader: "js" };
    });
  },
};

// src/core/zod.ts loads zod with the rest of the bundle; the validate bundle loads it from
// dist/zod.cjs on first use instead (src/boot/side-bundles.ts).
const zodOnDemand = {
  name: "zod-on-demand",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]zod\.ts$/ }, () => ({
      contents: `export { z } from ${JSON.stringify(path.join(root, "src/boot/zod-on-demand.ts"))};`,
      loader: "ts",
      resolveDir: root,
    }));
  },
};

// What dist/pdf-stack.cjs changes in the libraries it bundles, without changing what they do:
// - pdfkit finds its standard fonts' metrics through its own package.json (`#standard-fonts/…`,
//   resolved from its file name): give it its installed file name, not the bundle's.
// - fontkit, unicode-properties and linebreak inflate Unicode property tables (unicode-trie) when
//   loaded, ~0.1 s, though Latin and Chinese text laid out without shaping never reads them: a
//   table is inflated on its first lookup instead (`get` is the only member they use).
// - @noble/hashes loads node:crypto for random bytes, which nothing here asks for: on first use.
// - LAZY_MODULES load on first use: "object" ones are used through their properties,
//   "constructor" ones with `new`.
// - The standard fonts' kerning (AFM) is looked up by a key built from both glyph names for every
//   pair of every line drawn (~7% of an English report): looked up once per pair instead.
const KERN_PAIR = `  getKernPair(left, right) {
    return this.kernPairs[left + '\\0' + right] || 0;
  }`;
const KERN_PAIR_MEMO = `  getKernPair(left, right) {
    const rows = (this.kernMemo ??= new Map());
    let row = rows.get(left);
    if (row === undefined) rows.set(left, (row = new Map()));
    let kern = row.get(right);
    if (kern === undefined) row.set(right, (kern = this.kernPairs[left + '\\0' + right] || 0));
    return kern;
  }`;
// - A page's content stream is written an operator at a time, each turned into its own small
//   Uint8Array that lives until the document ends (pages are buffered for their footers): the
//   text is gathered as a string and turned into bytes 8 KiB at a time instead (the same bytes).
const REF_WRITE = `  write(chunk) {
    if (!(chunk instanceof Uint8Array)) {
      chunk = fromBinaryString(chunk + '\\n');
    }`;
const REF_WRITE_TEXT = `  flushText() {
    if (this.text !== undefined) {
      this.buffer.push(Buffer.from(this.text, 'latin1'));
      this.text = undefined;
    }
  }
  write(chunk) {
    if (!(chunk instanceof Uint8Array)) {
      const text = chunk + '\\n';
      this.text = this.text === undefined ? text : this.text + text;
      this.uncompressedLength += text.length;
      this.data.Length = (this.data.Length ?? 0) + text.length;
      if (this.compress) {
        this.data.Filter = 'FlateDecode';
      }
      if (this.text.length >= 8192) {
        this.flushText();
      }
      return;
    }
    this.flushText();`;
const REF_FINALIZE = `  finalize() {
    this.offset = this.document._offset;`;
const REF_FINALIZE_TEXT = `  finalize() {
    this.flushText();
    this.offset = this.document._offset;`;
// - An embedded font's layout splits its text after each space or tab, testing every character
//   against a new two-element array: the pieces are found with indexOf instead.
const EMBEDDED_LAYOUT = `    let last = 0;
    let index = 0;
    while (index <= text.length) {
      var needle;
      if (index === text.length && last < index || (needle = text.charAt(index), [' ', '\\t'].includes(needle))) {
        const run = this.layoutCached(text.slice(last, ++index));
        if (!onlyWidth) {
          glyphs = glyphs.concat(run.glyphs);
          positions = positions.concat(run.positions);
        }
        advanceWidth += run.advanceWidth;
        last = index;
      } else {
        index++;
      }
    }`;
const EMBEDDED_LAYOUT_INDEXOF = `    let last = 0;
    let space = text.indexOf(' ');
    let tab = text.indexOf('\\t');
    while (last < text.length) {
      if (space !== -1 && space < last) space = text.indexOf(' ', last);
      if (tab !== -1 && tab < last) tab = text.indexOf('\\t', last);
      let end = text.length;
      if (space !== -1 && space < end) end = space + 1;
      if (tab !== -1 && tab + 1 < end) end = tab + 1;
      const run = this.layoutCached(text.slice(last, end));
      if (!onlyWidth) {
        glyphs = glyphs.concat(run.glyphs);
        positions = positions.concat(run.positions);
      }
      advanceWidth += run.advanceWidth;
      last = end;
    }`;
// - A layout run's advance width is a getter that sums its positions, read for every width pdfkit
//   measures, though the positions no longer change once pdfkit has scaled them: the run it
//   caches keeps the sum, taken after the scaling.
const LAYOUT_RUN = `      position.advanceWidth = run.glyphs[i].advanceWidth * this.scale;
    }
    return run;
  }`;
const LAYOUT_RUN_SUMMED = `      position.advanceWidth = run.glyphs[i].advanceWidth * this.scale;
    }
    return { glyphs: run.glyphs, positions: run.positions, advanceWidth: run.advanceWidth };
  }`;
// - A line drawn without wrapping is measured to move the cursor past it; the report's writer puts
//   the cursor back at once, and says so with the option \`keepCursor\` (src/render/pdf/writer.ts):
//   then the line is not measured.
const LINE_ADVANCE = `    } else {
      this.x += this.widthOfString(text, options);
    }`;
const LINE_ADVANCE_KEPT = `    } else if (!options.keepCursor) {
      this.x += this.widthOfString(text, options);
    }`;
// - Each line drawn is measured for the width of a link, underline or strike-through, which the
//   report's text never has: measured only when one of them is asked for.
const FRAGMENT_WIDTH = `    const measuredWidth = options.textWidth ?? this.widthOfString(text, options) - characterSpacing * (text.length - 1);
    const measuredWordCount = options.wordCount ?? (text.trim() ? text.trim().split(/\\s+/).length : 0);
    const renderedWidth = measuredWidth + wordSpacing * (measuredWordCount - 1) + characterSpacing * (text.length - 1);`;
const FRAGMENT_WIDTH_LAZY = `    let renderedWidth = 0;
    if (options.link != null || options.goTo != null || options.underline || options.strike) {
      const measuredWidth = options.textWidth ?? this.widthOfString(text, options) - characterSpacing * (text.length - 1);
      const measuredWordCount = options.wordCount ?? (text.trim() ? text.trim().split(/\\s+/).length : 0);
      renderedWidth = measuredWidth + wordSpacing * (measuredWordCount - 1) + characterSpacing * (text.length - 1);
    }`;
// - fontkit's TrueType subset decodes each glyph's whole outline to tell a composite glyph (whose
//   components it must renumber) from a simple one, which it copies as it is: the outline is
//   decoded only when the glyph's header says composite (or for a variable font, re-encoded).
const SUBSET_DECODE = `        let glyph = this.font.getGlyph(gid);
        let glyf = glyph._decode();`;
const SUBSET_DECODE_HEADER = `        let glyph = this.font.getGlyph(gid);
        let glyf = null;
        if (this.font.loca.offsets[gid] !== this.font.loca.offsets[gid + 1]) {
            let header = this.font._getTableStream('glyf');
            header.pos += this.font.loca.offsets[gid];
            let numberOfContours = header.readInt16BE();
            glyf = numberOfContours < 0 || this.font._variationProcessor ? glyph._decode() : { numberOfContours };
        }`;
const LAZY_MODULES = {
  "@noble/ciphers/aes": "object",
  linebreak: "constructor",
  "unicode-properties": "object",
};
const pdfStackPatches = {
  name: "pdf-stack-patches",
  setup(b) {
    b.onLoad(
      { filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/, namespace: "file" },
      (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("pathToFileURL(__filename)")) {
          throw new Error(
            "build: pdfkit no longer finds its files through __filename; check pdf-stack-patches",
          );
        }
        if (!source.includes(KERN_PAIR)) {
          throw new Error("build: pdfkit's getKernPair changed; check pdf-stack-patches");
        }
        if (!source.includes(REF_WRITE) || !source.includes(REF_FINALIZE)) {
          throw new Error("build: pdfkit's PDFReference changed; check pdf-stack-patches");
        }
        if (
          !source.includes(EMBEDDED_LAYOUT) ||
          !source.includes(FRAGMENT_WIDTH) ||
          source.split(LAYOUT_RUN).length !== 2 ||
          source.split(LINE_ADVANCE).length !== 2
        ) {
          throw new Error("build: pdfkit's text layout changed; check pdf-stack-patches");
        }
        const patched = source
          .replaceAll("pathToFileURL(__filename)", "pathToFileURL(__pdfkitFilename)")
          .replace(KERN_PAIR, KERN_PAIR_MEMO)
          .replace(REF_WRITE, REF_WRITE_TEXT)
          .replace(REF_FINALIZE, REF_FINALIZE_TEXT)
          .replace(EMBEDDED_LAYOUT, EMBEDDED_LAYOUT_INDEXOF)
          .replace(FRAGMENT_WIDTH, FRAGMENT_WIDTH_LAZY)
          .replace(LAYOUT_RUN, LAYOUT_RUN_SUMMED)
          .replace(LINE_ADVANCE, LINE_ADVANCE_KEPT);
        return {
          contents: `const __pdfkitFilename = require.resolve(String("pdfkit"));\n${patched}`,
          loader: "js",
        };
      },
    );
    b.onLoad(
      { filter: /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]main\.cjs$/, namespace: "file" },
      (args) => {
        const source = readFileSync(args.path, "utf8");
        if (source.split(SUBSET_DECODE).length !== 2) {
          throw new Error("build: fontkit's TrueType subset changed; check pdf-stack-patches");
        }
        return { contents: source.replace(SUBSET_DECODE, SUBSET_DECODE_HEADER), loader: "js" };
      },
    );
    // Modules loaded eagerly that a report seldom or never uses, loaded on first use instead:
    // AES (pdfkit builds its tables on load; only encrypted documents need it), linebreak
    // (decodes its Unicode table on load; only pdfkit's own line wrapper, which the renderer does
    // not use, needs it) and unicode-properties (the same; fontkit asks it about a glyph's
    // characters when it first builds one, so only for embedded fonts).
    b.onResolve({ filter: new RegExp(`^(${Object.keys(LAZY_MODULES).join("|")})$`) }, (args) =>
      args.namespace === "file"
        ? { path: `${args.importer}#${args.path}`, namespace: "lazy-module", pluginData: args.path }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-module" }, (args) => {
      const importer = args.path.slice(0, args.path.lastIndexOf("#"));
      const real = `require(${JSON.stringify(createRequire(importer).resolve(args.pluginData))})`;
      return {
        contents:
          LAZY_MODULES[args.pluginData] === "constructor"
            ? `module.exports = function (...args) { return new (${real})(...args); };`
            : `module.exports = new Proxy({}, { get: (_, key) => ${real}[key] });`,
        loader: "js",
        resolveDir: path.dirname(importer),
      };
    });
    b.onLoad(
      { filter: /[\\/]node_modules[\\/]@noble[\\/]hashes[\\/]cryptoNode\.js$/, namespace: "file" },
      (args) => {
        const source = readFileSync(args.path, "utf8");
        const eager = 'const nc = require("node:crypto");\nexports.crypto = ';
        if (!source.includes(eager)) {
          throw new Error("build: @noble/hashes/cryptoNode.js changed; check pdf-stack-patches");
        }
        return {
          contents: source
            .replace(
              eager,
              'Object.defineProperty(exports, "crypto", { enumerable: true, get: () => {\nconst nc = require("node:crypto");\nreturn ',
            )
            .replace(/;(\s*\/\/# sourceMappingURL=.*)?\s*$/, "; } });\n"),
          loader: "js",
        };
      },
    );
    b.onResolve({ filter: /^unicode-trie$/ }, (args) =>
      args.namespace === "file"
        ? { path: args.importer, namespace: "lazy-unicode-trie" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-unicode-trie" }, (args) => ({
      contents: `const UnicodeTrie = require(${JSON.stringify(createRequire(args.path).resolve("unicode-trie"))});
module.exports = class LazyUnicodeTrie {
  constructor(data) { this.data = data; this.trie = null; }
  get(codePoint) { return (this.trie ??= new UnicodeTrie(this.data)).get(codePoint); }
};`,
      loader: "js",
      resolveDir: path.dirname(args.path),
    }));
  },
};

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
// Bundled into the CLI, and so under its code caches: what reads no files of its own. jstat (every
// command that scores) and Handlebars's runtime (the Markdown documents' precompiled templates)
// load ~10 and ~15 ms faster from the bundle's cache; Handlebars itself, with its compiler, stays
// out (only a template of the user's needs it).
const BUNDLED = new Set(["zod", "js-yaml", "commander", "chalk", "jstat"]);
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d));
// A package marked external is external with all its paths; these are bundled all the same.
const BUNDLED_PATHS = ["handlebars/runtime"];
const bundledPaths = {
  name: "bundled-paths",
  setup(b) {
    const filter = new RegExp(`^(${BUNDLED_PATHS.join("|")})$`);
    b.onResolve({ filter }, (args) => ({
      path: createRequire(import.meta.url).resolve(args.path),
    }));
  },
};
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: process.env.CRM_NO_MINIFY !== "1",
  // The sources are ES modules; in a CommonJS file import.meta.url is that file's own URL.
  define: { "import.meta.url": "__crmFileUrl" },
  banner: { js: "const __crmFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: "warning",
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
await writeSchemaChecks(checksFile);
// The bundles run through vm.Script (src/boot/code-cache.ts), written to dist/ inside Node's
// CommonJS wrapper so that the text V8 compiles is the file as read.
const { BUNDLE_WRAPPER, CLI_BUNDLES, DOCUMENTS_CACHE } = await buildHelpers();
const wrapped = {
  ...common,
  banner: { js: `${BUNDLE_WRAPPER.start}\n${common.banner.js}` },
  footer: { js: BUNDLE_WRAPPER.end },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
};
// Two whole programs, nothing shared (src/boot/bundles.ts): every command, and `validate` alone,
// which takes zod from its side bundle.
const cli = {
  ...wrapped,
  sourcemap: "linked",
  external: [...external, ...external.map((d) => `${d}/*`)],
  // `import()` becomes `require()`: code run through vm.Script cannot import dynamically.
  supported: { "dynamic-import": false },
  plugins: [
    startupShims,
    schemaChecks,
    precompiledTemplates,
    pdfLibraries,
    docxFromSideBundle,
    bundledPaths,
  ],
};
await build({ ...cli, entryPoints: { [CLI_BUNDLES.all]: "src/cli/entry.ts" } });
await build({
  ...cli,
  entryPoints: { [CLI_BUNDLES.validate]: "src/cli/validate-entry.ts" },
  plugins: [zodOnDemand, ...cli.plugins],
});
await build({ ...wrapped, entryPoints: { zod: "src/core/zod.ts" }, plugins: [startupShims] });
await build({
  ...wrapped,
  entryPoints: { "pdf-stack": "src/boot/pdf-stack-entry.cjs" },
  // The libraries' own names stay as they wrote them; only spaces and comments go, which leaves
  // the bundle ASCII (a few comments are not; see assertAsciiBundle).
  minify: false,
  minifyWhitespace: common.minify,
  plugins: [pdfStackPatches],
});
await build({
  ...wrapped,
  entryPoints: { docx: "src/boot/docx-entry.cjs" },
  minify: false,
  minifyWhitespace: common.minify,
  plugins: [docxPatches],
});
// (An unminified build keeps the comments, some of them not ASCII.)
if (common.minify) {
  for (const name of [...Object.values(CLI_BUNDLES), "zod", "pdf-stack", "docx"]) {
    assertAsciiBundle(path.join(dist, `${name}.cjs`));
  }
}
await build({ ...common, entryPoints: ["src/boot/cli.ts"], outfile: "dist/cli.cjs" });

await writePackCache();

// The training runs, each a fresh process, so that a cache holds what a run compiles
// (src/boot/bundles.ts): `validate` over the bundled pack for the validate bundle and for the whole
// CLI's general cache (every command loads the questionnaire as `validate` does).
const trainer = path.join(work, "train.cjs");
await build({ ...common, entryPoints: ["src/boot/train.ts"], outfile: trainer });
for (const name of Object.values(CLI_BUNDLES)) {
  train(name, name, ["validate", path.join(root, "questionnaires")], `the ${name} code-cache`);
}
// zod's cache: `validate` explaining the problems of a dimension file that fails the precompiled
// checks (an unknown key, a text of the wrong type, a question without its text).
train(CLI_BUNDLES.validate, null, ["validate", writeZodTrainingFile()], "zod's code-cache", {
  side: "zod",
});

// The documents' cache of the whole CLI's bundle: a Markdown report, then an English PDF report
// (the standard fonts) and a Chinese one (an embedded font, when the machine has one), each adding
// what it compiled, the PDF reports to the PDF libraries' cache as well.
const example = (client, lang) => {
  const dir = path.join(root, "examples", client);
  const answers = readdirSync(path.join(dir, "answers"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => path.join(dir, "answers", f));
  return ["report", ...answers, "--targets", path.join(dir, "targets.yaml"), "--lang", lang];
};
train(
  CLI_BUNDLES.all,
  DOCUMENTS_CACHE,
  [...example("acme-manufacturing", "en"), "-o", path.join(work, "train-en.md")],
  "the documents' code-cache (Markdown)",
);
// After each PDF report, a Word report records what it compiles of docx in docx's own cache only
// (the documents' cache stays as it is: every report reads all of it).
for (const [client, lang] of [
  ["acme-manufacturing", "en"],
  ["huaxin-retail", "zh-CN"],
]) {
  for (const [format, side, what] of [
    ["pdf", "pdf-stack", "PDF"],
    ["docx", "docx", "Word"],
  ]) {
    const out = ["--format", format, "-o", path.join(work, `train-${lang}.${format}`)];
    train(
      CLI_BUNDLES.all,
      DOCUMENTS_CACHE,
      [...example(client, lang), ...out],
      `the ${what} code-cache (${lang})`,
      { side, extend: format === "pdf" },
    );
  }
}

/**
 * Runs the CLI `bundle` once with `args` under the trainer (src/boot/train.ts): it records the
 * code cache `cache` (a file stem in dist/; null for none) afresh, or with `extend` adds to it,
 * and with `side` adds to that side bundle's cache. Exit 1 only means findings (which the tests
 * report): the code ran all the same.
 */
function train(bundle, cache, args, what, { side, extend = false } = {}) {
  const run = spawnSync(
    process.execPath,
    [
      trainer,
      ...(extend ? ["--extend"] : []),
      ...(side ? ["--side", side] : []),
      path.join(dist, `${bundle}.cjs`),
      // Without a cache of its own to record (null), the run uses the bundle's and leaves it be.
      path.join(dist, `${cache ?? bundle}.v8-cache`),
      ...args,
    ],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      // V8 refuses a cache made under other flags, so the build's own NODE_OPTIONS must not leak
      // in; the font facts a Chinese PDF caches go to the build's folder, not the user's cache.
      env: { ...process.env, NODE_OPTIONS: "", CRM_MATURITY_CACHE_DIR: path.join(work, "cache") },
    },
  );
  if (run.status !== 0 && run.status !== 1) {
    console.error(`build: ${what} training run failed (exit ${run.status})`);
    process.exit(1);
  }
}

/** A copy of one of the pack's dimension files with three problems only zod explains. */
function writeZodTrainingFile() {
  const source = readFileSync(
    path.join(root, "questionnaires/crm-maturity/dimensions/culture.yaml"),
    "utf8",
  );
  const broken = `${source.replace(/^weight: .*$/m, "weight: heavy").replace(/^( {4})text:$/m, "$1prompt:")}colour: blue\n`;
  if (broken === `${source}colour: blue\n` || !broken.includes("weight: heavy")) {
    throw new Error("build: culture.yaml changed; check writeZodTrainingFile");
  }
  const file = path.join(work, "train-zod", "culture.yaml");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, broken);
  return file;
}

/**
 * dist/pack-cache.bin: every YAML file of the bundled pack parsed by the CLI's own parser
 * (src/io/yaml.ts), stored as JSON beside the bytes it came from (src/io/pack-cache.ts writes and
 * reads the format). Only files that parse cleanly and whose value survives JSON unchanged are
 * stored.
 */
async function writePackCache() {
  const { parseYamlSource, decodeUtf8, packCacheKey, encodePackCache } = await buildHelpers();
  const entries = [];
  const folder = path.join(root, "questionnaires");
  for (const name of readdirSync(folder, { recursive: true }).map(String).sort()) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const file = path.join(folder, name);
    const bytes = readFileSync(file);
    const decoded = decodeUtf8(bytes, name);
    if ("issue" in decoded) continue;
    const { file: parsed, issues } = parseYamlSource(decoded.text, file, name);
    if (!parsed || issues.length > 0) continue;
    const json = JSON.stringify(parsed.value);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), parsed.value)) continue;
    entries.push({ key: packCacheKey(file), bytes, json });
  }
  writeFileSync(path.join(dist, "pack-cache.bin"), encodePackCache(entries));
}

/**
 * Every command reads the bundle as text at start-up. esbuild escapes non-ASCII characters in
 * strings but not in regular expressions, and one such character makes V8 hold the whole bundle
 * as two-byte text, decoded the slow way (2% of `validate`): write them as \u escapes.
 */
function assertAsciiBundle(file) {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/[\u0080-\u{10ffff}]+/gu)].slice(0, 5);
  if (found.length > 0) {
    const where = found.map((m) => `  …${text.slice(Math.max(0, m.index - 40), m.index + 20)}…`);
    console.error(
      `build: ${path.relative(root, file)} is not ASCII (write these characters in regular expressions as \\u escapes):\n${where.join("\n")}`,
    );
    process.exit(1);
  }
}

/** scripts/lib/build-helpers.ts, bundled and loaded once. */
async function buildHelpers() {
  if (!helpers) {
    const file = path.join(work, "build-helpers.cjs");
    await build({
      ...common,
      entryPoints: ["scripts/lib/build-helpers.ts"],
      outfile: file,
      external: ["yaml", "handlebars"],
    });
    const require = createRequire(import.meta.url);
    delete require.cache[file];
    helpers = require(file);
  }
  return helpers;
}

/**
 * The module that replaces src/render/precompiled-templates.ts in the bundle: every bundled
 * template with its text and Handlebars.precompile's output, compiled with the options the CLI
 * compiles it with (noEscape, strict where src/render/templates.ts says so).
 */
async function precompiledTemplatesModule() {
  const { templateIsStrict } = await buildHelpers();
  const hb = createRequire(import.meta.url)("handlebars");
  const folder = path.join(root, "templates");
  const entries = [];
  for (const name of readdirSync(folder, { recursive: true }).map(String).sort()) {
    if (!name.endsWith(".hbs")) continue;
    const rel = name.split(path.sep).join("/");
    const text = readFileSync(path.join(folder, name), "utf8");
    const strict = templateIsStrict(rel);
    const spec = hb.precompile(text, { noEscape: true, strict });
    entries.push(
      `${JSON.stringify(rel)}: { text: ${JSON.stringify(text)}, strict: ${strict}, spec: ${spec} }`,
    );
  }
  return `export const precompiledTemplates = {\n${entries.join(",\n")}\n};\n`;
}
