import { z } from "zod";

/**
 * How long a password may be: better-auth enforces these (lib/auth/server.ts), and the forms
 * check the same rule first (`newPasswordSchema`), so a refused password is explained before
 * it is sent.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters`);
