import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { RestoreRefusedError } from "./restore-refused";

/**
 * pg_dump / pg_restore for a DATABASE_URL. The URL is handed to the tools as PG* environment
 * variables, never on the command line, where `ps` would show its password.
 */
export function pgEnvFromUrl(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || "5432", PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export class PgToolMissingError extends Error {
  constructor(tool: string) {
    super(`${tool} is not on PATH. Install the PostgreSQL client tools of your server's major version, or follow the manual steps in the README ("Backup and restore").`);
    this.name = "PgToolMissingError";
  }
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(tool, args, { env, encoding: "utf8" });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") throw new PgToolMissingError(tool);
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status}): ${r.stderr.trim()}`);
}

/** `pg_dump -Fc` of the whole database (schema, data, the migrations journal). Returns the file's size in bytes. */
export function backupPostgres(p: { url: string; out: string }): number {
  fs.mkdirSync(path.dirname(path.resolve(p.out)), { recursive: true });
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${p.out}.partial`], pgEnvFromUrl(p.url));
  fs.renameSync(`${p.out}.partial`, p.out);
  return fs.statSync(p.out).size;
}

/** Tables in the schemas a restore writes (ours and drizzle's journal): none means an empty database. */
async function tableCount(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [r] = await sql<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`;
    return r!.n;
  } finally {
    await sql.end();
  }
}

/**
 * `pg_restore` of a backupPostgres file into the database at `url`. One with any table is
 * refused unless `force`; forced, its objects are dropped and recreated from the backup
 * (`--clean --if-exists`), all in one transaction, so a failed restore leaves it as it was.
 */
export async function restorePostgres(p: { file: string; url: string; force: boolean }): Promise<void> {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(p.file, "r");
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString("latin1") !== "PGDMP") throw new Error(`${p.file} is not a PostgreSQL backup (pg_dump custom format from npm run db:backup)`);
  const nonEmpty = (await tableCount(p.url)) > 0;
  if (nonEmpty && !p.force) throw new RestoreRefusedError(`the PostgreSQL database ${new URL(p.url).pathname.slice(1)}`);
  const env = pgEnvFromUrl(p.url);
  run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...(nonEmpty ? ["--clean", "--if-exists"] : []), `--dbname=${env.PGDATABASE}`, p.file], env);
}
