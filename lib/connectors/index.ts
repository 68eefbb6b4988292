import { z } from "zod";
import { binanceFromConnection } from "./binance";
import { createDemoConnector } from "./demo";
import { demoConfigSchema } from "./demo/config";
import { ConnectorError } from "./errors";
import { createGrowwConnector, growwConfigSchema, growwCredentialsSchema } from "./groww";
import { openCredentials } from "./http/credentials";
import { createIbkrConnector, ibkrConfigSchema, ibkrCredentialsSchema } from "./ibkr";
import { createOkxWeb3Connector, okxWeb3ConfigSchema, okxWeb3CredentialsSchema } from "./okx-web3";
import { okxFromConnection } from "./okx";
import { createOneTokenConnector, oneTokenConfigSchema, oneTokenCredentialsSchema } from "./onetoken";
import { parseSettings } from "./settings";
import { oneTokenBaseUrl } from "@/lib/env/venue-override";
import { PROVIDERS, type Connector, type ProviderId } from "./types";

/** What the factory needs of a stored connection. Secrets arrive still encrypted. */
export interface ConnectionForConnector {
  provider: string;
  config: Record<string, unknown>;
  credentialsEncrypted: string | null;
}

export interface ConnectorContext {
  /** The clock the connector sees; the demo venue's state is a function of it. */
  now: () => Date;
}

export function parseProvider(provider: string): ProviderId {
  const parsed = z.enum(PROVIDERS).safeParse(provider);
  if (!parsed.success) {
    throw new ConnectorError({ kind: "invalid_request", provider, message: `unknown provider "${provider}"` });
  }
  return parsed.data;
}

export function createConnector(conn: ConnectionForConnector, ctx: ConnectorContext): Connector {
  const provider = parseProvider(conn.provider);
  switch (provider) {
    case "demo": {
      const { seed } = parseSettings(provider, demoConfigSchema, conn.config);
      return createDemoConnector({ seed, now: ctx.now });
    }
    case "onetoken": {
      const config = parseSettings(provider, oneTokenConfigSchema, conn.config);
      const credentials = openCredentials(provider, oneTokenCredentialsSchema, conn.credentialsEncrypted);
      // End-to-end tests only (lib/env/venue-override.ts): the operator's environment, never a request.
      return createOneTokenConnector({ credentials, config: { ...config, baseUrl: oneTokenBaseUrl(config.baseUrl) }, now: ctx.now });
    }
    case "groww": {
      const config = parseSettings(provider, growwConfigSchema, conn.config);
      const credentials = openCredentials(provider, growwCredentialsSchema, conn.credentialsEncrypted);
      return createGrowwConnector({ credentials, config, now: ctx.now });
    }
    case "ibkr": {
      const config = parseSettings(provider, ibkrConfigSchema, conn.config);
      const credentials = openCredentials(provider, ibkrCredentialsSchema, conn.credentialsEncrypted);
      return createIbkrConnector({ credentials, config, now: ctx.now });
    }
    case "okx_web3": {
      const config = parseSettings(provider, okxWeb3ConfigSchema, conn.config);
      const credentials = openCredentials(provider, okxWeb3CredentialsSchema, conn.credentialsEncrypted);
      return createOkxWeb3Connector({ credentials, config, now: ctx.now });
    }
    case "binance":
      return binanceFromConnection(conn, ctx);
    case "okx":
      return okxFromConnection(conn, ctx);
    default: {
      const unhandled: never = provider;
      throw new ConnectorError({ kind: "invalid_request", provider: String(unhandled), message: "provider not wired" });
    }
  }
}

/** Providers whose state can be read at a past instant, so history can be backfilled. */
export function supportsHistoricalState(provider: string): boolean {
  return provider === "demo";
}
