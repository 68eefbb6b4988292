// GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1, built from the registry's zod schemas. Public on purpose: it describes the API and holds no data, so no session or key is needed to read it.
import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api-v1/openapi";

// Built once per server process: it depends on the code only.
let built: Record<string, unknown> | null = null;

export function GET() {
  built ??= buildOpenApiDocument();
  return NextResponse.json(built, { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } });
}
