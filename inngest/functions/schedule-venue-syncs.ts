import { cron } from "inngest";
import type { ProviderId } from "@/lib/connectors/types";
import { inngestCron, type ScheduleDefinition } from "@/lib/schedules/definitions";
import { planVenueSyncs } from "@/lib/schedules/plan";
import { inngest } from "../client";
import { connectionSyncRequested } from "../events";
import type { FunctionDeps } from "./deps";

/** On a calendar venue's own clock: one "sync requested" event per active connection of it. */
export function createVenueSyncsFunction(def: ScheduleDefinition, provider: ProviderId, deps: FunctionDeps) {
  return inngest.createFunction(
    { id: def.id, name: `Dispatch ${provider} syncs`, triggers: [cron(inngestCron(def))], concurrency: { limit: 1 }, retries: 2 },
    async ({ step }) => {
      const planned = await step.run(`list-${provider}-connections`, async () => {
        const now = deps.now?.() ?? new Date();
        const rows = await planVenueSyncs(await deps.db(), provider, now);
        return rows.map((c) => ({
          data: { workspaceId: c.ownerId, connectionId: c.id, provider, trigger: "cron" as const },
          // A connection the venue asked to leave alone starts when allowed (a future `ts` delays the run).
          ts: c.dueAt > now ? c.dueAt.getTime() : undefined,
        }));
      });
      if (planned.length === 0) return { sent: 0 };
      await step.sendEvent(
        "fan-out",
        planned.map((p) => connectionSyncRequested.create(p.data, { ts: p.ts })),
      );
      return { sent: planned.length };
    },
  );
}
