// GET /api/v1/workspaces — the workspace this request acts in (lib/api-v1/routes/workspaces.ts).
import { v1Handler } from "@/lib/api-v1/handler";
import { listWorkspaces } from "@/lib/api-v1/routes/workspaces";

export const GET = v1Handler(listWorkspaces);
