// The entry of dist/pdf-stack.cjs (scripts/build.mjs): pdfkit and fontkit, bundled together so
// one V8 code cache covers them (src/boot/side-bundles.ts loads it). CommonJS, so that pdfkit and
// this entry resolve one and the same fontkit (its CommonJS build).
module.exports = { PDFDocument: require("pdfkit"), fontkit: require("fontkit") };
