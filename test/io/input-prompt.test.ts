import { describe, expect, it } from "vitest";
import { prefillOf, textOf } from "../../src/io/input-prompt.js";

describe("the text prompt's pre-filled line", () => {
  it("shows a note's line breaks as ↵ and reads them back unchanged", () => {
    const note = "Vision signed in 2024.\nNobody uses it.\r\nSee minutes.";
    expect(prefillOf(note)).toBe("Vision signed in 2024.↵Nobody uses it.↵See minutes.");
    expect(textOf(prefillOf("a\nb"))).toBe("a\nb");
    expect(textOf(prefillOf("plain note"))).toBe("plain note");
  });

  it("makes other control characters visible, so what is shown is what Enter returns", () => {
    expect(prefillOf("x\u001b]0;T\u0007y\tz")).toBe("x\\u001b]0;T\\u0007y\\u0009z");
  });
});
