import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";

/** What must hold after any kill, once the reaper has run: read by the child at its start and by the test at the end. */
export interface FaultState {
  /** Batches still queued or running. */
  open: number;
  /** Runs that committed (succeeded or partial). */
  committed: number;
  /** Cursors whose batch did not commit, or that are later than the newest committed snapshot. */
  cursorsAhead: string[];
}

export async function faultState(db: Db): Promise<FaultState> {
  const [b] = await executeRows<{ open: number; committed: number }>(
    db,
    sql`select count(*) filter (where status in ('queued', 'running'))::int as open,
               count(*) filter (where status in ('succeeded', 'partial'))::int as committed
        from sync_batches`,
  );
  const ahead = await executeRows<{ stream: string; cursor_at: string; status: string }>(
    db,
    sql`select c.stream, c.cursor_at::text, b.status
        from sync_cursors c join sync_batches b on b.id = c.updated_batch_id
        where b.status not in ('succeeded', 'partial')
           or c.cursor_at > coalesce((select max(captured_at) from portfolio_snapshots s where s.connection_id = c.connection_id), '-infinity')`,
  );
  return { open: b!.open, committed: b!.committed, cursorsAhead: ahead.map((r) => `${r.stream} at ${r.cursor_at} (batch ${r.status})`) };
}
