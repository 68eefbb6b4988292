import { z } from "zod";
import { D, isDecimalString, toDecimalString } from "@/lib/money/decimal";
import { portfolioParamSchema } from "@/lib/portfolios/selection";

/**
 * The target form's one schema, on the client and in the action. People type percentages
 * ("40", "2.5"); the database keeps fractions (0.4, 0.025). Every message names its row and
 * field, and the path points at the input (`targets.<i>.weight`), so the form can focus it.
 */

/** How far from 100 % the weights may sum and still be saved, in percentage points. */
export const TARGET_SUM_TOLERANCE_PCT = "0.01";
export const MAX_TARGETS = 100;

const ASSET = /^[A-Z0-9][A-Z0-9._:-]{0,63}$/;

const percent = (field: string) =>
  z
    .string()
    .trim()
    .refine((v) => v !== "", { message: `${field} is required` })
    .refine((v) => v === "" || isDecimalString(v), { message: `${field} must be a number (in %)` })
    .refine((v) => !isDecimalString(v) || !new D(v).isNegative(), { message: `${field} must not be negative` })
    .refine((v) => !isDecimalString(v) || new D(v).lte(100), { message: `${field} must be at most 100 %` });

export const targetRowSchema = z.object({
  asset: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => ASSET.test(v), { message: "Asset must be a symbol such as BTC or USDT (letters, digits, . _ : -)" }),
  weight: percent("Target weight"),
  band: percent("Tolerance band"),
});

export const saveTargetsSchema = z
  .object({
    /** The selector's URL value (`all`, `connection:<uuid>`, `portfolio:<uuid>`): the key the set is saved under. */
    portfolio: portfolioParamSchema,
    targets: z.array(targetRowSchema).min(1, "Add at least one target").max(MAX_TARGETS, `At most ${MAX_TARGETS} targets`),
  })
  .superRefine((input, ctx) => {
    const seen = new Map<string, number>();
    input.targets.forEach((t, i) => {
      if (seen.has(t.asset)) ctx.addIssue({ code: "custom", path: ["targets", i, "asset"], message: `${t.asset} is listed twice (rows ${seen.get(t.asset)! + 1} and ${i + 1})` });
      seen.set(t.asset, i);
    });
    // Rows already refused above (a negative or non-number) say so themselves; the sum is checked once they are numbers.
    if (!input.targets.every((t) => isDecimalString(t.weight) && !new D(t.weight).isNegative())) return;
    const total = input.targets.reduce((s, t) => s.plus(t.weight), new D(0));
    if (total.minus(100).abs().gt(TARGET_SUM_TOLERANCE_PCT)) {
      ctx.addIssue({
        code: "custom",
        path: ["targets", input.targets.length - 1, "weight"],
        message: `Target weights sum to ${toDecimalString(total)} %; they must sum to 100 % (± ${TARGET_SUM_TOLERANCE_PCT} %)`,
      });
    }
  });

export type SaveTargetsInput = z.input<typeof saveTargetsSchema>;
export type SaveTargets = z.output<typeof saveTargetsSchema>;

/** Percent text → stored fraction ("40" → "0.4"). */
export const fractionOf = (pct: string): string => toDecimalString(new D(pct).div(100));
/** Stored fraction → percent text ("0.4" → "40"). */
export const percentOf = (fraction: string): string => toDecimalString(new D(fraction).times(100));

/** What saving answers: the key saved under, how many targets, when. */
export const savedTargetsSchema = z.object({ portfolio: z.string(), targets: z.number().int(), savedAt: z.string() });
