import { cron } from "inngest";
import { listActiveConnections } from "@/db/queries/connections";
import { inngest } from "../client";
import { connectionSyncRequested } from "../events";
import type { FunctionDeps } from "./sync-connection";

/** Every 5 minutes: one "sync requested" event per active connection (fan-out). */
export function createScheduleSyncsFunction(deps: FunctionDeps) {
  return inngest.createFunction(
    { id: "schedule-syncs", name: "Fan out scheduled syncs", triggers: [cron("TZ=UTC */5 * * * *")], retries: 2 },
    async ({ step }) => {
      const targets = await step.run("list-active-connections", async () => listActiveConnections(await deps.db()));
      if (targets.length === 0) return { sent: 0 };
      await step.sendEvent(
        "fan-out",
        targets.map((c) => connectionSyncRequested.create({ ownerId: c.ownerId, connectionId: c.id, trigger: "cron" })),
      );
      return { sent: targets.length };
    },
  );
}
