import { z } from "zod";

/** The Ownership tab's inputs: the same schemas check the browser and the server actions. */
export const transferInputSchema = z.object({ memberId: z.uuid("Choose the member who becomes owner") });

/** Deleting needs the workspace's name typed, so a slip of the mouse cannot do it. */
export const deleteWorkspaceInputSchema = z.object({
  workspaceId: z.uuid(),
  confirmName: z.string().trim().min(1, "Type the workspace's name to confirm"),
});

export const nameMismatch = (name: string) => `Type the name exactly as shown: ${name}`;

/** The browser's check, which knows the name to match; the action checks against the workspace itself. */
export const deleteConfirmationFor = (name: string) =>
  deleteWorkspaceInputSchema.refine((p) => p.confirmName === name, { path: ["confirmName"], message: nameMismatch(name) });
