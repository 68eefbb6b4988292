import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake Telegram Bot API over real HTTP, for grammY's `client.apiRoot`: POST
 * /bot<token>/<method> with a JSON or multipart body, answered in the Bot API's envelope
 * ({ ok, result } or { ok: false, error_code, description, parameters }). It checks what the
 * real one checks and a test would otherwise miss: the token (401), a text within 4096
 * characters, and MarkdownV2 that parses (every special character outside an entity
 * escaped), with "can't parse entities" as Telegram words it.
 */
export interface RecordedCall {
  token: string;
  method: string;
  payload: Record<string, unknown>;
  /** The uploaded file of a sendPhoto, when one was sent as multipart. */
  file?: Buffer;
}

type Failure = { error_code: number; description: string; parameters?: { retry_after?: number } };

const SPECIAL = new Set("_*[]()~`>#+-=|{}.!".split(""));

/** Telegram's MarkdownV2 rules, as far as the bot uses them: escapes, *bold* and `code`. Returns the problem or null. */
export function markdownV2Problem(text: string): string | null {
  let bold = false;
  let code = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") {
      if (i + 1 >= text.length) return "Can't parse entities: a lone backslash at the end";
      i++;
      continue;
    }
    if (code) {
      if (c === "`") code = false;
      continue;
    }
    if (c === "`") code = true;
    else if (c === "*") bold = !bold;
    else if (SPECIAL.has(c)) return `Can't parse entities: character '${c}' is reserved and must be escaped with the preceding '\\'`;
  }
  if (bold || code) return "Can't parse entities: can't find end of the entity";
  return null;
}

/**
 * multipart/form-data as grammY writes it (RFC 7578): parts between "--boundary" lines,
 * each with a Content-Disposition naming the field and, for a file, its filename.
 */
function multipartParts(raw: Buffer, contentType: string): Array<{ name: string; filename: string | null; body: Buffer }> {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new Error("multipart without a boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Array<{ name: string; filename: string | null; body: Buffer }> = [];
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === "--") break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = raw.subarray(start, next);
    const headerEnd = chunk.indexOf("\r\n\r\n");
    const head = chunk.subarray(0, headerEnd).toString("utf8");
    // The body ends before the CRLF that precedes the next delimiter.
    const body = chunk.subarray(headerEnd + 4, chunk.length - 2);
    const name = /;\s*name="([^"]*)"/.exec(head)?.[1] ?? "";
    // grammY writes the filename unquoted (filename=equity.png); browsers quote it.
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]*))/.exec(head);
    parts.push({ name, filename: filename ? (filename[1] ?? filename[2] ?? "") : null, body });
    at = next;
  }
  return parts;
}

export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  private readonly tokens: Set<string>;
  private readonly updates: Array<{ token: string; update: Record<string, unknown> }> = [];
  private readonly failures: Array<{ method: string; failure: Failure }> = [];
  private server?: http.Server;
  private nextMessageId = 1;
  apiRoot = "";

  constructor(tokens: string[]) {
    this.tokens = new Set(tokens);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Queues an update for getUpdates (polling). */
  queueUpdate(token: string, update: Record<string, unknown>): void {
    this.updates.push({ token, update });
  }

  /** The next call of `method` fails with this answer (a 429 with retry_after, a 400…). */
  failNext(method: string, failure: Failure): void {
    this.failures.push({ method, failure });
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    if (!m || req.method !== "POST") return send(404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = m as unknown as [string, string, string];
    if (!this.tokens.has(token)) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers["content-type"] ?? "";
    let payload: Record<string, unknown> = {};
    let file: Buffer | undefined;
    if (type.startsWith("multipart/form-data")) {
      for (const part of multipartParts(raw, type)) {
        if (part.filename !== null) file = part.body;
        else {
          const v = part.body.toString("utf8");
          payload[part.name] = /^[[{]/.test(v) ? JSON.parse(v) : v;
        }
      }
      // grammY sends the file as a part named by a random id and the field as "attach://<id>".
      for (const [k, v] of Object.entries(payload)) if (typeof v === "string" && v.startsWith("attach://")) payload[k] = "[file]";
    } else if (raw.length > 0) {
      payload = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    }
    this.calls.push({ token, method, payload, file });

    const failureAt = this.failures.findIndex((f) => f.method === method);
    if (failureAt >= 0) {
      const { failure } = this.failures.splice(failureAt, 1)[0]!;
      return send(failure.error_code, { ok: false, ...failure });
    }
    const answer = await this.answer(token, method, payload, file);
    if ("failure" in answer) return send(answer.failure.error_code, { ok: false, ...answer.failure });
    return send(200, { ok: true, result: answer.result });
  }

  private async answer(token: string, method: string, p: Record<string, unknown>, file?: Buffer): Promise<{ result: unknown } | { failure: Failure }> {
    const bad = (description: string) => ({ failure: { error_code: 400, description: `Bad Request: ${description}` } });
    const ok = (result: unknown) => ({ result });
    switch (method) {
      case "getMe":
        return ok({ id: Number(token.split(":")[0]), is_bot: true, first_name: "Venuefolio", username: "venuefolio_test_bot" });
      case "setWebhook":
      case "deleteWebhook":
      case "answerCallbackQuery":
        return ok(true);
      case "getUpdates": {
        const offset = Number(p.offset ?? 0);
        const ready = () => this.updates.filter((u) => u.token === token && Number(u.update.update_id) >= offset);
        // A short long-poll: answer as soon as something is queued, else empty after a moment.
        for (let i = 0; i < 4 && ready().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
        return ok(ready().map((u) => u.update));
      }
      case "sendMessage":
      case "sendPhoto": {
        if (p.chat_id === undefined) return bad("chat_id is empty");
        const text = method === "sendMessage" ? p.text : p.caption;
        if (method === "sendMessage" && (typeof text !== "string" || text.length === 0)) return bad("message text is empty");
        if (typeof text === "string" && text.length > (method === "sendMessage" ? 4096 : 1024)) return bad("message is too long");
        if (p.parse_mode === "MarkdownV2" && typeof text === "string") {
          const problem = markdownV2Problem(text);
          if (problem) return bad(problem);
        }
        if (method === "sendPhoto" && !file) return bad("there is no photo in the request");
        return ok({ message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(p.chat_id), type: "private" }, text });
      }
      default:
        return bad(`method ${method} is not known to this fake`);
    }
  }
}
