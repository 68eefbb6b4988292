import { InngestTestEngine } from "@inngest/test";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensureLocalOwner } from "@/db/queries/users";
import { connections, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { connectionSyncRequested } from "../events";
import { createScheduleSyncsFunction } from "./schedule-syncs";
import { createSyncConnectionFunction } from "./sync-connection";

let h: DbHandle;
let ownerId: string;
let active: string;
let paused: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensureLocalOwner(h.db)).id;
  active = (await createConnection(h.db, { ownerId, provider: "demo", label: "A", config: { seed: "a" } })).id;
  paused = (await createConnection(h.db, { ownerId, provider: "demo", label: "B", config: { seed: "b" } })).id;
  await h.db.update(connections).set({ status: "paused" }).where(eq(connections.id, paused));
});
afterAll(async () => h?.close());

const deps = () => ({ db: async () => h.db });

describe("schedule-syncs (cron fan-out)", () => {
  it("sends one sync event per active connection, none for a paused one", async () => {
    const t = new InngestTestEngine({ function: createScheduleSyncsFunction(deps()) });
    // The fan-out step would send to Inngest's API; its arguments are what matters here.
    const { result, ctx } = await t.execute({ steps: [{ id: "fan-out", handler: () => ({ ids: ["evt-1"] }) }] });
    expect(result).toEqual({ sent: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("fan-out", [
      expect.objectContaining({ name: "venuefolio/connection.sync.requested", data: { ownerId, connectionId: active, trigger: "cron" } }),
    ]);
  });

  it("is registered on a 5-minute UTC cron", () => {
    const config = createScheduleSyncsFunction(deps())["getConfig"]({ baseUrl: new URL("http://x/api/inngest"), appPrefix: "venuefolio" });
    expect(config[0]!.triggers).toEqual([{ cron: "TZ=UTC */5 * * * *" }]);
  });
});

describe("sync-connection", () => {
  it("syncs the connection named by the event through lib/sync and returns the batch", async () => {
    const event = connectionSyncRequested.create({ ownerId, connectionId: active, trigger: "event" });
    const t = new InngestTestEngine({ function: createSyncConnectionFunction(deps()), events: [{ name: event.name, data: event.data }] });
    const { result, error } = await t.execute();
    expect(error).toBeUndefined();
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, active));
    expect(result).toMatchObject({ batchId: batch!.id, counts: { balances: 9, positions: 2 } });
    expect(batch).toMatchObject({ status: "succeeded", trigger: "event" });
  });

  it("runs one at a time per connection and retries 4 times", () => {
    const config = createSyncConnectionFunction(deps())["getConfig"]({ baseUrl: new URL("http://x/api/inngest"), appPrefix: "venuefolio" });
    expect(config[0]).toMatchObject({
      concurrency: { limit: 1, key: "event.data.connectionId" },
      triggers: [{ event: "venuefolio/connection.sync.requested" }],
    });
    expect(config[0]!.steps["step"]!.retries).toEqual({ attempts: 4 });
  });

  it("a connection that does not exist (or is not the owner's) fails without retrying forever", async () => {
    const event = connectionSyncRequested.create({ ownerId, connectionId: "00000000-0000-4000-8000-000000000000", trigger: "event" });
    const t = new InngestTestEngine({ function: createSyncConnectionFunction(deps()), events: [{ name: event.name, data: event.data }] });
    const { error } = await t.execute();
    expect(error).toMatchObject({ message: "connection not found" });
    const [row] = await h.db.select({ n: count() }).from(syncBatches).where(eq(syncBatches.connectionId, paused));
    expect(row!.n).toBe(0);
  });
});
