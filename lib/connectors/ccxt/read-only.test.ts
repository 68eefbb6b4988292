import { describe, expect, it } from "vitest";
import { ConnectorError } from "@/lib/connectors/errors";
import { dangerousPermissions, enforceReadOnly } from "./read-only";

const policy = { provider: "okx", venueName: "OKX", harmless: ["read"], allowTradingKeys: false, howToCreateReadOnlyKey: "Profile → API keys" };

describe("enforceReadOnly", () => {
  it("accepts read-only keys", () => {
    expect(() => enforceReadOnly({ ...policy, permissions: ["read"] })).not.toThrow();
    expect(dangerousPermissions({ permissions: ["read"], harmless: ["read"] })).toEqual([]);
  });

  it("refuses trading and fund-moving keys with a message that says why and what to do", () => {
    const refuse = (permissions: string[]) => {
      try {
        enforceReadOnly({ ...policy, permissions });
      } catch (e) {
        expect(e).toBeInstanceOf(ConnectorError);
        expect((e as ConnectorError).kind).toBe("permission");
        return (e as ConnectorError).message;
      }
      throw new Error("not refused");
    };
    expect(refuse(["read", "trade"])).toBe(
      'okx: This API key can trade (trade). Venuefolio only reads, and refuses such keys so that a leaked key cannot move money. Create a read-only key — OKX: Profile → API keys — or, if you accept the risk, turn on "Allow trading keys" for this connection.',
    );
    expect(refuse(["read", "withdraw"])).toContain("can withdraw or transfer funds (withdraw)");
    expect(refuse(["read", "internal_transfer"])).toContain("can withdraw or transfer funds (internal_transfer)");
  });

  it("lets an explicitly allowed trading key through", () => {
    expect(() => enforceReadOnly({ ...policy, allowTradingKeys: true, permissions: ["read", "trade", "withdraw"] })).not.toThrow();
  });
});
