// GET /api/v1/connections — the workspace's connections with their accounts (lib/api-v1/routes/connections.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listConnectionsRoute } from "@/lib/api-v1/routes/connections";

export const GET = v1Handler(listConnectionsRoute);
