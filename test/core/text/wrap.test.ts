import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, lineEm, textEm } from "../../../src/core/text/width.js";
import {
  COLUMNS,
  columnFit,
  EMS,
  fillLines,
  glueDates,
  linesAtEm,
  longestToken,
  longestWordEm,
  type Measure,
  phrasePieces,
  segments,
  wholeWidth,
  widenColumns,
  wrapLines,
  wrapRuns,
  wrapToWidth,
} from "../../../src/core/text/wrap.js";

const word = fc.stringMatching(/^[A-Za-z]{1,30}$|^[一-龥]{1,6}$|^[，。、（）“”]$|^[—·▲]$/);

describe("wrapLines", () => {
  it("breaks Latin text between words and Chinese between characters", () => {
    expect(wrapLines("Performance measurement and incentives", 24)).toEqual([
      "Performance measurement",
      "and incentives",
    ]);
    expect(wrapLines("以客户为中心的文化", 12)).toEqual(["以客户为中心", "的文化"]);
  });

  it("keeps closing punctuation with the character before it and opening with the one after", () => {
    // Without the rule the line would end after 间 and start the next with （.
    expect(wrapLines("已落入预警区间（低于 2 分）", 16)).toEqual([
      "已落入预警区间",
      "（低于 2 分）",
    ]);
    expect(wrapLines("一题得分为二分。已落入", 14)).toEqual(["一题得分为二", "分。已落入"]);
  });

  it("cuts a word longer than a line rather than overflow or drop it", () => {
    expect(wrapLines("see test/fixtures/validate/lead.yaml", 12)).toEqual([
      "see",
      "test/fixture",
      "s/validate/l",
      "ead.yaml",
    ]);
  });

  it("keeps the spaces between words, drops them at line ends, starts a line at a newline", () => {
    expect(wrapLines("id  text that wraps", 10)).toEqual(["id  text", "that wraps"]);
    expect(wrapLines("a\n\n  b", 10)).toEqual(["a", "", "b"]);
    expect(wrapLines("", 10)).toEqual([""]);
  });

  it("gives the lines after the first their own width", () => {
    expect(wrapLines("one two three four", 9, 5)).toEqual(["one two", "three", "four"]);
  });

  it("never breaks inside a piece it is told to keep whole, a path or a quoted value", () => {
    const text = 'row 3 of my export.csv: expected "Strongly agree" or "非常同意"';
    const whole = ["my export.csv", '"Strongly agree"', '"非常同意"'];
    // Without them: "row 3 of my" / "export.csv:", "expected "Strongly" / "agree" or "非常同" / "意"".
    expect(wrapLines(text, 18)).toContain('agree" or "非常同');
    expect(wrapLines(text, 18, 18, whole)).toEqual([
      "row 3 of",
      "my export.csv:",
      "expected",
      '"Strongly agree"',
      'or "非常同意"',
    ]);
    // Still cut, between characters, when wider than a line: nothing is dropped.
    expect(wrapLines("a long/path/name b", 6, 6, ["long/path/name"])).toEqual([
      "a",
      "long/p",
      "ath/na",
      "me b",
    ]);
  });

  it("never exceeds the width and keeps every character, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.integer({ min: 2, max: 90 }),
        (words, width) => {
          const text = words.join(" ");
          const lines = wrapLines(text, width);
          for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
          expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        },
      ),
    );
  });
});

describe("wrapRuns", () => {
  it("keeps each run's style on its part of every line", () => {
    const lines = wrapRuns(
      [
        { text: "Readiness:", style: "bold" },
        { text: " ", style: "" },
        { text: "READY WITH CONDITIONS", style: "yellow" },
        { text: " — proceed", style: "" },
      ],
      20,
    );
    expect(lines).toEqual([
      [
        { text: "Readiness:", style: "bold" },
        { text: " ", style: "" },
        { text: "READY", style: "yellow" },
      ],
      [
        { text: "WITH CONDITIONS", style: "yellow" },
        { text: " —", style: "" },
      ],
      [{ text: "proceed", style: "" }],
    ]);
  });
});

describe("longestToken", () => {
  it("measures the widest piece a wrap never breaks", () => {
    expect(longestToken("Customer-centric culture †")).toBe(16);
    expect(longestToken("以客户为中心的文化")).toBe(2);
    // "（2 分）": the bracket stays with the number, the number with its unit.
    expect(longestToken("低于（2 分）")).toBe(8);
    expect(longestToken("")).toBe(0);
  });

  it("measures by any measure, a short Chinese value whole by its phrase width", () => {
    // As the PDF's tables measure a cell in their font: one unit a character here, and a phrase
    // set on one line half a unit narrower than its characters (kerning).
    const units = {
      width: (s: string) => [...s].length,
      hyphens: true,
      phrase: (s: string) => [...s].length - 0.5,
    };
    expect(longestToken("第 20 周前完成测量", units)).toBe(10.5);
    expect(longestToken("CRM 项目办公室", units)).toBe(8.5);
    expect(longestToken("工作量（人周）", units)).toBe(3.5);
    expect(longestToken("以客户为中心的文化 †", units)).toBe(8.5);
    // Longer text by its widest piece: a word, a hyphenated word's parts, a character.
    expect(longestToken("由总经理亲自主持的指导委员会会议比例", units)).toBe(1);
    expect(longestToken("Effort (person-weeks)", units)).toBe(8);
    expect(longestToken("Owner responsibilities", { ...units, phrase: undefined })).toBe(16);
  });
});

describe("phrasePieces", () => {
  it("splits a short text with Chinese in it where its column may break it, and no other text", () => {
    expect(phrasePieces(" 工作量（人周） ")).toEqual(["工作量", "（人周）"]);
    expect(phrasePieces("以客户为中心的文化 †")).toEqual(["以客户为中心的文化", "†"]);
    expect(phrasePieces("CRM 项目办公室")).toEqual(["CRM 项目办公室"]);
    expect(phrasePieces("一 ·")).toEqual(["一 ·"]);
    expect(phrasePieces("由总经理亲自主持的指导委员会会议")).toEqual([]);
    expect(phrasePieces("Level 3")).toEqual([]);
  });

  it("keeps such a text whole in a line filled with them as `whole`, breaking it only there", () => {
    const units = { width: (s: string) => [...s].length, hyphens: true };
    const lines = (text: string, max: number, whole: string[] = []) =>
      fillLines(text, units, max, max, whole).map(([from, to]) => text.slice(from, to));
    // Five characters wide: without the pieces, "工作量（人 / 周）".
    expect(lines("工作量（人周）", 5)).toEqual(["工作量（人", "周）"]);
    expect(lines("工作量（人周）", 5, phrasePieces("工作量（人周）"))).toEqual([
      "工作量",
      "（人周）",
    ]);
  });
});

describe("dates in words", () => {
  const units = {
    width: (s: string) => [...s].length,
    hyphens: true,
    phrase: (s: string) => [...s].length,
  };
  const lines = (text: string, max: number, whole: readonly string[] = []) =>
    fillLines(text, units, max, max, whole).map(([from, to]) => text.slice(from, to));

  it("are pieces a column holds whole, in every language", () => {
    expect(phrasePieces("1.88（2026年4月8日评估）")).toEqual(["2026年4月8日"]);
    expect(phrasePieces("在“僵化”阶段结束前（2027 年 2 月 16 日）达成")).toEqual([
      "2027 年 2 月 16 日",
    ]);
    expect(phrasePieces("1.88 (assessment of 16 March 2026)")).toEqual(["16 March 2026"]);
    expect(phrasePieces("Weeks 11–15, 3 people")).toEqual([]);
    // A month, as a client's evidence names one: Word set "接口文档（2026 年 / 3 月）".
    expect(phrasePieces("系统清单与接口文档（2026年3月），共 12 页")).toEqual(["2026年3月"]);
    expect(phrasePieces("自 2026 年 3 月起，各门店每周上报一次会员数据")).toEqual(["2026 年 3 月"]);
    expect(phrasePieces("单号 12026年3月的记录都已归档到共享盘")).toEqual([]);
    // A column is as wide as a date, whatever else is in the cell.
    expect(longestToken("1.88（2026年4月8日评估）", units)).toBe(9);
    expect(longestToken("1.88 (assessment of 16 March 2026)", units)).toBe(13);
    expect(longestWordEm("1.88 (assessment of 16 March 2026)")).toBeCloseTo(
      lineEm("16 March 2026"),
    );
  });

  it("never break across a line filled with them as `whole`", () => {
    const text = "1.88（2026年4月8日评估）";
    expect(lines(text, 10)).toEqual(["1.88（2026年", "4月8日评估）"]);
    expect(lines(text, 10, phrasePieces(text))).toEqual(["1.88", "（2026年4月8日", "评估）"]);
    const en = "2.24 (assessment of 16 March 2026)";
    expect(lines(en, 16)).toEqual(["2.24 (assessment", "of 16 March", "2026)"]);
    expect(lines(en, 16, phrasePieces(en))).toEqual(["2.24 (assessment", "of", "16 March 2026)"]);
  });

  it("are glued for Word with no-break spaces, and only dates", () => {
    const nb = "\u00a0";
    expect(glueDates("by 16 March 2027, then Weeks 1–4")).toBe(
      `by 16${nb}March${nb}2027, then Weeks 1–4`,
    );
    expect(glueDates("结束前（2027 年 2 月 16 日）达成")).toBe(
      `结束前（2027${nb}年${nb}2${nb}月${nb}16${nb}日）达成`,
    );
    // Without spaces, nothing to glue: the column holds it whole (wholeWidth).
    expect(glueDates("1.88（2026年4月8日评估）")).toBe("1.88（2026年4月8日评估）");
    expect(glueDates("第 46 周，3 people")).toBe("第 46 周，3 people");
  });
});

describe("wholeWidth", () => {
  const units = { width: (s: string) => [...s].length, hyphens: true };
  it("widens a line a word processor would end inside a whole piece, up to that piece's end", () => {
    const header = "工作量（人周）";
    // Five or six characters wide, a greedy fill ends "工作量（人": widened to the whole unit.
    expect(wholeWidth(header, units, 5, phrasePieces(header))).toBe(7);
    expect(wholeWidth(header, units, 6, phrasePieces(header))).toBe(7);
    // Four breaks before "（" (it never ends a line), seven holds it all: left as they are.
    expect(wholeWidth(header, units, 4, phrasePieces(header))).toBe(4);
    expect(wholeWidth(header, units, 7, phrasePieces(header))).toBe(7);
    // A date: "1.88（2026年 / 4月8日评估）" becomes "1.88（2026年4月8日 / 评估）".
    const cell = "1.88（2026年4月8日评估）";
    expect(wholeWidth(cell, units, 10, phrasePieces(cell))).toBe(14);
    // "of 16 March / 2026)" at 13: the date's line would take it whole at 17, with the bracket
    // that closes it, but less does: at 14 the lines before take more and the date starts its own
    // ("2.24 / (assessment of / 16 March 2026)").
    const en = "2.24 (assessment of 16 March 2026)";
    expect(wholeWidth(en, units, 13, phrasePieces(en))).toBe(14);
    expect(wholeWidth(en, units, 14, phrasePieces(en))).toBe(14);
    expect(wholeWidth(`${en} and`, units, 16, phrasePieces(en))).toBe(17);
    // A line that holds its date exactly: the widths summed piece by piece exceed the line's by a
    // rounding error, which once read as "no width keeps it whole" ("of 16 March / 2026)").
    const base = "2.14 (assessment of 16 March 2026)";
    expect(wholeWidth(base, EMS, 9.06, phrasePieces(base))).toBeCloseTo(
      lineEm("of 16 March 2026)"),
      9,
    );
    // A piece wider than the line is not kept.
    expect(wholeWidth(cell, units, 8, phrasePieces(cell))).toBe(8);
  });
});

describe("widenColumns", () => {
  const units = { width: (s: string) => [...s].length, hyphens: true };
  const need = (text: string) => (width: number) => columnFit(text, units, width);
  it("widens a column to columnFit, taking the room from the column with most to spare", () => {
    // "1.88（2026年 / 4月8日评估）" at 10: 14 holds the date; the third column has most to spare.
    const cell = "1.88（2026年4月8日评估）";
    expect(widenColumns([10, 12, 20], [10, 10, 10], [[need(cell)], [], []])).toEqual([14, 12, 16]);
    // A column without the room to spare gives none.
    expect(widenColumns([10, 12, 13], [10, 10, 10], [[need(cell)], [], []])).toEqual([10, 12, 13]);
    // A column widened for its own date gives none of that room to the next: without that rule
    // the second column would take it back from the first and break its date again.
    expect(widenColumns([10, 10, 14], [10, 10, 10], [[need(cell)], [need(cell)], []])).toEqual([
      14, 10, 10,
    ]);
    // Nor one whose move `keeps` refuses: the next with enough gives it.
    const notThird = (after: readonly number[]) => after[2] === 20;
    expect(widenColumns([10, 15, 20], [10, 10, 10], [[need(cell)], [], []], notThird)).toEqual([
      14, 11, 20,
    ]);
  });
});

describe("segments", () => {
  it("splits text into words, spaces and CJK characters with their punctuation, covering it all", () => {
    expect(segments("Data  governance（试点），下一步")).toEqual([
      "Data",
      "  ",
      "governance",
      "（试",
      "点），",
      "下",
      "一",
      "步",
    ]);
    expect(segments("")).toEqual([]);
  });

  it("ends a segment at each hyphen of a word longer than 10 characters, for documents only", () => {
    expect(segments("year-on-year follow-up", EMS.hyphens)).toEqual([
      "year-",
      "on-",
      "year",
      " ",
      "follow-up",
    ]);
    expect(segments("year-on-year", COLUMNS.hyphens)).toEqual(["year-on-year"]);
  });

  it("keeps a number with the Chinese measure word or unit after its space", () => {
    expect(segments("角色1 24,212 位、第 20 周")).toEqual([
      "角",
      "色",
      "1",
      " ",
      "24,212 位、",
      "第",
      " ",
      "20 周",
    ]);
    // A line still breaks after a number followed by Latin text, or before a number.
    expect(segments("2 of 9")).toEqual(["2", " ", "of", " ", "9"]);
    // The cover's respondents: the count never ends a line without its 位.
    expect(wrapLines("98,011 位（角色0 24,770 位、角色1 24,212 位）", 30)).toEqual([
      "98,011 位（角色0 24,770 位、角",
      "色1 24,212 位）",
    ]);
  });
});

describe("one model for every wrapper", () => {
  it("keeps Chinese closing punctuation off the start of a chart label's line", () => {
    // Before the wrappers shared one model, the bracket closed a line of its own here.
    expect(wrapToWidth("原样导入标杆流程，从基础服务流程做起（试点）", 40)).toEqual([
      "原样导入标杆流程，从基础服务流程做起（试",
      "点）",
    ]);
  });

  it("counts a Word cell's lines with the same punctuation and hyphen rules", () => {
    const lines = (text: string, em: number) =>
      fillLines(text, EMS, em).map(([from, to]) => text.slice(from, to));
    expect(lines("可重复。可重复。", 3)).toEqual(["可重", "复。可", "重复。"]);
    expect(linesAtEm("可重复。可重复。", 3)).toBe(3);
    // Word breaks a long hyphenated word after its hyphen, not inside its parts.
    expect(lines("cross-functional team", textEm("functional team"))).toEqual([
      "cross-",
      "functional team",
    ]);
    // A word wider than the column is cut between letters, as Word cuts it.
    expect(lines("Incomprehensibilities", 6).join("")).toBe("Incomprehensibilities");
    expect(linesAtEm("Incomprehensibilities", 6)).toBe(lines("Incomprehensibilities", 6).length);
  });

  it("measures the same pieces in columns and in ems", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), (words) => {
        const text = words.join(" ");
        expect(segments(text, false).join("")).toBe(text);
        expect(segments(text, true).join("")).toBe(text);
        // In a column as wide as its widest piece, a text is never cut inside a piece.
        const width = longestToken(text);
        const pieces = segments(text).filter((s) => s.trim() !== "");
        if (width > 0)
          for (const line of wrapLines(text, width))
            for (const piece of segments(line))
              if (piece.trim() !== "") expect(pieces).toContain(piece);
      }),
    );
  });
});

describe("wrapToWidth", () => {
  it("breaks between words and keeps every word whole", () => {
    const lines = wrapToWidth("Performance measurement and incentives (2 actions)", 38);
    expect(lines).toEqual(["Performance measurement and incentives", "(2 actions)"]);
    expect(lines.join(" ")).not.toContain("…");
  });

  it("breaks Chinese between characters, counting each as two columns", () => {
    const lines = wrapToWidth("绩效考核与激励（2 项行动）与客户流程", 16);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(16);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("").replace(/ /g, "")).toBe("绩效考核与激励（2项行动）与客户流程");
  });

  it("ends the last allowed line with an ellipsis when text remains, and leaves short text alone", () => {
    const lines = wrapToWidth("one two three four five six", 9, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(wrapToWidth("short", 20)).toEqual(["short"]);
    expect(wrapToWidth("", 20)).toEqual([]);
  });
});

describe("longestWordEm", () => {
  // Widths in ems as DejaVu Sans (LibreOffice's stand-in for Calibri) sets them.
  it("measures a word by its letters: m and w are wide, i and l narrow", () => {
    expect(longestWordEm("CRM programme office")).toBeCloseTo(5.88, 1);
    expect(longestWordEm("illicit")).toBeLessThan(longestWordEm("mummy"));
    // Nine letters a column each would give "programme" 9 × 0.59 em: too little.
    expect(longestWordEm("programme")).toBeGreaterThan(9 * 0.6);
  });

  it("lets a line break after the hyphen of a long word and between Chinese characters", () => {
    expect(longestWordEm("person-weeks")).toBeCloseTo(longestWordEm("person-"), 5);
    expect(longestWordEm("data-governance")).toBeCloseTo(longestWordEm("governance"), 5);
    // A sentence: its widest piece is "（2027 年", an opening bracket staying with what follows
    // it and a number with its unit…
    expect(longestWordEm("与基线一并商定；在“僵化”阶段结束前（2027 年前）达成")).toBeCloseTo(
      textEm("（2027 年"),
      5,
    );
    // …or its date, which stays whole, with the quarter ems Word sets around its digits.
    expect(longestWordEm("与基线一并商定；在“僵化”阶段结束前（2027年2月16日）达成")).toBeCloseTo(
      lineEm("2027年2月16日"),
      5,
    );
    expect(longestWordEm("")).toBe(0);
  });

  it("keeps a short text with Chinese in it whole, as Word would otherwise split it anywhere", () => {
    // A column one character wide broke these "每次阶段 / 评审", "CRM 项目办 / 公室" and "误差 / 内".
    expect(longestWordEm("每次阶段评审")).toBe(6);
    expect(longestWordEm(" 高层管理者 ")).toBe(5);
    expect(longestWordEm("CRM 项目办公室")).toBeCloseTo(textEm("CRM 项目办公室"), 5);
    // With the quarter em Word sets between a digit and a Chinese character.
    expect(longestWordEm("第20周")).toBeCloseTo(textEm("第20周") + 0.5, 5);
    expect(longestWordEm("否：在 ±0.56 误差内")).toBeCloseTo(textEm("否：在 ±0.56 误差内"), 5);
    // It may break before opening punctuation, as a header's unit does: "工作量 / （人周）".
    expect(longestWordEm("工作量（人周）")).toBe(4);
    expect(longestWordEm("（目标）")).toBe(4);
    // Or at the space before a tail without Chinese, which Word moves whole: "文化 / †".
    expect(longestWordEm("以客户为中心的文化 †")).toBe(9);
    // Not before closing punctuation, which stays with the word before it across a space.
    expect(longestWordEm("一 ·")).toBeGreaterThanOrEqual(longestWordEm("一 ·", false));
    expect(longestWordEm("以客户为中心的文化", false)).toBe(1);
    // Twelve characters at most, spaces aside: an action's title or a sentence still wraps
    // between characters.
    expect(longestWordEm("确立客户信息归公司所有")).toBe(11);
    expect(longestWordEm("依据实测能力校准高层期望值")).toBe(1);
    expect(longestWordEm("检验“组建专业的 CRM 团队”是否见效")).toBeCloseTo(textEm("CRM"), 5);
    // Terminal columns and the lines themselves keep breaking between any two characters.
    expect(longestToken("每次阶段评审")).toBe(2);
    expect(linesAtEm("每次阶段评审", 4)).toBe(2);
  });

  it("keeps a hyphenated word of up to 10 characters whole", () => {
    expect(longestWordEm("Follow-up")).toBeCloseTo(textEm("Follow-up"), 5);
    expect(longestWordEm("the follow-up review")).toBeCloseTo(textEm("follow-up"), 5);
    expect(longestWordEm("e-mail")).toBeCloseTo(textEm("e-mail"), 5);
    expect(longestWordEm("year-on-yr")).toBeCloseTo(textEm("year-on-yr"), 5); // 10: whole
    expect(longestWordEm("year-on-year")).toBeCloseTo(textEm("year-"), 5); // 12: breaks
    expect(longestWordEm("Follow-up")).toBeGreaterThan(longestWordEm("Follow-"));
  });

  it("counts the trend arrows ▲ and ▼ as a full em, as wide as the fallback faces set them", () => {
    expect(textEm("▲")).toBe(1);
    expect(textEm("▼")).toBe(1);
    expect(textEm("▲ +0.92")).toBeCloseTo(1 + 0.33 + textEm("+0.92"), 5);
    expect(longestWordEm("▼ -0.53")).toBeCloseTo(textEm("-0.53"), 5);
    expect(longestWordEm("▼▲")).toBe(2);
  });
});

describe("linesAtEm", () => {
  it("counts the lines text wraps to between words, and between Chinese characters", () => {
    // "Repeatable" is 5.7 em: one word a line in a 6 em column.
    expect(linesAtEm("Repeatable Repeatable Repeatable", 6)).toBe(3);
    expect(linesAtEm("Repeatable Repeatable Repeatable", 40)).toBe(1);
    // Ten Chinese characters, one em each, in a 4 em column: three lines.
    expect(linesAtEm("可重复可重复可重复可", 4)).toBe(3);
    // A word wider than the column takes the lines it needs; a line break starts a line.
    expect(linesAtEm("Incomprehensibilities", 4)).toBeGreaterThanOrEqual(3);
    expect(linesAtEm("a\nb", 10)).toBe(2);
    expect(linesAtEm("", 10)).toBe(1);
  });

  it("counts the quarter em Word sets between Chinese and a digit, inside a piece and between pieces", () => {
    // "（2027年2月16日）" takes five such spaces, 1.25 em beyond its letters: summed piece by piece
    // ("（2027", "年", "2", …) without them, the line looked like it held the whole date, and the
    // column kept for it broke it in Word and LibreOffice ("（2027 年 / 2 月 16 日）").
    const date = "（2027年2月16日）";
    expect(lineEm(date) - textEm(date)).toBeCloseTo(1.25, 9);
    expect(linesAtEm(date, textEm(date) + 0.1)).toBe(2);
    expect(linesAtEm(date, lineEm(date))).toBe(1);
    // Between Chinese and Latin letters too ("在 CRM" has a space: nothing is added there).
    expect(linesAtEm("客户CRM系统", textEm("客户CRM系统") + 0.1)).toBe(2);
    expect(linesAtEm("客户 CRM 系统", textEm("客户 CRM 系统"))).toBe(1);
  });
});

// The PDF renderer fills its lines with fillLines too, measuring with the font's real widths:
// these cases were its own line breaker's tests before it used this model.
describe("fillLines in a document face", () => {
  // One unit per character, ideographs and Latin letters alike.
  const units = { width: (s: string): number => [...s].length, hyphens: true };
  const lines = (text: string, max: number, measure: Measure = units) =>
    fillLines(text, measure, max).map(([from, to]) => text.slice(from, to));

  it.each([
    ["Hello world, front-line staff", 12, ["Hello world,", "front-line", "staff"]],
    ["supercalifragilistic ok", 8, ["supercal", "ifragili", "stic ok"]],
    ["a\n\nb", 5, ["a", "", "b"]],
    ["", 5, [""]],
    // Closing punctuation never starts a line; opening punctuation never ends one.
    ["得分为2.11（五级量表），处于第2级。", 6, ["得分为", "2.11（五", "级量表），处", "于第2级。"]],
  ])("wraps %j at %i", (text, max, expected) => {
    expect(lines(text, max)).toEqual(expected);
  });

  it("leaves no Chinese character alone on a paragraph's last line, when asked to", () => {
    const lone = { ...units, noLoneChar: true };
    // A column's term or verdict: "误差 / 内" and "完整 / 率" become two fuller lines.
    expect(lines("否：在误差内", 5)).toEqual(["否：在误差", "内"]);
    expect(lines("否：在误差内", 5, lone)).toEqual(["否：在误", "差内"]);
    expect(lines("活跃客户档案中必填字段的完整率", 14, lone)).toEqual([
      "活跃客户档案中必填字段的完",
      "整率",
    ]);
    // With its punctuation, at the end of each paragraph; a last line of more stays as it is.
    expect(lines("目标是完成。\n其次是数据。", 5, lone)).toEqual([
      "目标是",
      "完成。",
      "其次是",
      "数据。",
    ]);
    expect(lines("目标是完成", 4, lone)).toEqual(["目标是", "完成"]);
    expect(lines("目标是完成了", 4, lone)).toEqual(["目标是完", "成了"]);
    // Nothing to give: a line of one piece, or one of another paragraph.
    expect(lines("目\n标", 1, lone)).toEqual(["目", "标"]);
    expect(lines("ABCDE目", 5, lone)).toEqual(["ABCDE", "目"]);
    // The terminal's and Word's lines are as they were.
    expect(lines("否：在误差内", 5, { ...units, noLoneChar: false })).toEqual(["否：在误差", "内"]);
  });

  it("measures a word with the space after it, as a face kerns them", () => {
    // "It" and " " are 2 + 1 wide alone, but 2.5 together: "It is" is 4.5 wide and fits in 4.6.
    const kerned = {
      width: (s: string) => [...s].length - (s.includes("t ") ? 0.5 : 0),
      hyphens: true,
    };
    expect(lines("It is", 4.6, kerned)).toEqual(["It is"]);
  });

  it("keeps closing punctuation off the start of a line even after a space", () => {
    expect(lines("xx heads. · 1.83", 9)).toEqual(["xx", "heads. ·", "1.83"]);
    expect(segments("a\n· b")).toEqual(["a", "\n", "·", " ", "b"]);
  });

  it("applies the kinsoku rules to the brackets and signs of both languages", () => {
    expect(segments("见【附录】〔注〕〈表〉、达50%")).toEqual([
      "见",
      "【附",
      "录】",
      "〔注〕",
      "〈表〉、",
      "达",
      "50%",
    ]);
    expect(segments("中{文}")).toEqual(["中", "{文}"]);
  });

  it("breaks between the ideographs of the supplementary planes and compatibility forms", () => {
    expect(segments("𠀀𠀁︱")).toEqual(["𠀀", "𠀁", "︱"]);
  });

  it("never breaks at a no-break space", () => {
    expect(segments("Level\u00a03 now")).toEqual(["Level\u00a03", " ", "now"]);
    expect(lines("at Level\u00a03", 7)).toEqual(["at", "Level\u00a03"]);
  });

  it("keeps every character, in order, and no line overflows", () => {
    const chars = fc.constantFrom("a", "b", " ", "-", "中", "文", "，", "（", "）", "\n", "x", "·");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        (parts, max) => {
          const text = parts.join("");
          const result = lines(text, max);
          expect(result.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
          for (const line of result) expect(units.width(line)).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
