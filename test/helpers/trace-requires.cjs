// Preloaded with `node --require` by tests: on exit, prints to stderr every package the process
// loaded, one "loaded: <name>" line each, so a test can check what start-up pulls in. The built
// CLI runs some packages from side bundles (src/boot/side-bundles.ts, compiled through vm.Script
// by src/boot/code-cache.ts): compiling one counts as loading the packages it holds.
const Module = require("node:module");
const vm = require("node:vm");
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!request.startsWith(".") && !request.startsWith("/") && !request.startsWith("node:"))
    seen.add(
      request
        .split("/")
        .slice(0, request.startsWith("@") ? 2 : 1)
        .join("/"),
    );
  return load.call(this, request, ...rest);
};
const SIDE_BUNDLES = { "pdf-stack": ["pdfkit", "fontkit"], docx: ["docx"], zod: ["zod"] };
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    const side = /[\\/]dist[\\/](pdf-stack|docx|zod)\.cjs$/.exec(options?.filename ?? "")?.[1];
    for (const name of SIDE_BUNDLES[side] ?? []) seen.add(name);
  }
};
process.on("exit", () => {
  for (const name of seen) process.stderr.write(`loaded: ${name}\n`);
});
