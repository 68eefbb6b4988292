import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeHttpServer } from "./fake-http";

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start((req) => ({ status: 200, json: { host: req.host, path: req.path, query: req.query, body: req.body } }));
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.clearRequests();
});

describe("FakeHttpServer", () => {
  it("keeps the real host and path when reached through `fetch`, and plain paths through `origin`", async () => {
    const viaFetch = await (await fake.fetch("https://api.binance.com/api/v3/account?a=1&signature=ff00")).json();
    expect(viaFetch).toEqual({ host: "api.binance.com", path: "/api/v3/account", query: { a: "1", signature: "ff00" }, body: "" });
    const direct = await (await fetch(`${fake.origin}/api/v1/holdings`)).json();
    expect(direct).toMatchObject({ host: "", path: "/api/v1/holdings" });
  });

  it("records requests with query and form parameters, never the signature", async () => {
    await fake.fetch("https://api.binance.com/sapi/v1/asset/get-funding-asset?x=2", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "timestamp=5&signature=abcdef",
    });
    expect(fake.requests).toEqual([
      { method: "POST", host: "api.binance.com", path: "/sapi/v1/asset/get-funding-asset", params: { x: "2", timestamp: "5" }, status: 200, faulted: false },
    ]);
  });

  it("applies a fault to the next matching request only, as many times as asked", async () => {
    fake.injectFault({ kind: "status", status: 429, body: '{"code":-1003}', headers: { "Retry-After": "3" } }, { path: /account$/ }, 2);
    const other = await fake.fetch("https://x.example.com/api/v3/time");
    expect(other.status).toBe(200);
    const first = await fake.fetch("https://x.example.com/api/v3/account");
    expect([first.status, first.headers.get("retry-after"), await first.text()]).toEqual([429, "3", '{"code":-1003}']);
    expect((await fake.fetch("https://x.example.com/api/v3/account")).status).toBe(429);
    expect((await fake.fetch("https://x.example.com/api/v3/account")).status).toBe(200);
    expect(fake.requests.map((r) => r.faulted)).toEqual([false, true, true, false]);
  });

  it("serves raw bodies, transformed JSON, delays and dropped connections", async () => {
    fake.injectFault({ kind: "body", raw: "<html>", contentType: "text/html" });
    const html = await fake.fetch("https://x.example.com/a");
    expect([html.status, html.headers.get("content-type"), await html.text()]).toEqual([200, "text/html", "<html>"]);

    fake.injectFault({ kind: "transform", transform: (j) => ({ ...(j as object), extra: true }) });
    expect(await (await fake.fetch("https://x.example.com/b")).json()).toMatchObject({ path: "/b", extra: true });

    fake.injectFault({ kind: "delay", ms: 500 });
    const aborted = await fake.fetch("https://x.example.com/c", { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((aborted as Error).name).toBe("TimeoutError");

    fake.injectFault({ kind: "disconnect" });
    const dropped = await fake.fetch("https://x.example.com/d").catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(TypeError);
  });
});
