import { z } from "zod";
import { ALERT_KINDS, CONNECTION_ALERT_KINDS } from "@/db/schema/alert-enums";
import { MUTE_PERIODS, muteEnd } from "@/lib/alerts/mute-period";
import { D, toDecimalString } from "@/lib/money/decimal";

/**
 * The alert forms' inputs: one zod schema checks the browser's form and the server
 * action. Messages start with the field's label, so a refusal says where to look.
 */
export const alertIdInputSchema = z.object({ alertId: z.uuid() });
export const muteIdInputSchema = z.object({ muteId: z.uuid() });

export const muteInputSchema = z
  .object({
    kind: z.enum(ALERT_KINDS, { error: "Kind: choose what to mute" }),
    /** Null: every connection. */
    connectionId: z.uuid({ error: "Connection: choose one from the list" }).nullable(),
    period: z.enum(MUTE_PERIODS, { error: "For: choose how long" }),
    /** ISO instant, with its offset; only for a custom period. */
    until: z.string().nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.connectionId && !(CONNECTION_ALERT_KINDS as readonly string[]).includes(v.kind)) {
      ctx.addIssue({ code: "custom", path: ["connectionId"], message: "Connection: only sync failures, needs attention and snapshot gaps are about a connection" });
    }
    const end = muteEnd({ period: v.period, until: v.until }, new Date());
    if (!end.ok) ctx.addIssue({ code: "custom", path: ["until"], message: end.message });
  });
export type MuteInput = z.input<typeof muteInputSchema>;

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;
/** A percentage typed by a person, 0 < p ≤ 100, as the exact fraction stored ("12.5" → "0.125"). */
const percent = (label: string) =>
  z
    .string()
    .trim()
    .regex(PERCENT, `${label}: a percentage such as 50 or 12.5`)
    // Only a well-formed number is compared (the pattern above has said what is wrong otherwise).
    .refine((v) => !PERCENT.test(v) || (new D(v).gt(0) && new D(v).lte(100)), `${label}: more than 0 and at most 100`)
    .transform((v) => toDecimalString(new D(v).div(100)));

export const thresholdsInputSchema = z.object({
  concentrationPct: percent("Concentration limit"),
  drawdownPct: percent("Drawdown limit"),
});
export type ThresholdsInput = z.input<typeof thresholdsInputSchema>;
