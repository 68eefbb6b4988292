import type { z } from "zod";
import { ConnectorError } from "@/lib/connectors/errors";
import type { RawCapture } from "@/lib/connectors/types";
import { toConnectorError } from "./errors";

/**
 * One venue read = one implicit ccxt call, its raw answer validated against the
 * endpoint's zod schema and kept as a `RawCapture` for the audit trail. Any failure leaves
 * as a `ConnectorError`.
 */
export interface VenueReaderOptions {
  provider: string;
  secrets: readonly string[];
  now: () => Date;
  defaultRetryAfterSeconds: number;
  timeoutMs: number;
}

export interface ReadResult<T> {
  data: T;
  raw: RawCapture;
}

export class VenueReader {
  constructor(private readonly o: VenueReaderOptions) {}

  /** Runs `fn`, mapping anything it throws to a ConnectorError labelled `endpoint`. */
  async guard<T>(endpoint: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.error(e, endpoint);
    }
  }

  error(e: unknown, endpoint?: string): ConnectorError {
    return toConnectorError(e, {
      provider: this.o.provider,
      endpoint,
      secrets: this.o.secrets,
      defaultRetryAfterSeconds: this.o.defaultRetryAfterSeconds,
      timeoutMs: this.o.timeoutMs,
    });
  }

  /** `endpoint` is "METHOD /path" of the request `call` makes; it labels the capture and errors. */
  async read<S extends z.ZodType>(endpoint: string, schema: S, call: () => Promise<unknown>): Promise<ReadResult<z.output<S>>> {
    const body = await this.guard(endpoint, call);
    return { data: this.parse(endpoint, schema, body), raw: { endpoint, at: this.o.now(), body } };
  }

  parse<S extends z.ZodType>(endpoint: string, schema: S, body: unknown): z.output<S> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    // Path and zod's message only: a received value could be anything the venue sent.
    throw new ConnectorError({
      kind: "bad_response",
      provider: this.o.provider,
      endpoint,
      message: `unexpected answer shape at ${[...issue.path].join(".") || "(root)"}: ${issue.message}`,
    });
  }

  fail(endpoint: string, message: string): ConnectorError {
    return new ConnectorError({ kind: "bad_response", provider: this.o.provider, endpoint, message });
  }
}
