// GET /api/v1/syncs — sync history; POST /api/v1/syncs {connectionId} — sync one connection now, members and above (lib/api-v1/routes/syncs.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listSyncs, startSync } from "@/lib/api-v1/routes/syncs";

export const GET = v1Handler(listSyncs);
export const POST = v1Handler(startSync);
