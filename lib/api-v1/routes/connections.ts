import { z } from "zod";
import { toConnectionView, connectionViewSchema } from "@/lib/read-models/connection-view";
import type { LoadedAccount } from "../accounts";
import { loadConnectionsWithAccounts } from "../accounts";
import { itemEnvelope, listEnvelope } from "../envelope";
import { defineRoute } from "../route-def";
import { decimal, iso } from "../schemas";

/** A venue account of a connection, without its holdings (GET /api/v1/holdings has those). */
export const accountSchema = z.object({
  id: z.uuid(),
  accountUid: z.string(),
  name: z.string(),
  alias: z.string().nullable(),
  venue: z.string(),
  kind: z.string(),
  /** The venue's own USD balance of the account, where it reports one. */
  balanceUsd: decimal.nullable(),
  portfolio: z.string().nullable(),
  /** When the last successful sync wrote its holdings; null before the first. */
  holdingsAt: iso.nullable(),
});

const connectionSchema = connectionViewSchema.extend({ accounts: z.array(accountSchema) });

const accountView = (a: Omit<LoadedAccount, "connectionId" | "connectionLabel">): z.input<typeof accountSchema> => ({
  id: a.id,
  accountUid: a.accountUid,
  name: a.name,
  alias: a.alias,
  venue: a.venue,
  kind: a.kind,
  balanceUsd: a.balanceUsd,
  portfolio: a.portfolioAlias ?? a.portfolioName ?? null,
  holdingsAt: a.holdingsAt?.toISOString() ?? null,
});

export const listConnectionsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/connections",
  operationId: "listConnections",
  tag: "Connections",
  summary: "The workspace's connections, each with its accounts",
  description: "Live connections, oldest first; never credentials or raw settings. A workspace has few, so this list is one page (nextCursor is always null).",
  role: "viewer",
  response: { name: "ConnectionList", schema: listEnvelope(connectionSchema) },
  handle: async ({ scope }) => ({
    data: (await loadConnectionsWithAccounts(scope.db, { ownerId: scope.ownerId })).map(({ connection, accounts }) => ({
      ...toConnectionView(connection),
      accounts: accounts.map(accountView),
    })),
    nextCursor: null,
  }),
});

export const getConnectionRoute = defineRoute({
  method: "GET",
  path: "/api/v1/connections/{id}",
  operationId: "getConnection",
  tag: "Connections",
  summary: "One connection with its accounts",
  description: "Another workspace's connection, a deleted one or a made-up id: 404.",
  role: "viewer",
  params: z.strictObject({ id: z.uuid() }),
  response: { name: "Connection", schema: itemEnvelope(connectionSchema) },
  handle: async ({ scope, params }) => {
    const [one] = await loadConnectionsWithAccounts(scope.db, { ownerId: scope.ownerId, connectionId: params.id });
    return { data: { ...toConnectionView(one!.connection), accounts: one!.accounts.map(accountView) } };
  },
});
