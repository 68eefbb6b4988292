// GET /api/funds/:id — one 1Token fund of the active workspace: its latest valuation with its snapshot id, daily NAV per unit and net assets in the workspace's zone, its newest valuations and its trading accounts with 1Token's USD balance. Another workspace's fund (or a made-up id) is a 404.
import { z } from "zod";
import { NotFoundError } from "@/db/queries/not-found";
import { guardRoute } from "@/lib/access/route";
import { loadFundDetail } from "@/lib/read-models/fund-data";
import { fundDetailSchema } from "@/lib/read-models/fund-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const { id } = await params;
    if (!z.uuid().safeParse(id).success) throw new NotFoundError("Fund");
    return ok(fundDetailSchema, await loadFundDetail(db, { ownerId, portfolioId: id, timeZone: workspace.timeZone }));
  });
}
