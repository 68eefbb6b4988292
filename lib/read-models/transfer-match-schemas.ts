import { z } from "zod";
import type { TransferMatchMethod } from "@/db/schema/cash-flows";
import { keysetPageSchema } from "./keyset-page";

/** The transfers list's JSON contract, free of server code: the browser validates with it. */
const iso = z.iso.datetime({ offset: true });

export const TRANSFER_MATCH_STATES = ["live", "undone", "released"] as const;

// Spelled out here (the schema module holds the tables): the browser bundle takes no drizzle.
const METHODS = ["tx_id", "amount_time"] as const satisfies readonly TransferMatchMethod[];

export const TRANSFER_METHOD_LABELS: Record<TransferMatchMethod, string> = {
  tx_id: "transaction id",
  amount_time: "amount and time",
};

const legSchema = z.object({
  flowId: z.uuid(),
  connectionId: z.uuid(),
  connectionLabel: z.string(),
  connectionDeleted: z.boolean(),
  holder: z.string().nullable(),
  asset: z.string(),
  amount: z.string(),
  fee: z.string().nullable(),
  feeAsset: z.string().nullable(),
  occurredAt: iso,
  txId: z.string().nullable(),
  network: z.string().nullable(),
});
export type TransferLegView = z.infer<typeof legSchema>;

/** One match as the transfers page shows it: the withdrawal (`out`), the deposit (`in`), and its history. */
export const transferMatchViewSchema = z.object({
  id: z.uuid(),
  state: z.enum(TRANSFER_MATCH_STATES),
  method: z.enum(METHODS),
  matchedAt: iso,
  matchedBy: z.string().nullable(),
  undoneAt: iso.nullable(),
  undoneBy: z.string().nullable(),
  out: legSchema,
  in: legSchema,
});
export type TransferMatchView = z.infer<typeof transferMatchViewSchema>;
export const transferMatchPageSchema = keysetPageSchema(transferMatchViewSchema);
