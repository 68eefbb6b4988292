// GET /api/health — 200 once the database is open and migrated, 503 with the reason otherwise.
import { NextResponse } from "next/server";
import { publicMessage } from "@/lib/read-models/respond";
import { getRuntime } from "@/lib/runtime/app-db";

export async function GET() {
  try {
    const { handle } = await getRuntime();
    return NextResponse.json({ ok: true, database: handle.driver }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    console.error(`[health] ${e instanceof Error ? e.message : String(e)}`);
    return NextResponse.json({ ok: false, error: publicMessage(e, "The database is not available") }, { status: 503 });
  }
}
