import { z } from "zod";
import { binanceConfigSchema, binanceCredentialsSchema } from "@/lib/connectors/binance/config";
import { DEFAULT_INITIAL_HISTORY_DAYS, initialHistoryDaysSchema } from "@/lib/connectors/ccxt/config";
import { demoConfigSchema } from "@/lib/connectors/demo/config";
import { growwConfigSchema, growwCredentialsSchema } from "@/lib/connectors/groww/settings";
import { ibkrConfigSchema, ibkrCredentialsSchema } from "@/lib/connectors/ibkr/settings";
import { okxConfigSchema, okxCredentialsSchema } from "@/lib/connectors/okx/config";
import { okxWeb3ConfigSchema, okxWeb3CredentialsSchema } from "@/lib/connectors/okx-web3/settings";
import { oneTokenConfigSchema, oneTokenCredentialsSchema } from "@/lib/connectors/onetoken/settings";
import type { ProviderId } from "@/lib/connectors/types";
import type { FieldText } from "./connection-form-fields";

/**
 * The add-connection wizard's providers: what each asks for and how to get it. The
 * settings a person may set are picked from the connector's own settings schema (the rest
 * keep their defaults, and a URL the server would call is never taken from the browser
 * except where the venue is the person's own: 1Token's tenant, restricted to 1Token's
 * domains, and an IBKR Client Portal gateway, which runs beside the app); credentials are
 * the connector's credentials schema as is. The same schemas check the browser's form and
 * the server action. This module is imported by the browser: it must stay free of
 * anything server-side.
 */
export interface ProviderForm {
  provider: ProviderId;
  name: string;
  /** What it reads, in a line. */
  summary: string;
  settings: z.ZodObject;
  credentials: z.ZodType<Record<string, string>>;
  /** Where to create a read-only key, and what to tick. */
  keyHelp: { where: string; steps: string[] } | null;
  text: Record<string, FieldText>;
}

const ONE_TOKEN_DOMAINS = [".1token.tech", ".1tokencam.com"];
const oneTokenAddress = oneTokenConfigSchema.shape.baseUrl.refine(
  (u) => {
    const url = new URL(u);
    return url.protocol === "https:" && ONE_TOKEN_DOMAINS.some((d) => `.${url.hostname}`.endsWith(d));
  },
  { message: "must be your tenant's 1Token address, https://<tenant>.1token.tech/api/v1" },
);

const environmentText = (venue: string, extra: Record<string, string>): FieldText => ({
  label: "Environment",
  help: `Live is your real ${venue} account; the others need keys created there.`,
  options: { live: "Live", ...extra },
});
const allowTradingText: FieldText = {
  label: "Allow a key that can trade or withdraw",
  help: "Off: such a key is refused. Venuefolio only reads; a leaked trading key can move money.",
};
const CHAINS: Record<string, string> = {
  "1": "Ethereum",
  "56": "BNB Chain",
  "137": "Polygon",
  "42161": "Arbitrum One",
  "10": "Optimism",
  "8453": "Base",
  "43114": "Avalanche C",
  "324": "zkSync Era",
  "59144": "Linea",
  "196": "X Layer",
  "501": "Solana",
  "195": "Tron",
  "0": "Bitcoin",
};

export const PROVIDER_FORMS = [
  {
    provider: "binance",
    name: "Binance",
    summary: "Spot, funding, USDⓈ-M and COIN-M futures: balances, positions, orders and fills.",
    settings: binanceConfigSchema
      .pick({ environment: true, allowTradingKeys: true })
      .extend({ initialHistoryDays: initialHistoryDaysSchema.default(DEFAULT_INITIAL_HISTORY_DAYS) })
      .strict(),
    credentials: binanceCredentialsSchema,
    keyHelp: {
      where: "binance.com → Account → API Management → Create API (system generated)",
      steps: [
        "Under API restrictions tick only “Enable Reading”.",
        "Leave “Enable Spot & Margin Trading”, “Enable Futures” and “Enable Withdrawals” unticked.",
        "Restrict access to trusted IPs (this server's) if you can.",
      ],
    },
    text: {
      environment: environmentText("Binance", { testnet: "Spot and futures testnet", demo: "Demo trading" }),
      allowTradingKeys: allowTradingText,
      initialHistoryDays: {
        label: "History to read on the first sync (days)",
        help: "Orders and fills this far back; the equity chart's past is rebuilt from them. A spot market's latest 1,000 trades come in one request; a busier market, and futures (a week per request), take longer, so a year can take a few minutes once.",
      },
      apiKey: { label: "API key" },
      secret: { label: "Secret key", help: "Shown once by Binance when the key is created." },
    },
  },
  {
    provider: "okx",
    name: "OKX",
    summary: "Trading and funding accounts: balances, positions, orders and fills.",
    settings: okxConfigSchema.pick({ environment: true, allowTradingKeys: true }).strict(),
    credentials: okxCredentialsSchema,
    keyHelp: {
      where: "okx.com → Profile → API keys → Create API key (for a demo key: Demo Trading → Personal center → Demo trading API)",
      steps: ["Permissions: tick only “Read”.", "Leave “Trade” and “Withdraw” unticked.", "Keep the passphrase: OKX asks for it with every call."],
    },
    text: {
      environment: { ...environmentText("OKX", { demo: "Demo trading" }), help: "Demo trading needs a key created under Demo Trading." },
      allowTradingKeys: allowTradingText,
      apiKey: { label: "API key" },
      secret: { label: "Secret key" },
      passphrase: { label: "Passphrase", help: "The passphrase you chose when creating the key." },
    },
  },
  {
    provider: "onetoken",
    name: "1Token",
    summary: "Funds, their trading accounts and NAV history from 1Token CAM.",
    settings: oneTokenConfigSchema.pick({ baseUrl: true, department: true, navFrequency: true }).extend({ baseUrl: oneTokenAddress }).strict(),
    credentials: oneTokenCredentialsSchema,
    keyHelp: {
      where: "1Token CAM → Settings → API keys (ask your 1Token administrator)",
      steps: ["Give the key read access only.", "If your funds are split by department, note the department id the key should see."],
    },
    text: {
      baseUrl: { label: "Tenant address", placeholder: "https://yourfund.1token.tech/api/v1", help: "Your tenant's API root, /api/v1 included." },
      department: { label: "Department", help: "Optional: scope every call to one 1Token department id." },
      navFrequency: { label: "NAV points", options: { daily: "Daily", hourly: "Hourly" } },
      apiKey: { label: "API key" },
      apiSecret: { label: "API secret", help: "Base64, as 1Token issues it." },
    },
  },
  {
    provider: "groww",
    name: "Groww",
    summary: "Indian equities and F&O: demat holdings, cash, positions and today's orders.",
    settings: growwConfigSchema.pick({ segments: true }).strict(),
    credentials: growwCredentialsSchema,
    keyHelp: {
      where: "groww.in → Profile → Settings → Trading APIs → Generate API keys",
      steps: [
        "An access token expires every day at 06:00 IST: paste a new one each day, or",
        "use an API key with its secret (approve it daily on Groww's API keys page) or with its TOTP secret, and Venuefolio mints the day's token itself.",
      ],
    },
    text: {
      segments: { label: "Segments", options: { CASH: "Cash (equity)", FNO: "F&O" } },
      mode: { label: "Sign in with", options: { access_token: "Today's access token", approval: "API key + secret (daily approval)", totp: "API key + TOTP secret" } },
      accessToken: { label: "Access token" },
      apiKey: { label: "API key" },
      apiSecret: { label: "API secret" },
      totpSecret: { label: "TOTP secret", help: "The base32 secret shown when the key was created." },
    },
  },
  {
    provider: "ibkr",
    name: "Interactive Brokers",
    summary: "Flex statements (positions, trades, cash, NAV), plus intraday data from a Client Portal gateway.",
    settings: ibkrConfigSchema.pick({ flexQueryId: true, gatewayUrl: true }).strict(),
    credentials: ibkrCredentialsSchema,
    keyHelp: {
      where: "IBKR Portal → Performance & Reports → Flex Queries",
      steps: [
        "Create an Activity Flex Query with Open Positions, Trades, Cash Report and Net Asset Value; note its Query ID.",
        "Under Flex Web Service Configuration, enable the service and copy the current token.",
        "Flex is read-only by design; a Client Portal gateway is optional and must run where this server can reach it.",
      ],
    },
    text: {
      flexQueryId: { label: "Flex Query ID", placeholder: "123456" },
      gatewayUrl: { label: "Client Portal gateway", placeholder: "https://localhost:5000/v1/api", help: "Optional: intraday positions, cash and orders." },
      flexToken: { label: "Flex Web Service token" },
    },
  },
  {
    provider: "okx_web3",
    name: "OKX Web3 wallets",
    summary: "On-chain wallet balances and DeFi positions, valued by OKX, one account per address and chain.",
    settings: okxWeb3ConfigSchema.pick({ wallets: true, includeRiskTokens: true }).strict(),
    credentials: okxWeb3CredentialsSchema,
    keyHelp: {
      where: "web3.okx.com → Developer Portal → API keys",
      steps: ["Create a key for the Wallet API (read-only by design).", "Copy the project id shown with it."],
    },
    text: {
      wallets: { label: "Wallet addresses", help: "One address per chain; add a row per chain an address holds funds on." },
      chains: { label: "Chain", options: CHAINS },
      includeRiskTokens: { label: "Include tokens OKX flags as risky", help: "Off: airdrop spam and honeypots are left out." },
      apiKey: { label: "API key" },
      secretKey: { label: "Secret key" },
      passphrase: { label: "Passphrase" },
      projectId: { label: "Project id", help: "Optional; sent as OK-ACCESS-PROJECT." },
    },
  },
  {
    provider: "demo",
    name: "Demo exchange",
    summary: "A simulated exchange with live-moving prices, orders and fills. No keys.",
    settings: demoConfigSchema.strict(),
    credentials: z.object({}).strict() as unknown as z.ZodType<Record<string, string>>,
    keyHelp: null,
    text: { seed: { label: "Seed", help: "Any text: each seed is a different fictional portfolio." } },
  },
] as const satisfies readonly ProviderForm[];

export type AddableProvider = (typeof PROVIDER_FORMS)[number]["provider"];
export const ADDABLE_PROVIDERS = PROVIDER_FORMS.map((f) => f.provider) as [AddableProvider, ...AddableProvider[]];

export function providerForm(provider: string): ProviderForm | undefined {
  return (PROVIDER_FORMS as readonly ProviderForm[]).find((f) => f.provider === provider);
}

/**
 * Plain words for the issue a person meets most, a field left empty, where the schema has
 * no message of its own (passed to `safeParse` by the forms; a schema's own message wins).
 */
export const formErrorMap = (iss: { code?: string; input?: unknown; origin?: string; minimum?: unknown }): string | undefined => {
  if (iss.code === "invalid_type" && iss.input === undefined) return "is required";
  if (iss.code === "too_small" && iss.origin === "string" && Number(iss.minimum) === 1) return "is required";
  return undefined;
};

export const connectionLabelSchema = z.string().trim().min(1, "Give the connection a name").max(80, "At most 80 characters");

/** What the wizard sends, for one provider: the same object the browser checks before sending. */
export function connectionFormSchema(form: ProviderForm) {
  return z.object({ provider: z.literal(form.provider), label: connectionLabelSchema, settings: form.settings, credentials: form.credentials });
}

/** Every provider's form in one schema: the server action's input. */
export const newConnectionSchema = z.discriminatedUnion(
  "provider",
  PROVIDER_FORMS.map((f) => connectionFormSchema(f)) as unknown as [ReturnType<typeof connectionFormSchema>, ...ReturnType<typeof connectionFormSchema>[]],
);
export type NewConnectionInput = z.input<typeof newConnectionSchema>;

/** New credentials for a saved connection: its provider's credentials schema, nothing else. */
export const rotateCredentialsSchema = z.object({
  connectionId: z.uuid(),
  credentials: z.record(z.string(), z.string()),
});
