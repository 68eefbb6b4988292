import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";

/**
 * zod schemas of the raw OKX v5 answers this connector reads, one per endpoint. Every
 * answer is the envelope {"code":"0","msg":"","data":[…]} (ccxt has already raised on any
 * other code). All numbers are strings, and "" stands for "not applicable".
 */
const dec = z.string().refine(isDecimalString, { message: "not a decimal string" });
/** A decimal, or "" where OKX has nothing to say. */
const optDec = z.union([z.literal(""), dec]);
const millis = z.string().regex(/^\d+$/).transform((v) => Number(v));
const text = z.string().min(1);

const envelope = <T extends z.ZodType>(item: T) => z.object({ code: z.literal("0"), data: z.array(item) });

// GET /api/v5/account/config
export const accountConfigSchema = envelope(
  z.object({ uid: text, acctLv: z.string(), posMode: z.string(), perm: z.string() }),
);

// GET /api/v5/account/balance
export const tradingBalanceSchema = envelope(
  z.object({
    totalEq: dec,
    upl: optDec.default(""),
    details: z.array(
      z.object({ ccy: text, eq: dec, cashBal: dec, availBal: optDec, availEq: optDec.default(""), frozenBal: optDec, upl: optDec.default(""), imr: optDec.default(""), mmr: optDec.default("") }),
    ),
  }),
);
export type TradingDetail = z.infer<typeof tradingBalanceSchema>["data"][number]["details"][number];

// GET /api/v5/asset/balances
export const fundingBalanceSchema = envelope(z.object({ ccy: text, bal: dec, availBal: dec, frozenBal: dec }));
export type FundingRow = z.infer<typeof fundingBalanceSchema>["data"][number];

// GET /api/v5/account/positions
export const positionsSchema = envelope(
  z.object({
    instType: z.enum(["MARGIN", "SWAP", "FUTURES", "OPTION"]),
    instId: text,
    mgnMode: z.string(),
    posSide: z.enum(["net", "long", "short"]),
    pos: dec,
    posCcy: z.string().default(""),
    avgPx: optDec,
    markPx: optDec,
    upl: optDec,
    lever: optDec,
    liqPx: optDec,
  }),
);
export type OkxPosition = z.infer<typeof positionsSchema>["data"][number];

export const orderSchema = z.object({
  instType: z.enum(["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"]),
  instId: text,
  ordId: z.string().regex(/^\d+$/),
  clOrdId: z.string(),
  px: optDec,
  sz: dec,
  ordType: text,
  side: z.enum(["buy", "sell"]),
  tgtCcy: z.string().default(""),
  accFillSz: dec,
  avgPx: optDec,
  state: z.enum(["live", "partially_filled", "filled", "canceled", "mmp_canceled"]),
  cTime: millis,
  uTime: millis,
});
export type OkxOrder = z.infer<typeof orderSchema>;
// GET /api/v5/trade/orders-pending, /api/v5/trade/orders-history, /api/v5/trade/orders-history-archive, /api/v5/trade/order
export const ordersSchema = envelope(orderSchema);

// GET /api/v5/trade/fills, GET /api/v5/trade/fills-history
export const fillsSchema = envelope(
  z.object({
    instType: z.enum(["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"]),
    instId: text,
    tradeId: text,
    ordId: text,
    clOrdId: z.string(),
    billId: z.string().regex(/^\d+$/),
    fillPx: dec,
    fillSz: dec,
    side: z.enum(["buy", "sell"]),
    execType: z.string(),
    fee: optDec,
    feeCcy: z.string(),
    ts: millis,
  }),
);
export type OkxFill = z.infer<typeof fillsSchema>["data"][number];

// GET /api/v5/market/tickers?instType=SPOT
export const tickersSchema = envelope(z.object({ instId: text, last: optDec, ts: millis }));

// GET /api/v5/market/index-tickers?quoteCcy=USD
export const indexTickersSchema = envelope(z.object({ instId: text, idxPx: optDec, ts: millis }));

/** Text OKX may leave empty: "" becomes absent. */
const optText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

// GET /api/v5/asset/deposit-history (funding account; newest first, `after`/`before` on ts)
export const depositHistorySchema = envelope(
  z.object({
    depId: text,
    ccy: text,
    chain: optText,
    amt: dec,
    /** For a transfer from another OKX account: its email, phone or name; else "". */
    from: optText,
    to: optText,
    txId: optText,
    ts: millis,
    state: z.string().regex(/^-?\d+$/),
    /** Set when the deposit is another OKX account's internal-transfer withdrawal. */
    fromWdId: optText,
  }),
);
export type OkxDepositRow = z.infer<typeof depositHistorySchema>["data"][number];

// GET /api/v5/asset/withdrawal-history (funding account; newest first, `after`/`before` on ts)
export const withdrawalHistorySchema = envelope(
  z.object({
    wdId: text,
    ccy: text,
    chain: optText,
    amt: dec,
    to: optText,
    /** "" for an internal transfer to another OKX account. */
    txId: optText,
    fee: optDec.optional(),
    feeCcy: optText,
    ts: millis,
    state: z.string().regex(/^-?\d+$/),
  }),
);
export type OkxWithdrawalRow = z.infer<typeof withdrawalHistorySchema>["data"][number];

// GET /api/v5/trade/orders-algo-pending (untriggered algo orders: stop, take-profit, trigger,
// trailing, iceberg, TWAP, chase). Only what names and counts them is read: they are not
// orders until they trigger (see the connector's readCoverage).
export const algoOrdersSchema = envelope(z.object({ algoId: text, instId: text, ordType: text, state: text }));
