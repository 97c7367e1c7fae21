// Preloaded with `node --require` by tests: on exit, prints to stderr every package the process
// loaded, one "loaded: <name>" line each, so a test can check what start-up pulls in. The built
// CLI runs pdfkit and fontkit from their own bundle (dist/pdf-stack.cjs, compiled through
// vm.Script by src/boot/code-cache.ts): compiling that bundle counts as loading both.
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
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    if (/[\\/]pdf-stack\.cjs$/.test(options?.filename ?? "")) {
      seen.add("pdfkit");
      seen.add("fontkit");
    }
  }
};
process.on("exit", () => {
  for (const name of seen) process.stderr.write(`loaded: ${name}\n`);
});
