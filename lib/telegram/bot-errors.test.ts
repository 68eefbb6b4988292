import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { describeBotError } from "./bot-errors";

const TOKEN = "987654321:AAExampleSecretPartOfTheToken_xyz123";

describe("describeBotError", () => {
  it("never shows the token, whole or its secret half, nor a /bot<token>/ path", () => {
    const cases: unknown[] = [
      new Error(`fetch failed: https://api.telegram.org/bot${TOKEN}/sendMessage`),
      new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 400, description: `bad ${TOKEN.split(":")[1]}` }, "sendMessage", {}),
      new HttpError("Network request for 'getMe' failed!", new Error(`connect ECONNREFUSED /bot${TOKEN}/getMe`)),
      `plain string with /bot111:${"A".repeat(30)}/x`,
    ];
    for (const e of cases) {
      const line = describeBotError(e, [TOKEN, undefined]);
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(TOKEN.split(":")[1]);
      expect(line).not.toMatch(/\/bot\d+:[A-Za-z0-9_-]{10,}/);
      expect(line).toContain("redacted");
    }
  });
});
