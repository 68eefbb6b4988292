import { describe, expect, it } from "vitest";
import { okxAuthHeaders, okxSignature } from "./sign";

// venue-apis.md §2.2: the OKX docs' example secret and pre-hash shapes ([SELF] vectors, Node and openssl agree).
const SECRET = "22582BD0CFF14C41EDBF1AB98506286D";
const TS = "2020-12-08T09:08:57.715Z";

describe("okxSignature", () => {
  it.each([
    ["GET", "/api/v5/account/balance?ccy=BTC", "", "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY="],
    ["GET", "/api/v5/account/balance", "", "AkD5YszBhggtIyjDlmTy/9PpNVntel+1Lff8wh0qpQw="],
    ["POST", "/api/v5/account/set-leverage", '{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}', "eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8="],
  ])("%s %s matches the vector", (method, path, body, sign) => {
    expect(okxSignature({ secretKey: SECRET, timestamp: TS, method, pathWithQuery: path, body })).toBe(sign);
  });

  it("puts the ISO timestamp with milliseconds in the headers and adds the project only when set", () => {
    const h = okxAuthHeaders({
      apiKey: "k",
      secretKey: SECRET,
      passphrase: "p",
      method: "get",
      pathWithQuery: "/api/v5/account/balance?ccy=BTC",
      body: "",
      now: new Date(TS),
    });
    expect(h).toEqual({
      "OK-ACCESS-KEY": "k",
      "OK-ACCESS-SIGN": "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=",
      "OK-ACCESS-TIMESTAMP": TS,
      "OK-ACCESS-PASSPHRASE": "p",
    });
    expect(okxAuthHeaders({ apiKey: "k", secretKey: SECRET, passphrase: "p", projectId: "proj-1", method: "GET", pathWithQuery: "/x", body: "", now: new Date(TS) })["OK-ACCESS-PROJECT"]).toBe("proj-1");
  });
});
