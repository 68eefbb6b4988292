import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";

/**
 * For tests that go through the connector factory: a random CREDENTIALS_KEY for this test
 * file, so nothing writes a key file, restored afterwards. Call at the top of the file,
 * before anything reads the environment.
 */
export function withTestCredentialsKey(): void {
  const before = process.env.CREDENTIALS_KEY;
  beforeAll(() => {
    process.env.CREDENTIALS_KEY = randomBytes(32).toString("base64");
  });
  afterAll(() => {
    if (before === undefined) delete process.env.CREDENTIALS_KEY;
    else process.env.CREDENTIALS_KEY = before;
  });
}
