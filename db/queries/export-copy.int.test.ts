// The COPY export path on a real PostgreSQL server (PGlite has no COPY … TO STDOUT; its exports
// go batch by batch, tested in lib/exports): the connection pool stays usable after many
// COPYs read slowly, and a COPY cancelled part-way stops on the server.
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { openTestDb } from "@/db/testing";
import type { ExportReadSpec } from "./export-batch";
import { openCsvCopy } from "./export-copy";

const ROWS = 20_000;
const spec: ExportReadSpec = {
  columns: [
    ["n", sql`g::text`],
    ["pad", sql`repeat(${"x"}, 200)`],
  ],
  body: sql`from generate_series(1, ${ROWS}::int) g`,
  order: [sql`g`, sql`g`],
  key: ["n", "n"],
};

/** Answers `select 1` within 5 s, or says the pool is stuck. */
async function poolAnswers(h: DbHandle): Promise<string> {
  const answer = executeRows<{ one: number }>(h.db, sql`select 1 as one`).then((r) => `answered ${r[0]!.one}`);
  return Promise.race([answer, sleep(5000).then(() => "stuck")]);
}

const activeCopies = async (h: DbHandle) =>
  (await executeRows<{ n: number }>(h.db, sql`select count(*)::int as n from pg_stat_activity where state = 'active' and query ilike 'copy (%'`))[0]!.n;

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => {
  await h?.close();
});

if (process.env.TEST_DB_DRIVER !== "postgres") {
  describe("PGlite: no COPY", () => {
    it("openCsvCopy refuses an embedded database, saying its exports go batch by batch", async () => {
      await expect(openCsvCopy(h.db, spec)).rejects.toThrow("COPY … TO STDOUT needs a PostgreSQL server (postgres.js); exports on PGlite go batch by batch");
    });
  });
} else {
  describe("PostgreSQL: exports written by COPY", () => {
    it(`12 COPYs of ${ROWS} rows, each read a chunk at a time with a pause between, all whole, and the pool still answers (postgres.js left its socket paused after CopyDone)`, async () => {
      for (let k = 0; k < 12; k++) {
        const copy = await Promise.race([
          openCsvCopy(h.db, spec),
          sleep(5000).then(() => {
            throw new Error(`COPY ${k + 1} never started: the pool is stuck`);
          }),
        ]);
        let lines = 0;
        for await (const chunk of copy.stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
          for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
          await new Promise((r) => setImmediate(r));
        }
        expect(lines, `COPY ${k + 1}`).toBe(ROWS);
      }
      expect(await poolAnswers(h)).toBe("answered 1");
    });

    it("a COPY cancelled after its first chunk stops on the server, and the pool answers", async () => {
      const copy = await openCsvCopy(h.db, { ...spec, body: sql`from generate_series(1, ${ROWS * 50}::int) g` });
      const first = (await copy.stream.iterator({ destroyOnReturn: false }).next()) as IteratorResult<Buffer>;
      expect(first.value.toString().startsWith("1,xxx")).toBe(true);
      expect(await activeCopies(h)).toBe(1);
      copy.cancel();
      let left = 1;
      for (let i = 0; i < 50 && left > 0; i++) {
        await sleep(100);
        left = await activeCopies(h);
      }
      expect(left).toBe(0);
      expect(await poolAnswers(h)).toBe("answered 1");
    });
  });
}
