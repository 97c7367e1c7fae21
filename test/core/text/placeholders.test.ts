import { describe, expect, it } from "vitest";
import { fillPlaceholders } from "../../../src/core/text/placeholders.js";

describe("fillPlaceholders", () => {
  it("fills every occurrence, leaves unknown names and inherited property names alone", () => {
    expect(fillPlaceholders("第 {from}–{to} 周, {from}", { from: 1, to: "4" })).toBe(
      "第 1–4 周, 1",
    );
    expect(fillPlaceholders("{missing} {constructor} {a}", { a: 0 })).toBe(
      "{missing} {constructor} 0",
    );
  });
});
