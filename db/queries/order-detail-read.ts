import { driverOf, type Db } from "../client";
import { readOrderDetailRows, type OrderDetailRows } from "./order-detail";
import { readOrderDetailJson } from "./order-detail-json";

/**
 * The order page's reads in the form that is fastest on the driver (measured by bench:audit,
 * see docs/architecture.md "The order detail's reads"): one JSON value on PGlite, whose
 * per-row decoding dominated the page; rows on PostgreSQL (and in a transaction, whose
 * driver the handle does not say), where postgres.js decodes rows cheaply.
 */
export function readOrderDetail(db: Db, p: { ownerId: string; orderId: string; withRaw: boolean }): Promise<OrderDetailRows> {
  return driverOf(db) === "pglite" ? readOrderDetailJson(db, p) : readOrderDetailRows(db, p);
}
