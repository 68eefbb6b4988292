import { z } from "zod";
import { BASE_CURRENCIES } from "@/lib/prices/base-currencies";

/**
 * The workspace settings form's input. One schema checks the browser and the server action,
 * built from one list of zones: the server's (lib/time/time-zones.ts), which the page hands
 * to the form, because a browser's Intl may know a slightly different set. The currency is
 * one the price book can reach (lib/prices/base-currencies.ts).
 */
export function workspaceSettingsSchema(timeZones: readonly string[]) {
  const known = new Set(timeZones);
  return z.object({
    baseCurrency: z.enum(BASE_CURRENCIES, { error: "Base currency: choose one from the list" }),
    timeZone: z
      .string()
      .trim()
      .refine((zone) => known.has(zone), { error: "Time zone: choose an IANA zone from the list, such as Europe/London or UTC" }),
  });
}
export type WorkspaceSettingsInput = z.input<ReturnType<typeof workspaceSettingsSchema>>;

/** What saving did, for the toast. */
export const workspaceSettingsResultSchema = z.object({
  baseCurrency: z.string(),
  timeZone: z.string(),
  currencyChanged: z.boolean(),
  timeZoneChanged: z.boolean(),
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
