import type { APIRequestContext } from "@playwright/test";

/**
 * The demo venue's connection. Specs that describe the demo's own fills and strategies read
 * through it: connections.spec adds a Binance connection with a year of fills and deletes it,
 * and a deleted connection's history stays in the workspace, read-only.
 */
export async function demoConnectionId(request: APIRequestContext): Promise<string> {
  const { connections } = (await (await request.get("/api/connections")).json()) as { connections: Array<{ id: string; provider: string }> };
  const demo = connections.find((c) => c.provider === "demo");
  if (!demo) throw new Error("the e2e workspace has no demo connection");
  return demo.id;
}
