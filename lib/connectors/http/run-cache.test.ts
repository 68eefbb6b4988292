import { describe, expect, it } from "vitest";
import { RunCache } from "./run-cache";

describe("RunCache", () => {
  it("shares one read within the TTL of the given clock, and reads again after it", async () => {
    let t = 0;
    let reads = 0;
    const cache = new RunCache<number>(1000, () => new Date(t));
    const read = async () => ++reads;
    expect(await cache.get(read)).toBe(1);
    t = 1000;
    expect(await cache.get(read)).toBe(1);
    t = 1001;
    expect(await cache.get(read)).toBe(2);
    expect(await cache.get(read, true)).toBe(3);
  });

  it("does not keep a failed read", async () => {
    const cache = new RunCache<string>(60_000, () => new Date(0));
    await expect(cache.get(async () => Promise.reject(new Error("venue down")))).rejects.toThrow("venue down");
    expect(await cache.get(async () => "recovered")).toBe("recovered");
  });
});
