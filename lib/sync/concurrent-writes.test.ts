import { describe, expect, it } from "vitest";
import { ConcurrentWrites } from "./concurrent-writes";

const aborted = () => Object.assign(new Error("current transaction is aborted, commands ignored until end of transaction block"), { code: "25P02" });
const violation = () => Object.assign(new Error('duplicate key value violates unique constraint "orders_pkey"'), { code: "23505" });
const later = <T>(ms: number, f: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => { try { resolve(f()); } catch (e) { reject(e); } }, ms));

describe("ConcurrentWrites", () => {
  it("settles once every started write has finished", async () => {
    const writes = new ConcurrentWrites();
    const done: number[] = [];
    writes.start(later(5, () => done.push(1)));
    writes.start(later(1, () => done.push(2)));
    await writes.settle();
    expect(done.sort()).toEqual([1, 2]);
  });

  it("reports the failure that aborted the transaction, not the writes refused after it", async () => {
    const writes = new ConcurrentWrites();
    writes.start(later(1, () => { throw violation(); }));
    writes.start(later(2, () => { throw aborted(); }));
    writes.start(later(3, () => { throw aborted(); }));
    await expect(writes.settle()).rejects.toMatchObject({ code: "23505" });
  });

  it("prefers that earlier failure to the caller's own error when the caller was only refused (25P02, also when wrapped as a cause)", async () => {
    const writes = new ConcurrentWrites();
    writes.start(later(1, () => { throw violation(); }));
    const refused = new Error("Failed query: insert into orders …", { cause: aborted() });
    await expect(writes.settle(refused)).rejects.toMatchObject({ code: "23505" });
  });

  it("rethrows the caller's own error when it is the root failure", async () => {
    const writes = new ConcurrentWrites();
    writes.start(later(1, () => { throw aborted(); }));
    const own = new RangeError("snapshot of an unknown connection");
    await expect(writes.settle(own)).rejects.toBe(own);
  });

  it("flush lets work queued for the next turn of the event loop start first", async () => {
    const writes = new ConcurrentWrites();
    let started = false;
    // As postgres.js does: a query is written to the socket on a later turn.
    queueMicrotask(() => setImmediate(() => (started = true)));
    await writes.flush();
    expect(started).toBe(true);
  });
});
