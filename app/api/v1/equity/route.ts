// GET /api/v1/equity?range= — the equity roll-up series (lib/api-v1/routes/equity.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { getEquity } from "@/lib/api-v1/routes/equity";

export const GET = v1Handler(getEquity);
