// GET /api/v1/orders/{id} — one order with its events and fills; another workspace's is a 404 (lib/api-v1/routes/orders.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { getOrder } from "@/lib/api-v1/routes/orders";

export const GET = v1Handler(getOrder);
