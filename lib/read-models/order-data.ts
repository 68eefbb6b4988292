import { z } from "zod";
import type { Db } from "@/db/client";
import { decodeCursor } from "@/db/queries/keyset";
import { getOrder, listOrderEvents, listOrderFills } from "@/db/queries/order-detail";
import { listConnections } from "@/db/queries/connections";
import { listOrderAccounts, listOrderPage, type OrderListRow } from "@/db/queries/order-list";
import { strategyFromClientOrderId } from "@/lib/attribution/strategy-tags";
import { isVerified, verifyThroughEvent } from "@/lib/audit/verify-through";
import { redact } from "@/lib/security/redact";
import { addLocalDays } from "@/lib/time/zoned";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";
import { ORDER_SIDES, ORDER_STATUSES, type OrderDetailView, type OrderView } from "./order-schemas";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), "not a calendar day");

/**
 * The /orders filters, strictly: unlike the other tables (where an unknown value reads as
 * "none"), an order filter that is not allowed is refused, naming the field, so a link that
 * asks for something impossible never shows every order as if it matched.
 */
export const orderFiltersSchema = z
  .object({
    connection: z.uuid(),
    account: z.uuid(),
    symbol: z.string().trim().min(1).max(64),
    side: z.enum(ORDER_SIDES),
    status: z.enum(ORDER_STATUSES),
    strategy: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, "a strategy tag: 1–32 of A–Z a–z 0–9 _ -, starting with a letter or digit"),
    from: day,
    to: day,
    find: z.string().trim().min(1).max(200),
  })
  .partial()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "the range ends before it starts" });
export type OrderFilters = z.infer<typeof orderFiltersSchema>;
export const ORDER_FILTER_IDS = ["connection", "account", "symbol", "side", "status", "strategy", "from", "to", "find"] as const;

/** The filters a query string asks for (table keys cursor, limit and sort left to the table's parsers). */
export function parseOrderFilters(search: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries = search instanceof URLSearchParams ? [...search.entries()] : Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const raw: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === "string" && v !== "" && !["cursor", "limit", "sort"].includes(k)) raw[k] = v;
  return orderFiltersSchema.safeParse(raw);
}

/** What the connection and account filters offer: every connection and account of the workspace. */
export async function loadOrderFilterChoices(db: Db, p: { ownerId: string }) {
  const [connections, accounts] = await Promise.all([listConnections(db, p), listOrderAccounts(db, p)]);
  return { connections: connections.map((c) => ({ id: c.id, label: c.label })), accounts };
}

/** A refused filter in words, field first ("status: Invalid option…"): the route's 400 and the page's error state say the same. */
export function filterErrorMessage(error: z.ZodError): string {
  return `Invalid filter — ${error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`;
}

/** The first instant of local day `iso` in `timeZone`. */
function startOfDay(isoDay: string, timeZone: string, plusDays = 0): Date {
  const [year, month, d] = isoDay.split("-").map(Number) as [number, number, number];
  return new Date(addLocalDays(timeZone, { year, month, day: d }, plusDays).startMs);
}

export function toOrderView(r: OrderListRow): OrderView {
  return {
    id: r.id,
    placedAt: r.placedAt.toISOString(),
    lastChangeAt: r.updatedAt.toISOString(),
    connectionId: r.connectionId,
    connectionLabel: r.connectionLabel,
    accountId: r.accountId,
    accountName: r.accountName,
    venueOrderId: r.venueOrderId,
    clientOrderId: r.clientOrderId,
    symbol: r.symbol,
    side: r.side,
    type: r.type,
    status: r.status,
    price: r.price,
    quantity: r.quantity,
    filledQuantity: r.filledQuantity,
    averagePrice: r.averagePrice,
    strategy: strategyFromClientOrderId(r.clientOrderId, r.provider),
  };
}

/**
 * One page of the workspace's orders for a table request and its validated filters; the
 * date range is of local days in the workspace's time zone, both ends included.
 */
export async function loadOrderPage(db: Db, p: { ownerId: string; timeZone: string; request: KeysetPageRequest; filters: OrderFilters }): Promise<KeysetPage<OrderView>> {
  const f = p.filters;
  const page = await listOrderPage(db, {
    ownerId: p.ownerId,
    cursor: decodeCursor(p.request.cursor),
    limit: p.request.limit,
    descending: p.request.sort?.desc ?? true,
    filters: {
      connectionId: f.connection,
      accountId: f.account,
      symbol: f.symbol,
      side: f.side,
      status: f.status,
      strategy: f.strategy,
      placedFrom: f.from ? startOfDay(f.from, p.timeZone) : undefined,
      placedBefore: f.to ? startOfDay(f.to, p.timeZone, 1) : undefined,
      find: f.find,
    },
  });
  return { ...page, rows: page.rows.map(toOrderView) };
}

/** A stored payload as an admin may read it: pretty-printed, with anything secret-shaped redacted. */
function shownRaw(raw: unknown, admin: boolean): string | null {
  if (!admin || raw === null || raw === undefined) return null;
  return redact(JSON.stringify(raw, null, 2));
}

/**
 * One order: its current state, its events in sequence, each marked verified when the
 * account's chain verifies up to it — by the account's stored audit checkpoint (walked from
 * the chain's start) plus the events between the checkpoint and this order's last event,
 * hashed now (lib/audit/verify-through.ts); the events before the first broken link verify,
 * the broken one and everything after it do not — and its fills. Raw payloads only for admins.
 */
export async function loadOrderDetail(db: Db, p: { ownerId: string; orderId: string; admin: boolean }): Promise<OrderDetailView> {
  const order = await getOrder(db, p);
  const [events, orderFills] = await Promise.all([
    listOrderEvents(db, { ...p, withRaw: p.admin }),
    listOrderFills(db, { ownerId: p.ownerId, accountId: order.accountId, venueOrderId: order.venueOrderId }),
  ]);
  const last = events[events.length - 1];
  const chain = last ? await verifyThroughEvent(db, { ownerId: p.ownerId, accountId: order.accountId, seq: last.seq }) : null;
  const broken = chain?.broken ?? null;
  return {
    order: toOrderView(order),
    raw: shownRaw(order.raw, p.admin),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      statusBefore: e.statusBefore,
      statusAfter: e.statusAfter,
      quantityBefore: e.quantityBefore,
      quantityAfter: e.quantityAfter,
      filledBefore: e.filledBefore,
      filledAfter: e.filledAfter,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      syncBatchId: e.syncBatchId,
      hash: e.hash,
      prevHash: e.prevHash,
      verified: chain !== null && isVerified(chain, e.seq),
      raw: shownRaw(e.raw, p.admin),
    })),
    fills: orderFills.map((f) => ({
      id: f.id,
      venueFillId: f.venueFillId,
      executedAt: f.executedAt.toISOString(),
      price: f.price,
      quantity: f.quantity,
      fee: f.fee,
      feeAsset: f.feeCurrency,
      liquidity: f.liquidity,
      strategy: f.strategy,
      raw: shownRaw(f.raw, p.admin),
    })),
    chain: {
      checkedEvents: chain?.hashed ?? 0,
      checkpoint: chain?.checkpoint ? { lastSeq: chain.checkpoint.lastSeq, checkedAt: chain.checkpoint.checkedAt.toISOString() } : null,
      broken: broken ? { seq: broken.seq, reason: broken.reason, detail: broken.detail } : null,
    },
  };
}
