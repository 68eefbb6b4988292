import { and, sql } from "drizzle-orm";
import { countsForWorkspace, currentFlowRows, valueInBase } from "./cash-flows";
import { columnNames, isoUtc, rangeAndKeyset, type ExportReadSpec, type ExportColumnSql, type ExportRange } from "./export-batch";

const yesNo = (condition: ReturnType<typeof sql>) => sql`case when ${condition} then 'true' else 'false' end`;

/** The cash flows export's columns, over a current flow row `f` valued in `baseCurrency`. The raw venue payload is not among them. */
function cashFlowColumns(baseCurrency: string): ExportColumnSql {
  return [
    ["id", sql`f.id::text`],
    ["occurred_at", isoUtc(sql`f.occurred_at`)],
    ["recorded_at", isoUtc(sql`f.created_at`)],
    ["connection_id", sql`f.connection_id::text`],
    ["connection_label", sql`c.label`],
    ["account_id", sql`f.account_id::text`],
    ["account_uid", sql`a.account_uid`],
    ["portfolio_id", sql`f.portfolio_id::text`],
    ["kind", sql`f.kind`],
    ["income_kind", sql`f.income_kind`],
    ["asset", sql`f.asset`],
    ["amount", sql`f.amount::text`],
    ["fee", sql`f.fee::text`],
    ["fee_asset", sql`f.fee_asset`],
    ["value_base", valueInBase(baseCurrency)],
    ["base_currency", sql`${baseCurrency}::text`],
    ["price_source", sql`f.price_source`],
    ["status", sql`f.status`],
    ["venue_status", sql`f.venue_status`],
    ["source", sql`f.source`],
    ["venue_flow_id", sql`f.venue_flow_id`],
    ["tx_id", sql`f.tx_id`],
    ["network", sql`f.network`],
    ["internal_reason", sql`f.internal_reason`],
    ["reversed", yesNo(sql`f.reversed`)],
    ["matched", yesNo(sql`f.matched`)],
    ["counted", yesNo(countsForWorkspace)],
    ["replaces_id", sql`f.replaces_id::text`],
    ["description", sql`f.description`],
    ["note", sql`f.note`],
  ];
}
export const CASH_FLOW_EXPORT_COLUMNS = columnNames(cashFlowColumns("USD"));

/**
 * The export of the workspace's cash flows that occurred in [from, to), oldest first, keyset
 * on (occurred_at, id): each flow's current row, as /flows lists it (`currentFlowRows`:
 * reversal rows are marks on the flow they reverse), with whether it counts for the
 * workspace and its value in `baseCurrency` by the rule that counts it. A workspace holds
 * thousands of flows, not millions: the current-row subquery is bounded by the owner's flows.
 */
export function cashFlowExportSpec(p: ExportRange & { baseCurrency: string }): ExportReadSpec {
  const key = { at: sql`f.occurred_at`, id: sql`f.id`, idType: "uuid" } as const;
  return {
    columns: cashFlowColumns(p.baseCurrency),
    body: sql`from (${currentFlowRows(p.ownerId)}) f
      join connections c on c.id = f.connection_id
      left join trading_accounts a on a.id = f.account_id
      where ${and(...rangeAndKeyset(p, key))}`,
    order: [key.at, key.id],
    key: ["occurred_at", "id"],
  };
}
