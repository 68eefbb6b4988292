import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";
import { acquireDataDirLock } from "./lock";
import { withPreparedStatements } from "./prepared-statements";

/** One query API for both drivers; a transaction is a `Db` too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

/** `prepare` (default true): named prepared statements on PostgreSQL, see withPreparedStatements. */
/** `memory` with `image`: a fresh in-memory database started from a dumped data directory (db/testing.ts's migrated template) instead of an empty one. */
export type DbTarget = { url: string; prepare?: boolean } | { dataDir: string } | { memory: true; image?: Blob };

export interface OpenOptions {
  /**
   * Where the migrations to apply are; the committed ones by default. The upgrade test
   * (db/migrations-upgrade.int.test.ts) opens a database at an older migration this way.
   */
  migrationsFolder?: string;
}

/** Opens a database and applies the committed migrations. */
export async function openDb(target: DbTarget, options: OpenOptions = {}): Promise<DbHandle> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_DIR;
  if ("url" in target) {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client: target.prepare === false ? client : withPreparedStatements(client), schema });
    await migratePostgres(db, { migrationsFolder });
    // A bounded close: queries still waiting after 5 s are failed and their sockets destroyed.
    // Unbounded, a query postgres.js left unsettled (a connection opened while the server
    // restarted) keeps close() pending for good, and a CLI then exits silently with status 13.
    return { db: db as unknown as Db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const release = "dataDir" in target ? acquireDataDirLock(target.dataDir) : () => {};
  try {
    const client = "dataDir" in target ? await PGlite.create(target.dataDir) : target.image ? await PGlite.create({ loadDataDir: target.image }) : await PGlite.create("memory://");
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * Which driver a `Db` runs on: "pglite" or "postgres", or null for a handle that does not say
 * (a transaction). For the few reads whose fastest form differs between the two
 * (db/queries/export-batch.ts); every other query is written once for both.
 */
export function driverOf(db: Db): DbHandle["driver"] | null {
  const client: unknown = (db as { $client?: unknown }).$client;
  if (client instanceof PGlite) return "pglite";
  // postgres.js's client is its tagged-template function (here behind withPreparedStatements' proxy).
  return typeof client === "function" ? "postgres" : null;
}

/** Applies the migrations in `migrationsFolder` that the database has not had yet. */
export async function applyMigrations(h: DbHandle, migrationsFolder: string = MIGRATIONS_DIR): Promise<void> {
  if (h.driver === "postgres") await migratePostgres(h.db as unknown as Parameters<typeof migratePostgres>[0], { migrationsFolder });
  else await migratePglite(h.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder });
}
