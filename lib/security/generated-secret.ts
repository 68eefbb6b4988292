import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A secret the embedded default makes for itself: read from `file`, or generated there once
 * (32 random bytes, base64, mode 0600) and announced, so a fresh install needs no setup.
 * Two processes starting at once agree: the second finds the first one's file.
 */
export function generatedSecret(file: string, announce: (file: string) => string): string {
  const abs = path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
  if (!fs.existsSync(abs)) {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    try {
      fs.writeFileSync(abs, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
      console.warn(announce(abs));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return fs.readFileSync(abs, "utf8").trim();
}
