// GET /api/v1/snapshots — keyset pages of portfolio snapshots (lib/api-v1/routes/snapshots.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listSnapshots } from "@/lib/api-v1/routes/snapshots";

export const GET = v1Handler(listSnapshots);
