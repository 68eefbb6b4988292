// What the transfers page's action and route do for someone allowed to use them, through the
// real action client and route guard. Their refusals (401, 403, 404) are in
// lib/access/entry-points.int.test.ts; the matcher's rules in lib/engines/transfers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/cash-flows/transfers/route";
import { openAccessWorld, type AccessWorld } from "@/lib/access/test-support";
import { transferMatchPageSchema } from "@/lib/read-models/transfer-match-schemas";
import { undoTransferMatch } from "./transfer-matches";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));

let w: AccessWorld;
beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => {
  await w?.handle.close();
});

const list = async (query = "") => {
  const res = await GET(new Request(`http://localhost/api/cash-flows/transfers${query}`, { headers: { cookie: w.cookie.viewer } }));
  expect(res.status).toBe(200);
  return transferMatchPageSchema.parse(await res.json());
};

describe("GET /api/cash-flows/transfers", () => {
  it("lists the workspace's 1 match with both legs (0.5 BTC out and in, tx 0xworld), never the other workspace's", async () => {
    const page = await list();
    expect(page.rows.map((r) => r.id)).toEqual([w.personal.transferMatchId]);
    expect(page.rows[0]).toMatchObject({
      state: "live",
      method: "tx_id",
      matchedBy: null,
      out: { connectionLabel: "Demo", holder: "Main", asset: "BTC", amount: "0.5", txId: "0xworld" },
      in: { connectionLabel: "Demo", amount: "0.5" },
    });
    expect(page).toMatchObject({ nextCursor: null, prevCursor: null });
  });
});

describe("undoTransferMatch", () => {
  it("undoes it for a member: the answer names the match and where flows changed; the list shows it undone by 'member'", async () => {
    currentCookie = w.cookie.member;
    const answer = await undoTransferMatch({ matchId: w.personal.transferMatchId });
    expect(answer.data).toEqual({ matchId: w.personal.transferMatchId, changedFrom: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((await list()).rows[0]).toMatchObject({ state: "undone", undoneBy: "member" });
    expect((await list("?state=live")).rows).toEqual([]);
    expect((await list("?state=undone")).rows).toHaveLength(1);
  });

  it("refuses a second undo (409, already undone)", async () => {
    currentCookie = w.cookie.member;
    const answer = await undoTransferMatch({ matchId: w.personal.transferMatchId });
    expect(answer.serverError).toEqual({ status: 409, message: "This match is already undone: both flows count as the workspace's again" });
  });
});
