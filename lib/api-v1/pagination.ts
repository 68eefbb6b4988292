import { z } from "zod";
import { decodeCursor, type KeysetIdType } from "@/db/queries/keyset";
import type { KeysetPage, KeysetPageRequest } from "@/lib/read-models/keyset-page";

/**
 * Paging of every v1 list: the read models' own keyset cursors (a row's key and a
 * direction, base64url), so a page is one indexed range read however deep, and rows
 * added meanwhile neither repeat nor hide rows already paged past. Strict where the app's
 * tables are lenient: a cursor this API did not give is a 400, not silently the first page.
 */
export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;

/** Paging parameters for a list keyed by (time, uuid) — or, for order events, (time, seq): `idType` "bigint". */
export function pageQueryOf(idType: KeysetIdType = "uuid") {
  return {
    cursor: z
      .string()
      .max(512)
      .refine((c) => decodeCursor(c, idType) !== null, "not a cursor this API gave (pass nextCursor back as it came)")
      .optional()
      .describe("The `nextCursor` of the previous page; absent for the first page."),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE).describe(`Rows per page, 1–${MAX_PAGE}.`),
  };
}
export const pageQuery = pageQueryOf();

/** A validated page query and its filters as the read models' request, newest first. */
export function pageRequest(q: { cursor?: string; limit: number }, filters: Record<string, string | undefined>): KeysetPageRequest {
  const used = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined));
  return { cursor: q.cursor ?? null, limit: q.limit, sort: null, filters: used };
}

/** A read model's page as the v1 list envelope (v1 pages forward only: no previous cursor). */
export function listOf<Row, Out>(page: KeysetPage<Row>, map: (row: Row) => Out): { data: Out[]; nextCursor: string | null } {
  return { data: page.rows.map(map), nextCursor: page.nextCursor };
}
