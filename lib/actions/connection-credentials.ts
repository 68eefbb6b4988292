"use server";

import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { refreshGrowwToken as refreshToken } from "@/lib/connections/groww-token";
import { rotateCredentials } from "@/lib/connections/rotate-credentials";
import { actionClient } from "@/lib/access/action-client";
import { providerForm } from "@/lib/read-models/connection-forms";
import type { ChangeResult } from "@/lib/read-models/connection-results";
import { refusalOf } from "./connection-refusal";

/**
 * New credentials for a saved connection (admins and owners): tested first with the
 * connection's own settings, swapped only if the venue accepts them. Nothing returned or
 * logged holds a credential.
 */

/** Rotate credentials: checked against the connection's provider schema, field by field, then tested, then swapped. */
export const rotateConnectionCredentials = actionClient
  .metadata({ role: "admin" })
  .inputSchema(z.object({ connectionId: z.uuid(), credentials: z.record(z.string(), z.string()) }))
  .action(async ({ parsedInput, ctx }): Promise<ChangeResult<{ accounts: number; rotatedAt: string }>> => {
    const conn = await getConnection(ctx.db, { ownerId: ctx.ownerId, connectionId: parsedInput.connectionId });
    const form = providerForm(conn.provider);
    if (!form || !form.keyHelp) return { ok: false, message: "This connection has no credentials to rotate" };
    const parsed = form.credentials.safeParse(parsedInput.credentials);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, field: issue.path.map(String).join("."), message: issue.message };
    }
    try {
      const check = await rotateCredentials(ctx.db, { ownerId: ctx.ownerId, connectionId: conn.id, credentials: parsed.data });
      return { ok: true, accounts: check.accounts.length, rotatedAt: new Date().toISOString() };
    } catch (e) {
      return refusalOf(e);
    }
  });

/** Groww's daily token: minted now from a stored key, or today's pasted token tested and swapped in. */
export const refreshGrowwToken = actionClient
  .metadata({ role: "admin" })
  .inputSchema(z.object({ connectionId: z.uuid(), accessToken: z.string().optional() }))
  .action(async ({ parsedInput, ctx }): Promise<ChangeResult<{ expiresAt: string | null }>> => {
    try {
      const state = await refreshToken(ctx.db, { ownerId: ctx.ownerId, ...parsedInput });
      return { ok: true, expiresAt: state.expiresAt?.toISOString() ?? null };
    } catch (e) {
      return refusalOf(e);
    }
  });
