import { z } from "zod";
import type { RollupBucket } from "@/db/schema";
import { parseOrderFilters } from "@/lib/read-models/order-data";
import { addLocalDays } from "@/lib/time/zoned";
import type { ExportOrderFilters } from "@/db/queries/export-batch";
import { FILTERED_DATASETS } from "./datasets";
import { EXPORT_DATASETS, EXPORT_FORMATS, EXPORT_MAX_DAYS, EXPORT_BUCKETS, type ExportDataset, type ExportFormat } from "./export-options";

const DAY_MS = 86_400_000;

/** Query keys the export itself reads; any other is one of the /orders filters (or ignored, as the table's cursor, limit and sort are). */
const OWN_KEYS = ["format", "from", "to", "bucket"];

export interface ExportRequest {
  dataset: ExportDataset;
  format: ExportFormat;
  /** ISO-8601 instants PostgreSQL reads exactly: from included, to excluded. */
  from: string;
  to: string;
  filters: ExportOrderFilters;
  bucket: RollupBucket;
  filename: string;
}

export type ParsedExportRequest = { ok: true; value: ExportRequest } | { ok: false; error: string; fields: string[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const datetime = z.iso.datetime({ offset: true });

/** An instant with its offset (at most 6 decimals of a second) as microseconds since the epoch, PostgreSQL's precision. */
function micros(value: string): bigint {
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? "";
  return BigInt(Date.parse(value.replace(/\.\d+/, ""))) * 1000n + BigInt((fraction + "000000").slice(0, 6));
}

interface Bound {
  /** An ISO-8601 instant PostgreSQL reads exactly. */
  at: string;
  micros: bigint;
  /** How the file name shows it. */
  label: string;
}

/** A bound: a local day of the workspace (from: its first instant; to: the first instant after it, so the day is included) or an exact instant. */
function bound(value: string | null, end: boolean, timeZone: string): Bound | string {
  if (!value) return "required: a day (YYYY-MM-DD) or an ISO-8601 date-time with its offset";
  if (DAY.test(value)) {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    if (Number.isNaN(Date.parse(value)) || !new Date(value).toISOString().startsWith(value)) return "not a calendar day";
    const startMs = addLocalDays(timeZone, { year, month, day }, end ? 1 : 0).startMs;
    return { at: new Date(startMs).toISOString(), micros: BigInt(startMs) * 1000n, label: value };
  }
  if (!datetime.safeParse(value).success) return "a day (YYYY-MM-DD) or an ISO-8601 date-time with its offset (2026-11-01T00:00:00Z)";
  if ((/\.(\d+)/.exec(value)?.[1]?.length ?? 0) > 6) return "at most 6 decimals of a second (PostgreSQL keeps microseconds)";
  return { at: value, micros: micros(value), label: new Date(value).toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "") };
}

const refused = (field: string, message: string): ParsedExportRequest => ({ ok: false, error: `${field}: ${message}`, fields: [field] });

/**
 * An export request, validated: the dataset (path), format, range and, for orders, order
 * events and fills, the /orders filters (parseOrderFilters: a value not allowed is refused,
 * naming the field). Days are local days in the workspace's time zone, both ends included,
 * as /orders reads them; date-times are exact instants, `to` excluded. Every refusal names
 * its field; a range over EXPORT_MAX_DAYS states the limit.
 */
export function parseExportRequest(dataset: string, search: URLSearchParams, timeZone: string): ParsedExportRequest {
  if (!(EXPORT_DATASETS as readonly string[]).includes(dataset)) return refused("dataset", `unknown dataset; one of ${EXPORT_DATASETS.join(", ")}`);
  const ds = dataset as ExportDataset;
  const format = search.get("format") ?? "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return refused("format", `unknown format; one of ${EXPORT_FORMATS.join(", ")}`);
  const from = bound(search.get("from"), false, timeZone);
  if (typeof from === "string") return refused("from", from);
  const to = bound(search.get("to"), true, timeZone);
  if (typeof to === "string") return refused("to", to);
  if (to.micros <= from.micros) return refused("to", "the range must end after it starts");
  const bothDays = DAY.test(search.get("from")!) && DAY.test(search.get("to")!);
  const days = bothDays ? Math.round((Date.parse(search.get("to")!) - Date.parse(search.get("from")!)) / DAY_MS) + 1 : Number(to.micros - from.micros) / 1000 / DAY_MS;
  if (days > EXPORT_MAX_DAYS) return refused("to", `the range covers more than ${EXPORT_MAX_DAYS} days (the limit of one export); split it`);

  const bucket = search.get("bucket");
  if (bucket !== null && ds !== "snapshots") return refused("bucket", "only the snapshots export takes a bucket");
  if (bucket !== null && !(EXPORT_BUCKETS as readonly string[]).includes(bucket)) return refused("bucket", `one of ${EXPORT_BUCKETS.join(", ")}`);

  const rest = new URLSearchParams([...search.entries()].filter(([k]) => !OWN_KEYS.includes(k)));
  const parsed = parseOrderFilters(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refused(issue.path.join(".") || "query", issue.message);
  }
  const f = parsed.data;
  const given = Object.keys(f);
  if (given.length > 0 && !FILTERED_DATASETS.includes(ds)) return refused(given[0]!, `the ${ds} export takes only a range${ds === "snapshots" ? " and a bucket" : ""}`);
  if (ds === "fills" && f.status) return refused("status", "a fill has no status");

  return {
    ok: true,
    value: {
      dataset: ds,
      format: format as ExportFormat,
      from: from.at,
      to: to.at,
      filters: { connectionId: f.connection, accountId: f.account, symbol: f.symbol, side: f.side, status: f.status, strategy: f.strategy, find: f.find },
      bucket: (bucket ?? "1d") as RollupBucket,
      filename: `venuefolio-${ds}-${from.label}_${to.label}.${format === "csv" ? "csv" : "ndjson"}`,
    },
  };
}
