// The entry of dist/docx.cjs (scripts/build.mjs): the docx library, bundled apart with its own V8
// code cache (src/boot/side-bundles.ts loads it), so that a Word document does not compile it
// from node_modules on every run.
module.exports = require("docx");
