// GET /api/sync/raw-responses/[id]?offset=0 — admins: one stored venue response of a run, as a 64 K-character chunk of its pretty-printed body, redacted, with the next offset.
import { z } from "zod";
import { guardRoute } from "@/lib/access/route";
import { loadRawChunk } from "@/lib/read-models/raw-response-data";
import { rawChunkSchema } from "@/lib/read-models/raw-response-schemas";
import { badRequest, ok } from "@/lib/read-models/respond";

const paramsSchema = z.object({ id: z.uuid() });
const querySchema = z.object({ offset: z.coerce.number().int().min(0).max(10_000_000).default(0) });

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return guardRoute(request, "admin", async ({ db, ownerId }) => {
    const params = paramsSchema.safeParse(await context.params);
    if (!params.success) return badRequest(params.error);
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return badRequest(query.error);
    return ok(rawChunkSchema, await loadRawChunk(db, { ownerId, id: params.data.id, offset: query.data.offset }));
  });
}
