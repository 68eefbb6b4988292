// GET /api/v1/connections/{id} — one connection with its accounts; another workspace's is a 404 (lib/api-v1/routes/connections.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { getConnectionRoute } from "@/lib/api-v1/routes/connections";

export const GET = v1Handler(getConnectionRoute);
