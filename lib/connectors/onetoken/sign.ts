import { createHmac } from "node:crypto";

/**
 * 1Token CAM request signature: Base64(HMAC-SHA256(key = base64-decoded secret,
 * VERB + path + timestamp + body)), where `path` is below `/api/v1` with its query, the
 * timestamp is in whole seconds and `body` is the exact bytes sent ("" without one).
 */
export function oneTokenSignature(p: {
  secretBase64: string;
  verb: string;
  pathWithQuery: string;
  timestampSeconds: number;
  body: string;
}): string {
  const key = Buffer.from(p.secretBase64, "base64");
  const message = p.verb.toUpperCase() + p.pathWithQuery + String(p.timestampSeconds) + p.body;
  return createHmac("sha256", key).update(message, "utf8").digest("base64");
}

export function oneTokenAuthHeaders(p: {
  apiKey: string;
  secretBase64: string;
  verb: string;
  pathWithQuery: string;
  body: string;
  now: Date;
}): Record<string, string> {
  const timestampSeconds = Math.floor(p.now.getTime() / 1000);
  return {
    "Api-Key": p.apiKey,
    "Api-Timestamp": String(timestampSeconds),
    "Api-Signature": oneTokenSignature({ ...p, timestampSeconds }),
  };
}
