import { z } from "zod";
import { isDecimalString, toDecimalString } from "@/lib/money/decimal";

/**
 * zod building blocks for venue responses read through `parseLosslessJson`, where a JSON
 * number arrives as its source text. Venues disagree on quoting (`12.5` vs `"12.5"`), so a
 * decimal field accepts both, and comes out as a canonical exact decimal string.
 */

/** An exact decimal, quoted or not, normalised ("1.50" → "1.5", "1e-8" → "0.00000001"). */
export const decimalText = z
  .string()
  .trim()
  .refine(isDecimalString, { message: "not a decimal number" })
  .transform((s) => toDecimalString(s));

/** A decimal that a venue may leave empty ("" or null) when it does not apply. */
export const optionalDecimalText = z
  .union([z.literal(""), z.null(), decimalText])
  .optional()
  .transform((v) => (v === "" || v === null ? undefined : v));

/** A whole number of any size, as BigInt (nanosecond timestamps). */
export const bigIntText = z
  .string()
  .trim()
  .regex(/^-?\d+$/, { message: "not an integer" })
  .transform((s) => BigInt(s));

/** A small whole number (page sizes, counts, error codes sent as numbers or strings). */
export const intText = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}$/, { message: "not an integer" })
  .transform((s) => Number.parseInt(s, 10));

/** A boolean that some venues send as "true"/"false" text. */
export const booleanish = z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")]);
