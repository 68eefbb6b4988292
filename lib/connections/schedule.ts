import type { Db } from "@/db/client";
import { setSyncInterval } from "@/db/queries/connection-lifecycle";
import { getConnection } from "@/db/queries/connections";
import { cadenceOf, isProvider } from "@/lib/connectors/sync-cadence";
import { ChangeRefusedError } from "./change-refused";

const minutes = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${s} s`);

/**
 * Sets how often the background schedule syncs an interval venue, within what the venue
 * tolerates (sync-cadence.ts). A calendar venue keeps its fixed schedule: polling it more
 * often reads the same data and spends its quota.
 */
export async function setConnectionInterval(db: Db, p: { ownerId: string; connectionId: string; seconds: number }): Promise<{ seconds: number }> {
  const conn = await getConnection(db, p);
  if (!isProvider(conn.provider)) throw new ChangeRefusedError(`No schedule for provider "${conn.provider}"`, "seconds");
  const cadence = cadenceOf(conn.provider);
  if (cadence.kind !== "interval") {
    throw new ChangeRefusedError("This venue syncs on its own fixed schedule; its interval cannot be changed", "seconds");
  }
  if (!Number.isInteger(p.seconds) || p.seconds < cadence.minSeconds || p.seconds > cadence.maxSeconds) {
    throw new ChangeRefusedError(
      cadence.minSeconds === cadence.maxSeconds
        ? `This venue is synced every ${minutes(cadence.minSeconds)}, whatever the setting`
        : `Choose between ${minutes(cadence.minSeconds)} and ${minutes(cadence.maxSeconds)}`,
      "seconds",
    );
  }
  await setSyncInterval(db, { ...p, seconds: p.seconds });
  return { seconds: p.seconds };
}
