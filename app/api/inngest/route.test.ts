import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

const URL = "http://localhost:3000/api/inngest";

// lib/env caches its parse per module instance: a fresh module graph per test sees the stubbed env.
async function loadRoute(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  vi.resetModules();
  return import("./route");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const UNSET = { INNGEST_EVENT_KEY: undefined, INNGEST_SIGNING_KEY: undefined, INNGEST_DEV: undefined };

describe("/api/inngest", () => {
  it("answers 404 with the missing settings for GET, POST and PUT when Inngest is not configured", async () => {
    const route = await loadRoute(UNSET);
    const calls = [
      route.GET(new NextRequest(URL), undefined),
      route.POST(new NextRequest(`${URL}?fnId=venuefolio-sync-connection&stepId=step`, { method: "POST", body: "{}" }), undefined),
      route.PUT(new NextRequest(URL, { method: "PUT" }), undefined),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({
        error: "Inngest is not configured: set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV=1)",
      });
    }
  });

  it("serves Inngest's introspection when a dev server is configured", async () => {
    const route = await loadRoute({ ...UNSET, INNGEST_DEV: "1" });
    const res = await route.GET(new NextRequest(URL), undefined);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count?: number; mode?: string };
    expect(body.mode).toBe("dev");
    expect(body.function_count).toBeGreaterThan(1);
  });

  it("hands cloud-mode requests to Inngest when the keys are set (it refuses an unsigned one itself)", async () => {
    const route = await loadRoute({
      ...UNSET,
      INNGEST_EVENT_KEY: "test-event-key",
      INNGEST_SIGNING_KEY: `signkey-prod-${"ab".repeat(32)}`,
    });
    const res = await route.GET(new NextRequest(URL), undefined);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
  });
});
