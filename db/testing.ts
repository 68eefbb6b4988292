import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { MIGRATIONS_DIR, openDb, type DbHandle, type OpenOptions } from "./client";
import * as schema from "./schema";

/**
 * A fresh, migrated database for one test file. Embedded PGlite in memory by default;
 * with TEST_DB_DRIVER=postgres (npm run test:pg) a throwaway database on the server at
 * DATABASE_URL, dropped on close, so parallel test files never share state.
 */
export async function openTestDb(options: OpenOptions = {}): Promise<DbHandle & { url?: string }> {
  if (process.env.TEST_DB_DRIVER !== "postgres") {
    // The upgrade test migrates to an older folder: it starts empty.
    if (options.migrationsFolder) return openDb({ memory: true }, options);
    return openDb({ memory: true, image: await migratedImage() }, options);
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DB_DRIVER=postgres needs DATABASE_URL (a server where databases may be created)");
  const name = `vf_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  // The upgrade test migrates to an older folder: it starts empty.
  if (options.migrationsFolder) await admin.unsafe(`create database ${name}`);
  else await admin.unsafe(`create database ${name} template ${await migratedTemplate(admin, serverUrl)}`);
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

/**
 * The PostgreSQL counterpart of migratedImage: a template database the committed migrations
 * were applied to once, which CREATE DATABASE … TEMPLATE copies per test file (tens of
 * milliseconds, against ~0.6 s for 24 migrations on a fresh database). Created under an
 * advisory lock so parallel workers make it once; templates of older migrations are dropped.
 */
async function migratedTemplate(admin: postgres.Sql, serverUrl: string): Promise<string> {
  const template = `vf_tmpl_${migrationsHash()}`;
  // A session lock on admin's one connection: CREATE DATABASE cannot run inside a transaction.
  await admin`select pg_advisory_lock(hashtext('venuefolio test template'))`;
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${template}`;
    if (found) return template;
    for (const old of await admin<{ datname: string }[]>`select datname from pg_database where datname like 'vf\_tmpl\_%'`) {
      await admin.unsafe(`drop database if exists ${old.datname} with (force)`);
    }
    const building = `${template}_${randomBytes(3).toString("hex")}`;
    await admin.unsafe(`create database ${building}`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const handle = await openDb({ url: url.toString() });
    await handle.close();
    // Renamed only once migrated: a template that exists is complete.
    await admin.unsafe(`alter database ${building} rename to ${template}`);
    return template;
  } finally {
    await admin`select pg_advisory_unlock(hashtext('venuefolio test template'))`;
  }
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const f of fs.readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, f);
    if (fs.statSync(full).isFile()) hash.update(f).update(fs.readFileSync(full));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The committed migrations applied once to an empty PGlite, as a data-directory image that
 * every test file starts from. Why: starting PGlite empty runs initdb in WASM (3–5 s of CPU)
 * and then 24 migrations (~1 s), per file; loading an image skips both (under 1 s), which
 * took the PGlite suite from ~28 minutes towards half that on this 2-core machine. The image
 * is keyed by a hash of the migrations folder, so a new or edited migration makes a new one;
 * concurrent workers write it to a temporary name and rename, so a reader never sees half.
 * openDb still runs the migrator on the loaded image (a no-op when it is current).
 */
async function migratedImage(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `venuefolio-pglite-image-${migrationsHash()}.tar`);
  if (!fs.existsSync(file)) {
    const client = await PGlite.create("memory://");
    await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
    const image = await client.dumpDataDir("none");
    await client.close();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    fs.renameSync(partial, file);
  }
  return new Blob([fs.readFileSync(file)]);
}
