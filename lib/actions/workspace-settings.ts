"use server";

import { after } from "next/server";
import { actionClient } from "@/lib/access/action-client";
import { workspaceSettingsResultSchema, workspaceSettingsSchema } from "@/lib/read-models/workspace-settings";
import { supportedTimeZones } from "@/lib/time/time-zones";
import { changeWorkspaceSettings } from "./change-workspace-settings";
import { syncQueue } from "./sync-queue";

/**
 * Saves the active workspace's base currency and time zone (admins and owners). The roll-ups
 * are rebuilt before the answer; a change of currency also starts a resync of every
 * connection, which continues after the answer.
 */
export const updateWorkspaceSettings = actionClient
  .metadata({ role: "admin" })
  .inputSchema(workspaceSettingsSchema(supportedTimeZones()))
  .action(async ({ parsedInput, ctx }) => {
    const { result, settled } = await changeWorkspaceSettings(ctx.db, { ownerId: ctx.ownerId, ...parsedInput, queue: syncQueue() });
    // Inline runs continue after the response; `after` keeps hosts that freeze idle functions from cutting them off.
    after(settled);
    return workspaceSettingsResultSchema.parse(result);
  });
