// POST /api/sync {connectionId?} — Resync now (members and above), the same as the dashboard's button: one connection, or every active one of the workspace.
import { after, NextResponse } from "next/server";
import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { guardRoute } from "@/lib/access/route";
import { requestResync } from "@/lib/actions/request-resync";
import { syncQueue } from "@/lib/actions/sync-queue";
import { resyncResultSchema } from "@/lib/read-models/dashboard-schemas";
import { badRequest, ok } from "@/lib/read-models/respond";

const bodySchema = z.object({ connectionId: z.uuid().optional() });

export async function POST(request: Request) {
  return guardRoute(request, "member", async ({ db, ownerId }) => {
    const raw = await request.json().catch(() => ({}));
    const body = bodySchema.safeParse(raw);
    if (!body.success) return badRequest(body.error);
    if (body.data.connectionId) await getConnection(db, { ownerId, connectionId: body.data.connectionId });
    const { result, settled } = await requestResync(db, { ownerId, connectionId: body.data.connectionId, queue: syncQueue() });
    // The runs continue after the response, followed at /api/sync/batches/[id].
    after(settled);
    if (!result.ok) return NextResponse.json(result, { status: 409 });
    return ok(resyncResultSchema, result);
  });
}
