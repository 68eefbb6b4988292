import { z } from "zod";
import { ConnectorError } from "../../errors";
import { HttpClient, type HttpClientOptions } from "../../http/client";
import type { RawCapture } from "../../types";
import { FLEX_IN_PROGRESS, flexErrorKind, IBKR_ASSUMPTIONS } from "../assumptions";
import { child, parseXml, type XmlElement, XmlSyntaxError } from "@/lib/xml/parse";
import { type FlexStatus, flexStatusSchema } from "./schemas";

export type HttpOverrides = Omit<HttpClientOptions, "provider" | "baseUrl" | "secrets" | "interpretError">;

export interface FlexStatement {
  root: XmlElement;
  raw: RawCapture[];
}

/**
 * The Flex Web Service: SendRequest starts a statement, GetStatement fetches it, answering
 * "1019 generation in progress" until it is ready; we poll at a fixed interval, a bounded
 * number of times. The token travels in the query, so it is redacted everywhere.
 */
export class FlexClient {
  private readonly clients = new Map<string, HttpClient>();

  constructor(
    private readonly p: {
      baseUrl: string;
      token: string;
      queryId: string;
      pollIntervalMs: number;
      maxPolls: number;
      now: () => Date;
      http?: HttpOverrides;
    },
  ) {}

  async fetchStatement(): Promise<FlexStatement> {
    const raw: RawCapture[] = [];
    const send = await this.call(this.p.baseUrl, "/SendRequest", this.p.queryId, "GET FlexWebService/SendRequest", raw);
    const status = this.status(send, "GET FlexWebService/SendRequest");
    if (status.Status !== "Success" || !status.ReferenceCode || !status.Url) throw this.statusError(status, "GET FlexWebService/SendRequest");
    const url = this.statementUrl(status.Url);
    const sleep = this.p.http?.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

    for (let poll = 1; ; poll++) {
      const doc = await this.call(url.origin, url.pathname, status.ReferenceCode, "GET FlexWebService/GetStatement", raw);
      if (doc.name === "FlexQueryResponse") return { root: doc, raw };
      const s = this.status(doc, "GET FlexWebService/GetStatement");
      if (s.ErrorCode !== FLEX_IN_PROGRESS) throw this.statusError(s, "GET FlexWebService/GetStatement");
      if (poll >= this.p.maxPolls) {
        throw new ConnectorError({
          kind: "unavailable",
          provider: "ibkr",
          endpoint: "GET FlexWebService/GetStatement",
          message: `statement still being generated after ${poll} polls (${FLEX_IN_PROGRESS}); try again later`,
        });
      }
      await sleep(this.p.pollIntervalMs);
    }
  }

  private async call(origin: string, path: string, q: string, label: string, raw: RawCapture[]): Promise<XmlElement> {
    const r = await this.http(origin).request({
      method: "GET",
      path,
      query: [
        ["t", this.p.token],
        ["q", q],
        ["v", IBKR_ASSUMPTIONS.flexVersion],
      ],
      headers: { accept: "application/xml, text/xml", "user-agent": IBKR_ASSUMPTIONS.userAgent },
      schema: z.string(),
      format: "text",
      label,
    });
    try {
      const doc = parseXml(r.data);
      raw.push({ ...r.raw, body: r.data });
      return doc;
    } catch (e) {
      const why = e instanceof XmlSyntaxError ? e.message : String(e);
      throw new ConnectorError({ kind: "bad_response", provider: "ibkr", endpoint: label, message: `not a Flex XML document (${why})` });
    }
  }

  private http(origin: string): HttpClient {
    let c = this.clients.get(origin);
    if (!c) {
      c = new HttpClient({ provider: "ibkr", baseUrl: origin, secrets: [this.p.token], now: this.p.now, ...this.p.http });
      this.clients.set(origin, c);
    }
    return c;
  }

  private status(doc: XmlElement, label: string): FlexStatus {
    if (doc.name !== "FlexStatementResponse") {
      throw new ConnectorError({ kind: "bad_response", provider: "ibkr", endpoint: label, message: `unexpected <${doc.name}> document` });
    }
    const fields = Object.fromEntries(["Status", "ReferenceCode", "Url", "ErrorCode", "ErrorMessage"].map((n) => [n, child(doc, n)?.text]));
    const parsed = flexStatusSchema.safeParse(fields);
    if (!parsed.success) {
      throw new ConnectorError({ kind: "bad_response", provider: "ibkr", endpoint: label, message: "FlexStatementResponse without a valid Status" });
    }
    return parsed.data;
  }

  private statusError(s: FlexStatus, label: string): ConnectorError {
    const code = s.ErrorCode ?? "";
    return new ConnectorError({
      kind: code ? flexErrorKind(code) : "bad_response",
      provider: "ibkr",
      endpoint: label,
      message: `Flex ${s.Status}${code ? ` ${code}` : ""}: ${s.ErrorMessage ?? "no reference code or URL in the answer"}`.replaceAll(this.p.token, "[redacted]"),
    });
  }

  /** The statement URL IBKR returned; the token goes there, so it must be IBKR's (or the configured host). */
  private statementUrl(text: string): URL {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ConnectorError({ kind: "bad_response", provider: "ibkr", endpoint: "GET FlexWebService/SendRequest", message: "the statement URL is not a URL" });
    }
    const configured = new URL(this.p.baseUrl);
    const trusted =
      url.origin === configured.origin || (url.protocol === "https:" && url.hostname.endsWith(IBKR_ASSUMPTIONS.statementHostSuffix));
    if (!trusted) {
      throw new ConnectorError({
        kind: "bad_response",
        provider: "ibkr",
        endpoint: "GET FlexWebService/SendRequest",
        message: `refusing to send the Flex token to ${url.origin}`,
      });
    }
    return url;
  }
}
