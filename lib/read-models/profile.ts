import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-rules";

/** The profile forms' inputs: the same schemas check the browser and the server actions. */
export const profileNameSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
});

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1, "Repeat the new password"),
    /** Ends every other session of this person (other browsers, other devices). */
    revokeOtherSessions: z.boolean(),
  })
  .refine((p) => p.confirmPassword === p.newPassword, { path: ["confirmPassword"], message: "This does not match the new password" })
  .refine((p) => p.newPassword !== p.currentPassword, { path: ["newPassword"], message: "Choose a password other than the current one" });
export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;
