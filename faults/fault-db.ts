import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle, type DbTarget } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { FAULT_SEED } from "./fault-venue";

/** The database a fault scenario's children share, on the driver of the run (TEST_DB_DRIVER, as test:pg). */
export interface FaultDb {
  /** Environment for a child process: where the database is. */
  env: Record<string, string>;
  open(): Promise<DbHandle>;
  drop(): Promise<void>;
}

export const faultDriver = (): "postgres" | "pglite" => (process.env.TEST_DB_DRIVER === "postgres" ? "postgres" : "pglite");

/** A fresh, migrated database holding one workspace with the fault venue's demo connection. */
export async function createFaultDb(): Promise<FaultDb> {
  let target: DbTarget;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  if (faultDriver() === "postgres") {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) throw new Error("TEST_DB_DRIVER=postgres needs DATABASE_URL (a server where databases may be created)");
    const name = `vf_faults_${randomBytes(6).toString("hex")}`;
    // A client per use, not one kept open: a scenario may restart the server under it.
    const admin = async (statement: string) => {
      const client = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await client.unsafe(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    target = { url: url.toString() };
    env = { DATABASE_URL: url.toString() };
    drop = () => admin(`drop database if exists ${name} with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vf-faults-"));
    const dataDir = path.join(dir, "pglite");
    target = { dataDir };
    // An empty DATABASE_URL would fail the env schema: the child must not see one at all.
    env = { PGLITE_DIR: dataDir, DATABASE_URL: "" };
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const h = await openDb(target);
  try {
    const ownerId = (await ensurePersonalWorkspace(h.db)).id;
    await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: FAULT_SEED } });
  } finally {
    await h.close();
  }
  return { env, open: () => openDb(target), drop };
}
