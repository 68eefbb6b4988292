// GET /api/v1/holdings?account= — current balances per account (lib/api-v1/routes/holdings.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listHoldings } from "@/lib/api-v1/routes/holdings";

export const GET = v1Handler(listHoldings);
