import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createConnector } from "@/lib/connectors";
import { BinanceConnector } from "@/lib/connectors/binance";
import { BINANCE_EXAMPLE_CREDENTIALS } from "@/lib/connectors/binance/fake-binance";
import { ConnectorError } from "@/lib/connectors/errors";
import { OkxConnector } from "@/lib/connectors/okx";
import { OKX_TEST_CREDENTIALS } from "@/lib/connectors/okx/fake-okx";
import { encryptCredentials } from "@/lib/security/credentials";

/** The factory path a sync takes: sealed credentials opened, settings parsed, no request made. */
const key = randomBytes(32);
const now = () => new Date("2026-11-20T10:00:00Z");

beforeAll(() => {
  vi.stubEnv("CREDENTIALS_KEY", key.toString("base64"));
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function failure(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectorError);
    return e as ConnectorError;
  }
  throw new Error("expected a ConnectorError");
}

describe("createConnector for the exchanges", () => {
  it("opens Binance credentials and applies the environment and timeout", () => {
    const c = createConnector(
      { provider: "binance", config: { environment: "demo", timeoutMs: 5000 }, credentialsEncrypted: encryptCredentials(BINANCE_EXAMPLE_CREDENTIALS, key) },
      { now },
    );
    expect(c).toBeInstanceOf(BinanceConnector);
    const ex = (c as BinanceConnector).exchange;
    expect(ex.apiKey).toBe(BINANCE_EXAMPLE_CREDENTIALS.apiKey);
    expect(ex.timeout).toBe(5000);
    expect(String(ex.urls.api.private)).toBe("https://demo-api.binance.com/api/v3");
  });

  it("opens OKX credentials with the passphrase; demo adds x-simulated-trading", () => {
    const c = createConnector(
      { provider: "okx", config: { environment: "demo" }, credentialsEncrypted: encryptCredentials(OKX_TEST_CREDENTIALS, key) },
      { now },
    );
    expect(c).toBeInstanceOf(OkxConnector);
    const ex = (c as OkxConnector).exchange;
    expect(ex.password).toBe(OKX_TEST_CREDENTIALS.passphrase);
    expect(ex.headers).toMatchObject({ "x-simulated-trading": "1" });
  });

  it("refuses bad settings, missing credentials and incomplete credentials without echoing them", () => {
    const sealed = encryptCredentials(BINANCE_EXAMPLE_CREDENTIALS, key);
    const settings = failure(() => createConnector({ provider: "binance", config: { environment: "mainnet" }, credentialsEncrypted: sealed }, { now }));
    expect(settings.kind).toBe("invalid_request");
    expect(settings.message).toContain("environment");
    const none = failure(() => createConnector({ provider: "okx", config: {}, credentialsEncrypted: null }, { now }));
    expect(none.kind).toBe("auth");
    const partial = failure(() =>
      createConnector({ provider: "okx", config: {}, credentialsEncrypted: encryptCredentials({ apiKey: "k".repeat(20), secret: "s".repeat(20) }, key) }, { now }),
    );
    expect(partial.kind).toBe("invalid_request");
    expect(partial.message).toContain("passphrase");
    expect(partial.message).not.toContain("s".repeat(20));
    const wrongKey = failure(() =>
      createConnector({ provider: "binance", config: {}, credentialsEncrypted: encryptCredentials(BINANCE_EXAMPLE_CREDENTIALS, randomBytes(32)) }, { now }),
    );
    expect(wrongKey.kind).toBe("auth");
  });
});
