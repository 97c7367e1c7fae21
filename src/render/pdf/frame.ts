import type { BrandLogo, BrandView } from "../../core/models/brand.js";
import { fillPlaceholders } from "../../core/text/placeholders.js";
import type { ReportModel } from "../../views/report/model.js";
import { COLOR, PAGE, SIZE } from "./theme.js";
import type { TextStyle, Writer } from "./writer.js";

/** The cover: title block, engagement fields, confidentiality notice. No header or footer. */
export function drawCover(w: Writer, report: ReportModel): void {
  const { cover, meta } = report;
  const doc = w.doc;
  const bandHeight = 318;
  doc.save();
  doc.rect(0, 0, PAGE.width, bandHeight).fill(w.palette.accent);
  doc.rect(0, bandHeight, PAGE.width, 5).fill(w.brand?.colors?.accent ?? COLOR.target);
  doc.restore();

  const x = w.left;
  const width = w.width;
  const clientStyle: TextStyle = { size: 12, style: "bold", color: "#c9d6e6" };
  const titleStyle: TextStyle = { size: 27, style: "bold", color: COLOR.white, lineGap: 3 };
  const subtitleStyle: TextStyle = { size: 13, color: "#dbe4ef", lineGap: 2 };
  const titleH = w.measure(cover.title, width, titleStyle);
  const subtitleH = cover.subtitle ? w.measure(cover.subtitle, width, subtitleStyle) : 0;
  let y = bandHeight - 42 - subtitleH - titleH - 30;
  w.draw(meta.questionnaire.title, x, y, width, clientStyle);
  y += 30;
  y += w.draw(cover.title, x, y, width, titleStyle) + 10;
  if (cover.subtitle) w.draw(cover.subtitle, x, y, width, subtitleStyle);

  // Engagement fields in two columns, label above value.
  const colWidth = (width - 24) / 2;
  const labelStyle: TextStyle = { size: SIZE.small, color: COLOR.muted };
  const valueStyle: TextStyle = { size: 11, style: "bold", color: COLOR.ink, lineGap: 1.5 };
  let rowY = bandHeight + 52;
  for (let i = 0; i < cover.fields.length; i += 2) {
    let rowH = 0;
    for (let k = 0; k < 2; k++) {
      const field = cover.fields[i + k];
      if (!field) continue;
      const fx = x + k * (colWidth + 24);
      const lh = w.draw(field.label, fx, rowY, colWidth, labelStyle);
      const vh = w.draw(field.value, fx, rowY + lh + 2, colWidth, valueStyle);
      rowH = Math.max(rowH, lh + 2 + vh);
    }
    rowY += rowH + 16;
  }

  // A firm's own confidentiality notice takes the place of the report's, never beside it.
  const firmNotice = w.brand?.confidentiality;
  const notice = firmNotice || cover.notice;
  const noticeStyle: TextStyle = firmNotice
    ? { size: SIZE.small, style: "bold", color: COLOR.ink, lineGap: 1.5 }
    : { size: SIZE.small, color: COLOR.muted, lineGap: 1.5 };
  const noticeH = w.measure(notice, width, noticeStyle);
  const noticeY = PAGE.height - 64 - noticeH;
  w.rule(noticeY - 10, COLOR.rule, 0.6);
  w.draw(notice, x, noticeY, width, noticeStyle);
  if (w.brand) drawCoverBrand(w, w.brand, noticeY - 10);
  doc.x = w.left;
  doc.y = w.top;
  w.blankPage = false;
}

/** A logo fitted into a box, aligned to its left or right edge; its drawn width. */
export function drawLogo(
  w: Writer,
  logo: BrandLogo,
  box: { x: number; y: number; width: number; height: number; align: "left" | "right" },
): number {
  const scale = Math.min(box.width / logo.width, box.height / logo.height);
  const width = logo.width * scale;
  const height = logo.height * scale;
  const x = box.align === "right" ? box.x + box.width - width : box.x;
  w.doc.image(w.logoImage(logo), x, box.y + (box.height - height) / 2, { width, height });
  return width;
}

/**
 * The firm on a branded cover: its cover line at the top of the band, and its logo and name in
 * the white area above the notice (its confidentiality notice, when it has one).
 */
function drawCoverBrand(w: Writer, brand: BrandView, ruleY: number): void {
  const x = w.left;
  if (brand.coverLine) {
    w.draw(brand.coverLine, x, 46, w.width, { size: 10, style: "bold", color: "#dbe4ef" });
  }
  const baseY = ruleY - 12 - 44;
  let nameX = x;
  if (brand.logo)
    nameX += drawLogo(w, brand.logo, { x, y: baseY, width: 150, height: 44, align: "left" }) + 14;
  if (brand.firm) {
    w.drawLine(brand.firm, nameX, baseY + 15, w.right - nameX, {
      size: 11,
      style: "bold",
      color: w.palette.accent,
    });
  }
}

/** The contents page, drawn once every section knows its page. */
export function drawContents(w: Writer, report: ReportModel, pageIndex: number): void {
  w.doc.switchToPage(pageIndex);
  const titleStyle: TextStyle = { size: SIZE.h1, style: "bold", color: w.palette.accent };
  let y = w.top;
  const h = w.draw(report.labels.contents, w.left, y, w.width, titleStyle);
  y += h + 5;
  w.rule(y, w.palette.accent, 1.2);
  y += 18;
  for (const entry of w.toc) {
    const style: TextStyle =
      entry.level === 1
        ? { size: 11, style: "bold", color: COLOR.ink }
        : { size: SIZE.body, color: COLOR.muted };
    const indent = entry.level === 1 ? 0 : 18;
    const page = String(entry.page + 1);
    const pageWidth = w.widthOf(page, style);
    const titleWidth = w.width - indent - 40;
    if (entry.level === 1) y += 7;
    const th = w.draw(entry.title, w.left + indent, y, titleWidth, style);
    w.draw(page, w.right - pageWidth, y, pageWidth + 1, style);
    // Dot leader from the title's last line to the page number.
    const lastLineWidth = Math.min(w.widthOf(entry.title, style), titleWidth);
    const lh = w.lineHeight(style);
    const dotsFrom = w.left + indent + lastLineWidth + 6;
    const dotY = y + th - lh / 2 + 1;
    if (th <= lh * 1.5 && w.right - pageWidth - 6 > dotsFrom) {
      w.doc.save();
      w.doc
        .moveTo(dotsFrom, dotY)
        .lineTo(w.right - pageWidth - 6, dotY)
        .dash(0.6, { space: 2.4 })
        .lineWidth(0.6)
        .strokeColor(COLOR.faint)
        .stroke();
      w.doc.undash();
      w.doc.restore();
    }
    w.doc.goTo(w.left, y, w.width, th, entry.destination);
    y += th + (entry.level === 1 ? 5 : 3);
  }
}

/** Running header (client) and footer (notice, page number) on every page from `firstPage` on. */
export function drawFrame(
  w: Writer,
  meta: Pick<ReportModel["meta"], "header" | "footer" | "pageNumber">,
  firstPage: number,
): void {
  const range = w.doc.bufferedPageRange();
  const total = range.count;
  const style: TextStyle = { size: SIZE.header, color: COLOR.muted };
  for (let i = range.start + firstPage; i < range.start + total; i++) {
    w.doc.switchToPage(i);
    // Text in the margins must not trip pdfkit's automatic page break.
    const margins = w.doc.page.margins;
    const bottom = margins.bottom;
    margins.bottom = 0;
    const logo = w.brand?.logo;
    const logoWidth = logo
      ? drawLogo(w, logo, {
          x: w.right - 90,
          y: PAGE.headerY - 6,
          width: 90,
          height: 16,
          align: "right",
        }) + 12
      : 0;
    w.drawLine(meta.header, w.left, PAGE.headerY, w.width - logoWidth, style);
    w.rule(PAGE.headerY + 12, COLOR.rule, 0.4);
    w.rule(PAGE.footerY - 6, COLOR.rule, 0.4);
    const number = fillPlaceholders(meta.pageNumber, { page: i + 1, pages: total });
    const numberWidth = w.widthOf(number, style) + 1;
    const brand = w.brand;
    const footer = brand ? (brand.footer ?? meta.footer) : meta.footer;
    w.drawLine(footer, w.left, PAGE.footerY, w.width - numberWidth - 16, style);
    if (brand?.confidentiality) {
      w.drawLine(brand.confidentiality, w.left, PAGE.footerY + 11, w.width - numberWidth - 16, {
        ...style,
        style: "bold",
      });
    }
    w.drawLine(number, w.right - numberWidth, PAGE.footerY, numberWidth, style);
    margins.bottom = bottom;
  }
}
