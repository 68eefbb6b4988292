import { z } from "zod";

/** A demo connection's settings: any seed; the same seed always produces the same fictional venue. */
export const demoConfigSchema = z.object({ seed: z.string().trim().min(1).max(80).default("demo") });
