import { z } from "zod";
import { ALERT_KINDS, ALERT_SEVERITIES, NOTIFY_STATUSES, type AlertKind } from "@/db/schema/alert-enums";
import { keysetPageSchema } from "./keyset-page";

/** The alerts list's JSON contract, free of server code: the browser validates with it. */
const iso = z.iso.datetime({ offset: true });

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  sync_failure: "Sync failure",
  needs_attention: "Needs attention",
  snapshot_gap: "Snapshot gap",
  concentration: "Concentration",
  drawdown: "Drawdown",
  audit_chain_broken: "Audit chain broken",
};

/** One alert as the list shows it; `mutedUntil` when a mute in force now covers it. */
export const alertViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  title: z.string(),
  message: z.string(),
  subject: z.string(),
  connectionId: z.uuid().nullable(),
  connectionLabel: z.string().nullable(),
  occurrences: z.number().int(),
  firstSeenAt: iso,
  lastSeenAt: iso,
  acknowledgedAt: iso.nullable(),
  resolvedAt: iso.nullable(),
  notifyStatus: z.enum(NOTIFY_STATUSES).nullable(),
  mutedUntil: iso.nullable(),
});
export type AlertView = z.infer<typeof alertViewSchema>;
export const alertPageSchema = keysetPageSchema(alertViewSchema);

export const ALERT_SORTS = ["lastSeenAt", "firstSeenAt"] as const;

/** A mute in force, as the Mutes list shows it. */
export interface MuteView {
  id: string;
  kind: AlertKind;
  connectionId: string | null;
  /** Null: every connection (or a kind not about connections). */
  connectionLabel: string | null;
  until: string;
}
