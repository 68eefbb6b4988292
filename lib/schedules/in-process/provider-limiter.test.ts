import { describe, expect, it } from "vitest";
import { ProviderLimiter } from "./provider-limiter";

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("ProviderLimiter", () => {
  it("runs at most N at once per provider, queues the rest in order, and leaves other providers free", async () => {
    const limiter = new ProviderLimiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: string[] = [];
    const runs = gates.map((g, i) =>
      limiter.run("binance", async () => {
        started.push(`binance-${i}`);
        await g.promise;
      }),
    );
    const okx = limiter.run("okx", async () => started.push("okx"));
    await okx;
    expect(started).toEqual(["binance-0", "binance-1", "okx"]);
    expect([limiter.running("binance"), limiter.queued("binance")]).toEqual([2, 1]);

    gates[1]!.resolve();
    await runs[1];
    expect(started).toEqual(["binance-0", "binance-1", "okx", "binance-2"]);
    expect([limiter.running("binance"), limiter.queued("binance")]).toEqual([2, 0]);

    gates[0]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect([limiter.running("binance"), limiter.running("okx")]).toEqual([0, 0]);
  });

  it("frees the slot when the work throws, and passes the error on", async () => {
    const limiter = new ProviderLimiter(1);
    await expect(limiter.run("okx", async () => Promise.reject(new Error("venue down")))).rejects.toThrow("venue down");
    expect(await limiter.run("okx", async () => "next one runs")).toBe("next one runs");
    expect(limiter.running("okx")).toBe(0);
  });

  it("refuses a limit below 1", () => {
    expect(() => new ProviderLimiter(0)).toThrow(RangeError);
  });
});
