import { describe, expect, it } from "vitest";
import { dateKindOf, formatDateSerial } from "../../../src/io/survey/xlsx-dates.js";

describe("dateKindOf", () => {
  it.each([
    [0, undefined, undefined], // General
    [1, undefined, undefined], // 0
    [10, undefined, undefined], // 0.00%
    [11, undefined, undefined], // 0.00E+00
    [49, undefined, undefined], // @
    [14, undefined, "date"],
    [22, undefined, "datetime"],
    [21, undefined, "time"],
    [46, undefined, "elapsed"],
    [31, undefined, "date"], // yyyy"年"m"月"d"日" in Chinese Excel
    [164, "m/d/yy h:mm:ss", "datetime"],
    [164, "yyyy/m/d h:mm", "datetime"],
    [164, "mm/dd/yy\\ hh:mm\\ AM/PM", "datetime"],
    [165, 'yyyy"年"m"月"d"日"', "date"],
    [165, "[$-804]yyyy年m月d日;@", "date"],
    [166, "mmm-yy", "date"],
    [167, "h:mm:ss", "time"],
    [167, "mm:ss", "time"],
    [168, "[h]:mm:ss", "elapsed"],
    [168, "[mm]:ss", "elapsed"],
    [169, "0.00", undefined],
    [169, '0" days"', undefined],
    [169, "#,##0;[Red]-#,##0", undefined],
    [169, "0.00E+00", undefined],
    [169, "General", undefined],
    [169, '"Day "0', undefined],
  ])("format %i %j → %s", (id, code, kind) => {
    expect(dateKindOf(id, code)).toBe(kind);
  });
});

describe("formatDateSerial", () => {
  it.each([
    [45352.38384259259, "datetime", false, "2024-03-01 09:12:44"],
    [43890.38384259259, "datetime", true, "2024-03-01 09:12:44"],
    [45352, "date", false, "2024-03-01"],
    [43890, "date", true, "2024-03-01"],
    [1, "date", false, "1900-01-01"],
    [59, "date", false, "1900-02-28"],
    [60, "date", false, "1900-02-29"],
    [61, "date", false, "1900-03-01"],
    [0, "date", true, "1904-01-01"],
    [2_958_465, "date", false, "9999-12-31"],
    [95 / 86_400, "time", false, "0:01:35"],
    [45352.999999, "datetime", false, "2024-03-02 00:00:00"],
    [1.25, "time", false, "6:00:00"],
    [1.25, "elapsed", false, "30:00:00"],
  ] as const)("%f as %s (1904: %s) → %s", (serial, kind, date1904, text) => {
    expect(formatDateSerial(serial, kind, date1904)).toBe(text);
  });

  it("leaves numbers no date shows to be written as numbers", () => {
    expect(formatDateSerial(-1, "date", false)).toBeUndefined();
    expect(formatDateSerial(3_000_000, "date", false)).toBeUndefined();
  });
});
