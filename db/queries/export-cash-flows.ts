import { and, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { countsForWorkspace, currentFlowRows, valueInBase } from "./cash-flows";
import { isoUtc, rangeAndKeyset, toBatch, type ExportBatch, type ExportRange, type ExportRow } from "./export-batch";

/**
 * One batch of the workspace's cash flows that occurred in [from, to), oldest first, keyset
 * on (occurred_at, id): each flow's current row, as /flows lists it (`currentFlowRows`:
 * reversal rows are marks on the flow they reverse), with whether it counts for the
 * workspace and its value in `baseCurrency` by the rule that counts it. A workspace holds
 * thousands of flows, not millions: the current-row subquery is bounded by the owner's flows.
 * The raw venue payload is not read.
 */
export async function readCashFlowExportBatch(db: Db, p: ExportRange & { baseCurrency: string }): Promise<ExportBatch> {
  const where = rangeAndKeyset(p, { at: sql`f.occurred_at`, id: sql`f.id`, idType: "uuid" });
  const rows = await executeRows<ExportRow>(
    db,
    sql`
    select f.id::text as id, ${isoUtc(sql`f.occurred_at`)} as occurred_at, ${isoUtc(sql`f.created_at`)} as recorded_at,
      f.connection_id::text as connection_id, c.label as connection_label, f.account_id::text as account_id, a.account_uid,
      f.portfolio_id::text as portfolio_id, f.kind, f.income_kind, f.asset, f.amount::text as amount, f.fee::text as fee, f.fee_asset,
      ${valueInBase(p.baseCurrency)} as value_base, ${p.baseCurrency}::text as base_currency, f.price_source, f.status, f.venue_status,
      f.source, f.venue_flow_id, f.tx_id, f.network, f.internal_reason,
      case when f.reversed then 'true' else 'false' end as reversed, case when f.matched then 'true' else 'false' end as matched,
      case when ${countsForWorkspace} then 'true' else 'false' end as counted,
      f.replaces_id::text as replaces_id, f.description, f.note
    from (${currentFlowRows(p.ownerId)}) f
    join connections c on c.id = f.connection_id
    left join trading_accounts a on a.id = f.account_id
    where ${and(...where)}
    order by f.occurred_at, f.id
    limit ${p.limit}`,
  );
  return toBatch(rows, "occurred_at", "id");
}
