import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";

/** The parts of an Office Open XML package (DOCX, PPTX) as text, by name. */
export async function packageParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir && /\.(xml|rels|svg)$/.test(entry.name))
      parts.set(entry.name, await entry.async("string"));
  }
  return parts;
}

/** The names of a package's entries, in zip order. */
export async function entryNames(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files);
}

/**
 * Where a slide's tables stand, in inches: each table frame's left edge and width, and the left
 * edge of its text (what a text box's inset, PowerPoint's default 0.1 in, puts inside its edge).
 */
export function slideFrames(slideXml: string): { tables: Frame[]; textStarts: number[] } {
  const inches = (emu: string | undefined) => Number(emu) / 914_400;
  const frame = (xml: string): Frame => {
    const m = /<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)"/.exec(xml);
    return { x: inches(m?.[1]), w: inches(m?.[2]) };
  };
  const tables = (slideXml.match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? [])
    .filter((xml) => xml.includes("<a:tbl>"))
    .map(frame);
  const textStarts = (slideXml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [])
    .filter((xml) => xml.includes("<p:txBody>") && !/lIns="/.test(xml))
    .map((xml) => frame(xml).x + 0.1);
  return { tables, textStarts };
}

export interface Frame {
  x: number;
  w: number;
}

/**
 * Converts a DOCX/PPTX to PDF with LibreOffice headless and returns the PDF's text (pdftotext).
 * Text in content-stream order (-raw), so a table cell's lines stay together.
 * LibreOffice is required: CI installs it (libreoffice-writer-nogui, libreoffice-impress-nogui),
 * so a missing `soffice` fails the test rather than skipping it.
 */
export function officeToText(bytes: Uint8Array, ext: "docx" | "pptx"): string {
  const pdf = officeToPdf(bytes, ext);
  const t = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (t.status !== 0) throw new Error(`pdftotext failed: ${t.stderr}`);
  return t.stdout;
}

/** How many pages LibreOffice lays a DOCX/PPTX out on (pdfinfo of its PDF). */
export function officePages(bytes: Uint8Array, ext: "docx" | "pptx"): number {
  const info = spawnSync("pdfinfo", [officeToPdf(bytes, ext)], { encoding: "utf8" });
  if (info.status !== 0) throw new Error(`pdfinfo failed: ${info.stderr}`);
  return Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
}

/** A word LibreOffice set, with its box in points from the page's top left. */
export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of each page (or slide) as LibreOffice lays them out (pdftotext -bbox of its PDF). */
export function officeWordBoxes(bytes: Uint8Array, ext: "docx" | "pptx"): WordBox[][] {
  const t = spawnSync("pdftotext", ["-bbox", "-enc", "UTF-8", officeToPdf(bytes, ext), "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (t.status !== 0) throw new Error(`pdftotext failed: ${t.stderr}`);
  return t.stdout
    .split("<page ")
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: m[5] ?? "",
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

/** Converts a DOCX/PPTX to PDF with LibreOffice headless; returns the PDF's path. */
function officeToPdf(bytes: Uint8Array, ext: "docx" | "pptx"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-office-"));
  const file = path.join(dir, `document.${ext}`);
  writeFileSync(file, bytes);
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (r.error) throw new Error(`LibreOffice (soffice) is required: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const pdf = path.join(dir, "document.pdf");
  readFileSync(pdf); // throws when LibreOffice could not open the file
  return pdf;
}
