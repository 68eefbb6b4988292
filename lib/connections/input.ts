import { z } from "zod";
import { createConnector, type ConnectionForConnector, type ConnectorContext } from "@/lib/connectors";
import { ConnectorError } from "@/lib/connectors/errors";
import { PROVIDERS, type Connector, type ProviderId } from "@/lib/connectors/types";
import { encryptCredentials } from "@/lib/security/credentials";

/**
 * What a person submits to connect a venue. Credentials are checked per provider by the
 * connector factory (the same code path a sync uses), after they have been sealed.
 */
export const credentialsInputSchema = z.record(z.string(), z.string());

export const connectionInputSchema = z.object({
  provider: z.enum(PROVIDERS),
  credentials: credentialsInputSchema,
  config: z.record(z.string(), z.unknown()).default({}),
});
export type ConnectionInput = z.input<typeof connectionInputSchema>;

/** Builds a connector from a stored-shape connection; tests swap in one wired to a fake venue. */
export type ConnectorBuilder = (conn: ConnectionForConnector, ctx: ConnectorContext) => Connector;

export interface ConnectionDeps {
  buildConnector?: ConnectorBuilder;
  /** AES-256-GCM key; the configured one (CREDENTIALS_KEY or the key file) by default. */
  credentialsKey?: Buffer;
  now?: () => Date;
}

/** Parses with zod, naming the bad field but never echoing a value (it may be a secret). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, provider = "connections"): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConnectorError({
    kind: "invalid_request",
    provider,
    message: `invalid input: ${[...issue.path].join(".") || "(root)"} ${issue.message}`,
  });
}

/**
 * Seals the credentials and builds the connector from the sealed form, exactly as a sync
 * will: what passes here is what the sync can open later.
 */
export function sealAndBuild(
  input: { provider: ProviderId; credentials: Record<string, string>; config: Record<string, unknown> },
  deps: ConnectionDeps,
): { connector: Connector; credentialsEncrypted: string } {
  const credentialsEncrypted = deps.credentialsKey
    ? encryptCredentials(input.credentials, deps.credentialsKey)
    : encryptCredentials(input.credentials);
  const build = deps.buildConnector ?? createConnector;
  const connector = build(
    { provider: input.provider, config: input.config, credentialsEncrypted },
    { now: deps.now ?? (() => new Date()) },
  );
  return { connector, credentialsEncrypted };
}
