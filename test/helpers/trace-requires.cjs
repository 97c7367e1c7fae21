// Preloaded with `node --require` by tests: on exit, prints to stderr every package the process
// loaded, one "loaded: <name>" line each, so a test can check what start-up pulls in.
const Module = require("node:module");
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
process.on("exit", () => {
  for (const name of seen) process.stderr.write(`loaded: ${name}\n`);
});
