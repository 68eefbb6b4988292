import { z } from "zod";

/** What a 1Token connection stores: the key pair encrypted, the rest as plain settings. */
export const oneTokenCredentialsSchema = z.object({
  apiKey: z.string().trim().min(1),
  /** Base64, as 1Token issues it: it is decoded before use as the HMAC key. */
  apiSecret: z
    .string()
    .trim()
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { message: "must be the base64 secret 1Token issued" })
    .min(4),
});
export type OneTokenCredentials = z.infer<typeof oneTokenCredentialsSchema>;

export const oneTokenConfigSchema = z.object({
  /** The tenant's API root, `/api/v1` included: "https://<tenant>.1token.tech/api/v1". */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** 1Token department id; every call is then scoped to it. */
  department: z.string().trim().min(1).optional(),
  navFrequency: z.enum(["daily", "hourly"]).default("daily"),
});
export type OneTokenConfig = z.infer<typeof oneTokenConfigSchema>;
