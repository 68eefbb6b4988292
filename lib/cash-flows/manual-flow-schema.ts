import { z } from "zod";
import { CASH_FLOW_KINDS, INCOME_KINDS } from "@/lib/connectors/types";
import { D, toDecimalString } from "@/lib/money/decimal";

/**
 * What a person types for a manual flow, checked by one schema in the browser, in the server
 * action and in the service itself (lib/cash-flows/manual-flows.ts). Free of server code.
 * Messages start with the field's label, so a refusal says where to look.
 */

// Plain decimal text: no exponent, no thousands separator; 30 digits before the point and 18 after fit any amount.
const DECIMAL = /^-?\d{1,30}(\.\d{1,18})?$/;

const positiveDecimal = (label: string) =>
  z
    .string({ error: `${label}: required` })
    .trim()
    .regex(DECIMAL, `${label}: a number such as 1000 or 0.25 (a point for decimals, no commas)`)
    // Only a well-formed number is compared (the pattern above has said what is wrong otherwise).
    .refine((v) => !DECIMAL.test(v) || new D(v).gt(0), `${label}: must be more than 0`)
    .transform((v) => toDecimalString(v));

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

/** The note a correction must carry: why it was made. */
export const correctionNote = z
  .string({ error: "Note: say why" })
  .trim()
  .min(1, "Note: say why")
  .max(500, "Note: at most 500 characters");

/** The fields of a manual flow (a replacement adds the flow it replaces and a note that must be given). */
export const manualFlowShape = {
  accountId: z.uuid({ error: "Account: choose one from the list" }),
  kind: z.enum(CASH_FLOW_KINDS, { error: "Kind: choose deposit, withdrawal, subscription, redemption, income or fee" }),
  /** Only for income; dropped for any other kind. */
  incomeKind: z.enum(INCOME_KINDS, { error: "Income kind: choose dividend, interest, staking reward or other" }).nullish(),
  asset: z
    .string({ error: "Asset: required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9._-]{0,19}$/, "Asset: a code such as USD, INR or BTC (letters and digits, at most 20)"),
  amount: positiveDecimal("Amount"),
  /** An ISO instant with its offset (the form sends one), or a Date (the service is called with one). */
  occurredAt: z
    .union([z.iso.datetime({ offset: true }), z.date()], { error: "When: a date and time" })
    .transform((v) => new Date(v))
    .refine((d) => d.getTime() <= Date.now(), "When: must not be in the future"),
  /** The flow's value in the workspace's base currency at its time; needed unless the asset is that currency. */
  valueBase: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(positiveDecimal("Value in base currency").nullable()),
  note: optionalText("Note", 500),
};

/** Income needs its kind; any other kind carries none (a stale choice in the form is dropped). */
export function withIncomeKind<T extends { kind: string; incomeKind?: string | null }>(v: T, ctx: z.RefinementCtx): void {
  if (v.kind === "income" && !v.incomeKind) {
    ctx.addIssue({ code: "custom", path: ["incomeKind"], message: "Income kind: choose dividend, interest, staking reward or other" });
  }
}

const dropIncomeKind = <T extends { kind: string; incomeKind?: string | null }>(v: T): T => (v.kind === "income" ? v : { ...v, incomeKind: null });

export const manualFlowSchema = z.object(manualFlowShape).superRefine(withIncomeKind).transform(dropIncomeKind);
export type ManualFlowInput = z.input<typeof manualFlowSchema>;
export type ManualFlow = z.output<typeof manualFlowSchema>;

const flowId = z.uuid({ error: "Flow: not found; reload the page" });

/** Reverse one flow: it counts no more. */
export const reverseFlowSchema = z.object({ flowId, note: correctionNote });
export type ReverseFlowInput = z.input<typeof reverseFlowSchema>;

/** Replace one flow with another (reversed and entered again, in one go); the note says why. */
export const replaceFlowSchema = z
  .object({ flowId, ...manualFlowShape, note: correctionNote })
  .superRefine(withIncomeKind)
  .transform(dropIncomeKind);
export type ReplaceFlowInput = z.input<typeof replaceFlowSchema>;
export type ReplaceFlow = z.output<typeof replaceFlowSchema>;
