// GET /api/sync/batches/[id] — one sync run of the active workspace: status, mode, per-stream counts, failed streams and error.
import { z } from "zod";
import { getSyncBatch } from "@/db/queries/sync-batches";
import { guardRoute } from "@/lib/access/route";
import { syncBatchSchema } from "@/lib/read-models/dashboard-schemas";
import { badRequest, ok } from "@/lib/read-models/respond";
import { toSyncBatchView } from "@/lib/read-models/sync-batch-view";

const paramsSchema = z.object({ id: z.uuid() });

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const params = paramsSchema.safeParse(await context.params);
    if (!params.success) return badRequest(params.error);
    return ok(syncBatchSchema, toSyncBatchView(await getSyncBatch(db, { ownerId, batchId: params.data.id })));
  });
}
