"use server";

import { headers } from "next/headers";
import { returnValidationErrors } from "next-safe-action";
import { actionClient } from "@/lib/access/action-client";
import { asAccessError, askBetterAuth, isRefusal } from "@/lib/actions/better-auth-refusal";
import { passwordChangeSchema, profileNameSchema } from "@/lib/read-models/profile";
import { getRuntime } from "@/lib/runtime/app-db";

// The person's own account, through better-auth's endpoints (its session checks, its password
// hashing). Any role may change their own; a session is still needed, as for every action.

/** Changes the name shown to others in every workspace (members lists, the account menu). */
export const updateProfile = actionClient
  .metadata({ role: "viewer" })
  .inputSchema(profileNameSchema)
  .action(async ({ parsedInput }) => {
    const { auth } = await getRuntime();
    const requestHeaders = await headers();
    await askBetterAuth(() => auth.api.updateUser({ headers: requestHeaders, body: { name: parsedInput.name } }));
    return { name: parsedInput.name };
  });

/**
 * Changes the password after checking the current one; a wrong current password is an error
 * on that field and changes nothing. With `revokeOtherSessions`, every other session of this
 * person ends (this browser gets a fresh one).
 */
export const changePassword = actionClient
  .metadata({ role: "viewer" })
  .inputSchema(passwordChangeSchema)
  .action(async ({ parsedInput }) => {
    const { auth } = await getRuntime();
    try {
      await auth.api.changePassword({
        headers: await headers(),
        body: { currentPassword: parsedInput.currentPassword, newPassword: parsedInput.newPassword, revokeOtherSessions: parsedInput.revokeOtherSessions },
      });
    } catch (e) {
      if (isRefusal(e) && e.body?.code === "INVALID_PASSWORD") {
        returnValidationErrors(passwordChangeSchema, { currentPassword: { _errors: ["This is not your current password"] } });
      }
      throw asAccessError(e);
    }
    return { changed: true, otherSessionsEnded: parsedInput.revokeOtherSessions };
  });
