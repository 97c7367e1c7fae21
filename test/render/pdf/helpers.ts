import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** True when poppler's pdftotext is installed; CI must have it (`.ci/run` installs it). */
export function havePdftotext(): boolean {
  const r = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  const found = r.error === undefined;
  if (!found && process.env.CI) {
    throw new Error("pdftotext is required in CI (apt-get install poppler-utils)");
  }
  return found;
}

/**
 * Extracts a PDF's text with pdftotext, page breaks as form feeds; `raw`: in content-stream order,
 * so a table's row reads as one line.
 */
export function pdfText(
  pdf: Uint8Array,
  opts: { raw?: boolean } = {},
): { text: string; pages: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-pdf-"));
  const file = path.join(dir, "report.pdf");
  writeFileSync(file, pdf);
  const r = spawnSync("pdftotext", [...(opts.raw ? ["-raw"] : []), "-enc", "UTF-8", file, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages = r.stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return { text: r.stdout, pages };
}

/** Word boxes per page (points, origin top-left), from `pdftotext -bbox`. */
export function pdfWords(
  pdf: Uint8Array,
): { x1: number; y1: number; x2: number; y2: number; text: string }[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-pdf-"));
  const file = path.join(dir, "report.pdf");
  writeFileSync(file, pdf);
  const r = spawnSync("pdftotext", ["-bbox", file, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`pdftotext -bbox failed: ${r.stderr}`);
  const word =
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  return r.stdout
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(word)].map((m) => ({
        x1: Number(m[1]),
        y1: Number(m[2]),
        x2: Number(m[3]),
        y2: Number(m[4]),
        text: m[5] ?? "",
      })),
    );
}

/** Pairs of words whose boxes overlap (text drawn over text), as "page: a / b". */
export function overlappingWords(pages: ReturnType<typeof pdfWords>): string[] {
  const found: string[] = [];
  pages.forEach((words, p) => {
    const sorted = [...words].sort((a, b) => a.x1 - b.x1);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i];
      if (!a) continue;
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j];
        if (!b || b.x1 >= a.x2) break;
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (dx > 1 && dy > 2) found.push(`${p + 1}: ${a.text} / ${b.text}`);
      }
    }
  });
  return found;
}

/** Text with all whitespace removed, so wrapped lines still match. */
export const squash = (text: string): string => text.replace(/\s+/g, "");

/** The CJK font this machine (and CI) should have, if any. */
export const WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
