// GET /api/v1/quantity-changes?symbol= — one symbol's quantity changes across accounts, in time order (lib/api-v1/routes/quantity-changes.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listQuantityChanges } from "@/lib/api-v1/routes/quantity-changes";

export const GET = v1Handler(listQuantityChanges);
