import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "@/db/lock";
import { RestoreRefusedError } from "./restore-refused";

/**
 * Writes the embedded database's whole data directory to a gzipped tarball with PGlite's own
 * dumpDataDir: a consistent copy (PGlite runs one query at a time, and the lock keeps the app
 * out), restorable by PGlite of the same major version. Returns the tarball's size in bytes.
 */
export async function backupPgliteDir(p: { dataDir: string; out: string }): Promise<number> {
  if (!fs.existsSync(p.dataDir)) throw new Error(`No embedded database at ${p.dataDir} (PGLITE_DIR) to back up`);
  const release = acquireDataDirLock(p.dataDir);
  try {
    const pg = await PGlite.create(p.dataDir);
    try {
      const tar = await pg.dumpDataDir("gzip");
      const bytes = Buffer.from(await tar.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(p.out)), { recursive: true });
      // Written beside, then renamed: an interrupted backup never leaves a truncated file under the final name.
      fs.writeFileSync(`${p.out}.partial`, bytes);
      fs.renameSync(`${p.out}.partial`, p.out);
      return bytes.length;
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a tarball from backupPgliteDir into `dataDir`. A directory that exists and holds
 * anything is refused unless `force`; forced, it is moved aside to `<dir>.before-restore-<time>`
 * (never deleted) and a fresh one is written. Returns the path moved aside, if any.
 */
export async function restorePgliteDir(p: { file: string; dataDir: string; force: boolean; now?: Date }): Promise<{ movedAside: string | null }> {
  const tar = fs.readFileSync(p.file);
  if (tar.length < 2 || tar[0] !== 0x1f || tar[1] !== 0x8b) throw new Error(`${p.file} is not a PGlite backup (a gzipped tarball from npm run db:backup)`);
  const release = acquireDataDirLock(p.dataDir);
  try {
    let movedAside: string | null = null;
    if (fs.existsSync(p.dataDir) && fs.readdirSync(p.dataDir).length > 0) {
      if (!p.force) throw new RestoreRefusedError(`the embedded database at ${p.dataDir}`);
      movedAside = `${p.dataDir}.before-restore-${(p.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(p.dataDir, movedAside);
    }
    const pg = await PGlite.create(p.dataDir, { loadDataDir: new Blob([tar]) });
    await pg.close();
    return { movedAside };
  } finally {
    release();
  }
}
