// GET /api/orders/:id — one order of the active workspace: current state, event timeline with each event's chain mark, fills; raw payloads for admins only. Another workspace's order (or a made-up id) is a 404.
import { z } from "zod";
import { NotFoundError } from "@/db/queries/not-found";
import { guardRoute } from "@/lib/access/route";
import { hasRole } from "@/lib/auth/roles";
import { loadOrderDetail } from "@/lib/read-models/order-data";
import { orderDetailSchema } from "@/lib/read-models/order-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const { id } = await params;
    if (!z.uuid().safeParse(id).success) throw new NotFoundError("Order");
    const detail = await loadOrderDetail(db, { ownerId, orderId: id, admin: hasRole(workspace.role, "admin") });
    return ok(orderDetailSchema, detail);
  });
}
