import { createHmac } from "node:crypto";

/**
 * OK-ACCESS-SIGN, as OKX v5 and OKX Web3 define it: Base64(HMAC-SHA256(secret,
 * timestamp + METHOD + requestPath (query included) + body)), timestamp in ISO-8601 with
 * milliseconds.
 */
export function okxSignature(p: { secretKey: string; timestamp: string; method: string; pathWithQuery: string; body: string }): string {
  return createHmac("sha256", p.secretKey)
    .update(p.timestamp + p.method.toUpperCase() + p.pathWithQuery + p.body, "utf8")
    .digest("base64");
}

export function okxAuthHeaders(p: {
  apiKey: string;
  secretKey: string;
  passphrase: string;
  projectId?: string;
  method: string;
  pathWithQuery: string;
  body: string;
  now: Date;
}): Record<string, string> {
  const timestamp = p.now.toISOString();
  return {
    "OK-ACCESS-KEY": p.apiKey,
    "OK-ACCESS-SIGN": okxSignature({ secretKey: p.secretKey, timestamp, method: p.method, pathWithQuery: p.pathWithQuery, body: p.body }),
    "OK-ACCESS-TIMESTAMP": timestamp,
    "OK-ACCESS-PASSPHRASE": p.passphrase,
    ...(p.projectId ? { "OK-ACCESS-PROJECT": p.projectId } : {}),
  };
}
