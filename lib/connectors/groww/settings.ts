import { z } from "zod";

/**
 * Three ways to authenticate, as Groww offers them: a daily access token pasted by the
 * user, an API key + secret (approval flow) or an API key + TOTP secret, from which the
 * connector mints the day's token itself.
 */
export const growwCredentialsSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("access_token"), accessToken: z.string().trim().min(1) }),
  z.object({ mode: z.literal("approval"), apiKey: z.string().trim().min(1), apiSecret: z.string().trim().min(1) }),
  z.object({
    mode: z.literal("totp"),
    apiKey: z.string().trim().min(1),
    /** The base32 TOTP secret shown when the key was created. */
    totpSecret: z
      .string()
      .trim()
      .transform((s) => s.replace(/\s+/g, "").toUpperCase())
      .pipe(z.string().regex(/^[A-Z2-7]+=*$/, { message: "must be a base32 TOTP secret" })),
  }),
]);
export type GrowwCredentials = z.infer<typeof growwCredentialsSchema>;

export const growwConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default("https://api.groww.in"),
  segments: z.array(z.enum(["CASH", "FNO"])).min(1).default(["CASH", "FNO"]),
});
export type GrowwConfig = z.infer<typeof growwConfigSchema>;
