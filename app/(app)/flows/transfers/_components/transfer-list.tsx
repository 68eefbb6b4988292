"use client";

import { transferTableConfig } from "@/components/cash-flows/transfer-table-config";
import { DataTable } from "@/components/data-table/data-table";
import { TRANSFER_WINDOW } from "@/lib/engines/transfers/window";
import type { TransferMatchView } from "@/lib/read-models/transfer-match-schemas";
import { transferMatchPageQuery } from "@/lib/read-models/query-options";
import { transferColumns } from "./transfer-columns";

const rowId = (m: TransferMatchView) => m.id;
const withUndo = transferColumns(true);
const readOnly = transferColumns(false);

/** The workspace's transfer matches, newest first, filtered in the URL; Undo for members. */
export function TransferList({ canUndo }: { canUndo: boolean }) {
  return (
    <DataTable
      label="Transfers between connections"
      columns={canUndo ? withUndo : readOnly}
      url={transferTableConfig}
      query={transferMatchPageQuery}
      getRowId={rowId}
      empty={{
        title: "No transfers between your connections matched yet",
        description: `A withdrawal from one connection and a deposit into another are matched by transaction id, or by the same asset and amount within ${TRANSFER_WINDOW.text}.`,
        action: { href: "/connections", label: "Connections" },
      }}
    />
  );
}
