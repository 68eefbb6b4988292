// Every migration must upgrade a database that the previous release filled, not just an
// empty one: an empty database hides a migration that drops, duplicates or rewrites rows.
// So this test takes the newest migration from the journal, brings a fresh database to
// the migration before it, loads the data the previous release wrote there (a fixture
// committed in db/upgrade-fixtures, see its README), applies the rest, and requires every
// row, every money sum and the audit chain to come through unchanged. It knows no
// migration by name; the two maps below record the reshapes earlier migrations made on
// purpose, and a migration that loses data without saying so fails here.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, type Db, type DbHandle } from "@/db/client";
import { openTestDb } from "@/db/testing";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { syncConnection } from "@/lib/sync/sync-connection";

const FIXTURES_DIR = path.join(process.cwd(), "db", "upgrade-fixtures");

/**
 * Relations a migration removed or whose rows it moved, and a query over the newer schema
 * that gives back their rows under the old column names, so they are compared like any
 * other relation.
 */
const MOVED_RELATIONS: Record<string, string> = {
  // 0009: one json document of per-symbol rows per snapshot.
  snapshot_positions: `select h.snapshot_id, h.owner_id, r.symbol, r.asset, r.kind, r.quantity, r.price,
      r."valueBase" as value_base, r."notionalBase" as notional_base, r.weight, r."fxRate" as fx_rate, r."pnlPct" as pnl_pct
    from snapshot_holdings h cross join lateral json_to_recordset(h.rows) as r(symbol text, asset text, kind text,
      quantity numeric, price numeric, "valueBase" numeric, "notionalBase" numeric, weight numeric, "fxRate" numeric, "pnlPct" numeric)`,
};

/** Columns whose values a migration let go of on purpose ("table.column": why); left out of every comparison. */
const LET_GO_COLUMNS: Record<string, string> = {
  "balances.id": "0009: balances is a view over one document per account; a row has no id of its own",
  "positions.id": "0009: positions is a view over one document per account; a row has no id of its own",
  "snapshot_positions.id": "0009: a snapshot's rows are one document keyed by the snapshot",
};

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
const latest = journal.entries[journal.entries.length - 1]!;
const previous = journal.entries[journal.entries.length - 2];
const fixtureFile = previous ? path.join(FIXTURES_DIR, `${previous.tag}.sql`) : "";

function missingFixtureMessage(tag: string): string {
  return [
    `No upgrade fixture for migration ${tag}: db/upgrade-fixtures/${tag}.sql is missing.`,
    `It is the data the release before ${latest.tag} wrote. Generate it with that release's code`,
    `(the commit before ${latest.tag} was added; HEAD while ${latest.tag} is not committed yet):`,
    `  git worktree add --detach /tmp/vf-prev $(git log -1 --format=%H --diff-filter=A -- db/migrations/${latest.tag}.sql)^`,
    `  ln -s "$PWD/node_modules" /tmp/vf-prev/node_modules && cp scripts/upgrade-fixture.ts /tmp/vf-prev/scripts/`,
    `  (cd /tmp/vf-prev && npx tsx scripts/upgrade-fixture.ts)`,
    `  cp /tmp/vf-prev/db/upgrade-fixtures/${tag}.sql db/upgrade-fixtures/ && git worktree remove --force /tmp/vf-prev`,
    `Next time, generate it before adding the new migration (db/upgrade-fixtures/README.md).`,
  ].join("\n");
}

/** A migrations folder holding only the first `count` migrations: drizzle applies what its journal lists. */
function migrationsPrefix(dir: string, count: number): string {
  const entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, "meta"), { recursive: true });
  // Byte-for-byte copies: drizzle records each migration's hash and time, so the full folder later applies only the rest.
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }, null, 2));
  return dir;
}

/** Runs a script of many statements, as psql would. */
async function runScript(h: DbHandle, text: string): Promise<void> {
  const client = (h.db as unknown as { $client: unknown }).$client;
  if (h.driver === "pglite") await (client as PGlite).exec(text);
  else await (client as Sql).unsafe(text).simple();
}

type Row = Record<string, unknown>;
async function query(db: Db, text: string): Promise<Row[]> {
  const r = (await db.execute(sql.raw(text))) as unknown;
  return Array.isArray(r) ? (r as Row[]) : (r as { rows: Row[] }).rows;
}
const qi = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface Column {
  name: string;
  numeric: boolean;
}

/** The tables and views of the app's schema, with their columns. */
async function relations(db: Db): Promise<Map<string, Column[]>> {
  const rows = await query(
    db,
    `select c.relname, a.attname, format_type(a.atttypid, a.atttypmod) as type
     from pg_class c join pg_attribute a on a.attrelid = c.oid
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm') and a.attnum > 0 and not a.attisdropped
     order by c.relname, a.attnum`,
  );
  const out = new Map<string, Column[]>();
  for (const r of rows) {
    const name = r.relname as string;
    out.set(name, [...(out.get(name) ?? []), { name: r.attname as string, numeric: (r.type as string).startsWith("numeric") }]);
  }
  return out;
}

/**
 * Row count, the exact sum of each numeric column (as the database prints it: no float
 * ever sees the money), and a digest of every row's text over `columns`, so that a value
 * rewritten without changing any sum still shows.
 */
async function measure(db: Db, source: string, columns: Column[]): Promise<Record<string, string | null>> {
  const row = `row(${columns.map((c) => `s.${qi(c.name)}`).join(", ")})::text`;
  const parts = [
    `count(*)::text as "rows"`,
    ...columns.filter((c) => c.numeric).map((c) => `sum(s.${qi(c.name)})::text as ${qi(`sum(${c.name})`)}`),
    `md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as "content md5"`,
  ];
  const [r] = await query(db, `select ${parts.join(", ")} from ${source} s`);
  return r as Record<string, string | null>;
}

let h: DbHandle | undefined;
let tmp: string | undefined;
const before: Record<string, Record<string, string | null>> = {};
/** Per relation of the old schema, the columns compared (all but those let go). */
const compared = new Map<string, Column[]>();

beforeAll(async () => {
  if (!previous) throw new Error("the upgrade test needs at least two migrations");
  if (!fs.existsSync(fixtureFile)) throw new Error(missingFixtureMessage(previous.tag));
  const fixture = fs.readFileSync(fixtureFile, "utf8");
  const made = /^-- migration: (\S+)$/m.exec(fixture)?.[1];
  if (made !== previous.tag) throw new Error(`${path.relative(process.cwd(), fixtureFile)} was generated at migration ${made ?? "(unknown)"}, not ${previous.tag}: regenerate it`);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mig-upgrade-"));
  h = await openTestDb({ migrationsFolder: migrationsPrefix(tmp, journal.entries.length - 1) });
  await runScript(h, fixture);
  for (const [name, columns] of await relations(h.db)) {
    const kept = columns.filter((c) => !(`${name}.${c.name}` in LET_GO_COLUMNS));
    before[name] = await measure(h.db, `public.${qi(name)}`, kept);
    compared.set(name, kept);
  }
  await applyMigrations(h);
});
afterAll(async () => {
  await h?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`upgrading a database the previous release filled (${previous?.tag ?? "none"} → ${latest.tag})`, () => {
  it("the fixture holds what a release writes: orders with their events, fills, holdings, snapshots", () => {
    // Guards the guard: an empty fixture would make every comparison below pass.
    for (const table of ["orders", "order_events", "fills", "balances", "portfolio_snapshots", "sync_batches"]) {
      expect(Number(before[table]?.rows ?? 0), `${table} rows in the fixture`).toBeGreaterThan(0);
    }
    expect(Object.keys(before.fills ?? {})).toEqual(expect.arrayContaining(["sum(price)", "sum(quantity)", "sum(fee)"]));
  });

  it("keeps every row, every money sum and every value of every table and view", async () => {
    const db = h!.db;
    const now = await relations(db);
    const problems: string[] = [];
    const after: typeof before = {};
    for (const [name, columns] of compared) {
      let source = `public.${qi(name)}`;
      const moved = MOVED_RELATIONS[name];
      if (moved) {
        source = `(${moved})`;
      } else if (!now.has(name)) {
        problems.push(`${name} (${before[name]!.rows} rows) is gone after ${latest.tag}: if its rows live elsewhere now, add a query giving them back to MOVED_RELATIONS`);
        continue;
      } else {
        const present = new Set(now.get(name)!.map((c) => c.name));
        const lost = columns.filter((c) => !present.has(c.name)).map((c) => c.name);
        if (lost.length > 0) {
          problems.push(`${name} lost column(s) ${lost.join(", ")} in ${latest.tag}: if on purpose, list them in LET_GO_COLUMNS with why`);
          continue;
        }
      }
      after[name] = await measure(db, source, columns);
    }
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
  });

  it("the order-event hash chain still verifies, every event of it", async () => {
    const report = await verifyOrderEventChains(h!.db, { allWorkspaces: true });
    expect(report.broken).toBeNull();
    expect(String(report.events)).toBe(before.order_events!.rows);
  });

  it("today's sync carries on from the upgraded data, and the chain still verifies", async () => {
    const db = h!.db;
    const conns = await query(
      db,
      `select c.id::text as id, c.owner_id::text as owner_id, max(b.started_at)::text as last from connections c
       join sync_batches b on b.connection_id = c.id where c.provider = 'demo' group by c.id, c.owner_id`,
    );
    expect(conns.length).toBeGreaterThan(0);
    for (const c of conns) {
      const at = new Date(new Date(c.last as string).getTime() + 3_600_000);
      const r = await syncConnection(db, {
        ownerId: c.owner_id as string,
        connectionId: c.id as string,
        trigger: "manual",
        now: () => at,
        referencePrices: null,
        webhook: null,
      });
      expect(r.status).toBe("succeeded");
    }
    const report = await verifyOrderEventChains(db, { allWorkspaces: true });
    expect(report.broken).toBeNull();
    expect(report.events).toBeGreaterThan(Number(before.order_events!.rows));
  });
});
