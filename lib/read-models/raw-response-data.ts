import type { Db } from "@/db/client";
import { getRawResponse, listRawResponses } from "@/db/queries/sync-history";
import { redact } from "@/lib/security/redact";
import type { RawChunk, RawResponseSummary } from "./raw-response-schemas";

/**
 * A run's stored venue responses, for admins. What is stored was already cleaned on the way
 * in (lib/sync/raw-body.ts: credential-looking fields blanked, bodies capped at 256 KB;
 * endpoints never carry a signed query string; the connector contract suite checks that no
 * secret reaches a capture). Text shown passes through `redact` once more.
 *
 * Bodies are read in chunks of RAW_CHUNK_CHARS characters of their pretty-printed JSON:
 * a 256 KB statement is a few "Show more" presses, never one huge render.
 */
export const RAW_CHUNK_CHARS = 64 * 1024;

export async function loadRawResponseList(db: Db, p: { ownerId: string; batchId: string }): Promise<RawResponseSummary[]> {
  return (await listRawResponses(db, p)).map((r) => ({ ...r, capturedAt: r.capturedAt.toISOString() }));
}

/** A stored body capped at the size limit keeps only its head, as text: shown as it is. */
function bodyText(body: unknown): string {
  if (body && typeof body === "object" && "truncated" in body && body.truncated === true && "head" in body && typeof body.head === "string") return body.head;
  return JSON.stringify(body, null, 2) ?? "null";
}

export async function loadRawChunk(db: Db, p: { ownerId: string; id: string; offset: number }): Promise<RawChunk> {
  const row = await getRawResponse(db, { ownerId: p.ownerId, id: p.id });
  const text = redact(bodyText(row.body));
  const offset = Math.min(Math.max(0, p.offset), text.length);
  const end = Math.min(offset + RAW_CHUNK_CHARS, text.length);
  return {
    id: row.id,
    endpoint: row.endpoint,
    capturedAt: row.capturedAt.toISOString(),
    bytes: row.bytes,
    truncated: row.truncated,
    text: text.slice(offset, end),
    offset,
    nextOffset: end < text.length ? end : null,
    totalChars: text.length,
  };
}
