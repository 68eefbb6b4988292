// GET /api/v1/fills — keyset pages of the workspace's fills with the filtered set's totals, /fills's filters (lib/api-v1/routes/fills.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listFills } from "@/lib/api-v1/routes/fills";

export const GET = v1Handler(listFills);
