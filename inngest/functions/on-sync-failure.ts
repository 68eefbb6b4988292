import type { FailureEventArgs, Logger } from "inngest";
import { connectionSyncRequestedPayload } from "../events";

/**
 * Runs once a sync has exhausted its retries (or gave up at once). It only logs: each
 * attempt already recorded its failed batch, counted the connection's consecutive
 * failures and raised the alert inside `syncConnection`, so writing here would count the
 * same failure twice.
 */
export async function logSyncFailure({ event, error, logger }: FailureEventArgs & { logger: Pick<Logger, "error"> }): Promise<string> {
  const parsed = connectionSyncRequestedPayload.safeParse(event.data.event.data);
  const what = parsed.success ? `${parsed.data.provider ?? "unknown venue"} connection ${parsed.data.connectionId} (${parsed.data.trigger})` : "a connection (unreadable event)";
  const line = `sync of ${what} failed for good: ${error.message}`;
  logger.error(line);
  return line;
}
