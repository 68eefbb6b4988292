import { describe, expect, it } from "vitest";
import { MAX_RAW_BODY_BYTES, prepareRawBody } from "./raw-body";

describe("prepareRawBody", () => {
  it("keeps a small body as it is and measures its JSON text in bytes ({\"a\":\"é\"} = 10 bytes)", () => {
    expect(prepareRawBody({ a: "é" })).toEqual({ body: { a: "é" }, bytes: 10, truncated: false });
  });

  it("writes BigInts as their digits and replaces NUL characters jsonb would reject", () => {
    expect(prepareRawBody({ t: 1700000000123456789n, s: "a\u0000b" }).body).toEqual({ t: "1700000000123456789", s: "a\uFFFDb" });
  });

  it("blanks long credential-looking fields but keeps a short coin name in `token`", () => {
    const body = prepareRawBody({ accessToken: "eyJhbGciOiJIUzI1NiJ9.payload", token: "ETH", nested: [{ apiKey: "k".repeat(64) }] }).body;
    expect(body).toEqual({ accessToken: "[redacted]", token: "ETH", nested: [{ apiKey: "[redacted]" }] });
  });

  it(`a body over ${MAX_RAW_BODY_BYTES} bytes keeps only its head, marked truncated with the full size`, () => {
    const big = ["x".repeat(MAX_RAW_BODY_BYTES)];
    const r = prepareRawBody(big);
    expect(r.truncated).toBe(true);
    expect(r.bytes).toBe(MAX_RAW_BODY_BYTES + 4); // ["…"] adds 4 bytes
    const head = (r.body as { truncated: boolean; bytes: number; head: string }).head;
    expect(r.body).toMatchObject({ truncated: true, bytes: MAX_RAW_BODY_BYTES + 4 });
    expect(head).toHaveLength(MAX_RAW_BODY_BYTES);
    expect(head.startsWith('["xxx')).toBe(true);
  });

  it("an undefined body is stored as JSON null", () => {
    expect(prepareRawBody(undefined)).toEqual({ body: null, bytes: 4, truncated: false });
  });
});
