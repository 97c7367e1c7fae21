// Preloaded with `node --require` by tests: on exit, prints to stderr every package the process
// loaded, one "loaded: <name>" line each (and a "from: <name> <folder>" line for each copy), so a test can check what start-up pulls in. The built
// CLI runs some packages from side bundles (src/boot/side-bundles.ts, compiled through vm.Script
// by src/boot/code-cache.ts): compiling one counts as loading the packages it holds.
const Module = require("node:module");
const vm = require("node:vm");
const seen = new Set();
// Where each package was loaded from, by name: two versions of one package (a dependency's own
// copy) are told apart by their folders ("from: <name> <folder>" lines).
const from = new Set();
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (!request.startsWith(".") && !request.startsWith("/") && !request.startsWith("node:")) {
    const name = request
      .split("/")
      .slice(0, request.startsWith("@") ? 2 : 1)
      .join("/");
    seen.add(name);
    try {
      const file = Module._resolveFilename(request, parent);
      const at = file.lastIndexOf(`node_modules/${name}/`);
      if (at >= 0) from.add(`${name} ${file.slice(0, at + 13 + name.length)}`);
    } catch {}
  }
  return load.call(this, request, parent, ...rest);
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
  for (const line of from) process.stderr.write(`from: ${line}\n`);
});
