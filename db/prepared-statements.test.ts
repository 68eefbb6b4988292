import type { Sql } from "postgres";
import { describe, expect, it } from "vitest";
import { withPreparedStatements } from "./prepared-statements";

/** Records what reaches postgres.js: the options of each query, per client. */
function fakeClient(label: string, log: Array<{ client: string; query: string; options: unknown }>): Sql {
  const client = Object.assign(() => undefined, {
    unsafe: (query: string, _args?: unknown[], options?: unknown) => {
      log.push({ client: label, query, options });
      return Promise.resolve([]);
    },
    begin: async (...args: unknown[]) => (args.at(-1) as (tx: Sql) => unknown)(fakeClient(`${label}/tx`, log)),
    savepoint: async (...args: unknown[]) => (args.at(-1) as (tx: Sql) => unknown)(fakeClient(`${label}/sp`, log)),
    end: function (this: unknown) {
      return this;
    },
  });
  return client as unknown as Sql;
}

describe("withPreparedStatements", () => {
  it("prepares every query drizzle sends with prepare: false, on the client, in transactions and savepoints", async () => {
    const log: Array<{ client: string; query: string; options: unknown }> = [];
    const raw = fakeClient("root", log);
    const client = withPreparedStatements(raw);
    await client.unsafe("select $1", [1], { prepare: false });
    await client.begin("isolation level serializable", async (tx) => {
      await tx.unsafe("select $1", [2], { prepare: false });
      await (tx as unknown as { savepoint: (cb: (sp: Sql) => Promise<unknown>) => Promise<unknown> }).savepoint(async (sp) => {
        await sp.unsafe("select $1", [3]);
      });
    });
    expect(log).toEqual([
      { client: "root", query: "select $1", options: { prepare: true } },
      { client: "root/tx", query: "select $1", options: { prepare: true } },
      { client: "root/tx/sp", query: "select $1", options: { prepare: true } },
    ]);
  });

  it("passes other methods through, bound to the real client", () => {
    const raw = fakeClient("root", []);
    expect((withPreparedStatements(raw) as unknown as { end: () => unknown }).end()).toBe(raw);
  });
});
