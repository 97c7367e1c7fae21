import type { default as PDFKitDocument } from "pdfkit";

/** The libraries that write PDFs: pdfkit, and fontkit, its font engine (one copy for both). */
export interface PdfLibraries {
  PDFDocument: typeof PDFKitDocument;
  fontkit: typeof import("fontkit");
}

/**
 * Loads pdfkit and fontkit on first use. Running from source, as the unit tests do, they come from
 * node_modules; the build (scripts/build.mjs) puts in place of this module one that runs them
 * bundled with a V8 code cache (src/boot/pdf-stack.ts), because loading and compiling them was
 * a fifth of a PDF report's time.
 */
export async function loadPdfLibraries(): Promise<PdfLibraries> {
  const [{ default: PDFDocument }, fontkit] = await Promise.all([
    import("pdfkit"),
    import("fontkit"),
  ]);
  return { PDFDocument, fontkit };
}
