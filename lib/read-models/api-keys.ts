import { z } from "zod";
import { API_KEY_ROLES } from "@/db/queries/api-key-grant";
import type { ApiKeyRow } from "@/db/queries/api-keys";

/** The key form's input: the same schema checks the browser and the server action. */
export const createApiKeyInputSchema = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as the script that will use it").max(64, "A key's name has at most 64 characters"),
  role: z.enum(API_KEY_ROLES, "Choose the role the key acts with"),
  /** Absent: the key does not expire. */
  expiresInDays: z.int("Choose when the key expires").min(1).max(365).optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;

/** The expiry choices the form offers (days; null: never). */
export const EXPIRY_CHOICES = [
  { days: 30, label: "In 30 days" },
  { days: 90, label: "In 90 days" },
  { days: 365, label: "In a year" },
  { days: null, label: "Never" },
] as const;

/** A listed key as the page's components get it: dates as ISO strings, never the key. */
export interface ApiKeyView {
  id: string;
  name: string;
  start: string | null;
  role: string | null;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
}

export function toApiKeyView(row: ApiKeyRow, now: Date): ApiKeyView {
  return {
    id: row.id,
    name: row.name ?? "(unnamed)",
    start: row.start,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy?.name ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt <= now,
  };
}
