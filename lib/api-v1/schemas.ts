import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";
import { day } from "@/lib/read-models/trade-filters";

/** The scalar shapes every v1 resource shares: money and quantities as exact decimal strings, times as ISO 8601 with an offset. */
export const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" }).meta({ format: "decimal", examples: ["1234.5678"] });
export const iso = z.iso.datetime({ offset: true });
/** A query parameter that names one of the workspace's resources by id. */
export const idParam = (what: string) => z.uuid().describe(`Only the rows of this ${what} (its id).`);
/** A local calendar day (YYYY-MM-DD) in the workspace's time zone, as the /orders filters take it; both ends of a range included. */
export const dayParam = (what: string) => day.describe(what);
