import { describe, expect, it } from "vitest";
import { authLogger } from "./logger";

const BASE_URL_WARNING =
  "[better-auth] Base URL is not set. Set the baseURL option or BETTER_AUTH_URL env, or use a dynamic baseURL with allowedHosts for multi-host setups.";

function capture(baseURLSet: boolean) {
  const lines: string[] = [];
  const logger = authLogger({ baseURLSet, write: (level, line) => lines.push(`${level} ${line}`) });
  return { logger, lines };
}

describe("authLogger", () => {
  it("drops only the base-URL warning when the request origin is used on purpose", () => {
    const { logger, lines } = capture(false);
    logger.log("warn", BASE_URL_WARNING);
    logger.log("error", "Failed to create session");
    expect(lines).toEqual(["error [better-auth] Failed to create session"]);
  });

  it("keeps the base-URL warning when a base URL was configured (then it means something went wrong)", () => {
    const { logger, lines } = capture(true);
    logger.log("warn", BASE_URL_WARNING);
    expect(lines).toEqual([`warn ${BASE_URL_WARNING}`]);
  });
});
