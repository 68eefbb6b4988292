"use server";

import { z } from "zod";
import { deleteConnection as deleteVenueConnection } from "@/lib/connections/delete-connection";
import { actionClient } from "@/lib/access/action-client";
import type { ChangeResult } from "@/lib/read-models/connection-results";
import { refusalOf } from "./connection-refusal";

/**
 * Delete (admins and owners), confirmed by typing the label: the credentials are erased
 * and it never syncs again; its history stays, read-only (lib/connections/delete-connection.ts).
 * A run in progress is waited for or cancelled, never cut in half.
 */
export const deleteConnection = actionClient
  .metadata({ role: "admin" })
  .inputSchema(z.object({ connectionId: z.uuid(), confirmLabel: z.string() }))
  .action(async ({ parsedInput, ctx }): Promise<ChangeResult<{ label: string; cancelledRuns: number }>> => {
    try {
      const done = await deleteVenueConnection(ctx.db, { ownerId: ctx.ownerId, ...parsedInput });
      return { ok: true, label: done.label, cancelledRuns: done.cancelledRuns };
    } catch (e) {
      return refusalOf(e);
    }
  });
