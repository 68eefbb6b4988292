import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { generatedSecret } from "./generated-secret";

/**
 * Venue credentials at rest: AES-256-GCM, one random IV per value, the auth tag checked
 * on every read. Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url). Decrypted only
 * inside a sync or a connection test, never returned to a browser or logged.
 */
const VERSION = "v1";

export class CredentialsKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialsKeyError";
  }
}

function parseKey(b64: string, source: string): Buffer {
  const key = Buffer.from(b64.trim(), "base64");
  if (key.length !== 32) throw new CredentialsKeyError(`${source} must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

let cachedKey: Buffer | undefined;

/**
 * The key from CREDENTIALS_KEY, or from the key file; the embedded default generates the
 * file (mode 0600) on first use and says so once.
 */
export function credentialsKey(): Buffer {
  if (cachedKey) return cachedKey;
  const e = env();
  if (e.CREDENTIALS_KEY) return (cachedKey = parseKey(e.CREDENTIALS_KEY, "CREDENTIALS_KEY"));
  const file = e.CREDENTIALS_KEY_FILE;
  const b64 = generatedSecret(file, (abs) => `Generated a new credentials encryption key at ${abs} (mode 0600). Back it up: without it stored API keys cannot be read.`);
  return (cachedKey = parseKey(b64, file));
}

export function encryptCredentials(value: unknown, key: Buffer = credentialsKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptCredentials(sealed: string, key: Buffer = credentialsKey()): unknown {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new CredentialsKeyError("stored credentials are not in a known format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8"));
  } catch {
    // Never echo the ciphertext or the cause: it says nothing useful and may leak.
    throw new CredentialsKeyError("stored credentials could not be decrypted: wrong CREDENTIALS_KEY or tampered value");
  }
}
