import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server for fake venues, shared by every connector's tests: real sockets,
 * real status codes, headers and bodies (truncated ones included), a record of every
 * request, and faults injected into the next matching request.
 *
 * A venue fake supplies one `handle(request)` function that answers in the venue's
 * documented shapes and verifies its signatures; this class does the rest.
 *
 * Two ways to point a client at it:
 * - `fetch`: a fetch-compatible function that keeps the client's real URL (so code that
 *   inspects it, like ccxt's per-market error tables, behaves as in production) and sends
 *   the request to `<origin>/<real host><real path>`. The venue handler sees `host` and
 *   the original `path`.
 * - `origin`: a plain base URL for clients that take one; `host` is then "".
 */

export interface FakeRequest {
  method: string;
  /** The host the client meant ("api.binance.com"), or "" when it called `origin` directly. */
  host: string;
  path: string;
  /** The query string exactly as sent, without "?"; signatures are computed over it. */
  rawQuery: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export interface FakeReply {
  status: number;
  /** JSON-serialised unless `raw` is given. */
  json?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

/** What goes wrong with the next matching request. */
export type Fault =
  /** Answer with this status (and body and headers) instead of the venue's reply. */
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string> }
  /** Hold the request this long before answering normally (exceeds the client timeout). */
  | { kind: "delay"; ms: number }
  /** Answer with this exact body text (truncated JSON, HTML, empty). */
  | { kind: "body"; raw: string; status?: number; contentType?: string }
  /** Answer normally, with the JSON body passed through `transform` (drop or add a field). */
  | { kind: "transform"; transform: (json: unknown) => unknown }
  /** Close the connection without an answer. */
  | { kind: "disconnect" };

/** Which requests a fault applies to; an empty target matches any request. */
export interface FaultTarget {
  method?: string;
  /** Exact path, or a pattern tested against it. */
  path?: string | RegExp;
}

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  /** Query and form-body parameters, without the signature. */
  params: Record<string, string>;
  /** The answer's status, or 0 when the connection was dropped. */
  status: number;
  /** Whether a fault replaced the venue's answer. */
  faulted: boolean;
}

/** The part of a fake venue the contract suite drives. */
export interface FaultInjectable {
  /** Applies `fault` to the next request matching `target`, `times` times (default once). */
  injectFault(fault: Fault, target?: FaultTarget, times?: number): void;
  clearFaults(): void;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
}

/** Parameter names never kept in the request record. */
const UNRECORDED = new Set(["signature"]);

function parseParams(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) if (!UNRECORDED.has(k)) out[k] = v;
  return out;
}

function matches(target: FaultTarget, req: FakeRequest): boolean {
  if (target.method && target.method.toUpperCase() !== req.method) return false;
  if (target.path === undefined) return true;
  return typeof target.path === "string" ? target.path === req.path : target.path.test(req.path);
}

/** Splits "/api.binance.com/api/v3/account" into host and path; a first segment without a dot is a path. */
function splitHost(pathname: string): { host: string; path: string } {
  const m = /^\/([^/]+\.[^/]+)(\/.*)?$/.exec(pathname);
  if (!m) return { host: "", path: pathname };
  return { host: m[1]!, path: m[2] ?? "/" };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class FakeHttpServer implements FaultInjectable {
  private faults: Array<{ fault: Fault; target: FaultTarget; left: number }> = [];
  private readonly log: RecordedRequest[] = [];
  private readonly server: http.Server;
  private baseUrl = "";

  private constructor(private handler: FakeHandler) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.serve(req, Buffer.concat(chunks).toString("utf8"), res).catch((e: unknown) => {
          if (!res.headersSent) {
            res.writeHead(500, { "content-type": "text/plain" });
            res.end(`fake server error: ${e instanceof Error ? e.message : String(e)}`);
          }
        });
      });
    });
  }

  /** `port` 0 (the default) takes a free one; a fixed port is for a server started elsewhere (e2e) that must know it in advance. */
  static async start(handler: FakeHandler, port = 0): Promise<FakeHttpServer> {
    const fake = new FakeHttpServer(handler);
    await new Promise<void>((resolve, reject) => {
      fake.server.once("error", reject);
      fake.server.listen(port, "127.0.0.1", resolve);
    });
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Replaces the venue handler (a fake built around this server sets itself once constructed). */
  use(handler: FakeHandler): void {
    this.handler = handler;
  }

  get origin(): string {
    return this.baseUrl;
  }

  get requests(): readonly RecordedRequest[] {
    return this.log;
  }

  /** fetch-compatible; the client keeps its real URL, the request lands here. */
  readonly fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return fetch(`${this.baseUrl}/${url.host}${url.pathname}${url.search}`, init);
  };

  injectFault(fault: Fault, target: FaultTarget = {}, times = 1): void {
    this.faults.push({ fault, target, left: times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  clearRequests(): void {
    this.log.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeFault(req: FakeRequest): Fault | undefined {
    const i = this.faults.findIndex((f) => matches(f.target, req));
    if (i < 0) return undefined;
    const entry = this.faults[i]!;
    entry.left -= 1;
    if (entry.left <= 0) this.faults.splice(i, 1);
    return entry.fault;
  }

  private async serve(req: http.IncomingMessage, body: string, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const { host, path } = splitHost(url.pathname);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k.toLowerCase()] = v;
    const rawQuery = url.search.startsWith("?") ? url.search.slice(1) : url.search;
    const fakeReq: FakeRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      host,
      path,
      rawQuery,
      query: Object.fromEntries(new URLSearchParams(rawQuery)),
      headers,
      body,
    };
    const isForm = (headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
    const record: RecordedRequest = {
      method: fakeReq.method,
      host,
      path,
      params: { ...parseParams(rawQuery), ...(isForm ? parseParams(body) : {}) },
      status: 0,
      faulted: false,
    };
    this.log.push(record);

    const fault = this.takeFault(fakeReq);
    if (fault?.kind === "disconnect") {
      record.faulted = true;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "status") {
      record.faulted = true;
      record.status = fault.status;
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      res.end(fault.body ?? "{}");
      return;
    }
    if (fault?.kind === "body") {
      record.faulted = true;
      record.status = fault.status ?? 200;
      res.writeHead(record.status, { "content-type": fault.contentType ?? "application/json" });
      res.end(fault.raw);
      return;
    }
    if (fault?.kind === "delay") {
      record.faulted = true;
      await sleep(fault.ms);
      // The client gave up long ago; answering a closed socket is harmless but pointless.
      if (res.destroyed || req.socket.destroyed) return;
    }

    const reply = await this.handler(fakeReq);
    let json = reply.json;
    if (fault?.kind === "transform" && reply.raw === undefined) {
      record.faulted = true;
      json = fault.transform(structuredClone(json));
    }
    record.status = reply.status;
    const text = reply.raw ?? JSON.stringify(json);
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(text);
  }
}
