import { describe, expect, it } from "vitest";
import { stringifyJson } from "../http/lossless-json";
import { oneTokenAuthHeaders, oneTokenSignature } from "./sign";

// Worked vectors from shared/reference/venue-apis.md §4.2 (secret is base64 of "secret-for-testing-only").
const SECRET = "c2VjcmV0LWZvci10ZXN0aW5nLW9ubHk=";

describe("oneTokenSignature", () => {
  it("matches the GET list-portfolio vector", () => {
    expect(
      oneTokenSignature({
        secretBase64: SECRET,
        verb: "GET",
        pathWithQuery: "/fundv3/openapi/portfolio/list-portfolio",
        timestampSeconds: 1700000000,
        body: "",
      }),
    ).toBe("ZosZxdyxhZIEFVni9kibGI4CHXsG92YS5YdEVglsceU=");
  });

  it("matches the POST get-historical-nav vector, with the nanosecond body serialised from BigInt", () => {
    const body = stringifyJson({
      fund_name: "fund/abc123",
      start_time: 1700000000000000000n,
      end_time: 1700086400000000000n,
      frequency: "daily",
    });
    expect(
      oneTokenSignature({
        secretBase64: SECRET,
        verb: "POST",
        pathWithQuery: "/fundv3/openapi/portfolio/get-historical-nav",
        timestampSeconds: 1700000000,
        body,
      }),
    ).toBe("r16bo5RC+Yynf8oJlKeN8MV4WfkrFSR7kD4or2evqeo=");
  });

  it("puts whole seconds of the given clock in Api-Timestamp and signs the query with the path", () => {
    const h = oneTokenAuthHeaders({
      apiKey: "key-1",
      secretBase64: SECRET,
      verb: "GET",
      pathWithQuery: "/fundv3/openapi/portfolio/list-portfolio?department=dept-a",
      body: "",
      now: new Date(1700000000999),
    });
    expect(h["Api-Timestamp"]).toBe("1700000000");
    expect(h["Api-Key"]).toBe("key-1");
    expect(h["Api-Signature"]).not.toBe("ZosZxdyxhZIEFVni9kibGI4CHXsG92YS5YdEVglsceU=");
    expect(h["Api-Signature"]).toBe(
      oneTokenSignature({
        secretBase64: SECRET,
        verb: "GET",
        pathWithQuery: "/fundv3/openapi/portfolio/list-portfolio?department=dept-a",
        timestampSeconds: 1700000000,
        body: "",
      }),
    );
  });
});
