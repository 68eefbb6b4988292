"use server";

import { after } from "next/server";
import { addConnection as addVenueConnection } from "@/lib/connections/add-connection";
import { previewConnection } from "@/lib/connections/test-connection";
import { actionClient } from "@/lib/access/action-client";
import { newConnectionSchema } from "@/lib/read-models/connection-forms";
import type { AddResult, TestResult } from "@/lib/read-models/connection-results";
import { refusalOf } from "./connection-refusal";
import { requestResync } from "./request-resync";
import { syncQueue } from "./sync-queue";

/**
 * The add-connection wizard (admins and owners). Input: the provider's own settings and
 * credentials schemas (lib/read-models/connection-forms.ts), the ones the browser checked.
 * Neither action returns or logs a credential: only what the key can see and may do.
 */

/** "Test": one signed call (a trading or withdrawing key is refused with the reason), then what it can see. Stores nothing. */
export const testNewConnection = actionClient
  .metadata({ role: "admin" })
  .inputSchema(newConnectionSchema)
  .action(async ({ parsedInput }): Promise<TestResult> => {
    try {
      const p = await previewConnection({ provider: parsedInput.provider, credentials: parsedInput.credentials, config: parsedInput.settings });
      return {
        ok: true,
        accounts: p.accounts.map((a) => ({ accountUid: a.accountUid, name: a.name, kind: a.kind })),
        permissions: p.permissions,
        found: p.found,
        previewError: p.previewError,
      };
    } catch (e) {
      return refusalOf(e);
    }
  });

/**
 * "Save": the same test again (the browser's word that it passed is not proof), then the
 * sealed credentials are stored and the first sync starts. A key that fails stores nothing.
 */
export const addConnection = actionClient
  .metadata({ role: "admin" })
  .inputSchema(newConnectionSchema)
  .action(async ({ parsedInput, ctx }): Promise<AddResult> => {
    let added: Awaited<ReturnType<typeof addVenueConnection>>;
    try {
      added = await addVenueConnection(ctx.db, {
        ownerId: ctx.ownerId,
        provider: parsedInput.provider,
        label: parsedInput.label,
        credentials: parsedInput.credentials,
        config: parsedInput.settings,
      });
    } catch (e) {
      return refusalOf(e);
    }
    const { result, settled } = await requestResync(ctx.db, { ownerId: ctx.ownerId, connectionId: added.id, queue: syncQueue() });
    // The first sync runs on after the answer, followed by the reconstruction of the connection's past from the
    // fills it read (request-resync.ts; through Inngest, the sync function's step). `after` keeps hosts that
    // freeze idle functions from cutting either off.
    after(settled);
    const firstSync: Extract<AddResult, { ok: true }>["firstSync"] = !result.ok
      ? { mode: "not-started", reason: result.error }
      : result.mode === "queued"
        ? { mode: "queued" }
        : { mode: "inline", batchId: result.batchIds[0]! };
    return { ok: true, id: added.id, label: parsedInput.label, accounts: added.accounts.length, firstSync };
  });
