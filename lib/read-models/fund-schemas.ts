import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";
import { portfolioScopeSchema } from "./portfolio-scope-schema";

/**
 * GET /api/funds and GET /api/funds/:id: the workspace's 1Token funds and what their stored
 * valuations say. Money and NAV are decimal strings exactly as stored; returns are decimal
 * fractions ("0.0123" = 1.23 %) over one valuation interval. Definitions: docs/metrics.md,
 * "1Token funds".
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });

export const fundPointSchema = z.object({
  at: iso,
  /** 1Token publishes no id: the connector names a point `fund/…@<snapshot_time ns>`. */
  snapshotId: z.string(),
  /** The fund's valuation currency as 1Token reported it on this point; null when it did not. */
  currency: z.string().nullable(),
  netAssets: decimal,
  navPerUnit: decimal.nullable(),
  /** Since the previous point; null on the first point, or when a figure was missing. */
  grossReturn: decimal.nullable(),
  netReturn: decimal.nullable(),
});
export type FundPoint = z.infer<typeof fundPointSchema>;

export const fundSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  alias: z.string().nullable(),
  /** 1Token's fund name, "fund/…". */
  externalId: z.string().nullable(),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  baseCurrency: z.string(),
  inceptionAt: iso.nullable(),
  /** The connection that last reported the fund; null if it was deleted. */
  connectionId: z.uuid().nullable(),
  /** The latest stored valuation; null before the first. */
  latest: fundPointSchema.nullable(),
});
export type FundSummary = z.infer<typeof fundSummarySchema>;

/** Each figure's source and method, in words, to show beside it. */
export const fundMethodsSchema = z.object({
  navPerUnit: z.string(),
  netAssets: z.string(),
  grossReturn: z.string(),
  netReturn: z.string(),
  balanceUsd: z.string(),
});
export type FundMethods = z.infer<typeof fundMethodsSchema>;

export const fundListSchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  /** The department the list is filtered to; null for every department. */
  department: z.uuid().nullable(),
  /** Departments that have funds: the filter's choices. */
  departments: z.array(z.object({ id: z.uuid(), name: z.string() })),
  funds: z.array(fundSummarySchema),
  methods: fundMethodsSchema,
});
export type FundList = z.infer<typeof fundListSchema>;

export const fundAccountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  alias: z.string().nullable(),
  accountUid: z.string(),
  venue: z.string(),
  kind: z.string(),
  /** 1Token's USD valuation of the account at the last sync; null when it published none. */
  balanceUsd: decimal.nullable(),
});
export type FundAccount = z.infer<typeof fundAccountSchema>;

export const fundDetailSchema = z.object({
  fund: fundSummarySchema,
  /** How many valuations are stored for the fund. */
  points: z.number().int().nonnegative(),
  timeZone: z.string(),
  /** NAV per unit and net assets, the last point of each local day, oldest first. */
  chart: z.object({
    points: z.array(z.object({ at: iso, navPerUnit: decimal.nullable(), netAssets: decimal })),
    maxDays: z.number().int().positive(),
    /** Older days exist than the chart shows. */
    truncated: z.boolean(),
  }),
  /** The newest valuations, newest first. */
  recent: z.array(fundPointSchema),
  accounts: z.array(fundAccountSchema),
  methods: fundMethodsSchema,
});
export type FundDetail = z.infer<typeof fundDetailSchema>;

/** The list's filter, as the URL carries it. */
export const fundFiltersSchema = z.object({ department: z.uuid().optional() });
export type FundFilters = z.infer<typeof fundFiltersSchema>;
