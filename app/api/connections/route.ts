// GET /api/connections — the active workspace's connections, as { connections: [{ id, provider, label, status, … }] }; never credentials.
import { listConnections } from "@/db/queries/connections";
import { guardRoute } from "@/lib/access/route";
import { connectionListSchema, toConnectionView } from "@/lib/read-models/connection-view";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) =>
    ok(connectionListSchema, { connections: (await listConnections(db, { ownerId })).map(toConnectionView) }),
  );
}
