import { z } from "zod";
import { ALERT_KINDS, CHANNEL_KINDS } from "@/db/schema/alert-enums";
import { outboundUrlProblem } from "@/lib/alerts/channels/outbound-url";

/**
 * The channel forms' inputs, checked by the same schema in the browser and in the server
 * action. URLs follow lib/alerts/channels/outbound-url.ts (https, http only to localhost).
 */
const url = z
  .string()
  .trim()
  .min(1, "URL: required")
  .superRefine((v, ctx) => {
    const problem = outboundUrlProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: `URL: ${problem}` });
  });
const name = z.string().trim().min(1, "Name: required").max(80, "Name: at most 80 characters");
const alertKinds = z.array(z.enum(ALERT_KINDS)).min(1, "Alert kinds: choose at least one");

export const channelCreateSchema = z.object({ kind: z.enum(CHANNEL_KINDS, { error: "Type: choose webhook or Slack" }), name, url, alertKinds });
export type ChannelCreateInput = z.input<typeof channelCreateSchema>;

export const channelUpdateSchema = z.object({ channelId: z.uuid(), name: name.optional(), alertKinds: alertKinds.optional(), enabled: z.boolean().optional() });
export const channelReplaceUrlSchema = z.object({ channelId: z.uuid(), url });
export const channelIdSchema = z.object({ channelId: z.uuid() });
/** "environment": the default webhook from ALERT_WEBHOOK_URL. */
export const testTargetSchema = z.object({ channelId: z.union([z.uuid(), z.literal("environment")]) });
