// GET|POST /api/auth/* — better-auth's own routes (sign-up/email, sign-in/email, sign-out, get-session, organization/*); its api-key/* routes answer 404 (lib/auth/server.ts, disabledPaths).
import { getRuntime } from "@/lib/runtime/app-db";

async function handle(request: Request): Promise<Response> {
  const { auth } = await getRuntime();
  return auth.handler(request);
}

export { handle as GET, handle as POST };
