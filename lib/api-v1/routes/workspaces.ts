import { z } from "zod";
import { WORKSPACE_ROLES } from "@/db/schema";
import { listEnvelope } from "../envelope";
import { defineRoute } from "../route-def";

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  /** The role this request acts with: a person's in the workspace, or the key's own (capped at its creator's). */
  role: z.enum(WORKSPACE_ROLES),
  baseCurrency: z.string(),
  timeZone: z.string(),
});

export const listWorkspaces = defineRoute({
  method: "GET",
  path: "/api/v1/workspaces",
  operationId: "listWorkspaces",
  tag: "Workspaces",
  summary: "The workspace this request acts in",
  description:
    "One item: an API key's own workspace, or the signed-in person's active workspace. Every other v1 resource is read in this workspace; another workspace's data is never listed.",
  role: "viewer",
  response: { name: "WorkspaceList", schema: listEnvelope(workspaceSchema) },
  handle: async ({ scope }) => {
    const { id, name, slug, role, baseCurrency, timeZone } = scope.workspace;
    return { data: [{ id, name, slug, role, baseCurrency, timeZone }], nextCursor: null };
  },
});
