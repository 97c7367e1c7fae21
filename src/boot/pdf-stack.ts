import type { PdfLibraries } from "../io/pdf-libraries.js";
import { loadSideBundle } from "./side-bundles.js";

/** pdfkit and fontkit from their side bundle (src/boot/side-bundles.ts), in place of src/io/pdf-libraries.ts. */
export async function loadPdfLibraries(): Promise<PdfLibraries> {
  return loadSideBundle("pdf-stack") as PdfLibraries;
}
