import { z } from "zod";

/**
 * The inputs of the manual-group actions, checked the same way in the form (first) and on
 * the server. A group holds at least one account; names are trimmed, 1–80 characters.
 */
const name = z.string().trim().min(1, "name: give the group a name").max(80, "name: at most 80 characters");
const accountIds = z
  .array(z.uuid("accountIds: not an account id"))
  .min(1, "accountIds: pick at least one account")
  .max(500, "accountIds: at most 500 accounts")
  .transform((ids) => [...new Set(ids)].sort());
const portfolioId = z.uuid("portfolioId: not a portfolio id");

export const createGroupSchema = z.object({ name, accountIds });
/** Rename and change accounts in one step: the edit form saves both or neither. */
export const updateGroupSchema = z.object({ portfolioId, name, accountIds });
export const deleteGroupSchema = z.object({ portfolioId });

export type CreateGroupInput = z.output<typeof createGroupSchema>;
