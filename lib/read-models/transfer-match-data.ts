import { z } from "zod";
import type { Db } from "@/db/client";
import { decodeCursor } from "@/db/queries/keyset";
import { listTransferMatches } from "@/lib/cash-flows/transfer-match-list";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";
import type { TransferMatchView } from "./transfer-match-schemas";

// Each filter on its own: one unknown value drops that filter only.
const filtersSchema = z.object({
  state: z.enum(["live", "undone"]).optional().catch(undefined),
  method: z.enum(["tx_id", "amount_time"]).optional().catch(undefined),
});

/** One page of the workspace's transfer matches for a table request, newest first unless asked otherwise. */
export async function loadTransferMatchPage(db: Db, p: { ownerId: string; request: KeysetPageRequest }): Promise<KeysetPage<TransferMatchView>> {
  const page = await listTransferMatches(db, {
    ownerId: p.ownerId,
    cursor: decodeCursor(p.request.cursor),
    limit: p.request.limit,
    descending: p.request.sort?.id === "matchedAt" ? p.request.sort.desc : true,
    filters: filtersSchema.parse(p.request.filters),
  });
  return {
    ...page,
    rows: page.rows.map((m) => ({
      ...m,
      matchedAt: m.matchedAt.toISOString(),
      undoneAt: m.undoneAt?.toISOString() ?? null,
      out: { ...m.out, occurredAt: m.out.occurredAt.toISOString() },
      in: { ...m.in, occurredAt: m.in.occurredAt.toISOString() },
    })),
  };
}
