"use client";

import { useMemo } from "react";
import { flowTableConfig } from "@/components/cash-flows/flow-table-config";
import { DataTable } from "@/components/data-table/data-table";
import type { FlowAccountOption, FlowView } from "@/lib/read-models/cash-flow-schemas";
import { flowPageQuery } from "@/lib/read-models/query-options";
import { flowColumns } from "./flow-columns";
import type { FlowWorkspace } from "./flow-words";

const rowId = (f: FlowView) => f.id;

/** The workspace's flows, newest first, filtered in the URL; members get Reverse and Replace on each row. */
export function FlowList(p: { connections: Array<{ id: string; label: string }>; accounts: FlowAccountOption[]; canAct: boolean; workspace: FlowWorkspace }) {
  const url = useMemo(() => flowTableConfig(p.connections), [p.connections]);
  const columns = useMemo(() => flowColumns({ canAct: p.canAct, accounts: p.accounts, workspace: p.workspace }), [p.canAct, p.accounts, p.workspace]);
  return (
    <DataTable
      label="Flows"
      columns={columns}
      url={url}
      query={flowPageQuery}
      getRowId={rowId}
      empty={{
        title: "No flows yet",
        description: (
          <>
            Flows arrive two ways: synced from venues that report them (deposits and withdrawals on Binance and OKX, IBKR&apos;s cash transactions, OKX Web3 wallets,
            1Token fund subscriptions), or added here by hand. Groww has no API: add its deposits and withdrawals with “Add a flow”.
          </>
        ),
        action: p.connections.length === 0 ? { href: "/connections/new", label: "Add a connection" } : undefined,
      }}
    />
  );
}
