import { AccessError } from "@/lib/access/errors";

/** better-auth's reasons in this app's words where its own would confuse (a workspace is its "organization"). */
const REASONS: Record<string, string> = {
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER:
    "You are this workspace's only owner: transfer ownership first (Settings → Ownership), or delete the workspace",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER: "A workspace needs an owner: transfer ownership first (Settings → Ownership)",
};

type Refusal = Error & { statusCode: number; body?: { code?: string } };

/**
 * better-auth's APIError with a 4xx status. Checked by shape, not `instanceof`: the server
 * bundle can hold a second copy of the class, and then `instanceof` misses its refusals.
 */
export function isRefusal(e: unknown): e is Refusal {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  return e instanceof Error && e.name === "APIError" && typeof status === "number" && status >= 400 && status < 500;
}

/**
 * What a better-auth refusal means to the person asking: "not allowed" (401/403) is 403, any
 * other refusal (a rule of the workspace, something already there) is 409, each with its
 * reason. Anything that is not a refusal is a server failure, and is thrown on as it is.
 */
export function asAccessError(e: unknown): unknown {
  if (!isRefusal(e)) return e;
  const reason = REASONS[e.body?.code ?? ""] ?? e.message.replace(/\borganization\b/g, "workspace");
  return new AccessError(e.statusCode === 401 || e.statusCode === 403 ? 403 : 409, reason);
}

/** A better-auth call whose refusals come back as AccessErrors (see asAccessError). */
export async function askBetterAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw asAccessError(e);
  }
}
