"use server";

import { z } from "zod";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { TransferMatchUndoneError, undoTransferMatch as undoMatch } from "@/lib/cash-flows/transfer-matches";

/**
 * Undo a transfer match (members and above): its withdrawal and deposit count as the
 * workspace's flows again, and the matcher never pairs them again. Another workspace's match
 * is not found (404); one already undone is refused (409). `changedFrom` is where the
 * workspace's flows changed.
 */
export const undoTransferMatch = actionClient
  .metadata({ role: "member" })
  .inputSchema(z.object({ matchId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    try {
      const { changedFrom } = await undoMatch(ctx.db, { ownerId: ctx.ownerId, matchId: parsedInput.matchId, by: ctx.viewer.user.id });
      return { matchId: parsedInput.matchId, changedFrom: changedFrom?.toISOString() ?? null };
    } catch (e) {
      if (e instanceof TransferMatchUndoneError) throw new AccessError(409, e.message);
      throw e;
    }
  });
