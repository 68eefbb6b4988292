import type { z } from "zod";
import { ConnectorError, isConnectorError } from "../../errors";
import { HttpClient, type HttpClientOptions, type HttpResult } from "../../http/client";
import { IBKR_ASSUMPTIONS, PORTAL_ORDERS_PREFLIGHT } from "../assumptions";
import { accountsSchema, ledgerSchema, ordersSchema, positionsSchema, summarySchema, tickleSchema, tradesSchema } from "./schemas";

export type HttpOverrides = Omit<HttpClientOptions, "provider" | "baseUrl" | "secrets" | "interpretError">;

/**
 * Read-only calls to a Client Portal gateway the user runs and logs into in a browser.
 * The gateway holds the session; we keep it alive with /tickle and say so plainly when
 * nobody is logged in.
 */
export class PortalClient {
  private readonly http: HttpClient;

  constructor(private readonly p: { baseUrl: string; now: () => Date; http?: HttpOverrides }) {
    this.http = new HttpClient({ provider: "ibkr", baseUrl: p.baseUrl, now: p.now, ...p.http });
  }

  /** Keeps the gateway session alive; false when the brokerage session (needed for /iserver) is not authenticated. */
  async tickle(): Promise<boolean> {
    const r = await this.call("POST", "/tickle", tickleSchema);
    return r.data.iserver?.authStatus.authenticated === true;
  }

  accounts() {
    return this.call("GET", "/portfolio/accounts", accountsSchema);
  }

  positions(accountId: string, page: number) {
    return this.call("GET", `/portfolio/${encodeURIComponent(accountId)}/positions/${page}`, positionsSchema, "GET /portfolio/{accountId}/positions/{page}");
  }

  ledger(accountId: string) {
    return this.call("GET", `/portfolio/${encodeURIComponent(accountId)}/ledger`, ledgerSchema, "GET /portfolio/{accountId}/ledger");
  }

  summary(accountId: string) {
    return this.call("GET", `/portfolio/${encodeURIComponent(accountId)}/summary`, summarySchema, "GET /portfolio/{accountId}/summary");
  }

  /** Live orders; an empty first answer (the documented pre-flight) is asked once more. */
  async orders() {
    const first = await this.call("GET", "/iserver/account/orders", ordersSchema);
    if (!PORTAL_ORDERS_PREFLIGHT || first.data.orders.length > 0) return [first];
    return [first, await this.call("GET", "/iserver/account/orders", ordersSchema)];
  }

  trades() {
    return this.call("GET", "/iserver/account/trades", tradesSchema, undefined, { days: IBKR_ASSUMPTIONS.portalTradesDays });
  }

  private async call<T>(
    method: "GET" | "POST",
    path: string,
    schema: z.ZodType<T>,
    label?: string,
    query?: Record<string, number>,
  ): Promise<HttpResult<T>> {
    try {
      return await this.http.request({ method, path, schema, label, query, body: method === "POST" ? "" : undefined });
    } catch (e) {
      if (isConnectorError(e) && e.kind === "auth") {
        throw new ConnectorError({
          kind: "auth",
          provider: "ibkr",
          endpoint: e.endpoint,
          message: `the Client Portal gateway has no logged-in session: log in at ${new URL(this.p.baseUrl).origin} in a browser (with 2FA), then sync again`,
        });
      }
      throw e;
    }
  }
}
