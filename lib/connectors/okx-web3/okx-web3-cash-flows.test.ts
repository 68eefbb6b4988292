import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cashFlowSchema } from "../domain-schemas";
import { isExternalFlow } from "../types";
import { walletFlows } from "./cash-flows";
import { createOkxWeb3Connector } from "./index";
import type { TxRow } from "./schemas";
import type { OkxWeb3Config } from "./settings";
import { defaultTransactions, FAKE_OKX_WEB3, type FakeOkxWeb3, startFakeOkxWeb3 } from "./testing/fake-okx-web3";

const now = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
const EVM = FAKE_OKX_WEB3.evm.toLowerCase();
const COLD = FAKE_OKX_WEB3.evmCold.toLowerCase();
const SINCE = new Date("2026-11-13T00:00:00Z");
const tx = (n: string) => `0x1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8${n}`;
const USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
let fake: FakeOkxWeb3;
/** The fake checks request timestamps against its own clock: it moves with the connector's. */
let venueClock = now;

beforeAll(async () => {
  fake = await startFakeOkxWeb3({ now: () => venueClock });
});
afterAll(() => fake.close());
beforeEach(() => {
  venueClock = now;
  fake.received.length = 0;
  fake.transactions = defaultTransactions();
});

function connector(over: Partial<OkxWeb3Config> = {}, at: Date = now) {
  return createOkxWeb3Connector({
    credentials: { apiKey: FAKE_OKX_WEB3.apiKey, secretKey: FAKE_OKX_WEB3.secretKey, passphrase: FAKE_OKX_WEB3.passphrase },
    config: {
      baseUrl: fake.baseUrl,
      wallets: [
        { address: FAKE_OKX_WEB3.evm, chains: ["1", "42161"], label: "Hot" },
        { address: FAKE_OKX_WEB3.evmCold, chains: ["1"], label: "Cold" },
        { address: FAKE_OKX_WEB3.solana, chains: ["501"] },
      ],
      includeRiskTokens: false,
      ...over,
    },
    now: () => at,
    http: { timeoutMs: 500, sleep: async () => {} },
  });
}

const historyRequests = () => fake.received.filter((r) => r.path === "/api/v6/dex/post-transaction/transactions-by-address");

describe("OKX Web3 cash flows (transaction history of the tracked wallets)", () => {
  it("transfers into and out of each wallet are deposits and withdrawals, with the chain's status and the sender's fee", async () => {
    const { items } = await connector().fetchCashFlows({ since: SINCE });
    for (const f of items) expect(cashFlowSchema.safeParse(f).success).toBe(true);
    expect(items.map((f) => [f.accountUid, f.venueFlowId, f.kind, f.asset, f.amount, f.status, f.internal !== undefined])).toEqual([
      [`501:${FAKE_OKX_WEB3.solana}`, "4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZAMdL4VZHirAn7Np41oeYqPefeNQEHSv1UDhYrehxin3NStELsSKC:native", "deposit", "SOL", "10", "confirmed", false],
      [`42161:${EVM}`, "0x2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80901:native", "deposit", "ETH", "0.4", "confirmed", false],
      [`1:${EVM}`, `${tx("06")}:${USDC}`, "withdrawal", "USDC", "1000", "confirmed", true],
      [`1:${COLD}`, `${tx("06")}:${USDC}`, "deposit", "USDC", "1000", "confirmed", true],
      [`1:${EVM}`, `${tx("01")}:${USDC}`, "deposit", "USDC", "5000", "confirmed", false],
      [`1:${EVM}`, `${tx("02")}:native`, "deposit", "ETH", "2", "confirmed", false],
      [`1:${EVM}`, `${tx("03")}:native`, "withdrawal", "ETH", "0.5", "confirmed", false],
      [`1:${EVM}`, `${tx("04")}:${USDC}`, "withdrawal", "USDC", "1000", "failed", false],
      [`1:${EVM}`, `${tx("05")}:native`, "deposit", "ETH", "0.3", "pending", false],
    ]);
    const byKey = new Map(items.map((f) => [`${f.accountUid}|${f.venueFlowId}`, f]));
    expect(byKey.get(`1:${EVM}|${tx("03")}:native`)).toMatchObject({
      at: new Date("2026-11-19T15:00:00Z"),
      txId: tx("03"),
      network: "Ethereum",
      fee: "0.000441",
      feeAsset: "ETH",
      venueStatus: "success",
      description: "to 0x7777777777777777777777777777777777777777",
    });
    // The receiver pays no fee; a token withdrawal's gas is in the native coin.
    expect(byKey.get(`1:${EVM}|${tx("02")}:native`)!.fee).toBeUndefined();
    expect(byKey.get(`1:${EVM}|${tx("04")}:${USDC}`)).toMatchObject({ fee: "0.0003", feeAsset: "ETH" });
    expect(historyRequests().map((r) => [r.query.address, r.query.chains, r.query.limit])).toEqual([
      [EVM, "1", "20"],
      [EVM, "42161", "20"],
      [COLD, "1", "20"],
      [FAKE_OKX_WEB3.solana, "501", "20"],
    ]);
  });

  it("a transfer between two tracked wallets is internal on both legs and no external flow; swaps and blacklisted airdrops are not flows", async () => {
    const { items } = await connector().fetchCashFlows({ since: SINCE });
    const internal = items.filter((f) => f.venueFlowId === `${tx("06")}:${USDC}`);
    expect(internal.map((f) => f.internal)).toEqual([
      { counterpartyAccountUid: `1:${COLD}`, reason: "transfer between two tracked wallets" },
      { counterpartyAccountUid: `1:${EVM}`, reason: "transfer between two tracked wallets" },
    ]);
    expect(internal.some(isExternalFlow)).toBe(false);
    expect(items.some((f) => f.txId === tx("07"))).toBe(false);
    expect(items.some((f) => f.txId === tx("08"))).toBe(false);
    const withRisk = await connector({ includeRiskTokens: true }).fetchCashFlows({ since: SINCE });
    expect(withRisk.items.find((f) => f.txId === tx("08"))).toMatchObject({ kind: "deposit", asset: "FREE-AIRDROP", amount: "1000000" });
  });

  it("tracking only one side makes the same transfer an external withdrawal", async () => {
    const { items } = await connector({ wallets: [{ address: FAKE_OKX_WEB3.evm, chains: ["1"] }] }).fetchCashFlows({ since: SINCE });
    const out = items.find((f) => f.venueFlowId === `${tx("06")}:${USDC}`)!;
    expect(out.internal).toBeUndefined();
    expect(isExternalFlow(out)).toBe(true);
  });

  it("follows the cursor until the history ends", async () => {
    const base = fake.transactions.find((t) => t.txHash === tx("02"))!;
    for (let i = 0; i < 45; i++) {
      fake.transactions.push({ ...base, txHash: `0xfeed${String(i).padStart(60, "0")}`, amount: "0.01", txTime: String(now.getTime() - 3 * DAY + i * 60_000) });
    }
    const { items } = await connector({ wallets: [{ address: FAKE_OKX_WEB3.evm, chains: ["1"] }] }).fetchCashFlows({ since: SINCE });
    expect(items.filter((f) => f.txId?.startsWith("0xfeed"))).toHaveLength(45);
    const pages = historyRequests();
    expect(pages).toHaveLength(3);
    expect(pages[0]!.query.cursor).toBeUndefined();
    expect(pages[1]!.query.cursor).toBeTruthy();
  });

  it("a backfill reaches back only as far as the six months OKX keeps", async () => {
    const { items } = await connector().fetchCashFlows({ since: new Date("2026-01-01T00:00:00Z") });
    expect(items.some((f) => f.txId === tx("00"))).toBe(false);
    expect(Number(historyRequests()[0]!.query.begin)).toBe(now.getTime() - 180 * DAY);
  });

  it("a pending transfer is read again from `pendingSince` and comes back confirmed", async () => {
    const first = await connector().fetchCashFlows({ since: SINCE });
    const pending = first.items.find((f) => f.txId === tx("05"))!;
    expect(pending.status).toBe("pending");
    fake.transactions.find((t) => t.txHash === tx("05"))!.txStatus = "success";
    const later = new Date(now.getTime() + 3 * 3_600_000);
    const since = new Date(now.getTime() + 2 * 3_600_000);
    venueClock = later;
    expect((await connector({}, later).fetchCashFlows({ since })).items.some((f) => f.txId === tx("05"))).toBe(false);
    const again = await connector({}, later).fetchCashFlows({ since, pendingSince: pending.at });
    expect(again.items.find((f) => f.txId === tx("05"))).toMatchObject({ status: "confirmed", amount: "0.3" });
  });
});

describe("walletFlows on a UTXO chain", () => {
  const row = (from: Array<[string, string]>, to: Array<[string, string]>): TxRow => ({
    chainIndex: "0",
    txHash: "b1c2d3",
    itype: "0",
    txTime: now.getTime(),
    from: from.map(([address, amount]) => ({ address, amount })),
    to: to.map(([address, amount]) => ({ address, amount })),
    tokenContractAddress: "",
    amount: "1",
    symbol: "BTC",
    txFee: "0.0001",
    txStatus: "success",
    hitBlacklist: false,
  });
  const flows = (r: TxRow) => walletFlows({ chainIndex: "0", address: "bc1qself", rows: [{ row: r, raw: {} }], tracked: new Set(["bc1qself"]), includeRiskTokens: false });

  it("change returned to the sender is netted out, and the fee inside the inputs is taken off the amount", () => {
    const [f] = flows(row([["bc1qself", "1"]], [["bc1qother", "0.7099"], ["bc1qself", "0.29"]]));
    expect(f).toMatchObject({ kind: "withdrawal", amount: "0.7099", fee: "0.0001", feeAsset: "BTC", description: "to bc1qother" });
  });

  it("a consolidation of the wallet's own outputs moves nothing out", () => {
    expect(flows(row([["bc1qself", "1"]], [["bc1qself", "1"]]))).toEqual([]);
  });
});
