import { ChangeRefusedError } from "@/lib/connections/change-refused";
import { isConnectorError } from "@/lib/connectors/errors";
import type { Refusal } from "@/lib/read-models/connection-results";

/**
 * The refusals a connection action answers with instead of failing: the venue's own
 * (a refused key, a trading key, the venue down) and a change that cannot be made as asked.
 * Anything else is a server failure and is rethrown to the action client. Connector
 * messages are written to be shown and are redacted where they are made.
 */
export function refusalOf(e: unknown): Refusal {
  if (e instanceof ChangeRefusedError) return { ok: false, message: e.message, ...(e.field ? { field: e.field } : {}) };
  if (isConnectorError(e)) return { ok: false, kind: e.kind, message: e.message };
  throw e;
}
