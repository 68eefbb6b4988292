"use server";

import { z } from "zod";
import { setConnectionPaused } from "@/db/queries/connection-lifecycle";
import { setConnectionInterval as setInterval } from "@/lib/connections/schedule";
import { actionClient } from "@/lib/access/action-client";
import type { ChangeResult } from "@/lib/read-models/connection-results";
import { refusalOf } from "./connection-refusal";

/** When a connection syncs by itself (admins and owners). Another workspace's connection is "not found". */

const target = z.object({ connectionId: z.uuid() });

/** Stops background syncs until someone resumes; Resync still runs it on demand. */
export const pauseConnection = actionClient
  .metadata({ role: "admin" })
  .inputSchema(target)
  .action(async ({ parsedInput, ctx }): Promise<ChangeResult> => {
    await setConnectionPaused(ctx.db, { ownerId: ctx.ownerId, connectionId: parsedInput.connectionId, paused: true });
    return { ok: true };
  });

/** Back on the schedule, whoever (a person or the failure policy) paused it. */
export const resumeConnection = actionClient
  .metadata({ role: "admin" })
  .inputSchema(target)
  .action(async ({ parsedInput, ctx }): Promise<ChangeResult> => {
    await setConnectionPaused(ctx.db, { ownerId: ctx.ownerId, connectionId: parsedInput.connectionId, paused: false });
    return { ok: true };
  });

/** The background interval of a polled venue, within the venue's range (the form offers only those). */
export const setSyncInterval = actionClient
  .metadata({ role: "admin" })
  .inputSchema(target.extend({ seconds: z.number().int().positive() }))
  .action(async ({ parsedInput, ctx }): Promise<ChangeResult<{ seconds: number }>> => {
    try {
      return { ok: true, ...(await setInterval(ctx.db, { ownerId: ctx.ownerId, ...parsedInput })) };
    } catch (e) {
      return refusalOf(e);
    }
  });
