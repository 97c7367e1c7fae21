import { describe, expect, it } from "vitest";
import { openPdf } from "../../../src/render/pdf/document.js";
import { collectCodePoints } from "../../../src/render/pdf/text.js";
import { havePdftotext, pdfText } from "./helpers.js";

const pdftotext = havePdftotext();

/** A PDF whose writer first runs `fill`, then draws `draw`; its pages' text. */
async function pages(
  draw: (w: Awaited<ReturnType<typeof openPdf>>["w"]) => void,
): Promise<string[]> {
  const { w, finish } = await openPdf({
    lang: "en",
    codePoints: collectCodePoints("Item 0123456789 Filler"),
    env: {},
    info: { title: "t", author: "a", subject: "s", keywords: "", date: "2026-01-01" },
  });
  draw(w);
  return pdfText(await finish()).pages;
}

describe.skipIf(!pdftotext)("the PDF writer's lists", () => {
  it("never carries a list's last item alone onto a new page", async () => {
    const items = Array.from({ length: 6 }, (_, i) => `Item ${i + 1}`);
    // Room for every item but the last: the last two go on together.
    const text = await pages((w) => {
      const h = w.bulletsHeight(items);
      const last = w.bulletsHeight(items.slice(-1)) - 2;
      w.y = w.bottom - h + last + 2;
      w.bullets(items);
    });
    expect(text).toHaveLength(2);
    expect(text[1]).toContain("Item 5");
    expect(text[1]).toContain("Item 6");
    expect(text[0]).toContain("Item 4");
  });
});
