import { z } from "zod";

/** The invitation form's input: the same schema checks the browser and the server action. */
export const INVITABLE_ROLES = ["admin", "member", "viewer"] as const;
export const inviteInputSchema = z.object({
  email: z.email("Enter an email address").transform((e) => e.toLowerCase()),
  role: z.enum(INVITABLE_ROLES),
});
export type InviteInput = z.input<typeof inviteInputSchema>;

/** Where an invited person goes: sign-up carries the invitation, which is accepted right after. */
export function invitationPath(invitationId: string): string {
  return `/sign-up?invitation=${encodeURIComponent(invitationId)}`;
}
