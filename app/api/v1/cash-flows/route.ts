// GET /api/v1/cash-flows — keyset pages of cash flows, /flows's filters (lib/api-v1/routes/cash-flows.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listCashFlows } from "@/lib/api-v1/routes/cash-flows";

export const GET = v1Handler(listCashFlows);
