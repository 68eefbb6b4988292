import { NextResponse } from "next/server";
import type { z } from "zod";
import { NotFoundError } from "@/db/queries/not-found";
import { PortfolioParamError } from "@/lib/portfolios/resolve";
import { filterErrorMessage } from "./trade-filters";

/** Sends `data` after checking it against the route's contract: a broken read model fails here, loudly. */
export function ok<S extends z.ZodType>(schema: S, data: z.input<S>): NextResponse {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.error(`[api] response failed its schema: ${parsed.error.message}`);
    return NextResponse.json({ error: "The server produced an invalid response" }, { status: 500 });
  }
  return NextResponse.json(parsed.data, { headers: { "cache-control": "no-store" } });
}

/** A list filter that is not allowed: 400 with the refusal in words and the fields it names (GET /api/orders, /api/fills…). */
export function filterRefused(error: z.ZodError): NextResponse {
  const fields = error.issues.map((i) => i.path.join(".") || "query");
  return NextResponse.json({ error: filterErrorMessage(error), fields }, { status: 400, headers: { "cache-control": "no-store" } });
}

export function badRequest(error: z.ZodError): NextResponse {
  const fields = error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`);
  return NextResponse.json({ error: "Invalid request", fields }, { status: 400 });
}

/**
 * What a browser may read of an error: the messages a self-hoster must act on (a locked
 * data dir, a bad credentials key) verbatim, anything else as a generic line.
 */
export function publicMessage(e: unknown, fallback = "Internal error"): string {
  const visible = e instanceof Error && (e.name === "DataDirLockedError" || e.name === "CredentialsKeyError");
  return visible ? e.message : fallback;
}

/** Maps a thrown error to a response without leaking internals; the full message goes to the log. */
export function failure(e: unknown): NextResponse {
  if (e instanceof NotFoundError) return NextResponse.json({ error: e.message }, { status: 404 });
  if (e instanceof PortfolioParamError) return NextResponse.json({ error: e.message, fields: [e.field] }, { status: 400, headers: { "cache-control": "no-store" } });
  console.error(`[api] ${e instanceof Error ? e.message : String(e)}`);
  return NextResponse.json({ error: publicMessage(e) }, { status: 500 });
}
