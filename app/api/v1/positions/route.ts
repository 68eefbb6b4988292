// GET /api/v1/positions?account= — open derivatives positions (lib/api-v1/routes/holdings.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listPositions } from "@/lib/api-v1/routes/holdings";

export const GET = v1Handler(listPositions);
