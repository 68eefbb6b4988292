import { z } from "zod";

/**
 * The roles anyone can be given by an admin (invited as, or changed to); "owner" only ever
 * comes from a transfer of ownership. The invitation form's input: the same schema checks the
 * browser and the server action.
 */
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

/** A member of the active workspace, named by their membership id. */
export const memberInputSchema = z.object({ memberId: z.uuid() });

/**
 * A role change. "owner" is accepted here so that asking for it is refused with the reason
 * (only a transfer of ownership makes an owner), not as malformed input.
 */
export const memberRoleInputSchema = z.object({ memberId: z.uuid(), role: z.enum(["owner", ...INVITABLE_ROLES]) });
