import type { z } from "zod";
import { ConnectorError } from "@/lib/connectors/errors";

// The one way a stored connection's settings (non-secret JSON) are checked against its
// provider's schema, for every provider: a bad field fails as `invalid_request`, named but
// never echoed.

/** Names the invalid field, never its value: credentials must not echo into errors. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${[...issue.path].join(".") || "(root)"} ${issue.message}`;
}

export function parseSettings<T>(provider: string, schema: z.ZodType<T>, config: unknown): T {
  const parsed = schema.safeParse(config ?? {});
  if (!parsed.success) {
    throw new ConnectorError({ kind: "invalid_request", provider, message: `invalid connection settings: ${firstIssue(parsed.error)}` });
  }
  return parsed.data;
}
