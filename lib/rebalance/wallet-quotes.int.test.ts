// The preview with dry-run quotes, end to end: an OKX Web3 connection added and synced
// against the fake OKX Web3 server (real HTTP, signatures checked), targets saved for it,
// and buildRebalancePreview({ withQuotes: true }) asking the fake DEX aggregator for each
// wallet leg. Each leg is quoted or fails with its reason; the aggregate slippage is the
// value-weighted |impact| of the quoted legs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { replaceRebalanceTargets } from "@/db/queries/rebalance-targets";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import { withTestCredentialsKey } from "@/lib/connectors/http/test-support";
import { FAKE_OKX_WEB3, type FakeOkxWeb3, startFakeOkxWeb3 } from "@/lib/connectors/okx-web3/testing/fake-okx-web3";
import { D, sum } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import { buildRebalancePreview } from "./preview";

withTestCredentialsKey();

const at = new Date("2026-11-20T10:00:00Z");
let fake: FakeOkxWeb3;
let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  fake = await startFakeOkxWeb3({ now: () => at });
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const added = await addConnection(
    h.db,
    {
      ownerId,
      label: "Wallets",
      provider: "okx_web3",
      credentials: { apiKey: FAKE_OKX_WEB3.apiKey, secretKey: FAKE_OKX_WEB3.secretKey, passphrase: FAKE_OKX_WEB3.passphrase },
      config: { baseUrl: fake.baseUrl, wallets: [{ address: FAKE_OKX_WEB3.evm, chains: ["1", "42161"], label: "Treasury" }] },
    },
    { now: () => at },
  );
  connectionId = added.id;
  await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at });
  // ETH 1.75 of ~10k USD is over half: a 20 % target sells ETH (from the Ethereum wallet, the
  // largest holding) and buys UNI (held on Ethereum) and USDC (no other stablecoin to pay with:
  // fails); the untargeted PEPE (no route at the fake: fails) and bridged USDC.e are sold.
  await replaceRebalanceTargets(h.db, {
    ownerId,
    portfolioKey: `connection:${connectionId}`,
    targets: [
      { asset: "ETH", weight: "0.2", band: "0.01" },
      { asset: "UNI", weight: "0.2", band: "0.01" },
      { asset: "USDC", weight: "0.6", band: "0.01" },
    ],
    updatedBy: null,
    at,
  });
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

describe("buildRebalancePreview with quotes on OKX Web3 wallets", () => {
  it("quotes each wallet leg through the signed DEX quote, fails the one it cannot route, and sums the slippage", async () => {
    const preview = await buildRebalancePreview(h.db, { ownerId, baseCurrency: "USD", selection: { kind: "connection", connectionId }, withQuotes: true }, { now: () => at });
    const legs = Object.fromEntries(preview.legs.map((l) => [`${l.asset}:${l.side}`, l]));
    const bridged = "USDC:0xff970a61a04b1ca14834a43f5de4533ebddb5cc8:sell";
    expect(Object.keys(legs).sort()).toEqual(["ETH:sell", "PEPE:sell", "UNI:buy", "USDC:0xff970a61a04b1ca14834a43f5de4533ebddb5cc8:sell", "USDC:buy"]);
    expect(legs["ETH:sell"]!.accountName).toMatch(/^Ethereum /);
    expect(legs["ETH:sell"]!.quote).toMatchObject({ status: "quoted", fromSymbol: "ETH", toSymbol: "USDC", networkFeeUsd: "1.25" });
    expect(legs["UNI:buy"]!.quote).toMatchObject({ status: "quoted", fromSymbol: "USDC", toSymbol: "UNI" });
    expect(legs["USDC:buy"]!.quote).toMatchObject({ status: "failed", message: "USDC is what this wallet's sells settle in; no other stablecoin (USDC, USDT, DAI) is held in this wallet on this chain to quote with" });
    expect(legs["PEPE:sell"]!.quote).toMatchObject({ status: "failed", message: expect.stringContaining("code 82000: Insufficient liquidity") });
    expect(legs[bridged]!.accountName).toMatch(/^Arbitrum One /);
    expect(legs[bridged]!.quote).toMatchObject({ status: "quoted", chainIndex: "42161", fromAmount: "40.25", networkFeeUsd: "0.02" });
    for (const l of preview.legs) expect(l.feeSource).toContain("DEX swap");

    const quoted = preview.legs.map((l) => l.quote).filter((q) => q?.status === "quoted") as Array<{ valueUsd: string; priceImpactPercent: string }>;
    const value = sum(quoted.map((q) => q.valueUsd));
    const lost = sum(quoted.map((q) => new D(q.valueUsd).times(new D(q.priceImpactPercent).abs()).div(100)));
    expect(preview.quotes).toEqual({
      quoted: 3,
      failed: 2,
      aggregatePriceImpactPercent: lost.div(value).times(100).toFixed(),
      expectedSlippageUsd: lost.toFixed(),
      // 1.25 + 1.25 on Ethereum, 0.02 on Arbitrum.
      networkFeeUsd: "2.52",
    });
    expect(fake.received.filter((r) => r.path === "/api/v6/dex/aggregator/quote")).toHaveLength(4);
  });

  it("without quotes, the fake is not asked and no leg carries one", async () => {
    const asked = fake.received.length;
    const preview = await buildRebalancePreview(h.db, { ownerId, baseCurrency: "USD", selection: { kind: "connection", connectionId } });
    expect(preview.quotes).toBeNull();
    expect(preview.legs.every((l) => l.quote === null)).toBe(true);
    expect(fake.received.length).toBe(asked);
  });
});
