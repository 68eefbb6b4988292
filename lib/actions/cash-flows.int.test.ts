// The manual-flow actions through their guard: who may act, and how a refusal comes back
// (beside its field, or a 409 with the reason), with nothing saved when refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readCountedFlows } from "@/db/queries/cash-flows";
import { flowRowCount } from "@/lib/cash-flows/test-support";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
const actions = async (cookie: string) => {
  currentCookie = cookie;
  return import("./cash-flows");
};
const rows = () => flowRowCount(w.handle.db, w.personal.id);
const deposit = (amount: string) => ({ accountId: w.personal.accountId, kind: "deposit" as const, asset: "USD", amount, occurredAt: "2026-02-01T09:30:00.000Z" });

beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

describe("addFlow", () => {
  it("a viewer is refused (403, naming member) and nothing is saved", async () => {
    const before = await rows();
    const res = await (await actions(w.cookie.viewer)).addFlow(deposit("500"));
    expect(res.serverError).toEqual({ status: 403, message: "This needs the member role or higher; your role in Personal is viewer" });
    expect(await rows()).toBe(before);
  });

  it("a member adds a 500 USD deposit: answered with its id and the instant flows changed from", async () => {
    const res = await (await actions(w.cookie.member)).addFlow(deposit("500"));
    expect(res.data).toEqual({ flowId: expect.any(String), changedFrom: "2026-02-01T09:30:00.000Z" });
    const { counted } = await readCountedFlows(w.handle.db, { ownerId: w.personal.id, baseCurrency: "USD" });
    expect(counted.find((c) => c.id === res.data!.flowId)?.value).toBe("500");
  });

  it("0.2 BTC without a value comes back on the value field, and nothing is saved", async () => {
    const before = await rows();
    const res = await (await actions(w.cookie.member)).addFlow({ ...deposit("0.2"), asset: "BTC" });
    expect(res.data).toBeUndefined();
    expect(res.validationErrors).toEqual({ valueBase: { _errors: [expect.stringContaining("BTC is not the workspace's base currency (USD)")] } });
    expect(await rows()).toBe(before);
  });

  it("an amount of 0 is refused by the schema on Amount, before anything runs", async () => {
    const res = await (await actions(w.cookie.member)).addFlow(deposit("0"));
    expect(res.validationErrors).toMatchObject({ amount: { _errors: ["Amount: must be more than 0"] } });
  });
});

describe("reverseFlow and replaceFlow", () => {
  it("a flow reversed once; the second reversal is a 409 with the reason, and adds nothing", async () => {
    const a = await actions(w.cookie.member);
    const added = await a.addFlow(deposit("40"));
    const first = await a.reverseFlow({ flowId: added.data!.flowId, note: "duplicate" });
    expect(first.data).toEqual({ reversalId: expect.any(String), changedFrom: "2026-02-01T09:30:00.000Z" });
    const before = await rows();
    const second = await a.reverseFlow({ flowId: added.data!.flowId, note: "again" });
    expect(second.serverError).toEqual({ status: 409, message: expect.stringMatching(/^This flow was already reversed by member on .* UTC; a flow is reversed only once$/) });
    expect(await rows()).toBe(before);
  });

  it("the venue's 100 deposit replaced by 120: both rows answered, counted once as 120", async () => {
    const a = await actions(w.cookie.owner);
    const res = await a.replaceFlow({ flowId: w.personal.flowId, ...deposit("120"), note: "the statement says 120" });
    expect(res.data).toEqual({ reversalId: expect.any(String), replacementId: expect.any(String), changedFrom: expect.any(String) });
    const { counted } = await readCountedFlows(w.handle.db, { ownerId: w.personal.id, baseCurrency: "USD" });
    expect(counted.filter((c) => c.id === w.personal.flowId || c.id === res.data!.replacementId).map((c) => c.value)).toEqual(["120"]);
  });
});
