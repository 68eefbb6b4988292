import { describe, expect, it } from "vitest";
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from "./split-message";

describe("splitMessage", () => {
  it("keeps a short message whole", () => {
    expect(splitMessage("a\nb")).toEqual(["a\nb"]);
  });

  it("splits at line breaks, each part within 4096 characters, nothing lost", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i} ${"x".repeat(20)}`);
    const parts = splitMessage(lines.join("\n"));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts an over-long line, never between a backslash and the character it escapes", () => {
    const line = "a".repeat(9) + "\\." + "b".repeat(5);
    const parts = splitMessage(line, 10);
    expect(parts.join("")).toBe(line);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(10);
      expect(p.endsWith("\\") && !p.endsWith("\\\\")).toBe(false);
    }
    expect(parts[0]).toBe("a".repeat(9));
  });
});
