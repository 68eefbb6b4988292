import { NextResponse } from "next/server";
import type { z } from "zod";
import { NotFoundError } from "@/db/queries/not-found";

/** Sends `data` after checking it against the route's contract: a broken read model fails here, loudly. */
export function ok<S extends z.ZodType>(schema: S, data: z.input<S>): NextResponse {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.error(`[api] response failed its schema: ${parsed.error.message}`);
    return NextResponse.json({ error: "The server produced an invalid response" }, { status: 500 });
  }
  return NextResponse.json(parsed.data, { headers: { "cache-control": "no-store" } });
}

export function badRequest(error: z.ZodError): NextResponse {
  const fields = error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`);
  return NextResponse.json({ error: "Invalid request", fields }, { status: 400 });
}

/** Maps a thrown error to a response without leaking internals. */
export function failure(e: unknown): NextResponse {
  if (e instanceof NotFoundError) return NextResponse.json({ error: e.message }, { status: 404 });
  const message = e instanceof Error ? e.message : String(e);
  console.error(`[api] ${message}`);
  // Startup problems (a locked data dir, an unreachable DATABASE_URL) are the user's to fix: say what.
  const visible = e instanceof Error && (e.name === "DataDirLockedError" || e.name === "CredentialsKeyError");
  return NextResponse.json({ error: visible ? message : "Internal error" }, { status: 500 });
}
