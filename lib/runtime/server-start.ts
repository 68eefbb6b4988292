import { env, inngestEnabled } from "@/lib/env";
import { startInProcessScheduler } from "@/lib/scheduler/in-process";
import { getRuntime } from "./app-db";

const STARTED = Symbol.for("venuefolio.scheduler");

/**
 * Server start: open the database (first start seeds the demo portfolio), then run the
 * schedule in-process unless Inngest carries it.
 */
export async function startServerRuntime(): Promise<void> {
  const e = env();
  const t0 = performance.now();
  const runtime = await getRuntime();
  console.info(`[venuefolio] database ready (${runtime.handle.driver}) in ${Math.round(performance.now() - t0)} ms`);
  if (inngestEnabled(e)) {
    console.info("[venuefolio] schedules run on Inngest (/api/inngest)");
    return;
  }
  if (e.SCHEDULER === "off") return;
  const holder = globalThis as { [STARTED]?: boolean };
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  const job = startInProcessScheduler({ db: runtime.handle.db, pattern: e.SYNC_CRON });
  console.info(`[venuefolio] in-process scheduler: "${e.SYNC_CRON}" (UTC), next run ${job.nextRun()?.toISOString() ?? "never"}`);
}
