import { z } from "zod";
import { decodeCursor } from "@/db/queries/keyset";
import { listSnapshotPage } from "@/db/queries/snapshot-list";
import { localDayRange } from "@/lib/read-models/trade-filters";
import { listEnvelope } from "../envelope";
import { listOf, pageQuery } from "../pagination";
import { defineRoute } from "../route-def";
import { dayParam, decimal, idParam, iso } from "../schemas";

const snapshotSchema = z.object({
  id: z.uuid(),
  connectionId: z.uuid(),
  capturedAt: iso,
  /** The currency it was valued in (a workspace's snapshots keep theirs across a change of base currency). */
  baseCurrency: z.string(),
  equity: decimal,
  spotValue: decimal,
  fundingValue: decimal,
  futuresWalletBalance: decimal,
  unrealizedPnl: decimal,
  marginDebt: decimal,
  longExposure: decimal,
  shortExposure: decimal,
  grossExposure: decimal,
  netExposure: decimal,
  leverage: decimal.nullable(),
  /** Assets no quote reached: listed, left out of the totals. */
  unpricedAssets: z.array(z.string()),
  syncBatchId: z.uuid().nullable(),
});

const snapshotQuery = z
  .strictObject({
    connection: idParam("connection").optional(),
    from: dayParam("First local day (workspace time zone), included.").optional(),
    to: dayParam("Last local day (workspace time zone), included.").optional(),
    ...pageQuery,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "the range ends before it starts" });

export const listSnapshots = defineRoute({
  method: "GET",
  path: "/api/v1/snapshots",
  operationId: "listSnapshots",
  tag: "Snapshots",
  summary: "Portfolio snapshots, one per connection and capture, newest first",
  description: "Each valued in the currency of its time. Filters: connection, from/to (local days). Keyset-paginated.",
  role: "viewer",
  query: snapshotQuery,
  response: { name: "SnapshotList", schema: listEnvelope(snapshotSchema) },
  handle: async ({ scope, query }) => {
    const tz = scope.workspace.timeZone;
    const page = await listSnapshotPage(scope.db, {
      ownerId: scope.ownerId,
      cursor: decodeCursor(query.cursor),
      limit: query.limit,
      descending: true,
      filters: { connectionId: query.connection, ...localDayRange(query, tz) },
    });
    return listOf(page, ({ key: _key, ...s }) => ({ ...s, capturedAt: s.capturedAt.toISOString() }));
  },
});
