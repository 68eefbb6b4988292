import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle, type OpenOptions } from "./client";

/**
 * A fresh, migrated database for one test file. Embedded PGlite in memory by default;
 * with TEST_DB_DRIVER=postgres (npm run test:pg) a throwaway database on the server at
 * DATABASE_URL, dropped on close, so parallel test files never share state.
 */
export async function openTestDb(options: OpenOptions = {}): Promise<DbHandle & { url?: string }> {
  if (process.env.TEST_DB_DRIVER !== "postgres") return openDb({ memory: true }, options);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DB_DRIVER=postgres needs DATABASE_URL (a server where databases may be created)");
  const name = `vf_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() }, options);
  return {
    ...handle,
    // For a test that has other processes open the same database (lib/telegram/poller.int.test.ts).
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
