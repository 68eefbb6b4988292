import { describe, expect, it } from "vitest";
import { bold, code, escapeMarkdownV2 } from "./markdown";

describe("escapeMarkdownV2", () => {
  it("escapes each of Telegram's 18 special characters and the backslash", () => {
    const specials = ["_", "*", "[", "]", "(", ")", "~", "`", ">", "#", "+", "-", "=", "|", "{", "}", ".", "!", "\\"];
    for (const c of specials) expect(escapeMarkdownV2(`a${c}b`)).toBe(`a\\${c}b`);
    expect(escapeMarkdownV2(specials.join(""))).toBe(specials.map((c) => `\\${c}`).join(""));
  });

  it("leaves letters, digits, spaces, emoji and other punctuation alone", () => {
    expect(escapeMarkdownV2("Equity 12 345,6 € 📈 % / : ; ' \" ? @ $ ^ &")).toBe("Equity 12 345,6 € 📈 % / : ; ' \" ? @ $ ^ &");
  });

  it("escapes a realistic line: a negative amount, a percentage and a ticker with a dot", () => {
    expect(escapeMarkdownV2("-1,234.50 USD (-0.42%) BRK.B")).toBe("\\-1,234\\.50 USD \\(\\-0\\.42%\\) BRK\\.B");
  });

  it("bold escapes its content; code escapes only ` and \\", () => {
    expect(bold("1.5x")).toBe("*1\\.5x*");
    expect(code("a.b`c\\d")).toBe("`a.b\\`c\\\\d`");
  });
});
