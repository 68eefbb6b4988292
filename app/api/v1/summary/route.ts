// GET /api/v1/summary — what the overview shows (lib/api-v1/routes/summary.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { getSummary } from "@/lib/api-v1/routes/summary";

export const GET = v1Handler(getSummary);
