import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection, getConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { ConnectorError } from "@/lib/connectors/errors";
import { FAKE_GROWW, startFakeGroww, type FakeGroww } from "@/lib/connectors/groww/testing/fake-groww";
import { encryptCredentials } from "@/lib/security/credentials";
import { ChangeRefusedError } from "./change-refused";
import { growwTokenOf, refreshGrowwToken } from "./groww-token";
import { setConnectionInterval } from "./schedule";

vi.hoisted(() => {
  // Sealed and opened with this key, as the app would with its own.
  process.env.CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");
});

const NOW = new Date("2026-11-20T10:00:00Z");
const now = () => NOW;
let h: DbHandle;
let ownerId: string;
let groww: FakeGroww;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  groww = await startFakeGroww({ now });
});
afterAll(async () => {
  await groww?.close();
  await h?.close();
  delete process.env.CREDENTIALS_KEY;
});

const growwConnection = async (credentials: Record<string, string>) =>
  (
    await createConnection(h.db, {
      ownerId,
      provider: "groww",
      label: `Groww ${credentials.mode}`,
      config: { baseUrl: groww.baseUrl },
      credentialsEncrypted: encryptCredentials(credentials),
      at: new Date("2026-11-20T04:00:00Z"),
    })
  ).id;

describe("the sync interval", () => {
  it("is set within the venue's range, refused outside it with the range, and refused for a venue on a fixed schedule", async () => {
    const { id } = await createConnection(h.db, { ownerId, provider: "binance", label: "Binance", config: {} });
    expect(await setConnectionInterval(h.db, { ownerId, connectionId: id, seconds: 120 })).toEqual({ seconds: 120 });
    expect((await getConnection(h.db, { ownerId, connectionId: id })).syncIntervalSeconds).toBe(120);
    await expect(setConnectionInterval(h.db, { ownerId, connectionId: id, seconds: 30 })).rejects.toMatchObject({ field: "seconds", message: "Choose between 1 min and 5 min" });
    await expect(setConnectionInterval(h.db, { ownerId, connectionId: id, seconds: 600 })).rejects.toBeInstanceOf(ChangeRefusedError);
    expect((await getConnection(h.db, { ownerId, connectionId: id })).syncIntervalSeconds).toBe(120);

    const wallet = await createConnection(h.db, { ownerId, provider: "okx_web3", label: "Wallets", config: {} });
    await expect(setConnectionInterval(h.db, { ownerId, connectionId: wallet.id, seconds: 300 })).rejects.toMatchObject({ message: "This venue is synced every 10 min, whatever the setting" });
    const broker = await growwConnection({ mode: "access_token", accessToken: FAKE_GROWW.accessToken });
    await expect(setConnectionInterval(h.db, { ownerId, connectionId: broker, seconds: 300 })).rejects.toMatchObject({ message: "This venue syncs on its own fixed schedule; its interval cannot be changed" });
  });
});

describe("Groww's daily token", () => {
  it("a pasted token: its expiry is the 06:00 IST after it was saved (04:00 UTC → 06:00 IST next morning); refreshing needs today's token, which is tested and swapped in", async () => {
    const id = await growwConnection({ mode: "access_token", accessToken: "yesterday's token" });
    const conn = await getConnection(h.db, { ownerId, connectionId: id });
    expect(growwTokenOf(conn)).toEqual({ mode: "access_token", renewable: false, expiresAt: new Date("2026-11-21T00:30:00Z") });

    await expect(refreshGrowwToken(h.db, { ownerId, connectionId: id }, { now })).rejects.toMatchObject({ field: "accessToken" });
    const refused = await refreshGrowwToken(h.db, { ownerId, connectionId: id, accessToken: "not a real token" }, { now }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConnectorError);
    expect((refused as ConnectorError).kind).toBe("auth");
    expect((await getConnection(h.db, { ownerId, connectionId: id })).credentialsEncrypted).toBe(conn.credentialsEncrypted);

    // Saved at 10:00 UTC (15:30 IST): it dies at the next 06:00 IST.
    const state = await refreshGrowwToken(h.db, { ownerId, connectionId: id, accessToken: FAKE_GROWW.accessToken }, { now });
    expect(state).toEqual({ mode: "access_token", renewable: false, expiresAt: new Date("2026-11-21T00:30:00Z") });
    expect((await getConnection(h.db, { ownerId, connectionId: id })).credentialsEncrypted).not.toBe(conn.credentialsEncrypted);
  });

  it("an API key: refreshing mints today's token now (one call), and the page learns its expiry", async () => {
    const id = await growwConnection({ mode: "approval", apiKey: FAKE_GROWW.approvalKey, apiSecret: FAKE_GROWW.approvalSecret });
    const minted = groww.minted.length;
    const state = await refreshGrowwToken(h.db, { ownerId, connectionId: id }, { now });
    expect(state).toEqual({ mode: "approval", renewable: true, expiresAt: new Date("2026-11-21T00:30:00Z") });
    expect(groww.minted.length).toBe(minted + 1);
    // Pressed again: a fresh token again, not the cached one.
    await refreshGrowwToken(h.db, { ownerId, connectionId: id }, { now });
    expect(groww.minted.length).toBe(minted + 2);
  });

  it("refused for any other venue", async () => {
    const [other] = await h.db.select({ id: connections.id }).from(connections).where(eq(connections.provider, "binance"));
    await expect(refreshGrowwToken(h.db, { ownerId, connectionId: other!.id }, { now })).rejects.toThrow("Only Groww connections have a daily token");
  });
});
