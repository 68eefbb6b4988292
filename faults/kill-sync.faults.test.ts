import { describe, expect, it } from "vitest";
import { killScenario, type KillReport } from "./kill-scenario";

// kill -9 at seeded random points, most of them inside the run's transaction (see
// docs/architecture.md, "Fault suite"). Each report is printed: the kills, how many landed
// inside an open transaction, the time taken.
function expectReport(r: KillReport, minKills: number) {
  console.log(`fault suite: ${JSON.stringify(r)}`);
  expect(r.kills).toBeGreaterThanOrEqual(minKills);
  // A clear majority inside the transaction: the point of the suite.
  expect(r.insideTransaction / r.kills).toBeGreaterThan(0.6);
  // The server's own view, asked just before each kill: a majority of open transactions too.
  if (r.confirmedByServer !== null) expect(r.confirmedByServer / r.kills).toBeGreaterThan(0.5);
}

describe("kill -9 during a sync (the sync service in a child process)", () => {
  it("loses and duplicates nothing, leaves no batch running and no cursor ahead, and the chain verifies", async () => {
    expectReport(await killScenario({ mode: "sync", instants: 5, killsPerInstant: 5, seed: 17 }), 25);
  }, 1_200_000);
});

describe("kill -9 of the server process during a Resync (requestResync in a child process)", () => {
  it("loses and duplicates nothing, leaves no batch running and no cursor ahead, and the chain verifies", async () => {
    expectReport(await killScenario({ mode: "resync", instants: 2, killsPerInstant: 5, seed: 1717 }), 10);
  }, 900_000);
});
