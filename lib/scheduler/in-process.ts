import { Cron } from "croner";
import type { Db } from "@/db/client";
import { syncActiveConnections } from "@/lib/sync/sync-active";

/**
 * The embedded default's scheduler: the same schedule Inngest would run, in this
 * process. `protect` skips a tick while the previous one still runs, so a slow venue
 * never stacks syncs.
 */
export function startInProcessScheduler(p: { db: Db; pattern: string; log?: (msg: string) => void }): Cron {
  const log = p.log ?? ((msg: string) => console.info(msg));
  return new Cron(p.pattern, { name: "venuefolio-sync", timezone: "UTC", protect: true, catch: true }, async () => {
    const results = await syncActiveConnections(p.db, "cron");
    const failed = results.filter((r) => !r.ok);
    log(`[scheduler] synced ${results.length - failed.length}/${results.length} connection(s)${failed.length ? `; failed: ${failed.map((f) => f.error).join("; ")}` : ""}`);
  });
}
