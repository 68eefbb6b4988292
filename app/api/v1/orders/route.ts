// GET /api/v1/orders — keyset pages of the workspace's orders, /orders's filters (lib/api-v1/routes/orders.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listOrders } from "@/lib/api-v1/routes/orders";

export const GET = v1Handler(listOrders);
