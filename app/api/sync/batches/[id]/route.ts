// GET /api/sync/batches/[id] — one sync run of the viewer: status, mode, per-stream counts, failed streams and error.
import { z } from "zod";
import { getSyncBatch } from "@/db/queries/sync-batches";
import { syncBatchSchema } from "@/lib/read-models/dashboard-schemas";
import { badRequest, failure, ok } from "@/lib/read-models/respond";
import { getRuntime } from "@/lib/runtime/app-db";
import { toSyncBatchView } from "@/lib/read-models/sync-batch-view";

const paramsSchema = z.object({ id: z.uuid() });

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) return badRequest(params.error);
  try {
    const { handle, ownerId } = await getRuntime();
    return ok(syncBatchSchema, toSyncBatchView(await getSyncBatch(handle.db, { ownerId, batchId: params.data.id })));
  } catch (e) {
    return failure(e);
  }
}
