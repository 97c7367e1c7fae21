/**
 * Makes an Office Open XML package (DOCX, PPTX) byte-identical for the same input: the libraries
 * that write them stamp the current time on every zip entry and in docProps/core.xml. The package
 * is re-zipped in its own entry order with one fixed timestamp (the document's date at noon UTC)
 * and the core properties' created/modified dates set to that date; embedded packages (a chart's
 * workbook) likewise. Nothing else changes. Given the library's zip before it is generated (`zip`),
 * the package is compressed once, not deflated, inflated and deflated again. fflate writes the
 * zip; each entry is deflated by Node's zlib, as the PDF's streams are (the JavaScript deflate of
 * JSZip took about 0.2 s of CPU for a Word report, zlib takes about 0.01 s).
 */
export async function normalizePackage(
  bytes: Uint8Array | ZipEntries,
  isoDate: string,
): Promise<Uint8Array> {
  const { unzipSync, Zip, ZipPassThrough } = await import("fflate");
  const { deflateRawSync } = await import("node:zlib");
  const stamp = documentStamp(isoDate);
  // fflate writes an entry's time in local time: the stamp's date and hour, whatever the zone.
  const mtime = new Date(stamp.getUTCFullYear(), stamp.getUTCMonth(), stamp.getUTCDate(), 12);
  // An entry deflated by zlib in one piece (fflate's way to bring another compressor).
  class Deflated extends ZipPassThrough {
    constructor(name: string) {
      super(name);
      this.compression = 8;
      this.mtime = mtime;
    }
    protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
      this.ondata(null, new Uint8Array(deflateRawSync(chunk, { level: 6 })), final);
    }
  }
  const files = bytes instanceof Uint8Array ? unzipped(unzipSync(bytes)) : await entriesOf(bytes);
  // The content types first, then the package relationships, as Office writes them.
  const rank = (name: string): number =>
    name === "[Content_Types].xml" ? 0 : name === "_rels/.rels" ? 1 : 2;
  const ordered = files
    .map((file, index) => ({ file, index }))
    .sort((a, b) => rank(a.file.name) - rank(b.file.name) || a.index - b.index)
    .map(({ file }) => file);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const { name, data: raw } of ordered) {
    let data = raw;
    if (/\.(xlsx|docx|pptx)$/.test(name)) {
      // An embedded package (a chart's workbook) carries its own timestamps.
      data = await normalizePackage(data, isoDate);
    } else if (name === "docProps/core.xml") {
      const xml = new TextDecoder()
        .decode(data)
        .replace(
          /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${stamp.toISOString().replace(/\.\d{3}Z$/, "Z")}$2`,
        );
      data = new TextEncoder().encode(xml);
    }
    const entry = new Deflated(name);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

interface Entry {
  name: string;
  data: Uint8Array;
}

/** A read zip's files in its order, without folder entries. */
function unzipped(files: Record<string, Uint8Array>): Entry[] {
  return Object.entries(files)
    .filter(([name]) => !name.endsWith("/"))
    .map(([name, data]) => ({ name, data }));
}

async function entriesOf(zip: ZipEntries): Promise<Entry[]> {
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  return Promise.all(
    entries.map(async (entry) => ({ name: entry.name, data: await entry.async("uint8array") })),
  );
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
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
