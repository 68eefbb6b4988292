import { z } from "zod";
import type { Db } from "@/db/client";
import { alertConnectionId, listAlertPage } from "@/db/queries/alerts";
import { listActiveMutes } from "@/db/queries/alert-mutes";
import { decodeCursor } from "@/db/queries/keyset";
import { ALERT_KINDS, ALERT_SEVERITIES } from "@/db/schema/alert-enums";
import { redact } from "@/lib/security/redact";
import { ALERT_SORTS, type AlertView, type MuteView } from "./alert-schemas";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";

// Each filter on its own: one unknown value drops that filter only.
const filtersSchema = z.object({
  kind: z.enum(ALERT_KINDS).optional().catch(undefined),
  severity: z.enum(ALERT_SEVERITIES).optional().catch(undefined),
  connection: z.uuid().optional().catch(undefined),
  acknowledged: z.enum(["yes", "no"]).optional().catch(undefined),
  state: z.enum(["open", "resolved"]).optional().catch(undefined),
});

const yesNo = (v: "yes" | "no" | "open" | "resolved" | undefined, yes: string) => (v === undefined ? undefined : v === yes);

/** One page of the workspace's alerts for a table request, marked with the mutes in force at `now`. */
export async function loadAlertPage(db: Db, p: { ownerId: string; request: KeysetPageRequest; now: Date }): Promise<KeysetPage<AlertView>> {
  const f = filtersSchema.parse(p.request.filters);
  const sort = p.request.sort && (ALERT_SORTS as readonly string[]).includes(p.request.sort.id) ? p.request.sort : { id: "lastSeenAt", desc: true };
  const [page, mutes] = await Promise.all([
    listAlertPage(db, {
      ownerId: p.ownerId,
      cursor: decodeCursor(p.request.cursor),
      limit: p.request.limit,
      sort: sort.id as (typeof ALERT_SORTS)[number],
      descending: sort.desc,
      filters: { kind: f.kind, severity: f.severity, connectionId: f.connection, acknowledged: yesNo(f.acknowledged, "yes"), resolved: yesNo(f.state, "resolved") },
    }),
    listActiveMutes(db, { ownerId: p.ownerId, at: p.now }),
  ]);
  return {
    ...page,
    rows: page.rows.map(({ alert: a, connectionLabel }) => {
      const connectionId = alertConnectionId(a);
      const mute = mutes.find((m) => m.mute.kind === a.kind && (m.mute.connectionId === null || m.mute.connectionId === connectionId));
      return {
        id: a.id,
        kind: a.kind,
        severity: a.severity,
        title: redact(a.title),
        message: redact(a.message),
        subject: a.subject,
        connectionId: connectionLabel === null ? null : connectionId,
        connectionLabel,
        occurrences: a.occurrences,
        firstSeenAt: a.firstSeenAt.toISOString(),
        lastSeenAt: a.lastSeenAt.toISOString(),
        acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
        resolvedAt: a.resolvedAt?.toISOString() ?? null,
        notifyStatus: a.notifyStatus,
        mutedUntil: mute && !a.resolvedAt ? mute.mute.until.toISOString() : null,
      };
    }),
  };
}

export async function loadActiveMutes(db: Db, p: { ownerId: string; now: Date }): Promise<MuteView[]> {
  return (await listActiveMutes(db, { ownerId: p.ownerId, at: p.now })).map(({ mute, connectionLabel }) => ({
    id: mute.id,
    kind: mute.kind,
    connectionId: mute.connectionId,
    connectionLabel,
    until: mute.until.toISOString(),
  }));
}
