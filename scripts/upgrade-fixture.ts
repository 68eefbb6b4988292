// npx tsx scripts/upgrade-fixture.ts [--out <file>] — writes the data a release leaves in
// its database, as plain INSERTs, to db/upgrade-fixtures/<latest migration tag>.sql.
//
// Why: db/migrations-upgrade.int.test.ts applies each new migration to a database that the
// PREVIOUS release filled, not to an empty one. Today's sync writes today's schema, so the
// previous release's data can only come from the previous release's code: check out the
// commit before your new migration, copy this script in, run it there, and commit the file
// it writes (db/upgrade-fixtures/README.md has the steps). It therefore uses only APIs that
// have been stable across releases; adapt an import if one was renamed at that commit.
//
// The data is written by the real code paths (demo venue sync, snapshot backfill, gap
// detection, attribution, risk alerts, end-of-day) on a fixed seed and a fixed clock, so
// running it twice at the same commit gives the same bytes. Ids and the `now()` column
// defaults are made deterministic below; nothing else about what the code writes is touched.
import crypto from "node:crypto";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDb, type Db } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { createDemoConnector } from "@/lib/connectors/demo";
import { ConnectorError } from "@/lib/connectors/errors";
import type { Connector } from "@/lib/connectors/types";
import { maintenanceTasks } from "@/lib/schedules/maintenance-tasks";
import { backfillSnapshots } from "@/lib/snapshots/backfill";
import { syncConnection, SyncFailedError } from "@/lib/sync/sync-connection";

// Nothing may leave the machine, and the fixture must not depend on who runs it.
process.env.REFERENCE_PRICES = "off";
delete process.env.ALERT_WEBHOOK_URL;

const SEED = "upgrade-fixture";
const HOUR = 3_600_000;
const MIN = 60_000;
const offline = { referencePrices: null, webhook: null } as const;

// Ids made in JS (snapshot and order ids) get their own namespace (…-9000-…) apart from the
// database defaults (…-8000-…), so the two counters can never collide.
let jsIds = 0;
crypto.randomUUID = () => `00000000-0000-4000-9000-${(++jsIds).toString(16).padStart(12, "0")}` as ReturnType<typeof crypto.randomUUID>;
// Modules that did `import { randomUUID } from "node:crypto"` see the replacement too.
syncBuiltinESMExports();

const { values: args } = parseArgs({ options: { out: { type: "string" } }, strict: true });

type Row = Record<string, string | null>;
async function query(db: Db, text: string): Promise<Row[]> {
  const r = (await db.execute(sql.raw(text))) as unknown;
  return (Array.isArray(r) ? r : (r as { rows: Row[] }).rows) as Row[];
}
const qi = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (v: string | null) => (v === null ? "NULL" : `'${v.replaceAll("'", "''")}'`);

/**
 * Deterministic ids and created_at: every `gen_random_uuid()` default draws from a counter,
 * every `now()` default reads the simulated clock. Kept in a schema of its own, which the
 * dump (public only) never includes.
 */
async function makeDatabaseDeterministic(db: Db): Promise<void> {
  for (const statement of [
    `create schema fixture_gen`,
    `create sequence fixture_gen.uuid_seq`,
    `create function fixture_gen.uuid() returns uuid language sql volatile as
      $$ select ('00000000-0000-4000-8000-' || lpad(to_hex(nextval('fixture_gen.uuid_seq')), 12, '0'))::uuid $$`,
    `create function fixture_gen.now() returns timestamptz language sql stable as
      $$ select coalesce(nullif(current_setting('fixture_gen.now', true), '')::timestamptz, now()) $$`,
  ]) {
    await db.execute(sql.raw(statement));
  }
  const cols = await query(
    db,
    `select table_name, column_name, column_default from information_schema.columns
     where table_schema = 'public' and column_default in ('gen_random_uuid()', 'now()') order by table_name, column_name`,
  );
  for (const c of cols) {
    const fn = c.column_default === "now()" ? "fixture_gen.now()" : "fixture_gen.uuid()";
    await db.execute(sql.raw(`alter table public.${qi(c.table_name!)} alter column ${qi(c.column_name!)} set default ${fn}`));
  }
}

async function setClock(db: Db, at: Date): Promise<Date> {
  await db.execute(sql`select set_config('fixture_gen.now', ${at.toISOString()}, false)`);
  return at;
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
async function tablesInForeignKeyOrder(db: Db): Promise<string[]> {
  const tables = (
    await query(db, `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') and not relispartition order by relname`)
  ).map((r) => r.relname!);
  const edges = await query(
    db,
    `select ch.relname as child, pa.relname as parent from pg_constraint k
     join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
     where k.contype = 'f' and ch.relnamespace = 'public'::regnamespace`,
  );
  // A table that references itself (a cash-flow reversal names the row it reverses) orders
  // its own rows in dumpTable; here only the edges between tables count.
  const parents = new Map(tables.map((t) => [t, new Set(edges.filter((e) => e.child === t && e.parent !== t).map((e) => e.parent!))]));
  const done: string[] = [];
  while (done.length < tables.length) {
    const next = tables.find((t) => !done.includes(t) && [...parents.get(t)!].every((p) => done.includes(p)));
    if (!next) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !done.includes(t)).join(", ")}`);
    done.push(next);
  }
  return done;
}

async function dumpTable(db: Db, table: string): Promise<{ text: string; rows: number }> {
  const oid = `(select oid from pg_class where relname = ${literal(table)} and relnamespace = 'public'::regnamespace)`;
  const cols = await query(db, `select attname, attidentity from pg_attribute where attrelid = ${oid} and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`);
  const pk = await query(
    db,
    `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = ${oid} and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
  );
  const names = cols.map((c) => c.attname!);
  // Every value as its exact text form (numeric keeps its digits and scale); the column's
  // type turns it back on insert. Rows in key order so that a rerun writes the same file.
  const order = (pk.length > 0 ? pk.map((c) => c.attname!) : names).map((n) => `${qi(n)}::text`).join(", ");
  const fetched = await query(db, `select ${names.map((n) => `${qi(n)}::text as ${qi(n)}`).join(", ")} from public.${qi(table)} order by ${order}`);
  if (fetched.length === 0) return { text: `-- ${table}: no rows\n`, rows: 0 };
  const rows = await referencedFirst(db, table, oid, fetched);
  const overriding = cols.some((c) => c.attidentity === "a") ? " OVERRIDING SYSTEM VALUE" : "";
  const head = `INSERT INTO public.${qi(table)} (${names.map(qi).join(", ")})${overriding} VALUES\n`;
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const part = rows.slice(i, i + 200).map((r) => `(${names.map((n) => literal(r[n] ?? null)).join(", ")})`);
    statements.push(`${head}${part.join(",\n")};\n`);
  }
  return { text: `-- ${table}: ${rows.length} rows\n${statements.join("")}`, rows: rows.length };
}

/**
 * Rows of a self-referencing table, each after the rows it points to (a reversal after the
 * flow it reverses), keeping key order otherwise; a table without a self-reference as is.
 */
async function referencedFirst(db: Db, table: string, oid: string, rows: Row[]): Promise<Row[]> {
  const links = await query(
    db,
    `select a.attname as col, r.attname as target from pg_constraint k
     join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
     join pg_attribute r on r.attrelid = k.confrelid and r.attnum = k.confkey[1]
     where k.contype = 'f' and k.conrelid = ${oid} and k.confrelid = ${oid}`,
  );
  if (links.length === 0) return rows;
  const target = links[0]!.target!;
  const placed = new Set<string>();
  const out: Row[] = [];
  let left = rows;
  while (left.length > 0) {
    const ready = left.filter((r) => links.every((l) => r[l.col!] === null || r[l.col!] === undefined || placed.has(r[l.col!]!)));
    if (ready.length === 0) throw new Error(`${table}: rows reference each other in a cycle`);
    for (const r of ready) {
      out.push(r);
      placed.add(r[target]!);
    }
    left = left.filter((r) => !ready.includes(r));
  }
  return out;
}

/** Sequences behind serial columns, so ids drawn after loading do not collide with loaded rows. */
async function dumpSequences(db: Db): Promise<string> {
  const seqs = await query(
    db,
    `select s.relname from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
     join pg_class t on t.oid = d.refobjid
     where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
       and t.relnamespace = 'public'::regnamespace order by s.relname`,
  );
  let out = "";
  for (const s of seqs) {
    const [v] = await query(db, `select last_value::text as v, is_called::text as called from public.${qi(s.relname!)}`);
    out += `SELECT pg_catalog.setval(${literal(`public.${qi(s.relname!)}`)}, ${v!.v}, ${v!.called});\n`;
  }
  return out;
}

/** The demo connection carries no credentials; refuse to write a file if anything looks like one. */
async function assertNoSecrets(db: Db): Promise<void> {
  const rows = await query(db, `select id::text, provider, credentials_encrypted, config::text as config from public.connections`);
  for (const r of rows) {
    if (r.provider !== "demo" || r.credentials_encrypted !== null) throw new Error(`connection ${r.id} (${r.provider}) must be a demo connection without credentials`);
    const keys = Object.keys(JSON.parse(r.config!) as object);
    if (keys.some((k) => !["seed", "initialHistoryDays"].includes(k))) throw new Error(`connection ${r.id} config has unexpected keys: ${keys.join(", ")}`);
  }
}

/** The demo venue at `at` with one stream replaced by a failing one. */
function failingDemo(at: Date, stream: "fetchBalances" | "fetchFills"): Connector {
  const demo = createDemoConnector({ seed: SEED, now: () => at });
  const fail = async () => {
    throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: `GET /${stream.slice(5).toLowerCase()}`, message: "venue returned 503" });
  };
  return Object.assign(Object.create(Object.getPrototypeOf(demo) as object) as Connector, demo, { [stream]: fail });
}

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
  entries: Array<{ tag: string }>;
};
const tag = journal.entries[journal.entries.length - 1]!.tag;
const out = args.out ?? path.join(process.cwd(), "db", "upgrade-fixtures", `${tag}.sql`);

const h = await openDb({ memory: true });
try {
  const db = h.db;
  const [applied] = await query(db, `select count(*)::text as n from drizzle.__drizzle_migrations`);
  if (Number(applied!.n) !== journal.entries.length) throw new Error(`expected ${journal.entries.length} migrations applied, found ${applied!.n}`);
  await makeDatabaseDeterministic(db);

  // A short life of a demo connection, each step as the app would run it: about two days.
  const start = await setClock(db, new Date("2026-11-18T00:00:00Z"));
  const personal = await ensurePersonalWorkspace(db);
  const ownerId = personal.id;
  const { id: connectionId } = await createConnection(db, {
    ownerId,
    provider: "demo",
    label: "Demo exchange",
    config: { seed: SEED, initialHistoryDays: 1 },
  });
  // First start: the demo's hourly history (snapshots with no batch), then a startup sync.
  await backfillSnapshots(db, {
    ownerId,
    connectionId,
    baseCurrency: personal.baseCurrency,
    from: new Date(start.getTime() - 12 * HOUR),
    to: start,
    stepMs: HOUR,
    connectorAt: (at) => createDemoConnector({ seed: SEED, now: () => at }),
  });
  const sync = async (at: Date, trigger: "startup" | "cron" | "manual", connector?: Connector) => {
    await setClock(db, at);
    try {
      return await syncConnection(db, { ownerId, connectionId, trigger, now: () => at, connector, ...offline });
    } catch (e) {
      if (e instanceof SyncFailedError) return null;
      throw e;
    }
  };
  const maintain = async (at: Date, tasks: Array<"reconcile" | "end-of-day-snapshots" | "snapshot-gaps">) => {
    await setClock(db, at);
    for (const t of tasks) await maintenanceTasks[t](db, { now: at });
  };
  const t = (ms: number) => new Date(start.getTime() + ms);

  await sync(start, "startup");
  await maintain(start, ["snapshot-gaps", "reconcile"]); // the first gap check only sets its check point
  // Over an hour without syncs: the gap check fills the hole from the venue's past.
  await sync(t(70 * MIN), "cron");
  await maintain(t(70 * MIN), ["snapshot-gaps", "reconcile"]);
  // A failed run (a required stream) and a partial one (fills), then recovery.
  await sync(t(75 * MIN), "cron", failingDemo(t(75 * MIN), "fetchBalances"));
  await sync(t(80 * MIN), "cron", failingDemo(t(80 * MIN), "fetchFills"));
  // Then twice a day over the rest of two days (the demo's bots keep trading in between,
  // so orders move on and fill); one of them a manual resync. Few runs keep the file small.
  for (let at = 12 * HOUR + 80 * MIN; at <= 48 * HOUR; at += 12 * HOUR) {
    await sync(t(at), at === 24 * HOUR + 80 * MIN ? "manual" : "cron");
    await maintain(t(at + 5 * MIN), ["reconcile"]);
  }
  await maintain(t(24 * HOUR + 10 * MIN), ["end-of-day-snapshots"]);
  await sync(t(48 * HOUR + 5 * MIN), "cron");
  await maintain(t(48 * HOUR + 10 * MIN), ["reconcile", "end-of-day-snapshots"]);

  // A duration is the generating machine's wall time; on the fixture's clock a run takes none.
  await db.execute(sql.raw(`update public.sync_batches set duration_ms = 0 where duration_ms is not null`));
  await assertNoSecrets(db);

  await db.execute(sql.raw(`set time zone 'UTC'`));
  let body = "";
  const counts: string[] = [];
  for (const table of await tablesInForeignKeyOrder(db)) {
    const d = await dumpTable(db, table);
    body += d.text;
    if (d.rows > 0) counts.push(`${table} ${d.rows}`);
  }
  body += await dumpSequences(db);
  const header = [
    `-- Upgrade fixture: the data the release at migration ${tag} wrote (demo venue, seed "${SEED}").`,
    `-- migration: ${tag}`,
    `-- Generated by scripts/upgrade-fixture.ts; regenerate, never edit (db/upgrade-fixtures/README.md).`,
    `-- Rows: ${counts.join(", ")}`,
    "",
  ].join("\n");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, header + body);
  console.log(`${out}: ${(fs.statSync(out).size / 1024).toFixed(0)} KiB; ${counts.join(", ")}`);
} finally {
  await h.close();
}
