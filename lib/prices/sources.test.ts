import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeHttpServer } from "@/lib/connectors/contract/fake-http";
import { FakeOkx } from "@/lib/connectors/okx/fake-okx";
import { firstOf } from "./composite-source";
import { ECB_DAILY_URL, ecbFxSource } from "./ecb-fx-source";
import { okxIndexSource } from "./okx-index-source";

const ecbXml = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "eurofxref-daily.xml"), "utf8");
let okx: FakeOkx;
let ecb: FakeHttpServer;
let ecbHits = 0;
let clock = Date.parse("2026-11-20T10:00:00Z");

beforeAll(async () => {
  okx = await FakeOkx.start({ now: () => clock });
  ecb = await FakeHttpServer.start((req) => {
    ecbHits++;
    return req.path === "/stats/eurofxref/eurofxref-daily.xml" ? { status: 200, raw: ecbXml } : { status: 404, raw: "" };
  });
});
afterAll(async () => {
  await okx.close();
  await ecb.close();
});

describe("okx index source (public, no key)", () => {
  it("prices USDT and BTC in USD from one unsigned request, cached for a minute", async () => {
    const src = okxIndexSource({ fetchImplementation: okx.fetch, now: () => new Date(clock) });
    const quotes = await src.usdQuotes(["BTC", "USDT", "NOPE"]);
    expect(quotes.map((x) => `${x.base}/${x.quote}`).sort()).toEqual(["BTC/USD", "USDT/USD"]);
    expect(quotes.find((x) => x.base === "BTC")!.price).toBe("61480.5");
    await src.usdQuotes(["ETH"]);
    expect(okx.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.params)}`)).toEqual([
      'GET /api/v5/market/index-tickers {"quoteCcy":"USD"}',
    ]);
  });
});

describe("ECB reference rates", () => {
  it("INR in USD = 1.08 / 90 = 0.012; EUR = 1.08; GBP = 1.08 / 0.864 = 1.25", async () => {
    const src = ecbFxSource({ fetch: ecb.fetch, now: () => new Date(clock) });
    const quotes = await src.usdQuotes(["INR", "EUR", "GBP", "USD", "XYZ"]);
    expect(Object.fromEntries(quotes.map((x) => [x.base, x.price]))).toEqual({ INR: "0.012", EUR: "1.08", GBP: "1.25" });
    expect(quotes[0]!.at.toISOString()).toBe("2026-11-20T15:00:00.000Z");
    expect(new URL(ECB_DAILY_URL).host).toBe("www.ecb.europa.eu");
  });

  it("is fetched once an hour, not per sync", async () => {
    ecbHits = 0;
    const src = ecbFxSource({ fetch: ecb.fetch, now: () => new Date(clock) });
    await src.usdQuotes(["INR"]);
    clock += 30 * 60_000;
    await src.usdQuotes(["INR"]);
    expect(ecbHits).toBe(1);
    clock += 31 * 60_000;
    await src.usdQuotes(["INR"]);
    expect(ecbHits).toBe(2);
  });
});

describe("firstOf", () => {
  it("asks the ECB only for what OKX did not price, and survives OKX being down", async () => {
    okx.injectFault({ kind: "status", status: 503, body: "<html>down</html>" }, { path: "/api/v5/market/index-tickers" }, 5);
    const lines: string[] = [];
    const src = firstOf([okxIndexSource({ fetchImplementation: okx.fetch, ttlMs: 0 }), ecbFxSource({ fetch: ecb.fetch })], (l) => lines.push(l));
    const quotes = await src.usdQuotes(["USDT", "INR"]);
    expect(quotes.map((x) => x.base)).toEqual(["INR"]);
    expect(lines[0]).toMatch(/^\[prices\] okx-index failed: /);
    okx.clearFaults();
  });
});
