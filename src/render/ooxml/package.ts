/**
 * Makes an Office Open XML package (DOCX, PPTX) byte-identical for the same input: the libraries
 * that write them stamp the current time on every zip entry and in docProps/core.xml. The package
 * is re-zipped in its own entry order with one fixed timestamp (the document's date at noon UTC)
 * and the core properties' created/modified dates set to that date; embedded packages (a chart's
 * workbook) likewise. Nothing else changes. Given the library's zip before it is generated (`zip`),
 * the package is compressed once, not deflated, inflated and deflated again.
 */
export async function normalizePackage(
  bytes: Uint8Array | ZipEntries,
  isoDate: string,
): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const source = bytes instanceof Uint8Array ? await JSZip.loadAsync(bytes) : bytes;
  const stamp = documentStamp(isoDate);
  const out = new JSZip();
  // The content types first, then the package relationships, as Office writes them.
  const rank = (name: string): number =>
    name === "[Content_Types].xml" ? 0 : name === "_rels/.rels" ? 1 : 2;
  const entries = Object.values(source.files)
    .filter((entry) => !entry.dir)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry.name) - rank(b.entry.name) || a.index - b.index)
    .map(({ entry }) => entry);
  for (const entry of entries) {
    let data: Uint8Array | string = await entry.async("uint8array");
    if (/\.(xlsx|docx|pptx)$/.test(entry.name)) {
      // An embedded package (a chart's workbook) carries its own timestamps.
      data = await normalizePackage(data, isoDate);
    } else if (entry.name === "docProps/core.xml") {
      data = new TextDecoder()
        .decode(data)
        .replace(
          /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${stamp.toISOString().replace(/\.\d{3}Z$/, "Z")}$2`,
        );
    }
    out.file(entry.name, data, { date: stamp, createFolders: false });
  }
  return out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}

/** A zip's entries as JSZip holds them (docx bundles its own copy of JSZip). */
export interface ZipEntries {
  files: Record<
    string,
    { name: string; dir: boolean; async(type: "uint8array"): Promise<Uint8Array> }
  >;
}

/** The document's date at noon UTC: stable across machines and time zones. */
export function documentStamp(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return new Date(Date.UTC(2000, 0, 1, 12));
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}
