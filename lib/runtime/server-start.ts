import { env, inngestEnabled } from "@/lib/env";
import { startInProcessScheduler } from "@/lib/schedules/in-process/in-process";
import { maintenanceTasks } from "@/lib/schedules/maintenance-tasks";
import { getRuntime } from "./app-db";

/**
 * Server start: open the database (first start seeds the demo portfolio), then run the
 * schedule table in-process unless Inngest carries it (the same schedules, the same lib
 * calls: see lib/schedules/definitions.ts).
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
  // Idempotent: a dev reload that runs this again gets the scheduler already running.
  const scheduler = startInProcessScheduler({ db: runtime.handle.db, tasks: maintenanceTasks });
  const next = scheduler.jobs
    .map((j) => ({ id: j.id, at: j.cron.nextRun() }))
    .filter((j): j is { id: string; at: Date } => j.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  console.info(`[venuefolio] in-process scheduler: ${scheduler.jobs.length} schedules; next: ${next ? `${next.id} at ${next.at.toISOString()}` : "none"}`);
}
