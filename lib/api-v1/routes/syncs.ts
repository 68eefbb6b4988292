import { after } from "next/server";
import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { SYNC_STATUSES, SYNC_TRIGGERS } from "@/db/schema/sync-enums";
import { requestResync } from "@/lib/actions/request-resync";
import { syncQueue } from "@/lib/actions/sync-queue";
import { resyncResultSchema } from "@/lib/read-models/dashboard-schemas";
import { loadSyncHistoryPage } from "@/lib/read-models/sync-history-data";
import { syncRunSchema } from "@/lib/read-models/sync-history-schemas";
import { errorResponse, itemEnvelope, listEnvelope } from "../envelope";
import { listOf, pageQuery, pageRequest } from "../pagination";
import { defineRoute } from "../route-def";
import { idParam } from "../schemas";

const syncQuery = z.strictObject({
  connection: idParam("connection").optional(),
  status: z.enum(SYNC_STATUSES).optional(),
  trigger: z.enum(SYNC_TRIGGERS).optional(),
  ...pageQuery,
});

export const listSyncs = defineRoute({
  method: "GET",
  path: "/api/v1/syncs",
  operationId: "listSyncs",
  tag: "Syncs",
  summary: "Sync history: every run, newest first, with its counts, error and live progress",
  role: "viewer",
  query: syncQuery,
  response: { name: "SyncList", schema: listEnvelope(syncRunSchema) },
  handle: async ({ scope, query }) => {
    const { cursor, limit, ...filters } = query;
    return listOf(await loadSyncHistoryPage(scope.db, { ownerId: scope.ownerId, request: pageRequest({ cursor, limit }, filters), now: new Date() }), (r) => r);
  },
});

const startedSchema = resyncResultSchema.options[0];

export const startSync = defineRoute({
  method: "POST",
  path: "/api/v1/syncs",
  operationId: "startSync",
  tag: "Syncs",
  summary: "Sync one connection now (members and above)",
  description:
    "The same as the Resync button: answers 202 as soon as the run has its batch (inline) or is queued (Inngest); follow `batchIds` in GET /api/v1/syncs. A run already in progress is joined, not doubled. 409 when the venue asked to wait (Retry-After) or the queue refused.",
  role: "member",
  body: z.strictObject({ connectionId: z.uuid().describe("The connection to sync (another workspace's: 404).") }),
  response: { name: "SyncStarted", status: 202, schema: itemEnvelope(startedSchema) },
  handle: async ({ scope, body }) => {
    await getConnection(scope.db, { ownerId: scope.ownerId, connectionId: body.connectionId });
    const { result, settled } = await requestResync(scope.db, { ownerId: scope.ownerId, connectionId: body.connectionId, queue: syncQueue() });
    // The run continues after the answer.
    after(settled);
    if (!result.ok) return errorResponse(409, result.error);
    return { data: result };
  },
});
