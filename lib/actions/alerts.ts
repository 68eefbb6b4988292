"use server";

import { z } from "zod";
import { acknowledgeAlert as acknowledge, unacknowledgeAlert as unacknowledge } from "@/db/queries/alerts";
import { muteAlertRule, unmuteAlertRule } from "@/db/queries/alert-mutes";
import { saveAlertThresholds } from "@/db/queries/alert-thresholds";
import { getConnection } from "@/db/queries/connections";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { muteEnd } from "@/lib/alerts/mute-period";
import { evaluateRiskAlerts } from "@/lib/alerts/risk-alerts";
import { alertIdInputSchema, muteIdInputSchema, muteInputSchema, thresholdsInputSchema } from "@/lib/read-models/alert-inputs";

/** Acknowledge (members and above): "someone is on it". The alert stays open and keeps counting. */
export const acknowledgeAlert = actionClient
  .metadata({ role: "member" })
  .inputSchema(alertIdInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const row = await acknowledge(ctx.db, { ownerId: ctx.ownerId, alertId: parsedInput.alertId, at: new Date() });
    return { alertId: row.id, acknowledgedAt: row.acknowledgedAt!.toISOString() };
  });

/** Takes an acknowledgement back (members and above). */
export const unacknowledgeAlert = actionClient
  .metadata({ role: "member" })
  .inputSchema(alertIdInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const row = await unacknowledge(ctx.db, { ownerId: ctx.ownerId, alertId: parsedInput.alertId });
    return { alertId: row.id };
  });

/**
 * Mutes a rule (members and above): a kind, for one connection or all, for a period.
 * Alerts it covers are still recorded and listed; they are just not sent.
 */
export const muteAlerts = actionClient
  .metadata({ role: "member" })
  .inputSchema(muteInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (parsedInput.connectionId) await getConnection(ctx.db, { ownerId: ctx.ownerId, connectionId: parsedInput.connectionId });
    const end = muteEnd(parsedInput, new Date());
    // The schema checked this a moment ago; the clock may have moved past a custom end since.
    if (!end.ok) throw new AccessError(409, end.message);
    const mute = await muteAlertRule(ctx.db, {
      ownerId: ctx.ownerId,
      kind: parsedInput.kind,
      connectionId: parsedInput.connectionId,
      until: end.until,
      createdBy: ctx.viewer.user.id,
    });
    return { muteId: mute.id, until: mute.until.toISOString() };
  });

/** Ends a mute now (members and above). */
export const unmuteAlerts = actionClient
  .metadata({ role: "member" })
  .inputSchema(muteIdInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    await unmuteAlertRule(ctx.db, { ownerId: ctx.ownerId, muteId: parsedInput.muteId });
    return { muteId: parsedInput.muteId };
  });

/** Runs the risk checks (concentration, drawdown) now instead of at the next hour (members and above). */
export const checkRisksNow = actionClient
  .metadata({ role: "member" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => evaluateRiskAlerts(ctx.db, { ownerId: ctx.ownerId, now: new Date() }));

/** The workspace's risk limits (admins and owners), as percentages typed in the form. */
export const saveRiskThresholds = actionClient
  .metadata({ role: "admin" })
  .inputSchema(thresholdsInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveAlertThresholds(ctx.db, {
      ownerId: ctx.ownerId,
      concentration: parsedInput.concentrationPct,
      drawdown: parsedInput.drawdownPct,
      updatedBy: ctx.viewer.user.id,
      at: new Date(),
    });
    return { concentration: parsedInput.concentrationPct, drawdown: parsedInput.drawdownPct };
  });
