import { headers } from "next/headers";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { WORKSPACE_ROLES } from "@/db/schema";
import { NotFoundError } from "@/db/queries/not-found";
import { AccessError } from "./errors";
import { requireScope } from "./scope";

/** What a refused or failed action tells the browser: a status like a route's, and a message. */
export interface ActionFailure {
  status: 401 | 403 | 404 | 409 | 429 | 500;
  message: string;
}

/**
 * The one way to write a server action: its input is checked with zod, the viewer's
 * session and role (the action's `role` metadata) are checked, and the body gets the
 * workspace scope. Nothing else may export a server action (lint/entry-points.test.ts).
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ role: z.enum(WORKSPACE_ROLES) }),
  handleServerError: (e): ActionFailure => {
    if (e instanceof AccessError) return { status: e.status, message: e.message };
    if (e instanceof NotFoundError) return { status: 404, message: e.message };
    console.error(`[action] ${e.message}`);
    return { status: 500, message: "The action failed on the server" };
  },
}).use(async ({ next, metadata }) => next({ ctx: await requireScope(await headers(), metadata.role) }));
