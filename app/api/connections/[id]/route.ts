// GET /api/connections/[id] — one connection of the active workspace; 404 for any other workspace's.
import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { guardRoute } from "@/lib/access/route";
import { connectionViewSchema, toConnectionView } from "@/lib/read-models/connection-view";
import { badRequest, ok } from "@/lib/read-models/respond";

const paramsSchema = z.object({ id: z.uuid() });

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const params = paramsSchema.safeParse(await context.params);
    if (!params.success) return badRequest(params.error);
    return ok(connectionViewSchema, toConnectionView(await getConnection(db, { ownerId, connectionId: params.data.id })));
  });
}
