import { z } from "zod";
import { D } from "@/lib/money/decimal";
import { BASE_CURRENCIES } from "@/lib/prices/base-currencies";

/** The risk-free rate an admin may set, in percent a year: wide enough for any real bill rate, narrow enough to catch a slip (45 for 4.5). */
export const RISK_FREE_PERCENT_MIN = -5;
export const RISK_FREE_PERCENT_MAX = 25;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const RISK_FREE_ERROR = `Risk-free rate: a percentage a year from ${RISK_FREE_PERCENT_MIN} to ${RISK_FREE_PERCENT_MAX}, such as 4.5`;

/** "4.5" (percent) → "0.045" (the stored fraction), exactly: decimal arithmetic, no float. */
export function percentToFraction(percent: string): string {
  return new D(percent.trim()).div(100).toFixed();
}

/** "0.045" (stored) → "4.5" (what the form shows). */
export function fractionToPercent(fraction: string): string {
  return new D(fraction).times(100).toFixed();
}

/**
 * The workspace settings form's input. One schema checks the browser and the server action,
 * built from one list of zones: the server's (lib/time/time-zones.ts), which the page hands
 * to the form, because a browser's Intl may know a slightly different set. The currency is
 * one the price book can reach (lib/prices/base-currencies.ts).
 */
export function workspaceSettingsSchema(timeZones: readonly string[]) {
  const known = new Set(timeZones);
  return z
    .object({
      baseCurrency: z.enum(BASE_CURRENCIES, { error: "Base currency: choose one from the list" }),
      timeZone: z
        .string()
        .trim()
        .refine((zone) => known.has(zone), { error: "Time zone: choose an IANA zone from the list, such as Europe/London or UTC" }),
      /** Percent a year as typed ("4.5"); absent: left as it is. Stored as the exact fraction ("0.045"). */
      riskFreeRatePercent: z
        .string({ error: RISK_FREE_ERROR })
        .trim()
        .refine((v) => PERCENT.test(v) && new D(v).gte(RISK_FREE_PERCENT_MIN) && new D(v).lte(RISK_FREE_PERCENT_MAX), { error: RISK_FREE_ERROR })
        .optional(),
    })
    .transform(({ riskFreeRatePercent, ...rest }) => ({
      ...rest,
      ...(riskFreeRatePercent === undefined ? {} : { riskFreeRate: percentToFraction(riskFreeRatePercent) }),
    }));
}
export type WorkspaceSettingsInput = z.input<ReturnType<typeof workspaceSettingsSchema>>;

/** What saving did, for the toast. */
export const workspaceSettingsResultSchema = z.object({
  baseCurrency: z.string(),
  timeZone: z.string(),
  /** The annual risk-free rate as stored, a fraction ("0.045"). */
  riskFreeRate: z.string(),
  currencyChanged: z.boolean(),
  timeZoneChanged: z.boolean(),
  riskFreeRateChanged: z.boolean(),
  /** Roll-up rows written again from the snapshots. */
  rollupsRebuilt: z.number().int(),
  /** After a change of currency: what became of the resync that brings current numbers in it. */
  resync: z.string().nullable(),
});
export type WorkspaceSettingsResult = z.infer<typeof workspaceSettingsResultSchema>;

/** The history a currency change hides: snapshots in currencies other than the one kept. */
export interface CurrencyHistory {
  currency: string;
  /** ISO instants of the first and last snapshot in that currency. */
  from: string;
  to: string;
}
